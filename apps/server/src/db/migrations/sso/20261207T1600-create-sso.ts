import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../../column-types.ts';

/**
 * Single sign-on (OpenID Connect): the identity providers (instance-wide when `org_id` is null), the
 * organisations that require SSO, the pending authorisation requests (state, nonce, PKCE verifier —
 * stored server-side so any instance behind the proxy can finish a sign-in another one started) and
 * which provider opened each session (for sign-out at the provider). Linked accounts are ordinary
 * `user_credentials` rows with provider `oidc:<provider id>` and the ID token's `sub` as subject.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('sso_providers')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('issuer', t.text, (c) => c.notNull())
    .addColumn('client_id', t.text, (c) => c.notNull())
    .addColumn('client_secret', t.text)
    .addColumn('scopes', t.text, (c) => c.notNull())
    .addColumn('enabled', t.bool, (c) => c.notNull())
    .addColumn('allow_jit', t.bool, (c) => c.notNull())
    .addColumn('jit_role', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_providers_org').on('sso_providers').column('org_id').execute();

  await db.schema
    .createTable('sso_org_policies')
    .addColumn('org_id', t.id, (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('require_sso', t.bool, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sso_login_requests')
    .addColumn('state_hash', t.text, (c) => c.primaryKey())
    .addColumn('provider_id', t.id, (c) => c.notNull().references('sso_providers.id').onDelete('cascade'))
    .addColumn('nonce', t.text, (c) => c.notNull())
    .addColumn('code_verifier', t.text, (c) => c.notNull())
    .addColumn('redirect_uri', t.text, (c) => c.notNull())
    .addColumn('link_user_id', t.id, (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('return_to', t.text, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sso_sessions')
    .addColumn('session_id', t.id, (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('provider_id', t.id, (c) => c.notNull().references('sso_providers.id').onDelete('cascade'))
    .addColumn('id_token', t.text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sso_sessions', 'sso_login_requests', 'sso_org_policies', 'sso_providers']) {
    await db.schema.dropTable(table).execute();
  }
}
