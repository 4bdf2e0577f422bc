import { migrateDown, migrateToLatest, migrationStatus } from '@essaim/server';
import { type DatabaseOptions, withDatabase } from '../database.ts';
import type { CommandIo } from '../io.ts';

export type DbOptions = DatabaseOptions;

export async function dbMigrate(opts: DbOptions, io: CommandIo): Promise<void> {
  await withDatabase(opts, async ({ db }) => {
    const applied = await migrateToLatest(db);
    io.stdout(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  });
}

export async function dbRollback(opts: DbOptions, io: CommandIo): Promise<void> {
  await withDatabase(opts, async ({ db }) => {
    const undone = await migrateDown(db);
    io.stdout(undone.length ? `rolled back: ${undone.join(', ')}\n` : 'nothing to roll back\n');
  });
}

export async function dbStatus(opts: DbOptions, io: CommandIo): Promise<void> {
  await withDatabase(opts, async ({ db, dialect }) => {
    const list = await migrationStatus(db);
    io.stdout(`database: ${dialect}\n`);
    for (const m of list) {
      io.stdout(
        `${m.appliedAt ? 'applied ' : 'pending '} ${m.name}${m.appliedAt ? `  (${m.appliedAt})` : ''}\n`,
      );
    }
    const pending = list.filter((m) => !m.appliedAt).length;
    io.stdout(`${list.length - pending} applied, ${pending} pending\n`);
  });
}
