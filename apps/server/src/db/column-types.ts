import type { ColumnDataType } from 'kysely';
import type { Dialect } from './connect.ts';

/**
 * Column types that differ between SQLite and PostgreSQL, so one migration set serves both.
 * Booleans are integers 0/1 everywhere (better-sqlite3 cannot bind JS booleans).
 */
export function columnTypes(dialect: Dialect) {
  const pg = dialect === 'postgres';
  return {
    id: 'text' as ColumnDataType,
    text: 'text' as ColumnDataType,
    int: 'integer' as ColumnDataType,
    bigint: (pg ? 'bigint' : 'integer') as ColumnDataType,
    real: (pg ? 'double precision' : 'real') as ColumnDataType,
    bool: 'integer' as ColumnDataType,
    json: (pg ? 'jsonb' : 'text') as ColumnDataType,
    timestamp: (pg ? 'timestamptz' : 'text') as ColumnDataType,
    bytes: (pg ? 'bytea' : 'blob') as ColumnDataType,
  };
}

export function dialectOf(db: { getExecutor(): { adapter: unknown } }): Dialect {
  const name = (db.getExecutor().adapter as { constructor: { name: string } }).constructor.name;
  return name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}
