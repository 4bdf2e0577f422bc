import { describe, expect, it } from 'vitest';
import { openSqlite, type SqliteFile, type SqliteStatement } from './sqlite-driver.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';

/** An in-memory database whose prepares are counted (the cache wraps the counting file). */
function counted(size: number): { db: SqliteFile; prepares: string[] } {
  const inner = openSqlite(':memory:');
  const prepares: string[] = [];
  const counting: SqliteFile = {
    ...inner,
    prepare(sql: string): SqliteStatement {
      prepares.push(sql);
      return inner.prepare(sql);
    },
    exec: (sql) => inner.exec(sql),
    close: () => inner.close(),
  };
  return { db: withStatementCache(counting, size), prepares };
}

describe('prepared statement cache', () => {
  it('prepares a text once, evicts the least recently used, and stays right after a schema change', () => {
    const { db, prepares } = counted(2);
    db.exec('create table t (id integer primary key, name text)');
    const insert = 'insert into t (name) values (?)';
    for (const name of ['a', 'b', 'c']) {
      db.prepare(insert).run([name]);
    }
    expect(prepares.filter((s) => s === insert)).toHaveLength(1);
    const count = 'select count(*) as n from t';
    expect(db.prepare(count).get([])).toEqual({ n: 3 });
    db.prepare(insert); // most recently used again: the count is now the oldest
    db.prepare('select 1');
    db.prepare(insert);
    expect(prepares.filter((s) => s === insert)).toHaveLength(1);
    db.prepare(count);
    expect(prepares.filter((s) => s === count)).toHaveLength(2);
    // A cached statement over a table that changed shape reads the new shape (SQLite re-prepares it).
    const all = 'select * from t order by id';
    expect(Object.keys(db.prepare(all).get([]) as object)).toEqual(['id', 'name']);
    db.exec('alter table t add column extra text');
    expect(Object.keys(db.prepare(all).get([]) as object)).toEqual(['id', 'name', 'extra']);
    db.close();
  });

  it('gives every stream a statement of its own, so a query of the same text does not cut it short', () => {
    const { db } = counted(8);
    db.exec('create table t (x integer); insert into t values (1), (2), (3)');
    const text = 'select x from t order by x';
    const stream = db.prepare(text).iterate([]);
    const seen: unknown[] = [stream.next().value];
    expect(db.prepare(text).all([])).toHaveLength(3);
    for (const row of stream) {
      seen.push(row);
    }
    expect(seen.map((r) => (r as { x: number }).x)).toEqual([1, 2, 3]);
    db.close();
  });
});
