import type { SsoProvider, SsoProviderBody } from '@essaim/contracts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import { sessionsRepository } from '../db/repositories/sessions.repository.ts';
import { type SsoProviderRow, ssoRepository } from '../db/repositories/sso.repository.ts';
import { type Db, type UserRow, usersRepository } from '../db/repositories/users.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { addSeconds, hashToken, newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { openSession } from './auth.service.ts';
import { buildAuthorisationRequest, describeOidcError, endSessionUrl, exchangeCode } from './sso-client.ts';

/** A pending sign-in lives ten minutes: long enough to type a password and pass a second factor. */
const LOGIN_REQUEST_TTL_SECONDS = 600;

/** Why a callback was refused; the web app shows a message per reason (`sso.errors.<reason>`). */
export type SsoFailureReason =
  | 'state_unknown'
  | 'provider_error'
  | 'token_rejected'
  | 'provider_unavailable'
  | 'account_exists'
  | 'no_account'
  | 'email_missing'
  | 'account_disabled'
  | 'already_linked';

export class SsoFailure extends Error {
  constructor(
    readonly reason: SsoFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export function presentProvider(row: SsoProviderRow, redirectUri: string): SsoProvider {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: !!row.client_secret,
    scopes: row.scopes,
    enabled: row.enabled === 1,
    allowJit: row.allow_jit === 1,
    jitRole: row.jit_role as SsoProvider['jitRole'],
    redirectUri,
    createdAt: row.created_at,
  };
}

function normaliseScopes(scopes: string | undefined): string {
  const list = (scopes ?? 'openid email profile').split(' ').filter(Boolean);
  return [...new Set(['openid', ...list])].join(' ');
}

export async function createProvider(
  db: Db,
  orgId: string | null,
  body: SsoProviderBody,
  actor: Actor,
): Promise<SsoProviderRow> {
  const now = nowIso();
  const row: SsoProviderRow = {
    id: newId(),
    org_id: orgId,
    name: body.name,
    issuer: body.issuer.replace(/\/$/, ''),
    client_id: body.clientId,
    client_secret: body.clientSecret ? body.clientSecret : null,
    scopes: normaliseScopes(body.scopes),
    enabled: body.enabled === false ? 0 : 1,
    allow_jit: body.allowJit === false ? 0 : 1,
    jit_role: body.jitRole ?? 'member',
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await ssoRepository.insertProvider(trx, row);
    await recordAudit(trx, actor, {
      orgId,
      action: 'sso.provider_created',
      objectKind: 'sso_provider',
      objectId: row.id,
    });
  });
  return row;
}

/** The provider with this id in this organisation (or instance-wide when `orgId` is null); 404 otherwise. */
export async function providerIn(db: Db, orgId: string | null, id: string): Promise<SsoProviderRow> {
  const row = await ssoRepository.findProvider(db, id);
  if (!row || row.org_id !== orgId) {
    throw new AppError('NOT_FOUND', 'identity provider not found');
  }
  return row;
}

export async function updateProvider(
  db: Db,
  row: SsoProviderRow,
  body: Partial<SsoProviderBody>,
  actor: Actor,
): Promise<SsoProviderRow> {
  const patch: Partial<SsoProviderRow> = { updated_at: nowIso() };
  if (body.name !== undefined) {
    patch.name = body.name;
  }
  if (body.issuer !== undefined) {
    patch.issuer = body.issuer.replace(/\/$/, '');
  }
  if (body.clientId !== undefined) {
    patch.client_id = body.clientId;
  }
  if (body.clientSecret !== undefined) {
    patch.client_secret = body.clientSecret || null;
  }
  if (body.scopes !== undefined) {
    patch.scopes = normaliseScopes(body.scopes);
  }
  if (body.enabled !== undefined) {
    patch.enabled = body.enabled ? 1 : 0;
  }
  if (body.allowJit !== undefined) {
    patch.allow_jit = body.allowJit ? 1 : 0;
  }
  if (body.jitRole !== undefined) {
    patch.jit_role = body.jitRole;
  }
  await db.transaction().execute(async (trx) => {
    await ssoRepository.updateProvider(trx, row.id, patch);
    await recordAudit(trx, actor, {
      orgId: row.org_id,
      action: 'sso.provider_updated',
      objectKind: 'sso_provider',
      objectId: row.id,
      details: { fields: Object.keys(body).filter((k) => k !== 'clientSecret') },
    });
  });
  return { ...row, ...patch };
}

export async function deleteProvider(db: Db, row: SsoProviderRow, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await ssoRepository.deleteProvider(trx, row.id);
    await recordAudit(trx, actor, {
      orgId: row.org_id,
      action: 'sso.provider_deleted',
      objectKind: 'sso_provider',
      objectId: row.id,
    });
  });
}

