import type { Migration } from 'kysely';
import * as m20261207T1600 from './20261207T1600-create-competencies.ts';

/** Migrations of the competencies feature (consultant self-assessment); the migrator orders all by name. */
export const competenciesMigrations: Record<string, Migration> = {
  '20261207T1600-create-competencies': m20261207T1600,
};
