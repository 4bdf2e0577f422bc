import type { SsoLoginRequestsTable, SsoProvidersTable } from '../tables/sso.ts';
import type { Db } from './users.repository.ts';

export type SsoProviderRow = SsoProvidersTable;
export type SsoLoginRequestRow = SsoLoginRequestsTable;

/** The credential kind of an OpenID provider in `user_credentials`. */
export const credentialKind = (providerId: string): string => `oidc:${providerId}`;

export const ssoRepository = {
  findProvider(db: Db, id: string): Promise<SsoProviderRow | undefined> {
    return db.selectFrom('sso_providers').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Providers of one organisation, or the instance-wide ones when `orgId` is null. */
  listProviders(db: Db, orgId: string | null): Promise<SsoProviderRow[]> {
    const q = db.selectFrom('sso_providers').selectAll();
    return (orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId))
      .orderBy('created_at')
      .execute();
  },

  listEnabledWithOrg(db: Db) {
    return db
      .selectFrom('sso_providers')
      .leftJoin('organisations', 'organisations.id', 'sso_providers.org_id')
      .select([
        'sso_providers.id as id',
        'sso_providers.name as name',
        'sso_providers.org_id as orgId',
        'organisations.name as orgName',
      ])
      .where('sso_providers.enabled', '=', 1)
      .orderBy('sso_providers.created_at')
      .execute();
  },

  async insertProvider(db: Db, row: SsoProviderRow): Promise<void> {
    await db.insertInto('sso_providers').values(row).execute();
  },

  async updateProvider(db: Db, id: string, patch: Partial<Omit<SsoProviderRow, 'id'>>): Promise<void> {
    await db.updateTable('sso_providers').set(patch).where('id', '=', id).execute();
  },

  async deleteProvider(db: Db, id: string): Promise<void> {
    await db.deleteFrom('user_credentials').where('provider', '=', credentialKind(id)).execute();
    await db.deleteFrom('sso_providers').where('id', '=', id).execute();
  },

  async requireSso(db: Db, orgId: string): Promise<boolean> {
    const row = await db
      .selectFrom('sso_org_policies')
      .select('require_sso')
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row?.require_sso === 1;
  },

  async setRequireSso(db: Db, orgId: string, require: boolean, now: string): Promise<void> {
    await db.deleteFrom('sso_org_policies').where('org_id', '=', orgId).execute();
    await db
      .insertInto('sso_org_policies')
      .values({ org_id: orgId, require_sso: require ? 1 : 0, updated_at: now })
      .execute();
  },

  /** Organisations the user belongs to that accept only single sign-on. */
  async ssoOnlyOrgsOf(db: Db, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('sso_org_policies', 'sso_org_policies.org_id', 'memberships.org_id')
      .select('memberships.org_id as orgId')
      .where('memberships.user_id', '=', userId)
      .where('sso_org_policies.require_sso', '=', 1)
      .execute();
    return rows.map((r) => r.orgId);
  },

  async insertLoginRequest(db: Db, row: SsoLoginRequestRow): Promise<void> {
    await db.insertInto('sso_login_requests').values(row).execute();
  },

  /** Take a pending request by its state, once: the row is deleted so a replayed callback finds nothing. */
  async takeLoginRequest(db: Db, stateHash: string): Promise<SsoLoginRequestRow | undefined> {
    const row = await db
      .selectFrom('sso_login_requests')
      .selectAll()
      .where('state_hash', '=', stateHash)
      .executeTakeFirst();
    if (!row) {
      return undefined;
    }
    const deleted = await db
      .deleteFrom('sso_login_requests')
      .where('state_hash', '=', stateHash)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1 ? row : undefined;
  },

  async purgeExpiredRequests(db: Db, now: string): Promise<void> {
    await db.deleteFrom('sso_login_requests').where('expires_at', '<', now).execute();
  },

  findCredential(db: Db, providerId: string, subject: string) {
    return db
      .selectFrom('user_credentials')
      .selectAll()
      .where('provider', '=', credentialKind(providerId))
      .where('subject', '=', subject)
      .executeTakeFirst();
  },

  async findUserLink(db: Db, userId: string, providerId: string) {
    return db
      .selectFrom('user_credentials')
      .selectAll()
      .where('user_id', '=', userId)
      .where('provider', '=', credentialKind(providerId))
      .executeTakeFirst();
  },

  async insertCredential(db: Db, userId: string, providerId: string, subject: string, now: string) {
    await db
      .insertInto('user_credentials')
      .values({
        user_id: userId,
        provider: credentialKind(providerId),
        subject,
        secret_hash: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  },

  async deleteUserLink(db: Db, userId: string, providerId: string): Promise<number> {
    const r = await db
      .deleteFrom('user_credentials')
      .where('user_id', '=', userId)
      .where('provider', '=', credentialKind(providerId))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** The user's single sign-on credentials with their provider's name. */
  async listUserLinks(db: Db, userId: string) {
    const creds = await db
      .selectFrom('user_credentials')
      .select(['provider', 'subject', 'created_at'])
      .where('user_id', '=', userId)
      .where('provider', 'like', 'oidc:%')
      .orderBy('created_at')
      .execute();
    const links: { providerId: string; providerName: string; subject: string; linkedAt: string }[] = [];
    for (const c of creds) {
      const provider = await ssoRepository.findProvider(db, c.provider.slice('oidc:'.length));
      if (provider) {
        links.push({
          providerId: provider.id,
          providerName: provider.name,
          subject: c.subject,
          linkedAt: c.created_at,
        });
      }
    }
    return links;
  },

  async countCredentials(db: Db, userId: string): Promise<number> {
    const row = await db
      .selectFrom('user_credentials')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async recordSession(db: Db, sessionId: string, providerId: string, idToken: string): Promise<void> {
    await db
      .insertInto('sso_sessions')
      .values({ session_id: sessionId, provider_id: providerId, id_token: idToken })
      .execute();
  },

  findSession(db: Db, sessionId: string) {
    return db.selectFrom('sso_sessions').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
  },
};
