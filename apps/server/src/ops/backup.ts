import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { DbHandle } from '../db/connect.ts';
import { migrateTo, migrateToLatest, migrationStatus } from '../db/migrator.ts';
import { openSqlite } from '../db/sqlite-driver.ts';
import { canonicalValue, listTables } from './data-digest.ts';

/**
 * Backups. SQLite: the online backup API (pages copied while the server keeps writing; WAL readers are
 * not blocked) into a plain SQLite file. PostgreSQL: a logical dump, table by table through Kysely, as
 * gzipped JSON lines (a header, then per table its name and rows), restored into an empty database
 * after the migrations have created the schema. No pg_dump needed, and no superuser.
 */

export const DUMP_FORMAT = 'essaim-logical-backup';
const DUMP_VERSION = 1;
const BATCH_ROWS = 500;

export class BackupError extends Error {}

export type BackupKind = 'sqlite-file' | 'logical-dump';

/** Which kind of backup a file holds, from its first bytes. */
export function backupKindOf(file: string): BackupKind {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1', 0, 15) === 'SQLite format 3') {
    return 'sqlite-file';
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return 'logical-dump';
  }
  throw new BackupError(`${file} is not an Essaim backup (neither an SQLite file nor a gzipped dump)`);
}

/** Online backup of a SQLite database file, safe while a server is using it. */
export async function backupSqlite(databaseFile: string, target: string): Promise<void> {
  const source = openSqlite(databaseFile, { readonly: true, fileMustExist: true });
  const tmp = `${target}.partial`;
  try {
    await source.backup(tmp);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    source.close();
  }
}

/** Restore a SQLite backup file into `databaseFile`, which must be absent or hold no table. */
export async function restoreSqlite(backupFile: string, databaseFile: string): Promise<void> {
  const backup = openSqlite(backupFile, { readonly: true, fileMustExist: true });
  try {
    const check = (
      backup.prepare('pragma integrity_check').get() as { integrity_check?: unknown } | undefined
    )?.integrity_check;
    if (check !== 'ok') {
      throw new BackupError(`the backup file is damaged: ${String(check)}`);
    }
    const hasMigrations = backup
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'essaim_migration'")
      .get();
    if (!hasMigrations) {
      throw new BackupError('the backup file is an SQLite database but not an Essaim one');
    }
    if (existsSync(databaseFile) && statSync(databaseFile).size > 0) {
      const target = openSqlite(databaseFile, { readonly: true });
      const tables = target.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as {
        n: number;
      };
      target.close();
      if (tables.n > 0) {
        throw new BackupError(`${databaseFile} already holds data: restore into an empty database`);
      }
    }
    for (const suffix of ['-wal', '-shm']) {
      rmSync(databaseFile + suffix, { force: true });
    }
    await backup.backup(databaseFile);
  } finally {
    backup.close();
  }
}

/** A PostgreSQL foreign key between application tables (one column; Essaim has no composite ones). */
interface ForeignKey {
  table: string;
  column: string;
  refTable: string;
}

