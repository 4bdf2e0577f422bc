import type { Migration } from 'kysely';
import * as m20261207T1903 from './20261207T1903-create-reports.ts';

/** Migrations of the reports feature (PDF report jobs). */
export const reportsMigrations: Record<string, Migration> = {
  '20261207T1903-create-reports': m20261207T1903,
};
