import { createRequire } from 'node:module';
import { withStatementCache } from './sqlite-statement-cache.ts';

/**
 * @module The embedded SQLite, through one of two drivers behind one small interface:
 *
 * - `node:sqlite` (DatabaseSync), built into Node since 22.13: no native build at install, and no addon
 *   to tear down at process exit. Used by default where it is complete (prepared-statement `columns()`
 *   and the online `backup()`: Node ≥ 22.16, 24 and 26).
 * - `better-sqlite3`, a native addon: the only choice on Node 20, which has no `node:sqlite`. Its 12.x
 *   addon aborts at process exit on Node 24 (see docs/ARCHITECTURE.md, "SQLite drivers"), hence the
 *   default above.
 *
 * `ESSAIM_SQLITE_DRIVER=better-sqlite3|node:sqlite` forces one (an error if it is not available).
 * Both open the same files; the interface is the one Kysely's SqliteDialect needs, plus what the
 * backup tools use.
 */
export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

export interface SqliteStatement {
  readonly reader: boolean;
  all(parameters?: ReadonlyArray<unknown>): unknown[];
  get(parameters?: ReadonlyArray<unknown>): unknown;
  run(parameters?: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(parameters?: ReadonlyArray<unknown>): IterableIterator<unknown>;
}

export interface SqliteFile {
  readonly driver: SqliteDriverName;
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  /** Online backup (pages copied while other connections keep writing) into a new file. */
  backup(target: string): Promise<void>;
  close(): void;
}

export interface OpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
}

/** SQLITE_BUSY and SQLITE_LOCKED, from either driver's error (primary or extended result code). */
export function isSqliteBusy(err: unknown): boolean {
  const e = err as { code?: unknown; errcode?: unknown };
  if (typeof e.errcode === 'number') {
    const primary = e.errcode & 0xff;
    return primary === 5 || primary === 6;
  }
  return /^SQLITE_(BUSY|LOCKED)/.test(String(e.code ?? ''));
}

const require = createRequire(import.meta.url);

/** The subset of `node:sqlite` used here (@types/node 20 has no declarations for it). */
interface NodeStatement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
  columns(): unknown[];
}
interface NodeDatabase {
  prepare(sql: string): NodeStatement;
  exec(sql: string): void;
  close(): void;
}
interface NodeSqlite {
  DatabaseSync: new (
    file: string,
    options?: { readOnly?: boolean; open?: boolean; enableForeignKeyConstraints?: boolean },
  ) => NodeDatabase;
  backup(source: NodeDatabase, target: string): Promise<number>;
}

let nodeSqlite: NodeSqlite | null | undefined;

/** `node:sqlite` if this Node has a complete one, else null. Loaded once, without its experimental warning. */
function loadNodeSqlite(): NodeSqlite | null {
  if (nodeSqlite !== undefined) {
    return nodeSqlite;
  }
  // Older Nodes have an incomplete module (or none) and would print their warning through another path.
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 16)) {
    nodeSqlite = null;
    return nodeSqlite;
  }
  const emitWarning = process.emitWarning;
  // Node 26 flags the module as experimental on load; the warning would land in every CLI's stderr.
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (!text.startsWith('SQLite is an experimental feature')) {
      (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
    }
  }) as typeof process.emitWarning;
  try {
    const mod = require('node:sqlite') as NodeSqlite;
    const probe = new mod.DatabaseSync(':memory:');
    const complete =
      typeof mod.backup === 'function' && typeof probe.prepare('select 1').columns === 'function';
    probe.close();
    nodeSqlite = complete ? mod : null;
  } catch {
    nodeSqlite = null;
  } finally {
    process.emitWarning = emitWarning;
  }
  return nodeSqlite;
}

/** The driver used when none is forced: `node:sqlite` where complete, else `better-sqlite3`. */
export function sqliteDriverName(env: NodeJS.ProcessEnv = process.env): SqliteDriverName {
  const forced = env.ESSAIM_SQLITE_DRIVER;
  if (forced === 'node:sqlite' || forced === 'better-sqlite3') {
    return forced;
  }
  if (forced !== undefined && forced !== '') {
    throw new Error(`ESSAIM_SQLITE_DRIVER must be node:sqlite or better-sqlite3, not "${forced}"`);
  }
  return loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** Open an SQLite file (or `:memory:`) with the chosen driver; statements are prepared once per text. */
export function openSqlite(file: string, options: OpenOptions = {}, driver = sqliteDriverName()): SqliteFile {
  return withStatementCache(
    driver === 'node:sqlite' ? openWithNodeSqlite(file, options) : openWithBetterSqlite(file, options),
  );
}

function openWithNodeSqlite(file: string, options: OpenOptions): SqliteFile {
  const mod = loadNodeSqlite();
  if (!mod) {
    throw new Error(
      `node:sqlite is not available (or incomplete) on Node ${process.version}: use Node ≥ 22.16`,
    );
  }
  if (options.fileMustExist && file !== ':memory:') {
    // DatabaseSync would create a missing file; better-sqlite3's fileMustExist refuses, so do we.
    const { existsSync } = require('node:fs') as typeof import('node:fs');
    if (!existsSync(file)) {
      throw Object.assign(new Error(`unable to open database file ${file}`), { code: 'SQLITE_CANTOPEN' });
    }
  }
  // Foreign keys stay as SQLite's default (off) until the caller's pragma, as with better-sqlite3.
  const native = new mod.DatabaseSync(file, {
    readOnly: options.readonly === true,
    enableForeignKeyConstraints: false,
  });
  return {
    driver: 'node:sqlite',
    prepare(sql) {
      const stmt = native.prepare(sql);
      // A statement that returns columns is a reader (SELECT, PRAGMA, … RETURNING), as better-sqlite3 says.
      const reader = stmt.columns().length > 0;
      return {
        reader,
        all: (params = []) => stmt.all(...params),
        get: (params = []) => stmt.get(...params),
        run: (params = []) => stmt.run(...params),
        iterate: (params = []) => stmt.iterate(...params),
      };
    },
    exec: (sql) => native.exec(sql),
    backup: async (target) => {
      await mod.backup(native, target);
    },
    close: () => native.close(),
  };
}

interface BetterStatement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface BetterDatabase {
  prepare(sql: string): BetterStatement;
  exec(sql: string): void;
  backup(target: string): Promise<unknown>;
  close(): void;
}

function openWithBetterSqlite(file: string, options: OpenOptions): SqliteFile {
  let Better: new (file: string, options: { readonly?: boolean; fileMustExist?: boolean }) => BetterDatabase;
  try {
    Better = require('better-sqlite3');
  } catch (err) {
    throw new Error(
      `better-sqlite3 could not be loaded on Node ${process.version} (${(err as Error).message}); on Node ≥ 22.16 set ESSAIM_SQLITE_DRIVER=node:sqlite or leave it unset`,
    );
  }
  const native = new Better(file, {
    readonly: options.readonly === true,
    fileMustExist: options.fileMustExist === true,
  });
  return {
    driver: 'better-sqlite3',
    prepare(sql) {
      const stmt = native.prepare(sql);
      return {
        reader: stmt.reader,
        all: (params = []) => stmt.all(...params),
        get: (params = []) => stmt.get(...params),
        run: (params = []) => stmt.run(...params),
        iterate: (params = []) => stmt.iterate(...params),
      };
    },
    exec: (sql) => native.exec(sql),
    backup: async (target) => {
      await native.backup(target);
    },
    close: () => native.close(),
  };
}
