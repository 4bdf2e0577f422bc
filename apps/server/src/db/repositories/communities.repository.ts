import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type {
  CommunitiesTable,
  CommunityFilesTable,
  CommunityItemsTable,
  CommunityMembersTable,
} from '../tables/pollination.ts';

export type CommunityRow = CommunitiesTable;
export type CommunityItemRow = CommunityItemsTable;
export type CommunityMemberRow = CommunityMembersTable;
export type CommunityFileRow = CommunityFilesTable;

/**
 * Communities of practice. A community is reached from an organisation only when that organisation
 * hosts it or accepted the host's invitation (`accessible`): every read of a community's contents goes
 * through a community row this repository returned for the caller's scope.
 */
export const communitiesRepository = {
  async insertCommunity(db: Db, row: CommunityRow): Promise<void> {
    await db.insertInto('communities').values(row).execute();
  },

  /** The community as seen from the scope's organisation: its host, or a guest whose owner accepted. */
  async accessible(
    db: Db,
    scope: OrgScope,
    id: string,
  ): Promise<(CommunityRow & { host_name: string }) | undefined> {
    return db
      .selectFrom('communities')
      .innerJoin('organisations', 'organisations.id', 'communities.org_id')
      .selectAll('communities')
      .select('organisations.name as host_name')
      .where('communities.id', '=', id)
      .where((eb) =>
        eb.or([
          eb('communities.org_id', '=', scope.orgId),
          eb.exists(
            eb
              .selectFrom('community_orgs')
              .select('community_orgs.org_id')
              .whereRef('community_orgs.community_id', '=', 'communities.id')
              .where('community_orgs.org_id', '=', scope.orgId)
              .where('community_orgs.accepted_at', 'is not', null),
          ),
        ]),
      )
      .executeTakeFirst();
  },

  /** Communities the scope's organisation hosts or joined. */
  async listAccessible(db: Db, scope: OrgScope) {
    return db
      .selectFrom('communities')
      .innerJoin('organisations', 'organisations.id', 'communities.org_id')
      .selectAll('communities')
      .select('organisations.name as host_name')
      .where((eb) =>
        eb.or([
          eb('communities.org_id', '=', scope.orgId),
          eb.exists(
            eb
              .selectFrom('community_orgs')
              .select('community_orgs.org_id')
              .whereRef('community_orgs.community_id', '=', 'communities.id')
              .where('community_orgs.org_id', '=', scope.orgId)
              .where('community_orgs.accepted_at', 'is not', null),
          ),
        ]),
      )
      .orderBy('communities.created_at', 'desc')
      .execute();
  },

  /** Invitations addressed to the scope's organisation and not yet accepted. */
  async pendingInvitations(db: Db, scope: OrgScope) {
    return db
      .selectFrom('community_orgs')
      .innerJoin('communities', 'communities.id', 'community_orgs.community_id')
      .innerJoin('organisations', 'organisations.id', 'communities.org_id')
      .select([
        'communities.id',
        'communities.title',
        'communities.theme',
        'organisations.name as host_name',
        'community_orgs.invited_at',
      ])
      .where('community_orgs.org_id', '=', scope.orgId)
      .where('community_orgs.accepted_at', 'is', null)
      .execute();
  },

  async pendingInvitation(db: Db, scope: OrgScope, communityId: string) {
    return db
      .selectFrom('community_orgs')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('org_id', '=', scope.orgId)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
  },

  /** Guest organisations of a community the caller already reached through `accessible`. */
  async guests(db: Db, communityId: string) {
    return db
      .selectFrom('community_orgs')
      .innerJoin('organisations', 'organisations.id', 'community_orgs.org_id')
      .select([
        'community_orgs.org_id',
        'organisations.name',
        'community_orgs.invited_at',
        'community_orgs.accepted_at',
      ])
      .where('community_orgs.community_id', '=', communityId)
      .orderBy('community_orgs.invited_at')
      .execute();
  },

  async invite(db: Db, communityId: string, orgId: string, userId: string, now: string): Promise<void> {
    await db
      .insertInto('community_orgs')
      .values({
        community_id: communityId,
        org_id: orgId,
        invited_by: userId,
        invited_at: now,
        accepted_by: null,
        accepted_at: null,
      })
      .onConflict((oc) => oc.columns(['community_id', 'org_id']).doNothing())
      .execute();
  },

  async accept(db: Db, scope: OrgScope, communityId: string, now: string): Promise<void> {
    await db
      .updateTable('community_orgs')
      .set({ accepted_by: scope.userId, accepted_at: now })
      .where('community_id', '=', communityId)
      .where('org_id', '=', scope.orgId)
      .execute();
  },

  /** An organisation id by id, to address an invitation (nothing but its existence and name). */
  async organisationName(db: Db, orgId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', orgId)
      .executeTakeFirst();
    return row?.name;
  },

  // ---- members ----

  async member(db: Db, communityId: string, userId: string): Promise<CommunityMemberRow | undefined> {
    return db
      .selectFrom('community_members')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },

  async insertMember(db: Db, row: CommunityMemberRow): Promise<void> {
    await db
      .insertInto('community_members')
      .values(row)
      .onConflict((oc) => oc.columns(['community_id', 'user_id']).doNothing())
      .execute();
  },

  async deleteMember(db: Db, communityId: string, userId: string): Promise<void> {
    await db
      .deleteFrom('community_members')
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .execute();
  },

  async setDigest(db: Db, communityId: string, userId: string, digest: boolean): Promise<void> {
    await db
      .updateTable('community_members')
      .set({ digest: digest ? 1 : 0 })
      .where('community_id', '=', communityId)
      .where('user_id', '=', userId)
      .execute();
  },

  async members(db: Db, communityId: string) {
    return db
      .selectFrom('community_members')
      .innerJoin('users', 'users.id', 'community_members.user_id')
      .innerJoin('organisations', 'organisations.id', 'community_members.org_id')
      .select([
        'community_members.user_id',
        'users.display_name',
        'organisations.name as org_name',
        'community_members.org_id',
        'community_members.role',
        'community_members.digest',
        'community_members.joined_at',
      ])
      .where('community_members.community_id', '=', communityId)
      .orderBy('community_members.joined_at')
      .execute();
  },

  async memberCounts(db: Db, communityIds: readonly string[]): Promise<Map<string, number>> {
    if (communityIds.length === 0) {
      return new Map();
    }
    const rows = await db
      .selectFrom('community_members')
      .select(['community_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', 'in', [...communityIds])
      .groupBy('community_id')
      .execute();
    return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
  },

  async membershipsOf(db: Db, userId: string): Promise<CommunityMemberRow[]> {
    return db.selectFrom('community_members').selectAll().where('user_id', '=', userId).execute();
  },

  // ---- items ----

  async insertItem(db: Db, row: CommunityItemRow): Promise<void> {
    await db.insertInto('community_items').values(row).execute();
  },

  async item(db: Db, communityId: string, id: string): Promise<CommunityItemRow | undefined> {
    return db
      .selectFrom('community_items')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async updateItem(db: Db, communityId: string, id: string, patch: Partial<CommunityItemRow>): Promise<void> {
    await db
      .updateTable('community_items')
      .set(patch)
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .execute();
  },

  /** A community's items with their author's name and file metadata; hidden ones only when asked. */
  async items(db: Db, communityId: string, withHidden: boolean) {
    let q = db
      .selectFrom('community_items')
      .leftJoin('users', 'users.id', 'community_items.author_id')
      .leftJoin('organisations', 'organisations.id', 'community_items.author_org_id')
      .leftJoin('community_files', 'community_files.item_id', 'community_items.id')
      .selectAll('community_items')
      .select([
        'users.display_name as author_name',
        'organisations.name as author_org_name',
        'community_files.name as file_name',
        'community_files.mime as file_mime',
        'community_files.size_bytes as file_size',
        (eb) =>
          eb
            .selectFrom('community_reports')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('community_reports.item_id', '=', 'community_items.id')
            .as('report_count'),
      ])
      .where('community_items.community_id', '=', communityId);
    if (!withHidden) {
      q = q.where('community_items.hidden_at', 'is', null);
    }
    return q.orderBy('community_items.created_at', 'desc').execute();
  },

  async insertFile(db: Db, row: CommunityFileRow): Promise<void> {
    await db.insertInto('community_files').values(row).execute();
  },

  async file(db: Db, itemId: string) {
    return db.selectFrom('community_files').selectAll().where('item_id', '=', itemId).executeTakeFirst();
  },

  async insertReport(
    db: Db,
    row: { id: string; item_id: string; reporter_id: string; reason: string; created_at: string },
  ) {
    await db.insertInto('community_reports').values(row).execute();
  },

  // ---- notifications ----
  // Community notices live in the platform's `notifications` (object kind `community`, object id the
  // item): these are the community's own rules over them.

  /** A member turned the digest off: their notices from this community not yet mailed never will be. */
  async skipPendingEmails(db: Db, communityId: string, userId: string, now: string): Promise<void> {
    await db
      .updateTable('notifications')
      .set({ emailed_at: now })
      .where('user_id', '=', userId)
      .where('object_kind', '=', 'community')
      .where('emailed_at', 'is', null)
      .where('object_id', 'in', (eb) =>
        eb.selectFrom('community_items').select('id').where('community_id', '=', communityId),
      )
      .execute();
  },

  /** Notices pointing to these items go (a hidden item's notice must not outlive it, nor name its author). */
  async deleteNotices(db: Db, itemIds: readonly string[]): Promise<void> {
    if (itemIds.length > 0) {
      await db
        .deleteFrom('notifications')
        .where('object_kind', '=', 'community')
        .where('object_id', 'in', [...itemIds])
        .execute();
    }
  },

  // ---- personal data ----

  async itemsByAuthor(db: Db, userId: string) {
    return db
      .selectFrom('community_items')
      .leftJoin('community_files', 'community_files.item_id', 'community_items.id')
      .select([
        'community_items.id',
        'community_items.community_id',
        'community_items.kind',
        'community_items.title',
        'community_items.body',
        'community_items.url',
        'community_items.starts_at',
        'community_items.place',
        'community_items.created_at',
        'community_items.hidden_at',
        'community_files.name as file_name',
        'community_files.size_bytes as file_size',
      ])
      .where('community_items.author_id', '=', userId)
      .execute();
  },

  async reportsBy(db: Db, userId: string) {
    return db
      .selectFrom('community_reports')
      .select(['item_id', 'reason', 'created_at'])
      .where('reporter_id', '=', userId)
      .execute();
  },

  /** Erasure within one organisation: what the person wrote through it, and their place in its communities. */
  async eraseContributor(
    db: Db,
    userId: string,
    orgId: string,
    policy: 'anonymise' | 'delete',
  ): Promise<void> {
    const written = db
      .selectFrom('community_items')
      .select('id')
      .where('author_id', '=', userId)
      .where('author_org_id', '=', orgId);
    // Others' notices about what they wrote name them (and, deleted, point nowhere): both go. Answers
    // to a deleted question go with it, and so do their notices.
    await db
      .deleteFrom('notifications')
      .where('object_kind', '=', 'community')
      .where((eb) =>
        eb.or([
          eb('object_id', 'in', written),
          ...(policy === 'delete'
            ? [
                eb(
                  'object_id',
                  'in',
                  eb.selectFrom('community_items').select('id').where('parent_id', 'in', written),
                ),
              ]
            : []),
        ]),
      )
      .execute();
    if (policy === 'delete') {
      await db
        .deleteFrom('community_items')
        .where('author_id', '=', userId)
        .where('author_org_id', '=', orgId)
        .execute();
    } else {
      await db
        .updateTable('community_items')
        .set({ author_id: null })
        .where('author_id', '=', userId)
        .where('author_org_id', '=', orgId)
        .execute();
    }
    await db
      .deleteFrom('community_members')
      .where('user_id', '=', userId)
      .where('org_id', '=', orgId)
      .execute();
    await db
      .updateTable('community_reports')
      .set({ reporter_id: null })
      .where('reporter_id', '=', userId)
      .execute();
  },
};
