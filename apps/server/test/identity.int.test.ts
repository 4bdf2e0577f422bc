import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createPasswordReset } from '../src/services/auth.service.ts';
import { addMember, createOrg, PASSWORD, setupAdmin, testClient, uniqueEmail } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('identity on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let admin: Awaited<ReturnType<typeof setupAdmin>>;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    expect((await testClient(app).get('/api/setup')).json()).toEqual({ needed: true });
    admin = await setupAdmin(app);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('makes the first account the administrator and refuses a second setup', async () => {
    const me = await admin.client.get('/api/me');
    expect(me.json()).toMatchObject({ user: { email: admin.email, isAdmin: true }, memberships: [] });
    expect((await testClient(app).get('/api/setup')).json()).toEqual({ needed: false });
    const again = await testClient(app).post('/api/setup', {
      email: uniqueEmail(),
      password: PASSWORD,
      displayName: 'X',
    });
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'SETUP_DONE' } });
  });

  it('sets an HttpOnly SameSite=Lax session cookie and stores only its hash', async () => {
    const c = testClient(app);
    const r = await c.post('/api/auth/sign-in', { email: admin.email, password: PASSWORD });
    expect(r.status).toBe(200);
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const token = c.cookie!.split('=')[1]!;
    const stored = await handle.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it('answers the same generic error for a wrong password and an unknown email', async () => {
    const wrong = await testClient(app).post(
      '/api/auth/sign-in',
      { email: admin.email, password: 'nope nope nope' },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    const unknown = await testClient(app).post(
      '/api/auth/sign-in',
      { email: uniqueEmail(), password: 'nope nope nope' },
      { 'x-forwarded-for': '10.0.0.2' },
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('backs off after repeated failures (429 with retryAfterSeconds) and the right password then waits too', async () => {
    const email = uniqueEmail('victim');
    const member = await addMember(
      app,
      admin.client,
      await createOrg(admin.client, 'Throttle Org'),
      'member',
      email,
    );
    const c = testClient(app);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push(
        (
          await c.post(
            '/api/auth/sign-in',
            { email, password: 'wrong password!' },
            { 'x-forwarded-for': '10.1.1.1' },
          )
        ).status,
      );
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.at(-1)).toBe(429);
    const blocked = await c.post(
      '/api/auth/sign-in',
      { email, password: PASSWORD },
      { 'x-forwarded-for': '10.1.1.9' },
    );
    expect(blocked.status).toBe(429);
    expect(blocked.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } },
    });
    expect(member.userId).toBeTruthy();
  });

  it('rejects cross-site unsafe requests (Origin and Sec-Fetch-Site)', async () => {
    const evil = await admin.client.post('/api/orgs', { name: 'Evil' }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.json()).toMatchObject({ error: { code: 'CSRF_REJECTED' } });
    const crossSite = await admin.client.post(
      '/api/orgs',
      { name: 'Evil' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const orgs = await admin.client.get('/api/orgs');
    expect(
      orgs.json<{ organisations: { name: string }[] }>().organisations.some((o) => o.name === 'Evil'),
    ).toBe(false);
  });

  it('lists and revokes sessions; a revoked session no longer works; sign-out ends the session', async () => {
    const a = testClient(app);
    await a.post('/api/auth/sign-in', { email: admin.email, password: PASSWORD });
    const b = testClient(app);
    await b.post('/api/auth/sign-in', { email: admin.email, password: PASSWORD });
    const list = await a.get('/api/me/sessions');
    const sessions = list.json<{ sessions: { id: string; current: boolean }[] }>().sessions;
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const bId = (await b.get('/api/me/sessions'))
      .json<{ sessions: { id: string; current: boolean }[] }>()
      .sessions.find((s) => s.current)!.id;
    expect((await a.del(`/api/me/sessions/${bId}`)).status).toBe(200);
    expect((await b.get('/api/me')).status).toBe(401);
    expect((await a.post('/api/auth/sign-out')).status).toBe(200);
    expect((await a.get('/api/me')).status).toBe(401);
  });

  it('expires idle sessions', async () => {
    const c = testClient(app);
    await c.post('/api/auth/sign-in', { email: admin.email, password: PASSWORD });
    await handle.db
      .updateTable('sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('revoked_at', 'is', null)
      .execute();
    expect((await c.get('/api/me')).status).toBe(401);
    await admin.client.post('/api/auth/sign-in', { email: admin.email, password: PASSWORD });
  });

  it('changes a password and revokes the other sessions', async () => {
    const email = uniqueEmail('pw');
    const orgId = await createOrg(admin.client, 'Pw Org');
    const m = await addMember(app, admin.client, orgId, 'member', email);
    const other = testClient(app);
    await other.post('/api/auth/sign-in', { email, password: PASSWORD });
    const bad = await m.client.post('/api/me/password', {
      currentPassword: 'wrong one!!',
      newPassword: 'another long password',
    });
    expect(bad.status).toBe(403);
    expect(
      (
        await m.client.post('/api/me/password', {
          currentPassword: PASSWORD,
          newPassword: 'another long password',
        })
      ).status,
    ).toBe(200);
    expect((await m.client.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
  });

  it('resets a password with a single-use link, and answers 202 for unknown emails', async () => {
    const email = uniqueEmail('reset');
    await addMember(app, admin.client, await createOrg(admin.client, 'Reset Org'), 'member', email);
    const unknown = await testClient(app).post(
      '/api/auth/password-reset',
      { email: uniqueEmail() },
      { 'x-forwarded-for': '10.2.0.1' },
    );
    const known = await testClient(app).post(
      '/api/auth/password-reset',
      { email },
      { 'x-forwarded-for': '10.2.0.2' },
    );
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const reset = await createPasswordReset(handle.db, email, { userId: null, ip: null, userAgent: null });
    const c = testClient(app);
    expect(
      (
        await c.post('/api/auth/password-reset/confirm', {
          token: reset!.token,
          newPassword: 'brand new password',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await c.post('/api/auth/password-reset/confirm', {
          token: reset!.token,
          newPassword: 'brand new password 2',
        })
      ).status,
    ).toBe(400);
    expect((await c.post('/api/auth/sign-in', { email, password: 'brand new password' })).status).toBe(200);
    const expired = await createPasswordReset(handle.db, email, { userId: null, ip: null, userAgent: null });
    await handle.db
      .updateTable('password_resets')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('used_at', 'is', null)
      .execute();
    expect(
      (
        await c.post('/api/auth/password-reset/confirm', {
          token: expired!.token,
          newPassword: 'brand new password 3',
        })
      ).status,
    ).toBe(400);
  });

  it('invites by expiring link; the invitee gets the invited role; links are single-use and revocable', async () => {
    const orgId = await createOrg(admin.client, 'Invite Org');
    const email = uniqueEmail('inv');
    const inv = await admin.client.post(`/api/orgs/${orgId}/invitations`, { email, role: 'sponsor' });
    expect(inv.status).toBe(200);
    const { link, emailed } = inv.json<{ link: string; emailed: boolean }>();
    expect(emailed).toBe(false);
    const token = link.split('/invite/')[1]!;
    const preview = await testClient(app).get(`/api/invitations/${token}`);
    expect(preview.json()).toMatchObject({
      orgName: 'Invite Org',
      role: 'sponsor',
      email,
      accountExists: false,
    });
    const anon = await testClient(app).post(`/api/invitations/${token}/accept`, {});
    expect(anon.status).toBe(401);
    const c = testClient(app);
    const acc = await c.post(`/api/invitations/${token}/accept`, {
      displayName: 'Sponsor Sam',
      password: PASSWORD,
    });
    expect(acc.json()).toMatchObject({ memberships: [{ orgId, role: 'sponsor' }] });
    expect((await testClient(app).get(`/api/invitations/${token}`)).status).toBe(404);
    const second = await admin.client.post(`/api/orgs/${orgId}/invitations`, {
      email: uniqueEmail(),
      role: 'member',
    });
    const secondId = second.json<{ invitation: { id: string } }>().invitation.id;
    expect((await admin.client.del(`/api/orgs/${orgId}/invitations/${secondId}`)).status).toBe(200);
    expect(
      (
        await testClient(app).get(
          `/api/invitations/${second.json<{ link: string }>().link.split('/invite/')[1]}`,
        )
      ).status,
    ).toBe(404);
  });

  it('keeps at least one owner', async () => {
    const orgId = await createOrg(admin.client, 'Owner Org');
    const leave = await admin.client.del(`/api/orgs/${orgId}/members/${admin.userId}`);
    expect(leave.status).toBe(409);
    const demote = await admin.client.patch(`/api/orgs/${orgId}/members/${admin.userId}`, { role: 'member' });
    expect(demote.status).toBe(409);
  });

  it('writes an append-only audit log that owners can filter and export as CSV', async () => {
    const orgId = await createOrg(admin.client, 'Audit Org');
    const m = await addMember(app, admin.client, orgId, 'member');
    await admin.client.patch(`/api/orgs/${orgId}/members/${m.userId}`, { role: 'observer' });
    const page = await admin.client.get(`/api/orgs/${orgId}/audit`);
    const actions = page.json<{ entries: { action: string }[] }>().entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'org.created',
        'invitation.created',
        'invitation.accepted',
        'member.role_changed',
      ]),
    );
    const filtered = await admin.client.get(`/api/orgs/${orgId}/audit?action=member.`);
    expect(
      filtered.json<{ entries: { action: string }[] }>().entries.every((e) => e.action.startsWith('member.')),
    ).toBe(true);
    const one = await admin.client.get(`/api/orgs/${orgId}/audit?limit=1`);
    const next = one.json<{ nextBefore: string }>().nextBefore;
    expect(next).toBeTruthy();
    const page2 = await admin.client.get(`/api/orgs/${orgId}/audit?limit=1&before=${next}`);
    expect(page2.json<{ entries: { id: string }[] }>().entries[0]?.id).not.toBe(
      one.json<{ entries: { id: string }[] }>().entries[0]?.id,
    );
    const csv = await admin.client.get(`/api/orgs/${orgId}/audit.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.body)).toContain('member.role_changed');
    expect((await m.client.get(`/api/orgs/${orgId}/audit`)).status).toBe(403);
    await expect(sql`update audit_log set action = 'x'`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('exports personal data and deletes the account as the policy says', async () => {
    const orgId = await createOrg(admin.client, 'Gdpr Org');
    const email = uniqueEmail('gdpr');
    const m = await addMember(app, admin.client, orgId, 'facilitator', email);
    const exp = await m.client.get('/api/me/export');
    expect(exp.status).toBe(200);
    expect(exp.json()).toMatchObject({
      format: 'essaim.personal-data',
      profile: { email },
      memberships: [{ orgId, role: 'facilitator' }],
    });
    const preview = await m.client.get('/api/me/deletion-preview');
    expect(preview.json()).toMatchObject({
      canDelete: true,
      organisations: [{ orgId, policy: 'anonymise', soleOwner: false }],
    });
    expect(
      (await m.client.del('/api/me', { password: PASSWORD, confirmEmail: 'someone@else.org' })).status,
    ).toBe(400);
    expect((await m.client.del('/api/me', { password: PASSWORD, confirmEmail: email })).status).toBe(200);
    expect((await m.client.get('/api/me')).status).toBe(401);
    expect((await testClient(app).post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(401);
    const members = await admin.client.get(`/api/orgs/${orgId}/members`);
    expect(JSON.stringify(members.body)).not.toContain(email);
    const soleOwnerPreview = await admin.client.get('/api/me/deletion-preview');
    expect(soleOwnerPreview.json<{ canDelete: boolean }>().canDelete).toBe(false);
  });
});
