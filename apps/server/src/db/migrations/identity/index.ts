import type { Migration } from 'kysely';
import * as m20261127T1630 from './20261127T1630-create-identity.ts';

/**
 * Migrations of identity and organisations, named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name.
 */
export const identityMigrations: Record<string, Migration> = {
  '20261127T1630-create-identity': m20261127T1630,
};
