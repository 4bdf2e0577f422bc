import { createHash } from 'node:crypto';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Dialect } from '../db/connect.ts';

/** Kysely's bookkeeping: recreated by the migrator, with its own timestamps, so never part of the data. */
export const MIGRATION_TABLES = new Set(['essaim_migration', 'essaim_migration_lock']);

/** The application's tables in the database (current schema for PostgreSQL), sorted by name. */
export async function listTables(db: QueryExecutorProvider, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows
    .map((r) => r.name)
    .filter((n) => !MIGRATION_TABLES.has(n))
    .sort();
}

/** A value as text, the same whatever driver produced it (Buffers as base64). */
export function canonicalValue(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return { $bytes: Buffer.from(value).toString('base64') };
  }
  return value;
}

function canonicalRow(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, canonicalValue(row[k])]),
  );
}

/**
 * SHA-256 over every row of every application table, order-independent (rows sorted by their canonical
 * text): two databases with the same digest hold the same data. Used to check a restore.
 */
export async function dataDigest(
  db: QueryExecutorProvider,
  dialect: Dialect,
): Promise<{ digest: string; tables: Record<string, number> }> {
  const hash = createHash('sha256');
  const tables: Record<string, number> = {};
  for (const table of await listTables(db, dialect)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const lines = rows.rows.map(canonicalRow).sort();
    tables[table] = lines.length;
    hash.update(`${table}\n`);
    for (const line of lines) {
      hash.update(line);
      hash.update('\n');
    }
  }
  return { digest: hash.digest('hex'), tables };
}

/** Digest of an SQLite file opened read-only (a backup is never modified by checking it). */
export async function sqliteFileDigest(
  file: string,
): Promise<{ digest: string; tables: Record<string, number> }> {
  const { openSqlite } = await import('../db/sqlite-driver.ts');
  const { Kysely, SqliteDialect } = await import('kysely');
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: openSqlite(file, { readonly: true, fileMustExist: true }) }),
  });
  try {
    return await dataDigest(db, 'sqlite');
  } finally {
    await db.destroy();
  }
}

/** Digest of an opened Essaim database. */
export function handleDigest(handle: { db: QueryExecutorProvider; dialect: Dialect }) {
  return dataDigest(handle.db, handle.dialect);
}
