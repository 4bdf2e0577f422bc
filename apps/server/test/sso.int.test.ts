import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import {
  addMember,
  createOrg,
  ORIGIN,
  PASSWORD,
  setupAdmin,
  type TestClient,
  testClient,
  uniqueEmail,
} from './factories.ts';
import { signInAtIdp, startTestIdp, type TestIdp } from './oidc-idp.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/**
 * Single sign-on against a real OpenID provider (oidc-provider) on a loopback port: the whole
 * authorisation code flow with PKCE, and each check an attacker in the middle would try to slip past.
 */
let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp(ORIGIN);
});
afterAll(async () => {
  await idp.close();
});

describe.each(testDialects)('single sign-on on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let admin: Awaited<ReturnType<typeof setupAdmin>>;
  let orgId: string;
  let providerId: string;
  let counter = 0;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    admin = await setupAdmin(app);
    orgId = await createOrg(admin.client, 'SSO Org');
    const r = await admin.client.post(`/api/orgs/${orgId}/sso/providers`, {
      name: 'Test IdP',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      jitRole: 'member',
    });
    expect(r.status).toBe(200);
    providerId = r.json<{ id: string }>().id;
    expect(r.json()).not.toHaveProperty('clientSecret');
    expect(r.json<{ redirectUri: string }>().redirectUri).toBe(`${ORIGIN}/api/auth/sso/callback`);
  });
  afterAll(async () => {
    idp.mode = 'pass';
    await app.close();
    await handle.close();
  });

  function newIdentity(verified = true) {
    const sub = `sub-${dialect.name}-${counter++}`;
    const email = uniqueEmail('sso');
    idp.accounts.set(sub, { email, email_verified: verified, name: `Person ${sub}` });
    return { sub, email };
  }

  /** Start at Essaim, sign in at the provider (optionally altering the authorisation URL), come back. */
  async function roundTrip(
    client: TestClient,
    sub: string,
    options: { pid?: string; startUrl?: string; alter?: (u: URL) => void } = {},
  ) {
    const start = await client.post(options.startUrl ?? `/api/auth/sso/${options.pid ?? providerId}/start`, {
      returnTo: '/home',
    });
    expect(start.status).toBe(200);
    const authUrl = new URL(start.json<{ url: string }>().url);
    options.alter?.(authUrl);
    const back = await signInAtIdp(authUrl.href, sub, ORIGIN);
    const callback = `${back.pathname}${back.search}`;
    return { authUrl, callback, response: await client.get(callback) };
  }

  async function lastFailure(): Promise<{ reason: string; message: string }> {
    const row = await handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.sso_failed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    return typeof row.details === 'string' ? JSON.parse(row.details) : (row.details as never);
  }

  it('lists enabled providers for the sign-in page', async () => {
    const r = await testClient(app).get('/api/auth/sso/providers');
    expect(r.json<{ providers: unknown[] }>().providers).toEqual([
      { id: providerId, name: 'Test IdP', orgId, orgName: 'SSO Org' },
    ]);
  });

  it('signs in with the authorisation code flow and PKCE, creating the account just in time', async () => {
    const { sub, email } = newIdentity();
    const client = testClient(app);
    const { authUrl, callback, response } = await roundTrip(client, sub);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/home');
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    const body = me.json<{
      user: { id: string; email: string };
      memberships: { orgId: string; role: string }[];
    }>();
    expect(body.user.email).toBe(email);
    expect(body.memberships).toEqual([expect.objectContaining({ orgId, role: 'member' })]);

    // Again: the same account, no second one.
    const again = testClient(app);
    await roundTrip(again, sub);
    expect((await again.get('/api/me')).json<{ user: { id: string } }>().user.id).toBe(body.user.id);

    // Replaying the first callback: the state was consumed.
    const replay = await testClient(app).get(callback);
    expect(replay.headers.location).toBe('/sign-in?ssoError=state_unknown');
  });

  it('refuses a callback whose state it never issued', async () => {
    const client = testClient(app);
    const r = await client.get('/api/auth/sso/callback?code=abc&state=forged-state');
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/sign-in?ssoError=state_unknown');
    expect(client.cookie).toBeNull();
  });

  it('refuses a code obtained with another PKCE challenge', async () => {
    const { sub } = newIdentity();
    const client = testClient(app);
    const { response } = await roundTrip(client, sub, {
      alter: (u) => u.searchParams.set('code_challenge', 'A'.repeat(43)),
    });
    expect(response.headers.location).toBe('/sign-in?ssoError=token_rejected');
    expect((await lastFailure()).message).toMatch(/invalid_grant|PKCE/i);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('refuses an ID token carrying another nonce', async () => {
    const { sub } = newIdentity();
    const client = testClient(app);
    const { response } = await roundTrip(client, sub, {
      alter: (u) => u.searchParams.set('nonce', 'attacker-nonce'),
    });
    expect(response.headers.location).toBe('/sign-in?ssoError=token_rejected');
    expect((await lastFailure()).message).toMatch(/nonce/i);
    expect(client.cookie).toBeNull();
  });

  it('refuses a tampered ID token', async () => {
    const { sub } = newIdentity();
    const client = testClient(app);
    idp.mode = 'tamper-id-token';
    try {
      const { response } = await roundTrip(client, sub);
      expect(response.headers.location).toBe('/sign-in?ssoError=token_rejected');
    } finally {
      idp.mode = 'pass';
    }
    expect((await lastFailure()).message).toMatch(/signature/i);
    expect(client.cookie).toBeNull();
  });

  it('refuses an ID token for another audience', async () => {
    const { sub } = newIdentity();
    const client = testClient(app);
    idp.mode = 'token-as-other-client';
    try {
      const { response } = await roundTrip(client, sub, {
        alter: (u) => u.searchParams.set('client_id', idp.otherClientId),
      });
      expect(response.headers.location).toBe('/sign-in?ssoError=token_rejected');
    } finally {
      idp.mode = 'pass';
    }
    expect((await lastFailure()).message).toMatch(/aud/i);
    expect(client.cookie).toBeNull();
  });

  it('refuses an ID token from another issuer than the configured one', async () => {
    const other = await admin.client.post('/api/admin/sso/providers', {
      name: 'Same IdP, other name',
      issuer: idp.otherIssuerName,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      enabled: true,
    });
    expect(other.status).toBe(200);
    const pid = other.json<{ id: string }>().id;
    const { sub } = newIdentity();
    const client = testClient(app);
    idp.mode = 'announce-other-issuer';
    try {
      const { response } = await roundTrip(client, sub, { pid });
      expect(response.headers.location).toBe('/sign-in?ssoError=token_rejected');
    } finally {
      idp.mode = 'pass';
      await admin.client.del(`/api/admin/sso/providers/${pid}`);
    }
    expect((await lastFailure()).message).toMatch(/iss/i);
    expect(client.cookie).toBeNull();
  });

  it('never links by email alone; a signed-in person links their account, then signs in with it', async () => {
    const member = await addMember(app, admin.client, orgId, 'facilitator');
    const sub = `sub-${dialect.name}-${counter++}`;
    idp.accounts.set(sub, { email: member.email, email_verified: true, name: 'Same email' });
    const stranger = testClient(app);
    const { response } = await roundTrip(stranger, sub);
    expect(response.headers.location).toBe('/sign-in?ssoError=account_exists');
    expect(stranger.cookie).toBeNull();

    const link = await roundTrip(member.client, sub, { startUrl: `/api/me/sso-links/${providerId}` });
    expect(link.response.headers.location).toBe('/home?sso=linked');
    const links = await member.client.get('/api/me/sso-links');
    expect(links.json<{ links: { providerId: string; subject: string }[] }>().links).toEqual([
      expect.objectContaining({ providerId, subject: sub }),
    ]);

    const fresh = testClient(app);
    await roundTrip(fresh, sub);
    expect((await fresh.get('/api/me')).json<{ user: { id: string } }>().user.id).toBe(member.userId);

    // Unlinking keeps the password; the identity no longer signs in.
    expect((await member.client.del(`/api/me/sso-links/${providerId}`)).status).toBe(200);
    expect((await roundTrip(testClient(app), sub)).response.headers.location).toBe(
      '/sign-in?ssoError=account_exists',
    );
  });

  it('requires single sign-on for an organisation’s members when asked, but not for the instance admin', async () => {
    const member = await addMember(app, admin.client, orgId, 'observer');
    const before = await testClient(app).post('/api/auth/sign-in', {
      email: member.email,
      password: PASSWORD,
    });
    expect(before.status).toBe(200);
    expect(
      (await member.client.request('PUT', `/api/orgs/${orgId}/sso/policy`, { requireSso: true })).status,
    ).toBe(403);
    const put = await admin.client.request('PUT', `/api/orgs/${orgId}/sso/policy`, { requireSso: true });
    expect(put.status).toBe(200);
    const refused = await testClient(app).post('/api/auth/sign-in', {
      email: member.email,
      password: PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(refused.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'SSO_REQUIRED',
    );
    const adminSignIn = await testClient(app).post('/api/auth/sign-in', {
      email: admin.email,
      password: PASSWORD,
    });
    expect(adminSignIn.status).toBe(200);
    await admin.client.request('PUT', `/api/orgs/${orgId}/sso/policy`, { requireSso: false });
    expect(
      (await testClient(app).post('/api/auth/sign-in', { email: member.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('does not create accounts when just-in-time creation is off or the email is unverified', async () => {
    const unverified = newIdentity(false);
    expect((await roundTrip(testClient(app), unverified.sub)).response.headers.location).toBe(
      '/sign-in?ssoError=no_account',
    );
    await admin.client.patch(`/api/orgs/${orgId}/sso/providers/${providerId}`, { allowJit: false });
    try {
      const { sub } = newIdentity();
      expect((await roundTrip(testClient(app), sub)).response.headers.location).toBe(
        '/sign-in?ssoError=no_account',
      );
    } finally {
      await admin.client.patch(`/api/orgs/${orgId}/sso/providers/${providerId}`, { allowJit: true });
    }
  });

  it('signs out here and hands back the provider’s logout URL', async () => {
    const { sub } = newIdentity();
    const client = testClient(app);
    await roundTrip(client, sub);
    const out = await client.post('/api/auth/sso/sign-out');
    expect(out.status).toBe(200);
    const url = new URL(out.json<{ providerSignOutUrl: string }>().providerSignOutUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/sign-in`);
    expect((await client.get('/api/me')).status).toBe(401);
    const provider = await fetch(url, { redirect: 'manual' });
    expect(provider.status).toBe(200);
  });

  it('keeps provider configuration to administrators', async () => {
    const member = await addMember(app, admin.client, orgId, 'facilitator');
    expect((await member.client.get(`/api/orgs/${orgId}/sso/providers`)).status).toBe(403);
    expect((await member.client.get('/api/admin/sso/providers')).status).toBe(403);
    const list = await admin.client.get(`/api/orgs/${orgId}/sso/providers`);
    expect(JSON.stringify(list.body)).not.toContain(idp.clientSecret);
    const disabled = await admin.client.patch(`/api/orgs/${orgId}/sso/providers/${providerId}`, {
      enabled: false,
    });
    expect(disabled.json<{ enabled: boolean }>().enabled).toBe(false);
    expect((await testClient(app).post(`/api/auth/sso/${providerId}/start`, {})).status).toBe(404);
    await admin.client.patch(`/api/orgs/${orgId}/sso/providers/${providerId}`, { enabled: true });
  });
});
