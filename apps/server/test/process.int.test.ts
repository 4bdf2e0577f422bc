import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket, runCli, type SpawnedServer, spawnServer } from './spawn-server.ts';

describe('essaim start as a process', () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('is ready, and answers WebSocket subscribe, reactions, presence and bad messages', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const a = await openSocket(server.url);
    const b = await openSocket(server.url);
    await a.waitFor((m) => m.type === 'hello');
    a.send({ type: 'subscribe', room: 'lobby:demo' });
    b.send({ type: 'subscribe', room: 'lobby:demo' });
    await a.waitFor((m) => m.type === 'subscribed');
    await b.waitFor((m) => m.type === 'subscribed');
    await a.waitFor((m) => m.type === 'presence' && m.count === 2);
    a.send({ type: 'react', room: 'lobby:demo', reaction: 'applause' });
    const r = await b.waitFor((m) => m.type === 'reaction');
    expect(r).toMatchObject({ room: 'lobby:demo', reaction: 'applause' });
    b.send({ type: 'subscribe', room: 'workshop:nope' });
    await b.waitFor((m) => m.type === 'error' && m.code === 'FORBIDDEN');
    b.ws.send('not json');
    await b.waitFor((m) => m.type === 'error' && m.code === 'VALIDATION_FAILED');
    b.close();
    await a.waitFor((m) => m.type === 'presence' && m.count === 1);
    a.close();
  });

  it('drains and exits 0 on SIGTERM', async () => {
    const other = await spawnServer();
    const socket = await openSocket(other.url);
    const closed = new Promise((resolve) => socket.ws.on('close', resolve));
    expect(await other.stop('SIGTERM')).toBe(0);
    await closed;
    expect(other.output()).toContain('SIGTERM received, draining');
  });
});

// Each case spawns the CLI several times; on a loaded two-core CI machine a start can take seconds.
describe('essaim CLI', { timeout: 120_000 }, () => {
  it('prints one clear line and exits non-zero on a malformed DATABASE_URL', async () => {
    const r = await runCli(['start', '--database-url', 'mysql://nope']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('unsupported DATABASE_URL scheme');
  });

  it('refuses to start with SMTP but no PUBLIC_URL, in one line, exit 1', async () => {
    const r = await runCli(['start', '--port', '0'], { SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: '' });
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('SMTP_URL is set but PUBLIC_URL is not');
  });

  it('says which port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const r = await runCli([
      'start',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data',
      `/tmp/essaim-port-test-${Date.now()}`,
    ]);
    blocker.close();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`port ${port} is already in use`);
  });

  it('migrates and lists migrations', async () => {
    const dir = `/tmp/essaim-cli-${Date.now()}`;
    const before = await runCli(['db', 'status', '--data', dir]);
    expect(before.out).toMatch(/0 applied, \d+ pending/);
    const migrate = await runCli(['db', 'migrate', '--data', dir]);
    expect(migrate.code).toBe(0);
    expect(migrate.out).toContain('applied:');
    const after = await runCli(['db', 'status', '--data', dir]);
    expect(after.out).toMatch(/\d+ applied, 0 pending/);
  });

  it('creates, lists and disables accounts and prints reset links for operators', async () => {
    const dir = `/tmp/essaim-users-${Date.now()}`;
    const created = await runCli([
      'users',
      'create',
      'ops@example.org',
      '--name',
      'Ops',
      '--admin',
      '--data',
      dir,
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/password: \S{10,}/);
    expect((await runCli(['users', 'create', 'ops@example.org', '--name', 'Ops', '--data', dir])).code).toBe(
      1,
    );
    expect((await runCli(['users', 'list', '--data', dir])).out).toContain('ops@example.org\tOps');
    const link = await runCli([
      'users',
      'reset-link',
      'ops@example.org',
      '--data',
      dir,
      '--public-url',
      'https://essaim.example.org',
    ]);
    expect(link.out).toMatch(/^https:\/\/essaim\.example\.org\/reset-password\?token=[\w-]{40,}/);
    expect((await runCli(['users', 'disable', 'ops@example.org', '--data', dir])).out).toContain('disabled');
    expect((await runCli(['users', 'reset-link', 'ops@example.org', '--data', dir])).code).toBe(1);
  });

  it('prints its version and help on every command', async () => {
    expect((await runCli(['--version'])).out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['db', 'migrate', '--help'],
      ['db', 'status', '--help'],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: essaim');
    }
  });
});
