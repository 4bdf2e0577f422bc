import type { Migration } from 'kysely';
import * as m20261127T1700 from './20261127T1700-create-engagements.ts';

/**
 * Migrations of engagements (people, collectives, consents, options boards, timeline, trace links), named `<UTC timestamp>-<verb-object>` like the others; the migrator
 * orders all migrations by name.
 */
export const engagementsMigrations: Record<string, Migration> = {
  '20261127T1700-create-engagements': m20261127T1700,
};
