import type { Migration } from 'kysely';
import * as m20261127T1800 from './20261127T1800-create-surveys.ts';
import * as m20261207T1600 from './20261207T1600-freeze-survey-releases.ts';

/**
 * Migrations of the surveys feature, named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name. Add this feature's migration files in this folder and list them here.
 */
export const surveysMigrations: Record<string, Migration> = {
  '20261127T1800-create-surveys': m20261127T1800,
  '20261207T1600-freeze-survey-releases': m20261207T1600,
};
