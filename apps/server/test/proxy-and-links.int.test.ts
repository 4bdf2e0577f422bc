import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { ServerConfig } from '../src/config.ts';
import type { DbHandle } from '../src/db/connect.ts';
import type { Mail } from '../src/lib/mailer.ts';
import { addMember, createOrg, ORIGIN, PASSWORD, setupAdmin, testClient, uniqueEmail } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/**
 * Issue 12 §6 and §9: client-chosen addresses and hosts (X-Forwarded-*), the sign-in back-off that
 * must not lock an owner out, the API docs, HTTPS-only headers and the join-code limits.
 */
describe.each(testDialects)('proxy headers, links and limits on $name', (dialect) => {
  let handle: DbHandle;
  const apps: AppInstance[] = [];

  beforeAll(async () => {
    handle = await dialect.open();
  });
  afterEach(async () => {
    for (const a of apps.splice(0)) {
      await a.close();
    }
  });
  afterAll(async () => {
    await handle.close();
  });

  async function appWith(overrides: Partial<ServerConfig> = {}) {
    const app = await buildTestApp(handle, overrides);
    apps.push(app);
    return app;
  }

  const signIn = (app: AppInstance, email: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      headers: { origin: ORIGIN, ...headers },
      ...(headers['x-remote'] ? { remoteAddress: headers['x-remote'] } : {}),
    });

  it('ignores X-Forwarded-For by default: 40 sign-ins to different accounts from one client hit 429', async () => {
    const app = await appWith();
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await signIn(app, uniqueEmail('spray'), 'wrong password!', {
        'x-forwarded-for': `198.51.100.${i}`,
      });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(10);
  });

  it('honours X-Forwarded-For only from a trusted proxy (TRUST_PROXY)', async () => {
    const admin = await setupAdminOnce();
    const ipOfSession = async (app: AppInstance, headers: Record<string, string>) => {
      const r = await signIn(app, admin.email, PASSWORD, headers);
      expect(r.statusCode).toBe(200);
      const cookie = String(r.headers['set-cookie']).split(';')[0]!;
      const me = await app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie } });
      const { sessions } = JSON.parse(me.body) as { sessions: { current: boolean; ip: string | null }[] };
      return sessions.find((s) => s.current)?.ip;
    };
    expect(await ipOfSession(await appWith(), { 'x-forwarded-for': '203.0.113.7' })).toBe('127.0.0.1');
    expect(await ipOfSession(await appWith({ trustProxy: 1 }), { 'x-forwarded-for': '203.0.113.7' })).toBe(
      '203.0.113.7',
    );
    expect(
      await ipOfSession(await appWith({ trustProxy: ['10.0.0.0/8'] }), { 'x-forwarded-for': '203.0.113.8' }),
    ).toBe('127.0.0.1');
  });

  it('never builds a link from X-Forwarded-Host (invitations, password reset)', async () => {
    const mails: Mail[] = [];
    const app = await appWith({ publicUrl: null });
    app.deps.mailer = { enabled: true, send: async (m) => void mails.push(m) };
    // Without PUBLIC_URL the only accepted origin is the one the request came to.
    const admin = await setupAdminOnce(app, 'http://localhost:80');
    const orgId = (
      await admin.client.post('/api/orgs', { name: 'Links Org' }, { origin: 'http://localhost:80' })
    ).json<{ id: string }>().id;
    const inv = await admin.client.post(
      `/api/orgs/${orgId}/invitations`,
      { email: uniqueEmail('inv'), role: 'member' },
      { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https', origin: 'http://localhost:80' },
    );
    expect(inv.status).toBe(200);
    expect(inv.json<{ link: string }>().link).not.toContain('evil.test');
    await admin.client.post(
      '/api/auth/password-reset',
      { email: admin.email },
      { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https', origin: 'http://localhost:80' },
    );
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const m of mails) {
      expect(m.text).not.toContain('evil.test');
    }
  });

  it('uses PUBLIC_URL for links even when a trusted proxy forwards another host', async () => {
    const app = await appWith({ publicUrl: 'https://essaim.example.org', trustProxy: 1 });
    const admin = await setupAdminOnce(app, 'https://essaim.example.org');
    const orgId = await admin.client.post(
      '/api/orgs',
      { name: 'Public URL Org' },
      { origin: 'https://essaim.example.org' },
    );
    const inv = await admin.client.post(
      `/api/orgs/${orgId.json<{ id: string }>().id}/invitations`,
      { email: uniqueEmail('inv'), role: 'member' },
      { 'x-forwarded-host': 'evil.test', origin: 'https://essaim.example.org' },
    );
    expect(inv.json<{ link: string }>().link).toMatch(/^https:\/\/essaim\.example\.org\/invite\//);
  });

  it("does not refuse the owner's correct password because of someone else's failures", async () => {
    const app = await appWith();
    const admin = await setupAdminOnce(app);
    const orgId = await createOrg(admin.client, 'Lockout Org');
    const victim = await addMember(app, admin.client, orgId, 'member');
    const attacker = { 'x-remote': '192.0.2.66' };
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await signIn(app, victim.email, 'guess guess guess', attacker)).statusCode);
    }
    expect(codes.at(-1)).toBe(429);
    // The owner, from their own address, is let in at once.
    const owner = await signIn(app, victim.email, PASSWORD, { 'x-remote': '192.0.2.10' });
    expect(owner.statusCode).toBe(200);
    // The attacker's address stays blocked, even with the right password.
    expect((await signIn(app, victim.email, PASSWORD, attacker)).statusCode).toBe(429);
  });

  it('serves /docs publicly in development, behind sign-in or not at all in production', async () => {
    const open = await appWith({ apiDocs: 'public' });
    expect((await open.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
    const guarded = await appWith({ apiDocs: 'signed-in' });
    for (const url of ['/docs/json', '/docs', '/docs/static/index.html']) {
      const r = await guarded.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(401);
    }
    const admin = await setupAdminOnce(guarded);
    const signed = await admin.client.get('/docs/json');
    expect(signed.status).toBe(200);
    expect(JSON.stringify(signed.body)).toContain('/api/auth/sign-in');
    const off = await appWith({ apiDocs: 'off' });
    expect((await off.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(404);
  });

  it('sends HSTS and upgrade-insecure-requests only when PUBLIC_URL is https', async () => {
    const plain = await (await appWith({ publicUrl: 'http://192.168.1.20:4000' })).inject({
      method: 'GET',
      url: '/healthz',
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const secure = await (await appWith({ publicUrl: 'https://essaim.example.org' })).inject({
      method: 'GET',
      url: '/healthz',
    });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('limits wrong join codes per address and instance-wide, so rotating addresses cannot enumerate', async () => {
    const app = await appWith();
    const admin = await setupAdminOnce(app);
    const orgId = await createOrg(admin.client, 'Join Org');
    const w = (await admin.client.post(`/api/orgs/${orgId}/workshops`, { title: 'Atelier' })).json<{
      code: string;
    }>();
    const guess = (i: number, code: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/workshops/join',
        payload: { code, displayName: `G${i}` },
        headers: { origin: ORIGIN },
        remoteAddress,
      });
    const wrong = (i: number) => {
      const letters = '34679ACDEFGHJKMNPQRTWXY';
      let code = '';
      for (let k = 0, n = i; k < 6; k++, n = Math.floor(n / 23)) {
        code += letters[n % 23];
      }
      return code === w.code ? 'XXXXXX' : code;
    };
    // One address: a back-off after a few wrong codes.
    const single: number[] = [];
    for (let i = 0; i < 15; i++) {
      single.push((await guess(i, wrong(i), '198.51.100.1')).statusCode);
    }
    expect(single.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(single.at(-1)).toBe(429);
    // Rotating addresses: the instance-wide ceiling stops the guessing…
    const rotating: number[] = [];
    for (let i = 0; i < 260; i++) {
      rotating.push((await guess(i, wrong(1000 + i), `10.${i >> 8}.${i & 255}.9`)).statusCode);
    }
    expect(rotating.filter((c) => c === 429).length).toBeGreaterThan(40);
    // …including a lucky right guess, which answers like a wrong one.
    const lucky = await guess(999, w.code, '10.200.0.1');
    expect(lucky.statusCode).toBe(429);
    expect(lucky.headers['retry-after']).toMatch(/^\d+$/);
  });

  let shared: Awaited<ReturnType<typeof setupAdmin>> | null = null;
  /** The instance's first account, created once per database; signed in again on each new app. */
  async function setupAdminOnce(app?: AppInstance, origin = ORIGIN) {
    const target = app ?? (await appWith());
    if (!shared) {
      shared = await setupAdmin(target);
      return shared;
    }
    const client = testClient(target);
    const r = await client.post('/api/auth/sign-in', { email: shared.email, password: PASSWORD }, { origin });
    expect(r.status).toBe(200);
    return { ...shared, client };
  }
});
