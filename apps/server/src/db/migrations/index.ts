import type { Migration } from 'kysely';
import * as m20261127T1600 from './20261127T1600-create-instance-meta.ts';
import * as m20261127T1630 from './20261127T1630-create-identity.ts';
import * as m20261127T1700 from './20261127T1700-create-engagements.ts';
import { conversationsMigrations } from './conversations/index.ts';
import { methodsMigrations } from './methods/index.ts';
import { networksMigrations } from './networks/index.ts';
import { ssoMigrations } from './sso/index.ts';
import { surveysMigrations } from './surveys/index.ts';
import { workshopsMigrations } from './workshops/index.ts';

/**
 * Every migration, keyed by its timestamped name. Listed statically (not read from disk) so the
 * bundled server carries them. Add new files here in order.
 */
export const migrations: Record<string, Migration> = {
  '20261127T1600-create-instance-meta': m20261127T1600,
  '20261127T1630-create-identity': m20261127T1630,
  '20261127T1700-create-engagements': m20261127T1700,
  // Feature folders, each with its own list (kept apart so features never edit the same file).
  ...methodsMigrations,
  ...surveysMigrations,
  ...networksMigrations,
  ...workshopsMigrations,
  ...conversationsMigrations,
  ...ssoMigrations,
};
