import { randomUUID } from 'node:crypto';
import type { AppInstance } from '../src/app-instance.ts';
import type { ServerConfig } from '../src/config.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createDeps } from '../src/deps.ts';
import { registerFeatures } from '../src/features.ts';
import { buildApp } from '../src/http/app.ts';
import { MemoryBus } from '../src/realtime/bus.ts';
import { RoomHub } from '../src/realtime/hub.ts';

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    database: { dialect: 'sqlite', file: ':memory:' },
    redisUrl: null,
    publicUrl: 'http://localhost:4000',
    webDist: null,
    logLevel: 'silent',
    smtpUrl: null,
    demo: false,
    trustProxy: false,
    apiDocs: 'public',
    ...overrides,
  };
}

/** The full application over a given database, in-process bus, no listening socket (use inject). */
export async function buildTestApp(
  database: DbHandle,
  overrides: Partial<ServerConfig> = {},
): Promise<AppInstance> {
  const bus = new MemoryBus();
  const deps = createDeps(testConfig(overrides), database, bus, new RoomHub(bus, randomUUID()));
  const app = await buildApp(deps, { logger: false, plugins: registerFeatures() });
  await app.ready();
  return app;
}
