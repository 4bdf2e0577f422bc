/** Tables of single sign-on (OpenID Connect); see migrations/sso. */

export interface SsoProvidersTable {
  id: string;
  /** Null for a provider offered to the whole instance. */
  org_id: string | null;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  /** Space-separated, always including `openid`. */
  scopes: string;
  enabled: number;
  /** Create an account on first sign-in (just in time) when no account has the email. */
  allow_jit: number;
  /** Role given in the provider's organisation to accounts it creates or links. */
  jit_role: string;
  created_at: string;
  updated_at: string;
}

export interface SsoOrgPoliciesTable {
  org_id: string;
  require_sso: number;
  updated_at: string;
}

export interface SsoLoginRequestsTable {
  state_hash: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  link_user_id: string | null;
  return_to: string;
  created_at: string;
  expires_at: string;
}

export interface SsoSessionsTable {
  session_id: string;
  provider_id: string;
  id_token: string;
}

export interface SsoTables {
  sso_providers: SsoProvidersTable;
  sso_org_policies: SsoOrgPoliciesTable;
  sso_login_requests: SsoLoginRequestsTable;
  sso_sessions: SsoSessionsTable;
}
