import path from 'node:path';
import {
  BackupError,
  backupKindOf,
  backupSqlite,
  connectDatabase,
  dumpPostgres,
  handleDigest,
  loadConfig,
  migrateToLatest,
  restorePostgres,
  restoreSqlite,
  sqliteFileDigest,
} from '@essaim/server';
import type { DatabaseOptions } from '../database.ts';
import { CliError, type CommandIo } from '../io.ts';

function summary(tables: Record<string, number>): string {
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  return `${Object.keys(tables).length} tables, ${rows} rows`;
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BackupError) {
      throw new CliError(err.message);
    }
    throw err;
  }
}

/**
 * `essaim backup FILE`: SQLite → an online copy of the database file (safe while the server runs);
 * PostgreSQL → a logical dump (gzipped JSON lines, one consistent snapshot). Prints the data digest.
 */
export async function backup(file: string, opts: DatabaseOptions, io: CommandIo): Promise<void> {
  const config = loadConfig({ data: opts.data, databaseUrl: opts.databaseUrl });
  const target = path.resolve(file);
  await guard(async () => {
    if (config.database.dialect === 'sqlite') {
      await backupSqlite(config.database.file, target);
      const { digest, tables } = await sqliteFileDigest(target);
      io.stdout(`backup written: ${target} (SQLite file, ${summary(tables)})\ndigest: ${digest}\n`);
      return;
    }
    const handle = await connectDatabase(config.database);
    try {
      const { tables } = await dumpPostgres(handle, target);
      io.stdout(`backup written: ${target} (PostgreSQL logical dump, ${summary(tables)})\n`);
    } finally {
      await handle.close();
    }
  });
}

/** `essaim restore FILE`: into an empty database of the configured dialect; stop the server first. */
export async function restore(file: string, opts: DatabaseOptions, io: CommandIo): Promise<void> {
  const config = loadConfig({ data: opts.data, databaseUrl: opts.databaseUrl });
  const source = path.resolve(file);
  await guard(async () => {
    const kind = backupKindOf(source);
    if (kind === 'sqlite-file' && config.database.dialect !== 'sqlite') {
      throw new CliError('this is an SQLite backup: restore it with --data (or a sqlite: DATABASE_URL)');
    }
    if (kind === 'logical-dump' && config.database.dialect !== 'postgres') {
      throw new CliError('this is a PostgreSQL dump: restore it with --database-url postgres://…');
    }
    if (config.database.dialect === 'sqlite') {
      await restoreSqlite(source, config.database.file);
    }
    const handle = await connectDatabase(config.database);
    try {
      if (config.database.dialect === 'postgres') {
        await restorePostgres(handle, source);
      } else {
        await migrateToLatest(handle.db);
      }
      const { digest, tables } = await handleDigest(handle);
      io.stdout(`restored: ${source} (${summary(tables)})\ndigest: ${digest}\n`);
    } finally {
      await handle.close();
    }
  });
}
