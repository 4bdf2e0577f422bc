import type { Migration } from 'kysely';
import * as m20261207T1901 from './20261207T1901-create-charters.ts';

/** Migrations of the charters feature (charters, Yjs update log, versions, comments, amendments, commitments). */
export const chartersMigrations: Record<string, Migration> = {
  '20261207T1901-create-charters': m20261207T1901,
};
