import type { Migration } from 'kysely';
import { chartersMigrations } from './charters/index.ts';
import { competenciesMigrations } from './competencies/index.ts';
import { conversationsMigrations } from './conversations/index.ts';
import { decisionsMigrations } from './decisions/index.ts';
import { engagementsMigrations } from './engagements/index.ts';
import { evaluationMigrations } from './evaluation/index.ts';
import { identityMigrations } from './identity/index.ts';
import { instanceMigrations } from './instance/index.ts';
import { methodsMigrations } from './methods/index.ts';
import { networksMigrations } from './networks/index.ts';
import { notificationsMigrations } from './notifications/index.ts';
import { plansMigrations } from './plans/index.ts';
import { pollinationMigrations } from './pollination/index.ts';
import { reportsMigrations } from './reports/index.ts';
import { ssoMigrations } from './sso/index.ts';
import { surveysMigrations } from './surveys/index.ts';
import { webhooksMigrations } from './webhooks/index.ts';
import { workshopsMigrations } from './workshops/index.ts';

/**
 * Every migration, keyed by its timestamped name. Listed statically (not read from disk) so the
 * bundled server carries them. Each feature keeps its own list in `<feature>/index.ts` (so features
 * never edit the same file); the migrator orders all of them by name, whatever the folder. A name is
 * stored in every database it ran on: never rename one.
 */
export const migrations: Record<string, Migration> = {
  ...instanceMigrations,
  ...identityMigrations,
  ...engagementsMigrations,
  ...methodsMigrations,
  ...surveysMigrations,
  ...networksMigrations,
  ...workshopsMigrations,
  ...conversationsMigrations,
  ...competenciesMigrations,
  ...decisionsMigrations,
  ...ssoMigrations,
  ...chartersMigrations,
  ...plansMigrations,
  ...webhooksMigrations,
  ...reportsMigrations,
  ...pollinationMigrations,
  ...evaluationMigrations,
  ...notificationsMigrations,
};
