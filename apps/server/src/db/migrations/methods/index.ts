import type { Migration } from 'kysely';

/**
 * Migrations of the methods feature, named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name. Add this feature's migration files in this folder and list them here.
 */
export const methodsMigrations: Record<string, Migration> = {};