async function foreignKeys(db: QueryExecutorProvider): Promise<ForeignKey[]> {
  const r = await sql<{ table: string; column: string; refTable: string }>`
    select kcu.table_name as "table", kcu.column_name as "column", ccu.table_name as "refTable"
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return r.rows;
}

/** Tables ordered so that every referenced table comes before the tables referring to it (Kahn). */
export function insertionOrder(tables: string[], fks: ForeignKey[]): string[] {
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) {
    if (fk.table !== fk.refTable && deps.has(fk.table) && deps.has(fk.refTable)) {
      deps.get(fk.table)!.add(fk.refTable);
    }
  }
  const ordered: string[] = [];
  while (deps.size > 0) {
    const ready = [...deps]
      .filter(([, d]) => [...d].every((x) => !deps.has(x)))
      .map(([t]) => t)
      .sort();
    if (ready.length === 0) {
      throw new BackupError(`foreign keys form a cycle among ${[...deps.keys()].join(', ')}`);
    }
    for (const t of ready) {
      ordered.push(t);
      deps.delete(t);
    }
  }
  return ordered;
}

/** Rows of a table with a foreign key to itself, parents first. */
function parentsFirst(
  rows: Record<string, unknown>[],
  column: string,
  key = 'id',
): Record<string, unknown>[] {
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next = pending.filter((r) => r[column] !== null && !placed.has(r[column]));
    const now = pending.filter((r) => r[column] === null || placed.has(r[column]));
    if (now.length === 0) {
      throw new BackupError(`rows refer to missing parents through ${column}`);
    }
    for (const r of now) {
      out.push(r);
      placed.add(r[key]);
    }
    pending = next;
  }
  return out;
}

function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = canonicalValue(v);
  }
  return out;
}

function decodeRow(row: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === 'object' && '$bytes' in v) {
      row[k] = Buffer.from(String((v as { $bytes: string }).$bytes), 'base64');
    }
  }
  return row;
}

/** Logical dump of a PostgreSQL database (one repeatable-read transaction: a consistent snapshot). */
export async function dumpPostgres(
  handle: DbHandle,
  target: string,
): Promise<{ tables: Record<string, number> }> {
  const db = handle.db;
  const migrations = (await migrationStatus(handle.db)).filter((m) => m.appliedAt).map((m) => m.name);
  const counts: Record<string, number> = {};
  const tmp = `${target}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(tmp));
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) {
      await once(gzip, 'drain');
    }
  };
  try {
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tables = await listTables(trx, 'postgres');
        await write({
          format: DUMP_FORMAT,
          version: DUMP_VERSION,
          dialect: 'postgres',
          migrations,
          tables,
          createdAt: new Date().toISOString(),
        });
        for (const table of tables) {
          await write({ table });
          const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(trx);
          for (const row of rows.rows) {
            await write({ row: encodeRow(row) });
          }
          counts[table] = rows.rows.length;
        }
      });
    gzip.end();
    await done;
    renameSync(tmp, target);
  } catch (err) {
    gzip.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
  return { tables: counts };
}

/**
 * Restore a logical dump into an empty PostgreSQL database: the migrations create the schema (the dump's
 * migrations must all be known to this version), then every table is loaded in foreign-key order, all
 * in one transaction: a failure leaves the database empty.
 */
export async function restorePostgres(
  handle: DbHandle,
  file: string,
): Promise<{ tables: Record<string, number> }> {
  const db = handle.db;
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const data = new Map<string, Record<string, unknown>[]>();
  interface Header {
    format?: string;
    version?: number;
    migrations?: string[];
  }
  let header: Header | null = null;
  let current: Record<string, unknown>[] | null = null;
  for await (const line of lines) {
    if (!line) {
      continue;
    }
    const item = JSON.parse(line) as { table?: string; row?: Record<string, unknown> };
    if (!header) {
      header = item as Header;
      if (header.format !== DUMP_FORMAT || header.version !== DUMP_VERSION) {
        throw new BackupError('not an Essaim logical backup, or from an unknown version');
      }
      continue;
    }
    if (item.table) {
      current = [];
      data.set(item.table, current);
    } else if (item.row && current) {
      current.push(decodeRow(item.row));
    }
  }
  if (!header) {
    throw new BackupError('the backup file is empty');
  }
  const known = new Set((await migrationStatus(handle.db)).map((m) => m.name));
  const unknown = (header.migrations ?? []).filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupError(`the backup comes from a newer Essaim (unknown migrations: ${unknown.join(', ')})`);
  }
  const existing = await listTables(db, 'postgres');
  for (const table of existing) {
    const n = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    if ((n.rows[0]?.n ?? 0) > 0) {
      throw new BackupError(`table ${table} already holds data: restore into an empty database`);
    }
  }
  // The schema as it was when the dump was taken, then the data, then any newer migrations.
  const last = header.migrations?.at(-1);
  if (last) {
    await migrateTo(handle.db, last);
  }
  const tables = await listTables(db, 'postgres');
  const missing = [...data.keys()].filter((t) => !tables.includes(t));
  if (missing.length > 0) {
    throw new BackupError(`the backup has tables this version does not know: ${missing.join(', ')}`);
  }
  const fks = await foreignKeys(db);
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    for (const table of insertionOrder(tables, fks)) {
      let rows = data.get(table) ?? [];
      const self = fks.find((fk) => fk.table === table && fk.refTable === table);
      if (self) {
        rows = parentsFirst(rows, self.column);
      }
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        await trx
          .insertInto(table as never)
          .values(rows.slice(i, i + BATCH_ROWS) as never)
          .execute();
      }
      counts[table] = rows.length;
    }
  });
  await migrateToLatest(handle.db);
  return { tables: counts };
}
