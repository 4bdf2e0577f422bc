import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type { InvitationsTable, MembershipsTable, OrganisationsTable } from '../tables.ts';

export type OrganisationRow = OrganisationsTable;
export type MembershipRow = MembershipsTable;
export type InvitationRow = InvitationsTable;

/** Organisation data: every read or write below is filtered by the scope's organisation. */
export const organisationsRepository = {
  async insert(db: Db, row: OrganisationRow): Promise<void> {
    await db.insertInto('organisations').values(row).execute();
  },

  get(db: Db, scope: OrgScope): Promise<OrganisationRow | undefined> {
    return db.selectFrom('organisations').selectAll().where('id', '=', scope.orgId).executeTakeFirst();
  },

  async update(
    db: Db,
    scope: OrgScope,
    patch: Partial<Omit<OrganisationRow, 'id' | 'created_at'>>,
  ): Promise<void> {
    await db.updateTable('organisations').set(patch).where('id', '=', scope.orgId).execute();
  },

  /** The organisations a user belongs to, with the role (used before any scope exists). */
  listForUser(db: Db, userId: string) {
    return db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
      .selectAll('organisations')
      .select(['memberships.role as role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('organisations.name')
      .execute();
  },

  /** Membership lookup that mints scopes: the only unscoped read of a membership. */
  membership(db: Db, orgId: string, userId: string): Promise<MembershipRow | undefined> {
    return db
      .selectFrom('memberships')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },

  async addMember(db: Db, row: MembershipRow): Promise<void> {
    await db.insertInto('memberships').values(row).execute();
  },

  listMembers(db: Db, scope: OrgScope) {
    return db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'memberships.user_id as userId',
        'users.display_name as displayName',
        'users.email as email',
        'memberships.role as role',
        'memberships.created_at as joinedAt',
      ])
      .where('memberships.org_id', '=', scope.orgId)
      .orderBy('users.display_name')
      .execute();
  },

  findMember(db: Db, scope: OrgScope, userId: string): Promise<MembershipRow | undefined> {
    return db
      .selectFrom('memberships')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },

  async countOwners(db: Db, scope: OrgScope): Promise<number> {
    const row = await db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', scope.orgId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async setRole(db: Db, scope: OrgScope, userId: string, role: string): Promise<void> {
    await db
      .updateTable('memberships')
      .set({ role })
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', userId)
      .execute();
  },

  async removeMember(db: Db, scope: OrgScope, userId: string): Promise<void> {
    await db
      .deleteFrom('memberships')
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', userId)
      .execute();
  },

  async insertInvitation(db: Db, scope: OrgScope, row: Omit<InvitationRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('invitations')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  listInvitations(db: Db, scope: OrgScope) {
    return db
      .selectFrom('invitations')
      .leftJoin('users', 'users.id', 'invitations.invited_by')
      .selectAll('invitations')
      .select(['users.display_name as inviter_name'])
      .where('invitations.org_id', '=', scope.orgId)
      .orderBy('invitations.created_at', 'desc')
      .execute();
  },

  findInvitation(db: Db, scope: OrgScope, id: string): Promise<InvitationRow | undefined> {
    return db
      .selectFrom('invitations')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async revokeInvitation(db: Db, scope: OrgScope, id: string, now: string): Promise<void> {
    await db
      .updateTable('invitations')
      .set({ revoked_at: now })
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  /** Capability lookup: whoever holds the link's token may see what it grants. */
  findInvitationByTokenHash(db: Db, tokenHash: string) {
    return db
      .selectFrom('invitations')
      .innerJoin('organisations', 'organisations.id', 'invitations.org_id')
      .selectAll('invitations')
      .select(['organisations.name as org_name'])
      .where('invitations.token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  async markInvitationAccepted(db: Db, id: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('invitations')
      .set({ accepted_at: now })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
