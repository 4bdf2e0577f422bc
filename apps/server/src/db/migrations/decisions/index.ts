import type { Migration } from 'kysely';
import * as m20261207T1600 from './20261207T1600-create-decisions.ts';

/** Migrations of the decisions feature (register, proposals, notifications, governance maps). */
export const decisionsMigrations: Record<string, Migration> = {
  '20261207T1600-create-decisions': m20261207T1600,
};
