import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DbHandle } from '../src/db/connect.ts';
import { restorePostgres, restoreSqlite } from '../src/ops/backup.ts';
import { dataDigest, sqliteFileDigest } from '../src/ops/data-digest.ts';
import { ORIGIN, PASSWORD, testClient } from './factories.ts';
import { runCli, spawnServer } from './spawn-server.ts';
import { buildTestApp } from './test-app.ts';
import { freshSchemaName, pgTestUrl } from './test-db.ts';

/**
 * `essaim backup` / `essaim restore` end to end: data written through the API, a backup taken (for
 * SQLite while the server runs), restored into an empty database, compared by data digest, and a
 * server started on the restored database answers with the same accounts and organisations.
 */

/** A browser-like fetch client for a spawned server (cookie kept, Origin sent on writes). */
function httpClient(base: string) {
  let cookie = '';
  return async (method: string, url: string, body?: unknown) => {
    const r = await fetch(base + url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { origin: base }),
        ...(cookie ? { cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = r.headers.getSetCookie().find((c) => c.startsWith('essaim_session='));
    if (set) {
      cookie = set.split(';')[0]!;
    }
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };
}

type Call =
  | ReturnType<typeof httpClient>
  | ((m: string, u: string, b?: unknown) => Promise<{ status: number; json: Record<string, unknown> }>);

/** Accounts, an organisation, an engagement and nested collectives (a self-referencing table). */
async function populate(call: Call, email: string): Promise<string> {
  expect(
    (await call('POST', '/api/setup', { email, password: PASSWORD, displayName: 'Backup Admin' })).status,
  ).toBe(200);
  const org = await call('POST', '/api/orgs', { name: 'Backed-up Org' });
  const orgId = org.json.id as string;
  expect(
    (
      await call('POST', `/api/orgs/${orgId}/engagements`, {
        title: 'Kept engagement',
        request: 'Kept request',
      })
    ).status,
  ).toBe(200);
  const parent = await call('POST', `/api/orgs/${orgId}/collectives`, { name: 'Parent team', kind: 'team' });
  for (let i = 0; i < 3; i++) {
    const child = await call('POST', `/api/orgs/${orgId}/collectives`, {
      name: `Child team ${i}`,
      kind: 'team',
      parentId: parent.json.id,
    });
    expect(child.status).toBe(200);
  }
  return orgId;
}

describe('backup and restore on SQLite', () => {
  it('backs up while the server runs and restores into an empty database with identical data', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'essaim-bk-src-'));
    const restoredDir = mkdtempSync(path.join(tmpdir(), 'essaim-bk-dst-'));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'essaim-bk-')), 'essaim.backup');
    const email = 'backup-admin@example.org';
    const server = await spawnServer(['--data', dir]);
    let liveDigest: string;
    try {
      await populate(httpClient(server.url), email);
      const r = await runCli(['backup', file, '--data', dir]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/backup written: .*SQLite file/);
      liveDigest = (await sqliteFileDigest(path.join(dir, 'essaim.db'))).digest;
      expect(r.out).toContain(`digest: ${liveDigest}`);
    } finally {
      await server.stop();
    }

    const restored = await runCli(['restore', file, '--data', restoredDir]);
    expect(restored.code, restored.err).toBe(0);
    const after = await sqliteFileDigest(path.join(restoredDir, 'essaim.db'));
    expect(after.digest).toBe(liveDigest);
    expect(after.tables.collectives).toBe(4);
    // Never over existing data.
    await expect(restoreSqlite(file, path.join(restoredDir, 'essaim.db'))).rejects.toThrow(
      /already holds data/,
    );

    const second = await spawnServer(['--data', restoredDir]);
    try {
      const call = httpClient(second.url);
      expect((await call('POST', '/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
      const orgs = await call('GET', '/api/orgs');
      expect(JSON.stringify(orgs.json)).toContain('Backed-up Org');
    } finally {
      await second.stop();
    }
  }, 120_000);
});

describe.skipIf(!pgTestUrl)('backup and restore on PostgreSQL', () => {
  const schemas: string[] = [];
  const handles: DbHandle[] = [];
  const urlFor = (schema: string) => {
    const u = new URL(pgTestUrl!);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return u.href;
  };
  const open = async (schema: string) => {
    const h = await connectDatabase(
      { dialect: 'postgres', url: pgTestUrl! },
      { pgSchema: schema, pgPoolSize: 2 },
    );
    handles.push(h);
    return h;
  };
  afterAll(async () => {
    for (const h of handles.splice(0)) {
      for (const s of schemas) {
        await sql`drop schema if exists ${sql.id(s)} cascade`.execute(h.db).catch(() => {});
      }
      await h.close();
    }
  });

  it('dumps logically and restores into an empty schema with identical data and a working server', async () => {
    const source = freshSchemaName();
    const target = freshSchemaName();
    schemas.push(source, target);
    const src = await open(source);
    const { migrateToLatest } = await import('../src/db/migrator.ts');
    await migrateToLatest(src.db);
    const app = await buildTestApp(src);
    const client = testClient(app);
    const email = 'pg-backup-admin@example.org';
    await populate(async (m, u, b) => {
      const r = await client.request(m as 'GET', u, b ?? (m === 'GET' ? undefined : {}));
      return { status: r.status, json: r.json() };
    }, email);
    await app.close();

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'essaim-bk-pg-')), 'essaim.dump.gz');
    const dumped = await runCli(['backup', file, '--database-url', urlFor(source)]);
    expect(dumped.code, dumped.err).toBe(0);
    expect(dumped.out).toMatch(/PostgreSQL logical dump/);

    const dst = await open(target); // creates the empty schema
    const restored = await runCli(['restore', file, '--database-url', urlFor(target)]);
    expect(restored.code, restored.err).toBe(0);
    const before = await dataDigest(src.db as never, 'postgres');
    const after = await dataDigest(dst.db as never, 'postgres');
    expect(after.digest).toBe(before.digest);
    expect(after.tables.collectives).toBe(4);
    expect(restored.out).toContain(`digest: ${before.digest}`);
    await expect(restorePostgres(dst, file)).rejects.toThrow(/already holds data/);

    const restoredApp = await buildTestApp(dst);
    try {
      const c = testClient(restoredApp);
      expect((await c.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
      expect(JSON.stringify((await c.get('/api/orgs')).body)).toContain('Backed-up Org');
    } finally {
      await restoredApp.close();
    }
    expect(ORIGIN).toBeTruthy();
  }, 120_000);
});
