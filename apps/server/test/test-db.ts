import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connectDatabase, type DbHandle } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrator.ts';

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated database: in-memory SQLite or a new PostgreSQL schema dropped on close. */
  open(options?: { migrate?: boolean }): Promise<DbHandle>;
}

export const pgTestUrl = process.env.ESSAIM_TEST_DATABASE_URL || null;
export const redisTestUrl = process.env.REDIS_URL || null;

async function openSqlite(migrate: boolean): Promise<DbHandle> {
  const handle = await connectDatabase({ dialect: 'sqlite', file: ':memory:' });
  if (migrate) {
    await migrateToLatest(handle.db);
  }
  return handle;
}

export function freshSchemaName(): string {
  return `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

async function openPostgres(url: string, migrate: boolean): Promise<DbHandle> {
  const schema = freshSchemaName();
  const handle = await connectDatabase({ dialect: 'postgres', url }, { pgSchema: schema, pgPoolSize: 4 });
  if (migrate) {
    await migrateToLatest(handle.db);
  }
  return {
    ...handle,
    close: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
      await handle.close();
    },
  };
}

/** Every dialect this machine can test: SQLite always, PostgreSQL when ESSAIM_TEST_DATABASE_URL is set. */
export const testDialects: TestDialect[] = [
  { name: 'sqlite', open: (o) => openSqlite(o?.migrate ?? true) },
  ...(pgTestUrl
    ? [
        {
          name: 'postgres' as const,
          open: (o?: { migrate?: boolean }) => openPostgres(pgTestUrl, o?.migrate ?? true),
        },
      ]
    : []),
];
