import { describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.ts';
import { migrateDown, migrateToLatest, migrationStatus } from '../src/db/migrator.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('migrations on $name', (dialect) => {
  it('apply from empty, report status, roll all the way down and up again', async () => {
    const handle = await dialect.open({ migrate: false });
    try {
      // The migrator applies them in name (timestamp) order, whichever feature folder lists them.
      const names = Object.keys(migrations).sort();
      expect((await migrationStatus(handle.db)).every((m) => m.appliedAt === null)).toBe(true);
      expect(await migrateToLatest(handle.db)).toEqual(names);
      expect(await migrateToLatest(handle.db)).toEqual([]);
      const status = await migrationStatus(handle.db);
      expect(status.map((m) => m.name)).toEqual(names);
      expect(status.every((m) => m.appliedAt !== null)).toBe(true);
      for (let i = names.length - 1; i >= 0; i--) {
        expect(await migrateDown(handle.db)).toEqual([names[i]]);
      }
      expect((await migrationStatus(handle.db)).every((m) => m.appliedAt === null)).toBe(true);
      expect(await migrateToLatest(handle.db)).toEqual(names);
    } finally {
      await handle.close();
    }
  });

  it('names migrations <UTC timestamp>-<verb-object>', () => {
    const names = Object.keys(migrations);
    for (const n of names) {
      expect(n).toMatch(/^\d{8}T\d{4}-[a-z0-9-]+$/);
    }
  });
});
