import { type DemoResult, loadDemo } from '@essaim/server';
import { withDatabase } from '../database.ts';
import type { CommandIo } from '../io.ts';

export function printDemo(result: DemoResult, io: CommandIo): void {
  io.stderr(
    result.created
      ? 'Essaim demo loaded: a French public-sector organisation with ~40 people and an engagement.\n'
      : 'Essaim demo already loaded: nothing changed.\n',
  );
  for (const a of result.accounts) {
    io.stderr(`  sign in as ${a.email} / ${a.password}\n`);
  }
}

/** `essaim demo`: load the demo organisation into the configured database (idempotent). */
export async function demo(opts: { data?: string; databaseUrl?: string }, io: CommandIo): Promise<void> {
  await withDatabase(opts, async (database) => printDemo(await loadDemo({ database }), io), {
    migrate: true,
  });
}
