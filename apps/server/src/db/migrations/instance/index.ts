import type { Migration } from 'kysely';
import * as m20261127T1600 from './20261127T1600-create-instance-meta.ts';

/**
 * Migrations of the instance (its own facts, e.g. its id), named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name.
 */
export const instanceMigrations: Record<string, Migration> = {
  '20261127T1600-create-instance-meta': m20261127T1600,
};
