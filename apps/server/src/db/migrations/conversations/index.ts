import type { Migration } from 'kysely';
import * as m20261127T1900 from './20261127T1900-create-conversations.ts';

/**
 * Migrations of the conversations feature, named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name. Add this feature's migration files in this folder and list them here.
 */
export const conversationsMigrations: Record<string, Migration> = {
  '20261127T1900-create-conversations': m20261127T1900,
};
