import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSqliteBusy, openSqlite, type SqliteDriverName, sqliteDriverName } from './sqlite-driver.ts';

/** Whether this Node can open SQLite with a driver (better-sqlite3 is built for one Node ABI only). */
function available(driver: SqliteDriverName): boolean {
  try {
    openSqlite(':memory:', {}, driver).close();
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'essaim-sqlite-driver-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite driver choice', () => {
  it('uses node:sqlite from Node 22.16 and better-sqlite3 before, unless forced', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const modern = major > 22 || (major === 22 && minor >= 16);
    expect(sqliteDriverName({})).toBe(modern ? 'node:sqlite' : 'better-sqlite3');
    expect(sqliteDriverName({ ESSAIM_SQLITE_DRIVER: 'better-sqlite3' })).toBe('better-sqlite3');
    expect(() => sqliteDriverName({ ESSAIM_SQLITE_DRIVER: 'sqlite4' })).toThrow(/ESSAIM_SQLITE_DRIVER/);
  });
});

for (const driver of ['node:sqlite', 'better-sqlite3'] as const) {
  describe.skipIf(!available(driver))(`SQLite through ${driver}`, () => {
    it('runs statements the way Kysely expects (reader flag, changes, last row id, iterate)', () => {
      const db = openSqlite(path.join(dir, `${driver.replace(':', '-')}.db`), {}, driver);
      db.exec('pragma journal_mode = WAL');
      db.exec('create table t (id integer primary key, name text not null, data text)');
      const insert = db.prepare('insert into t (name, data) values (?, ?)');
      expect(insert.reader).toBe(false);
      expect(insert.run(['a', null])).toEqual({ changes: 1, lastInsertRowid: 1 });
      expect(insert.run(['b', '{"x":1}']).lastInsertRowid).toBe(2);
      const select = db.prepare('select id, name, data from t order by id');
      expect(select.reader).toBe(true);
      expect(select.all([]).map((r) => ({ ...(r as object) }))).toEqual([
        { id: 1, name: 'a', data: null },
        { id: 2, name: 'b', data: '{"x":1}' },
      ]);
      expect([...select.iterate([])].length).toBe(2);
      expect(db.prepare('update t set name = ? returning id').reader).toBe(true);
      db.close();
    });

    it('refuses a missing file when it must exist, and backs up online into a readable copy', async () => {
      expect(() => openSqlite(path.join(dir, 'missing.db'), { fileMustExist: true }, driver)).toThrow();
      expect(existsSync(path.join(dir, 'missing.db'))).toBe(false);
      const file = path.join(dir, `${driver.replace(':', '-')}-source.db`);
      const db = openSqlite(file, {}, driver);
      db.exec('create table t (x integer); insert into t values (1), (2), (3)');
      const copy = path.join(dir, `${driver.replace(':', '-')}-copy.db`);
      await db.backup(copy);
      db.close();
      const restored = openSqlite(copy, { readonly: true, fileMustExist: true }, driver);
      expect({ ...(restored.prepare('select sum(x) as s from t').get() as object) }).toEqual({ s: 6 });
      expect(() => restored.exec('insert into t values (4)')).toThrow();
      restored.close();
    });

    it('reports a write blocked by another connection as busy (what sqlite-busy.ts retries)', () => {
      const file = path.join(dir, `${driver.replace(':', '-')}-lock.db`);
      const holder = openSqlite(file, {}, driver);
      holder.exec('create table t (x integer)');
      holder.exec('begin exclusive');
      const other = openSqlite(file, {}, driver);
      other.exec('pragma busy_timeout = 0');
      let error: unknown = null;
      try {
        other.exec('insert into t values (1)');
      } catch (err) {
        error = err;
      }
      expect(error).not.toBeNull();
      expect(isSqliteBusy(error)).toBe(true);
      expect(isSqliteBusy(new Error('no such table'))).toBe(false);
      holder.exec('rollback');
      holder.close();
      other.close();
    });
  });
}
