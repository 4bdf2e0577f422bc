import type { SqliteFile, SqliteStatement } from './sqlite-driver.ts';

/**
 * Prepared statements kept per SQL text. Kysely's SQLite driver prepares every query it runs; with
 * one connection answering every request, compiling the same few statements again and again was a
 * third of the database time of a charter's hot path (profile of `npm run bench:charters`: the
 * `prepare` of five statements per stored keystroke). SQLite re-prepares a cached statement by
 * itself after a schema change (sqlite3_prepare_v2), so a cache is safe across migrations.
 */
export const STATEMENT_CACHE_SIZE = 256;

/** The same file, whose `prepare` reuses the statement last prepared for the same text (LRU). */
export function withStatementCache(file: SqliteFile, size = STATEMENT_CACHE_SIZE): SqliteFile {
  const cache = new Map<string, SqliteStatement>();
  const prepare = (sql: string): SqliteStatement => {
    const hit = cache.get(sql);
    if (hit) {
      // Most recently used last: Map keeps insertion order, the first key is the one to evict.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const stmt = file.prepare(sql);
    const shared: SqliteStatement = {
      reader: stmt.reader,
      all: (params) => stmt.all(params),
      get: (params) => stmt.get(params),
      run: (params) => stmt.run(params),
      // An open iterator holds its statement until it is drained: another query with the same text
      // meanwhile (a stream and a request) would reset it, so every stream gets a statement of its own.
      iterate: (params) => file.prepare(sql).iterate(params),
    };
    cache.set(sql, shared);
    if (cache.size > size) {
      cache.delete(cache.keys().next().value as string);
    }
    return shared;
  };
  return {
    driver: file.driver,
    prepare,
    exec: (sql) => file.exec(sql),
    backup: (target) => file.backup(target),
    close: () => {
      cache.clear();
      file.close();
    },
  };
}
