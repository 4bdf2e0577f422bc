import type { Migration } from 'kysely';
import * as m20261207T1903 from './20261207T1903-create-workshop-feedback.ts';

/** Migrations of the evaluation feature (participants' workshop feedback). */
export const evaluationMigrations: Record<string, Migration> = {
  '20261207T1903-create-workshop-feedback': m20261207T1903,
};
