import { connectDatabase, type DbHandle, loadConfig, migrateToLatest } from '@essaim/server';

export interface DatabaseOptions {
  data?: string;
  databaseUrl?: string;
}

/**
 * Open the configured database for one command, optionally bring it up to date first, and always
 * close it afterwards.
 */
export async function withDatabase<T>(
  opts: DatabaseOptions,
  fn: (handle: DbHandle) => Promise<T>,
  { migrate = false }: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig({ data: opts.data, databaseUrl: opts.databaseUrl });
  const handle = await connectDatabase(config.database);
  try {
    if (migrate) {
      await migrateToLatest(handle.db);
    }
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
