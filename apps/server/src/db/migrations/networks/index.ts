import type { Migration } from 'kysely';
import * as m20261127T1900 from './20261127T1900-create-networks.ts';

/**
 * Migrations of the networks feature, named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name. Add this feature's migration files in this folder and list them here.
 */
export const networksMigrations: Record<string, Migration> = {
  '20261127T1900-create-networks': m20261127T1900,
};
