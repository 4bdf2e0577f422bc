import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInstance } from './app-instance.ts';
import type { ServerConfig } from './config.ts';
import { connectDatabase, type DbHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrator.ts';
import { type AppDeps, createDeps } from './deps.ts';
import { registerFeatures } from './features.ts';
import { type BuildAppOptions, buildApp } from './http/app.ts';
import { createBus, type EventBus } from './realtime/bus.ts';
import { RoomHub } from './realtime/hub.ts';

export interface RunningServer {
  app: AppInstance;
  deps: AppDeps;
  url: string;
  close(): Promise<void>;
}

/** Where the built web app lives, relative to this file in the source tree or the bundle. */
export function defaultWebDist(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    path.resolve(here, '../../web/dist'),
    path.resolve(here, '../../../apps/web/dist'),
  ]) {
    if (existsSync(path.join(candidate, 'index.html'))) {
      return candidate;
    }
  }
  return null;
}

/**
 * Composition root: open the database, migrate, connect the bus, build the app, listen.
 * Every resource opened here is closed by `close()`, in reverse order.
 */
export async function startServer(
  config: ServerConfig,
  options: BuildAppOptions & { listen?: boolean } = {},
): Promise<RunningServer> {
  let database: DbHandle | null = null;
  let bus: EventBus | null = null;
  try {
    database = await connectDatabase(config.database);
    await migrateToLatest(database.db);
    bus = await createBus(config.redisUrl);
  } catch (err) {
    await bus?.close();
    await database?.close();
    throw err;
  }
  let shuttingDown = false;
  const hub = new RoomHub(bus, randomUUID());
  const deps = createDeps(
    { ...config, webDist: config.webDist ?? defaultWebDist() },
    database,
    bus,
    hub,
    () => shuttingDown,
  );
  const app = await buildApp(deps, {
    ...options,
    plugins: [...registerFeatures(), ...(options.plugins ?? [])],
  });
  let url = '';
  if (options.listen !== false) {
    try {
      url = await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      await app.close();
      await bus.close();
      await database.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        throw new Error(
          `port ${config.port} is already in use on ${config.host}: choose another with --port`,
        );
      }
      if (code === 'EACCES') {
        throw new Error(`not allowed to listen on port ${config.port}: choose a port above 1024 with --port`);
      }
      throw err;
    }
  } else {
    await app.ready();
  }
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      shuttingDown = true;
      // Stop accepting, wait for in-flight requests, close sockets (fastify + @fastify/websocket).
      await app.close();
      await hub.close();
      await bus.close();
      await database.close();
    })();
    return closing;
  };
  return { app, deps, url, close };
}
