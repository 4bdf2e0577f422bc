/**
 * The database schema as Kysely sees it. Timestamps are ISO strings, booleans 0/1,
 * JSON columns strings (see connect.ts for why both dialects agree on this).
 */
export interface InstanceMetaTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  instance_meta: InstanceMetaTable;
}
