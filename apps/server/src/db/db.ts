import type { Kysely } from 'kysely';
import type { Database } from './tables.ts';

/** A Kysely handle or transaction over Essaim's schema: what every repository method takes first. */
export type Db = Kysely<Database>;
