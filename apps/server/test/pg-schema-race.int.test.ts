import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { freshSchemaName, pgTestUrl } from './test-db.ts';

/**
 * Two test workers side by side: one drops its finished schema while the other migrates a fresh one.
 * Kysely's stock introspection resolved every schema of the database by name and failed with
 * `schema "t_…" does not exist` (about 1 call in 60 under this churn); ours reads the connection's schema
 * only (src/db/pg-introspector.ts).
 */
describe.skipIf(!pgTestUrl)('PostgreSQL introspection while other schemas come and go', () => {
  it('migrates and introspects its own schema only, whatever other sessions drop meanwhile', async () => {
    const url = pgTestUrl ?? '';
    const mine = await connectDatabase({ dialect: 'postgres', url }, { pgSchema: freshSchemaName() });
    const other = await connectDatabase({ dialect: 'postgres', url }, { pgPoolSize: 1 });
    let stop = false;
    let churned = 0;
    const churn = (async () => {
      while (!stop) {
        const s = sql.id(freshSchemaName());
        await sql`create schema ${s}`.execute(other.db);
        await sql`create table ${s}.t (id serial primary key, a text)`.execute(other.db);
        await sql`drop schema ${s} cascade`.execute(other.db);
        churned++;
      }
    })();
    try {
      await migrateToLatest(mine.db);
      // At least 50 introspections while at least 50 schemas came and went, however loaded the machine.
      let calls = 0;
      for (const t0 = Date.now(); Date.now() - t0 < 2500 || churned < 50 || calls < 50; calls++) {
        const tables = await mine.db.introspection.getTables();
        const schemas = new Set(tables.map((t) => t.schema));
        expect(schemas.size).toBe(1);
        expect(tables.some((t) => t.name === 'essaim_migration')).toBe(true);
      }
    } finally {
      stop = true;
      await churn;
      await sql`drop schema if exists ${sql.id(
        (await sql<{ s: string }>`select current_schema() as s`.execute(mine.db)).rows[0]?.s ?? '',
      )} cascade`.execute(other.db);
      await mine.close();
      await other.close();
    }
  });
});