/** An enabled provider, for starting a sign-in; disabled and unknown ones look the same. */
async function enabledProvider(db: Db, id: string): Promise<SsoProviderRow> {
  const row = await ssoRepository.findProvider(db, id);
  if (row?.enabled !== 1) {
    throw new AppError('NOT_FOUND', 'identity provider not found');
  }
  return row;
}

/**
 * Start the authorisation code flow: remember state, nonce and PKCE verifier server-side (hashed
 * state as key) and return the provider's URL. With `linkUserId`, the callback links instead of signing in.
 */
export async function startSso(
  db: Db,
  providerId: string,
  input: { redirectUri: string; returnTo: string; linkUserId: string | null },
): Promise<string> {
  const provider = await enabledProvider(db, providerId);
  if (input.linkUserId && provider.org_id) {
    // An organisation's provider links only accounts of its members.
    if (!(await organisationsRepository.membership(db, provider.org_id, input.linkUserId))) {
      throw new AppError('NOT_FOUND', 'identity provider not found');
    }
  }
  let request: Awaited<ReturnType<typeof buildAuthorisationRequest>>;
  try {
    request = await buildAuthorisationRequest(provider, input.redirectUri);
  } catch (err) {
    throw new AppError('BAD_REQUEST', 'the identity provider cannot be reached', {
      reason: 'provider_unavailable',
      message: (err as Error).message.slice(0, 200),
    });
  }
  const now = nowIso();
  await ssoRepository.purgeExpiredRequests(db, now);
  await ssoRepository.insertLoginRequest(db, {
    state_hash: hashToken(request.state),
    provider_id: provider.id,
    nonce: request.nonce,
    code_verifier: request.codeVerifier,
    redirect_uri: input.redirectUri,
    link_user_id: input.linkUserId,
    return_to: input.returnTo,
    created_at: now,
    expires_at: addSeconds(now, LOGIN_REQUEST_TTL_SECONDS),
  });
  return request.url;
}

export type SsoOutcome =
  | { kind: 'signed-in'; user: UserRow; token: string; returnTo: string; created: boolean }
  | { kind: 'linked'; user: UserRow; returnTo: string };

/**
 * Finish the flow from the callback's query string. The pending request is consumed first (a replayed
 * callback finds nothing), then openid-client exchanges the code and checks the ID token.
 */
export async function finishSso(db: Db, query: URLSearchParams, actor: Actor): Promise<SsoOutcome> {
  const state = query.get('state');
  const pending = state ? await ssoRepository.takeLoginRequest(db, hashToken(state)) : undefined;
  if (!state || !pending || pending.expires_at <= nowIso()) {
    throw new SsoFailure('state_unknown', 'no pending sign-in matches this state');
  }
  const provider = await ssoRepository.findProvider(db, pending.provider_id);
  if (provider?.enabled !== 1) {
    throw new SsoFailure('provider_unavailable', 'the identity provider is no longer enabled');
  }
  if (query.get('error')) {
    throw new SsoFailure('provider_error', `provider answered ${query.get('error')}`.slice(0, 200));
  }
  const callbackUrl = new URL(pending.redirect_uri);
  callbackUrl.search = query.toString();
  let identity: Awaited<ReturnType<typeof exchangeCode>>;
  try {
    identity = await exchangeCode(provider, callbackUrl, {
      state,
      nonce: pending.nonce,
      codeVerifier: pending.code_verifier,
    });
  } catch (err) {
    throw new SsoFailure('token_rejected', describeOidcError(err).slice(0, 300));
  }

  return db.transaction().execute(async (trx): Promise<SsoOutcome> => {
    const now = nowIso();
    const credential = await ssoRepository.findCredential(trx, provider.id, identity.subject);
    if (pending.link_user_id) {
      const user = await usersRepository.findById(trx, pending.link_user_id);
      if (!user || user.disabled_at) {
        throw new SsoFailure('account_disabled', 'the account to link is gone or disabled');
      }
      if (credential && credential.user_id !== user.id) {
        throw new SsoFailure('already_linked', 'this identity is linked to another account');
      }
      if (!credential) {
        if (await ssoRepository.findUserLink(trx, user.id, provider.id)) {
          throw new SsoFailure('already_linked', 'this account is already linked to another identity here');
        }
        await ssoRepository.insertCredential(trx, user.id, provider.id, identity.subject, now);
        await recordAudit(
          trx,
          { ...actor, userId: user.id },
          {
            orgId: provider.org_id,
            action: 'auth.sso_linked',
            objectKind: 'sso_provider',
            objectId: provider.id,
          },
        );
      }
      return { kind: 'linked', user, returnTo: pending.return_to };
    }

    let user: UserRow | undefined;
    let created = false;
    if (credential) {
      user = await usersRepository.findById(trx, credential.user_id);
    } else {
      if (!identity.email) {
        throw new SsoFailure('email_missing', 'the provider did not share an email address');
      }
      if (await usersRepository.findByEmail(trx, identity.email)) {
        // Never link by email alone: the person proves they own the account by signing in, then links.
        throw new SsoFailure(
          'account_exists',
          'an account has this email: sign in and link it from your account',
        );
      }
      if (provider.allow_jit !== 1 || !identity.emailVerified) {
        throw new SsoFailure('no_account', 'no account is linked to this identity');
      }
      user = {
        id: newId(),
        email: identity.email,
        display_name: (identity.name ?? identity.email.split('@')[0]!).slice(0, 120),
        language: 'fr',
        is_admin: 0,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      };
      await usersRepository.insert(trx, user);
      await ssoRepository.insertCredential(trx, user.id, provider.id, identity.subject, now);
      if (provider.org_id) {
        await organisationsRepository.addMember(trx, {
          org_id: provider.org_id,
          user_id: user.id,
          role: provider.jit_role,
          created_at: now,
        });
      }
      created = true;
      await recordAudit(
        trx,
        { ...actor, userId: user.id },
        {
          orgId: provider.org_id,
          action: 'auth.sso_account_created',
          objectKind: 'user',
          objectId: user.id,
          details: { providerId: provider.id },
        },
      );
    }
    if (!user || user.disabled_at) {
      throw new SsoFailure('account_disabled', 'this account is disabled');
    }
    const token = await openSession(trx, user.id, actor);
    const session = await sessionsRepository.findLive(trx, hashToken(token), now);
    await ssoRepository.recordSession(trx, session!.id, provider.id, identity.idToken);
    await recordAudit(
      trx,
      { ...actor, userId: user.id },
      {
        orgId: null,
        action: 'auth.sign_in',
        objectKind: 'user',
        objectId: user.id,
        details: { via: 'sso', providerId: provider.id },
      },
    );
    return { kind: 'signed-in', user, token, returnTo: pending.return_to, created };
  });
}

