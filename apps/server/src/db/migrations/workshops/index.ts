import type { Migration } from 'kysely';
import * as m20261127T1800 from './20261127T1800-create-workshops.ts';

/**
 * Migrations of the workshops feature, named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name.
 */
export const workshopsMigrations: Record<string, Migration> = {
  '20261127T1800-create-workshops': m20261127T1800,
};
