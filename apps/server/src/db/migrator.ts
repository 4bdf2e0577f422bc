import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { dialectOf } from './column-types.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './tables.ts';

async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  // On PostgreSQL, pin the bookkeeping tables to the connection's schema: Kysely otherwise finds an
  // `essaim_migration` table in any schema and would skip creating ours.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'essaim_migration',
    migrationLockTableName: 'essaim_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export class MigrationError extends Error {}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(
      `migration ${failed?.migrationName ?? '?'} failed: ${(result.error as Error).message ?? String(result.error)}`,
    );
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Apply every pending migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await (await migratorFor(db)).migrateToLatest());
}

/** Apply pending migrations up to and including `name` (restoring a backup taken at that level). */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<string[]> {
  return unwrap(await (await migratorFor(db)).migrateTo(name));
}

/** Undo the last applied migration; returns its name. */
export async function migrateDown(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await (await migratorFor(db)).migrateDown());
}

export interface MigrationStatus {
  name: string;
  appliedAt: string | null;
}

export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus[]> {
  const list = await (await migratorFor(db)).getMigrations();
  return list.map((m) => ({ name: m.name, appliedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}