/** Record a refused callback in the audit log (no user, so no organisation). */
export async function recordSsoFailure(db: Db, actor: Actor, failure: SsoFailure): Promise<void> {
  await recordAudit(db, actor, {
    orgId: null,
    action: 'auth.sso_failed',
    details: { reason: failure.reason, message: failure.message },
  });
}

/**
 * Password sign-in is refused to members of an organisation that requires single sign-on; instance
 * administrators keep it, so an outage of the provider cannot lock the instance out.
 */
export async function assertPasswordSignInAllowed(db: Db, user: UserRow): Promise<void> {
  if (user.is_admin === 1) {
    return;
  }
  const orgs = await ssoRepository.ssoOnlyOrgsOf(db, user.id);
  if (orgs.length > 0) {
    throw new AppError('FORBIDDEN', 'your organisation requires single sign-on', { reason: 'SSO_REQUIRED' });
  }
}

export async function setOrgPolicy(db: Db, orgId: string, requireSso: boolean, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (requireSso) {
      const providers = await ssoRepository.listProviders(trx, orgId);
      const instanceWide = await ssoRepository.listProviders(trx, null);
      if (![...providers, ...instanceWide].some((p) => p.enabled === 1)) {
        throw new AppError('CONFLICT', 'add and enable an identity provider before requiring single sign-on');
      }
    }
    await ssoRepository.setRequireSso(trx, orgId, requireSso, nowIso());
    await recordAudit(trx, actor, { orgId, action: 'sso.policy_changed', details: { requireSso } });
  });
}

export async function unlink(db: Db, user: UserRow, providerId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await ssoRepository.findUserLink(trx, user.id, providerId))) {
      throw new AppError('NOT_FOUND', 'no such linked identity');
    }
    if ((await ssoRepository.countCredentials(trx, user.id)) <= 1) {
      throw new AppError(
        'CONFLICT',
        'this is your only way to sign in: set a password or link another first',
      );
    }
    await ssoRepository.deleteUserLink(trx, user.id, providerId);
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'auth.sso_unlinked',
      objectKind: 'sso_provider',
      objectId: providerId,
    });
  });
}

/** For sign-out: the provider's logout URL when the session came from it. */
export async function providerSignOutUrl(
  db: Db,
  sessionId: string,
  postLogoutRedirectUri: string,
): Promise<string | null> {
  const row = await ssoRepository.findSession(db, sessionId);
  const provider = row ? await ssoRepository.findProvider(db, row.provider_id) : undefined;
  return row && provider ? endSessionUrl(provider, row.id_token, postLogoutRedirectUri) : null;
}
