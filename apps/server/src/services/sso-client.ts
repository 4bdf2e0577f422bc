import * as oidc from 'openid-client';
import type { SsoProviderRow } from '../db/repositories/sso.repository.ts';

/**
 * The OpenID Connect client side (openid-client 6, certified by the OpenID Foundation): discovery,
 * authorisation URL with PKCE S256 (RFC 7636), state and nonce, and the code exchange whose ID token
 * is checked for signature, issuer, audience, expiry and nonce (OIDC Core §3.1.3.7).
 */

/** Discovered configurations, keyed by provider id and invalidated when the provider row changes. */
const cache = new Map<string, { version: string; config: Promise<oidc.Configuration> }>();

/** Plain http is allowed only for an issuer on the loopback interface (development and tests). */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

export function clientConfig(provider: SsoProviderRow): Promise<oidc.Configuration> {
  const version = `${provider.updated_at}|${provider.issuer}|${provider.client_id}`;
  const hit = cache.get(provider.id);
  if (hit && hit.version === version) {
    return hit.config;
  }
  const issuer = new URL(provider.issuer);
  const auth = provider.client_secret ? oidc.ClientSecretBasic(provider.client_secret) : oidc.None();
  const config = oidc.discovery(issuer, provider.client_id, undefined, auth, {
    // The ID token's signature is verified against the provider's keys even though it came over
    // the back channel (OIDC Core §3.1.3.7 makes that optional; a proxy or a bug can alter tokens).
    execute: isLoopbackHttp(issuer)
      ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks]
      : [oidc.enableNonRepudiationChecks],
    timeout: 10,
  });
  cache.set(provider.id, { version, config });
  // A failed discovery is not cached: the next attempt tries again.
  config.catch(() => {
    if (cache.get(provider.id)?.config === config) {
      cache.delete(provider.id);
    }
  });
  return config;
}

export interface AuthorisationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function buildAuthorisationRequest(
  provider: SsoProviderRow,
  redirectUri: string,
): Promise<AuthorisationRequest> {
  const config = await clientConfig(provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: provider.scopes,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  idToken: string;
}

/** A one-line explanation of an openid-client error: its message, code and the failing claim. */
export function describeOidcError(err: unknown): string {
  const e = err as { message?: string; code?: string; error?: string; cause?: unknown };
  const cause = e.cause as { claim?: string; attribute?: string; message?: string } | undefined;
  const parts = [e.message ?? String(err), e.code, e.error];
  if (cause && typeof cause === 'object') {
    parts.push(
      cause.claim ? `claim ${cause.claim}` : undefined,
      cause.attribute ? `attribute ${cause.attribute}` : undefined,
    );
    if (cause instanceof Error) {
      parts.push(cause.message);
    }
  }
  return parts.filter(Boolean).join(' | ');
}

/** Exchange the code; every check of the ID token is openid-client's, none is skipped. */
export async function exchangeCode(
  provider: SsoProviderRow,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  const config = await clientConfig(provider);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) {
    throw new Error('the provider returned no ID token');
  }
  // Providers that follow OIDC Core §5.4 strictly put scope claims (email, name) only in UserInfo;
  // fetchUserInfo checks that its `sub` is the ID token's.
  let claims: Record<string, unknown> = idClaims;
  if (claims.email === undefined && config.serverMetadata().userinfo_endpoint) {
    claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return {
    subject: idClaims.sub,
    email: str(claims.email)?.toLowerCase() ?? null,
    emailVerified: claims.email_verified === true,
    name: str(claims.name) ?? str(claims.preferred_username),
    idToken: tokens.id_token,
  };
}

/** The provider's RP-initiated logout URL (OIDC RP-Initiated Logout 1.0), when it has one. */
export async function endSessionUrl(
  provider: SsoProviderRow,
  idToken: string,
  postLogoutRedirectUri: string,
): Promise<string | null> {
  try {
    const config = await clientConfig(provider);
    if (!config.serverMetadata().end_session_endpoint) {
      return null;
    }
    return oidc.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    }).href;
  } catch {
    return null;
  }
}
