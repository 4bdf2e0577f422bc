import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import { connectDatabase, type DbHandle } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { sqliteDriverName } from '../src/db/sqlite-driver.ts';
import { createOrg, setupAdmin, type TestClient } from './factories.ts';
import { repoRoot } from './spawn-server.ts';
import { buildTestApp } from './test-app.ts';

/** Another process opens the same SQLite file and holds an exclusive transaction for `ms`. */
function holdExclusiveLock(file: string, ms: number) {
  const script = `
    const db = ${
      sqliteDriverName() === 'node:sqlite'
        ? `new (require('node:sqlite').DatabaseSync)(${JSON.stringify(file)})`
        : `new (require('better-sqlite3'))(${JSON.stringify(file)})`
    };
    db.exec('BEGIN EXCLUSIVE');
    db.exec("CREATE TABLE IF NOT EXISTS lock_probe (x)");
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); process.exit(0); }, ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { locked, exited };
}

/**
 * Issue 12 §8 (SQLite only: PostgreSQL waits for row locks without blocking the event loop). While
 * another process holds the file's write lock, a write is answered 503 BUSY with Retry-After after
 * asynchronous retries, and other requests keep answering within 250 ms meanwhile.
 */
describe('SQLite locked by another process', () => {
  let handle: DbHandle;
  let app: AppInstance;
  let owner: TestClient;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'essaim-lock-')), 'essaim.db');
    handle = await connectDatabase({ dialect: 'sqlite', file });
    await migrateToLatest(handle.db);
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    await createOrg(owner, 'Before the lock');
    (app as unknown as { lockFile: string }).lockFile = file;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('answers a blocked write 503 with Retry-After while other requests stay fast', async () => {
    const file = (app as unknown as { lockFile: string }).lockFile;
    const holder = holdExclusiveLock(file, 5000);
    await holder.locked;

    const latencies: number[] = [];
    let probing = true;
    const probes = (async () => {
      while (probing) {
        const t0 = performance.now();
        const [health, me] = await Promise.all([owner.get('/healthz'), owner.get('/api/me')]);
        latencies.push(performance.now() - t0);
        expect(health.status).toBe(200);
        expect(me.status).toBe(200);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // Let the probes find their pace before the write starts.
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const write = await owner.post('/api/orgs', { name: 'During the lock' });
    const writeMs = performance.now() - t0;
    probing = false;
    await probes;

    expect(write.status).toBe(503);
    expect(write.json()).toMatchObject({ error: { code: 'BUSY' } });
    expect(write.headers['retry-after']).toMatch(/^\d+$/);
    expect(writeMs).toBeLessThan(4500);
    console.log(
      `locked write: 503 after ${Math.round(writeMs)} ms; ${latencies.length} probes, slowest ${Math.round(Math.max(...latencies))} ms`,
    );
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(250);

    await holder.exited;
    expect((await owner.post('/api/orgs', { name: 'After the lock' })).status).toBe(200);
  });
});
