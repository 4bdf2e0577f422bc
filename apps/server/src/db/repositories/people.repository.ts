import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type { CollectivesTable, ConsentsTable, PeopleTable } from '../tables.ts';

/** The JSON column and its schema: rows leave this file parsed (see stored-json.ts). */
const personJson = { attributes: StoredJson.stringRecord };

export type PersonRow = Decoded<PeopleTable, typeof personJson>;
export type CollectiveRow = CollectivesTable;

/** The organisation's roster: collectives, people and their consents, always filtered by the scope. */
export const peopleRepository = {
  collectives(db: Db, scope: OrgScope) {
    return db
      .selectFrom('collectives')
      .leftJoin('person_collectives', 'person_collectives.collective_id', 'collectives.id')
      .select([
        'collectives.id',
        'collectives.name',
        'collectives.kind',
        'collectives.parent_id',
        (eb) => eb.fn.count<number>('person_collectives.person_id').as('member_count'),
      ])
      .where('collectives.org_id', '=', scope.orgId)
      .groupBy(['collectives.id', 'collectives.name', 'collectives.kind', 'collectives.parent_id'])
      .orderBy('collectives.name')
      .execute();
  },

  findCollective(db: Db, scope: OrgScope, id: string): Promise<CollectiveRow | undefined> {
    return db
      .selectFrom('collectives')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertCollective(db: Db, scope: OrgScope, row: Omit<CollectiveRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('collectives')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  async updateCollective(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Pick<CollectiveRow, 'name' | 'kind' | 'parent_id'>>,
  ): Promise<void> {
    await db
      .updateTable('collectives')
      .set(patch)
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  async deleteCollective(db: Db, scope: OrgScope, id: string): Promise<void> {
    await db.deleteFrom('collectives').where('org_id', '=', scope.orgId).where('id', '=', id).execute();
  },

  async hasChildren(db: Db, scope: OrgScope, id: string): Promise<boolean> {
    return Boolean(
      await db
        .selectFrom('collectives')
        .select('id')
        .where('org_id', '=', scope.orgId)
        .where('parent_id', '=', id)
        .executeTakeFirst(),
    );
  },

  async people(
    db: Db,
    scope: OrgScope,
    filter: { collectiveId?: string | undefined; q?: string | undefined },
  ): Promise<PersonRow[]> {
    let q = db.selectFrom('people').selectAll('people').where('people.org_id', '=', scope.orgId);
    if (filter.collectiveId) {
      const cid = filter.collectiveId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_collectives')
            .select('person_id')
            .whereRef('person_collectives.person_id', '=', 'people.id')
            .where('person_collectives.collective_id', '=', cid),
        ),
      );
    }
    if (filter.q) {
      const like = `%${filter.q.replace(/[%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb('people.display_name', 'like', like), eb('people.email', 'like', like)]));
    }
    return decodeRows(await q.orderBy('people.display_name').limit(5000).execute(), personJson);
  },

  memberships(db: Db, personIds: string[]) {
    if (personIds.length === 0) {
      return Promise.resolve([]);
    }
    return db.selectFrom('person_collectives').selectAll().where('person_id', 'in', personIds).execute();
  },

  async findPerson(db: Db, scope: OrgScope, id: string): Promise<PersonRow | undefined> {
    const row = await db
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, personJson);
  },

  async findPeopleByEmails(db: Db, scope: OrgScope, emails: string[]): Promise<PersonRow[]> {
    if (emails.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('people')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('email', 'in', emails)
      .execute();
    return decodeRows(rows, personJson);
  },

  /** Everyone in a collective, by name, without a cap (a network survey asks about all of them). */
  collectiveMembers(db: Db, scope: OrgScope, collectiveId: string) {
    return db
      .selectFrom('people')
      .innerJoin('person_collectives', 'person_collectives.person_id', 'people.id')
      .select(['people.id', 'people.display_name', 'people.title'])
      .where('people.org_id', '=', scope.orgId)
      .where('person_collectives.collective_id', '=', collectiveId)
      .orderBy('people.display_name')
      .execute();
  },

  /** The roster entry of the signed-in user in this organisation, if any. */
  personIdOfUser(db: Db, scope: OrgScope, userId: string) {
    return db
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },

  /** Roster entries linked to a user account, in every organisation (personal-data export). */
  async peopleOfUser(db: Db, userId: string) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'org_id', 'display_name', 'email', 'title', 'attributes', 'created_at'])
      .where('user_id', '=', userId)
      .execute();
    return decodeRows(rows, personJson);
  },

  async insertPerson(db: Db, scope: OrgScope, row: Omit<PersonRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('people')
      .values({ ...encodeRow<Omit<PeopleTable, 'org_id'>>(row, personJson), org_id: scope.orgId })
      .execute();
  },

  async updatePerson(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Omit<PersonRow, 'id' | 'org_id'>>,
  ): Promise<void> {
    await db
      .updateTable('people')
      .set(encodeRow<Partial<PeopleTable>>(patch, personJson))
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  async deletePerson(db: Db, scope: OrgScope, id: string): Promise<void> {
    await db.deleteFrom('people').where('org_id', '=', scope.orgId).where('id', '=', id).execute();
  },

  /** Replace a person's collectives (ids already checked against the scope). */
  async setCollectives(db: Db, personId: string, collectiveIds: string[]): Promise<void> {
    await db.deleteFrom('person_collectives').where('person_id', '=', personId).execute();
    if (collectiveIds.length > 0) {
      await db
        .insertInto('person_collectives')
        .values(collectiveIds.map((collective_id) => ({ person_id: personId, collective_id })))
        .execute();
    }
  },

  async addCollectives(db: Db, personId: string, collectiveIds: string[]): Promise<void> {
    const existing = new Set(
      (
        await db
          .selectFrom('person_collectives')
          .select('collective_id')
          .where('person_id', '=', personId)
          .execute()
      ).map((r) => r.collective_id),
    );
    const fresh = collectiveIds.filter((c) => !existing.has(c));
    if (fresh.length > 0) {
      await db
        .insertInto('person_collectives')
        .values(fresh.map((collective_id) => ({ person_id: personId, collective_id })))
        .execute();
    }
  },

  consents(db: Db, scope: OrgScope, personId: string): Promise<ConsentsTable[]> {
    return db
      .selectFrom('consents')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('person_id', '=', personId)
      .orderBy('granted_at', 'desc')
      .execute();
  },

  findConsent(db: Db, scope: OrgScope, id: string): Promise<ConsentsTable | undefined> {
    return db
      .selectFrom('consents')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertConsent(db: Db, scope: OrgScope, row: Omit<ConsentsTable, 'org_id'>): Promise<void> {
    await db
      .insertInto('consents')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  async withdrawConsent(db: Db, scope: OrgScope, id: string, at: string): Promise<void> {
    await db
      .updateTable('consents')
      .set({ withdrawn_at: at })
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .where('withdrawn_at', 'is', null)
      .execute();
  },

  /** Is there an active consent of this person for this purpose (and engagement, when given)? */
  async hasActiveConsent(
    db: Db,
    personId: string,
    purpose: string,
    engagementId: string | null,
  ): Promise<boolean> {
    let q = db
      .selectFrom('consents')
      .select('id')
      .where('person_id', '=', personId)
      .where('purpose', '=', purpose)
      .where('withdrawn_at', 'is', null);
    if (engagementId) {
      q = q.where((eb) => eb.or([eb('engagement_id', '=', engagementId), eb('engagement_id', 'is', null)]));
    }
    return Boolean(await q.executeTakeFirst());
  },
};
