import { Kysely, sql } from 'kysely';
import pg from 'pg';
import type { ServerConfig } from '../config.ts';
import { CurrentSchemaPostgresDialect } from './pg-introspector.ts';
import { BusyRetryingSqliteDialect, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-busy.ts';
import { openSqlite } from './sqlite-driver.ts';
import type { Database } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// pg returns int8 and numeric as strings and timestamps as Date; normalise so both dialects
// hand repositories the same JS types (numbers and ISO strings). jsonb stays a string, as in SQLite,
// so repositories parse JSON the same way whatever the dialect.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(3802, (v) => v);
pg.types.setTypeParser(114, (v) => v);

export interface ConnectOptions {
  /** PostgreSQL only: search_path schema (created if missing); used to isolate test runs. */
  pgSchema?: string;
  pgPoolSize?: number;
}

/** Open the configured database with the pragmas / pool settings Essaim relies on. */
export async function connectDatabase(
  database: ServerConfig['database'],
  options: ConnectOptions = {},
): Promise<DbHandle> {
  if (database.dialect === 'sqlite') {
    // better-sqlite3 or node:sqlite, whichever this Node runs best (see sqlite-driver.ts).
    const native = openSqlite(database.file);
    // WAL lets readers run while a write transaction is open; NORMAL sync is durable across
    // process crashes in WAL mode (only an OS crash can lose the last commits).
    native.exec('pragma journal_mode = WAL');
    native.exec('pragma synchronous = NORMAL');
    native.exec('pragma foreign_keys = ON');
    // Short: a longer wait blocks the event loop; busy statements are retried asynchronously instead.
    native.exec(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const db = new Kysely<Database>({ dialect: new BusyRetryingSqliteDialect({ database: native }) });
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        await db.destroy();
      },
    };
  }
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name ${schema}`);
  }
  const pool = new pg.Pool({
    connectionString: database.url,
    max: options.pgPoolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  if (schema) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  }
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      await db.destroy();
    },
  };
}
