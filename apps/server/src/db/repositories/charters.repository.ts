import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type {
  CharterAmendmentsTable,
  CharterCommentsTable,
  CharterCommitmentsTable,
  ChartersTable,
  CharterVersionsTable,
} from '../tables/charters.ts';

const versionJson = { clauses: StoredJson.charterClauses };
const amendmentJson = { positions: StoredJson.amendmentPositions };

export type CharterRow = ChartersTable;
/** A named version with its clauses parsed. */
export type CharterVersionRow = Decoded<CharterVersionsTable, typeof versionJson>;
export type CharterCommentRow = CharterCommentsTable;
/** An amendment with its positions parsed. */
export type CharterAmendmentRow = Decoded<CharterAmendmentsTable, typeof amendmentJson>;
export type AmendmentPosition = CharterAmendmentRow['positions'][number];
export type CharterCommitmentRow = CharterCommitmentsTable;

/** Every column but the snapshot (which can be large): what lists and permission checks read. */
const META = [
  'id',
  'org_id',
  'engagement_id',
  'collective_id',
  'title',
  'kind',
  'locale',
  'status',
  'editors_may_decide',
  'review_on',
  'last_seq',
  'snapshot_seq',
  'pending_updates',
  'adopted_version_id',
  'adopted_hash',
  'adoption_decision_id',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export type CharterMeta = Omit<CharterRow, 'snapshot'>;

const asBytes = (v: Uint8Array): Uint8Array =>
  v instanceof Uint8Array ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(v);

/**
 * Charters, their Yjs update log and snapshot, versions, comments, amendments and commitments.
 * Reads that start from a request take the `OrgScope`; the rest are reached through a charter the
 * caller already loaded inside its scope (or through a participant token scoped to that charter).
 */
export const chartersRepository = {
  list(db: Db, scope: OrgScope, engagementId: string): Promise<CharterMeta[]> {
    return db
      .selectFrom('charters')
      .select(META)
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at')
      .execute();
  },

  get(db: Db, scope: OrgScope, engagementId: string, id: string): Promise<CharterMeta | undefined> {
    return db
      .selectFrom('charters')
      .select(META)
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Unscoped: only after a socket or token check named this charter. */
  byId(db: Db, id: string): Promise<CharterMeta | undefined> {
    return db.selectFrom('charters').select(META).where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Db, row: CharterRow): Promise<void> {
    await db.insertInto('charters').values(row).execute();
  },

  async update(db: Db, id: string, patch: Partial<Omit<CharterRow, 'id' | 'snapshot'>>): Promise<void> {
    await db.updateTable('charters').set(patch).where('id', '=', id).execute();
  },

  /**
   * Append one update with the next seq. The UPDATE takes the charter row's lock (PostgreSQL) until the
   * transaction commits, so seqs are gapless and a compaction never runs in the middle of an append.
   * Refused (undefined) when the charter is adopted: the adopted text is read-only.
   */
  async append(
    db: Db,
    charterId: string,
    data: Uint8Array,
    actor: string | null,
    at: string,
  ): Promise<{ seq: number; pending: number } | undefined> {
    const head = await db
      .updateTable('charters')
      .set((eb) => ({
        last_seq: eb('last_seq', '+', 1),
        pending_updates: eb('pending_updates', '+', 1),
      }))
      .where('id', '=', charterId)
      .where('status', '<>', 'adopted')
      .returning(['last_seq', 'pending_updates'])
      .executeTakeFirst();
    if (!head) {
      return undefined;
    }
    const seq = Number(head.last_seq);
    await db.insertInto('charter_updates').values({ charter_id: charterId, seq, data, actor, at }).execute();
    return { seq, pending: head.pending_updates };
  },

  /**
   * Append several updates with consecutive seqs (a group commit): one UPDATE takes the row lock and
   * reserves the range, one insert stores them. Refused (undefined) when the charter is adopted.
   */
  async appendMany(
    db: Db,
    charterId: string,
    items: readonly { data: Uint8Array; actor: string | null; at: string }[],
  ): Promise<{ firstSeq: number; pending: number } | undefined> {
    const n = items.length;
    const head = await db
      .updateTable('charters')
      .set((eb) => ({
        last_seq: eb('last_seq', '+', n),
        pending_updates: eb('pending_updates', '+', n),
      }))
      .where('id', '=', charterId)
      .where('status', '<>', 'adopted')
      .returning(['last_seq', 'pending_updates'])
      .executeTakeFirst();
    if (!head) {
      return undefined;
    }
    const firstSeq = Number(head.last_seq) - n + 1;
    await db
      .insertInto('charter_updates')
      .values(
        items.map((i, k) => ({
          charter_id: charterId,
          seq: firstSeq + k,
          data: i.data,
          actor: i.actor,
          at: i.at,
        })),
      )
      .execute();
    return { firstSeq, pending: head.pending_updates };
  },

  /**
   * The snapshot and the updates after it. The tail is read before the snapshot: a compaction in
   * between only makes the snapshot newer, and Yjs applies an update twice as once.
   */
  async state(db: Db, charterId: string): Promise<{ snapshot: Uint8Array; tail: Uint8Array[] } | undefined> {
    const head = await db
      .selectFrom('charters')
      .select('snapshot_seq')
      .where('id', '=', charterId)
      .executeTakeFirst();
    if (!head) {
      return undefined;
    }
    const tail = await db
      .selectFrom('charter_updates')
      .select('data')
      .where('charter_id', '=', charterId)
      .where('seq', '>', Number(head.snapshot_seq))
      .orderBy('seq')
      .execute();
    const snap = await db
      .selectFrom('charters')
      .select('snapshot')
      .where('id', '=', charterId)
      .executeTakeFirst();
    return { snapshot: asBytes(snap!.snapshot), tail: tail.map((r) => asBytes(r.data)) };
  },

  /** Inside a transaction: lock the row (PostgreSQL), read snapshot + tail with their last seq. */
  async lockForCompaction(db: Db, charterId: string, isPostgres: boolean) {
    let q = db.selectFrom('charters').select(['snapshot', 'snapshot_seq']).where('id', '=', charterId);
    if (isPostgres) {
      q = q.forUpdate();
    }
    const head = await q.executeTakeFirst();
    if (!head) {
      return undefined;
    }
    const tail = await db
      .selectFrom('charter_updates')
      .select(['seq', 'data'])
      .where('charter_id', '=', charterId)
      .where('seq', '>', Number(head.snapshot_seq))
      .orderBy('seq')
      .execute();
    return {
      snapshot: asBytes(head.snapshot),
      snapshotSeq: Number(head.snapshot_seq),
      tail: tail.map((r) => ({ seq: Number(r.seq), data: asBytes(r.data) })),
    };
  },

  async storeSnapshot(db: Db, charterId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await db
      .updateTable('charters')
      .set({ snapshot, snapshot_seq: throughSeq, pending_updates: 0 })
      .where('id', '=', charterId)
      .execute();
    await db
      .deleteFrom('charter_updates')
      .where('charter_id', '=', charterId)
      .where('seq', '<=', throughSeq)
      .execute();
  },

  updateCount(db: Db, charterId: string) {
    return db
      .selectFrom('charter_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('charter_id', '=', charterId)
      .executeTakeFirstOrThrow();
  },

  async versions(db: Db, charterId: string): Promise<CharterVersionRow[]> {
    const rows = await db
      .selectFrom('charter_versions')
      .selectAll()
      .where('charter_id', '=', charterId)
      .orderBy('number', 'desc')
      .execute();
    return decodeRows(rows, versionJson);
  },

  async version(db: Db, charterId: string, id: string): Promise<CharterVersionRow | undefined> {
    const row = await db
      .selectFrom('charter_versions')
      .selectAll()
      .where('charter_id', '=', charterId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, versionJson);
  },

  async nextVersionNumber(db: Db, charterId: string): Promise<number> {
    const r = await db
      .selectFrom('charter_versions')
      .select((eb) => eb.fn.max<number | null>('number').as('n'))
      .where('charter_id', '=', charterId)
      .executeTakeFirst();
    return Number(r?.n ?? 0) + 1;
  },

  /** Unscoped: only for a version named by a proposal this charter opened. */
  async versionById(db: Db, id: string): Promise<CharterVersionRow | undefined> {
    const row = await db.selectFrom('charter_versions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeRow(row, versionJson);
  },

  async insertVersion(db: Db, row: CharterVersionRow): Promise<void> {
    await db
      .insertInto('charter_versions')
      .values(encodeRow<CharterVersionsTable>(row, versionJson))
      .execute();
  },

  comments(db: Db, charterId: string): Promise<CharterCommentRow[]> {
    return db
      .selectFrom('charter_comments')
      .selectAll()
      .where('charter_id', '=', charterId)
      .orderBy('created_at')
      .execute();
  },

  async insertComment(db: Db, row: CharterCommentRow): Promise<void> {
    await db.insertInto('charter_comments').values(row).execute();
  },

  async setCommentStatus(db: Db, charterId: string, id: string, status: string, at: string | null) {
    const r = await db
      .updateTable('charter_comments')
      .set({ status, resolved_at: at })
      .where('charter_id', '=', charterId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async amendments(db: Db, charterId: string): Promise<CharterAmendmentRow[]> {
    const rows = await db
      .selectFrom('charter_amendments')
      .selectAll()
      .where('charter_id', '=', charterId)
      .orderBy('created_at')
      .execute();
    return decodeRows(rows, amendmentJson);
  },

  async amendment(db: Db, charterId: string, id: string): Promise<CharterAmendmentRow | undefined> {
    const row = await db
      .selectFrom('charter_amendments')
      .selectAll()
      .where('charter_id', '=', charterId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, amendmentJson);
  },

  /** Unscoped: only for an amendment named by a proposal this charter opened. */
  async amendmentById(db: Db, id: string): Promise<CharterAmendmentRow | undefined> {
    const row = await db.selectFrom('charter_amendments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeRow(row, amendmentJson);
  },

  /**
   * Open proposal rounds (decisions capability) about these subjects: `charter_version` (an adoption)
   * or `charter_amendment`.
   */
  async openProposals(
    db: Db,
    subjectKind: 'charter_version' | 'charter_amendment',
    subjectIds: readonly string[],
  ): Promise<{ id: string; subject_id: string; record_id: string }[]> {
    if (subjectIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('proposals')
      .select(['id', 'subject_id', 'record_id'])
      .where('subject_kind', '=', subjectKind)
      .where('subject_id', 'in', [...subjectIds])
      .where('status', '=', 'open')
      .execute();
    return rows.map((r) => ({ id: r.id, subject_id: r.subject_id ?? '', record_id: r.record_id }));
  },

  /** Open adoption rounds of these charters (through the version each froze). */
  async openAdoptionProposals(db: Db, charterIds: readonly string[]) {
    if (charterIds.length === 0) {
      return [];
    }
    return db
      .selectFrom('proposals')
      .innerJoin('charter_versions', 'charter_versions.id', 'proposals.subject_id')
      .select([
        'proposals.id',
        'proposals.record_id',
        'charter_versions.charter_id',
        'charter_versions.id as version_id',
      ])
      .where('proposals.subject_kind', '=', 'charter_version')
      .where('proposals.status', '=', 'open')
      .where('charter_versions.charter_id', 'in', [...charterIds])
      .execute();
  },

  /**
   * Adopted charters whose review date has come (`review_on` ≤ `today`, YYYY-MM-DD), every
   * organisation: the notifications module's reminder reads this.
   */
  dueForReview(db: Db, today: string): Promise<CharterMeta[]> {
    return db
      .selectFrom('charters')
      .select(META)
      .where('status', '=', 'adopted')
      .where('review_on', 'is not', null)
      .where('review_on', '<=', today)
      .orderBy('review_on')
      .execute();
  },

  async insertAmendment(db: Db, row: CharterAmendmentRow): Promise<void> {
    await db
      .insertInto('charter_amendments')
      .values(encodeRow<CharterAmendmentsTable>(row, amendmentJson))
      .execute();
  },

  async updateAmendment(db: Db, id: string, patch: Partial<CharterAmendmentRow>): Promise<void> {
    await db
      .updateTable('charter_amendments')
      .set(encodeRow<Partial<CharterAmendmentsTable>>(patch, amendmentJson))
      .where('id', '=', id)
      .execute();
  },

  commitments(db: Db, charterId: string): Promise<CharterCommitmentRow[]> {
    return db
      .selectFrom('charter_commitments')
      .selectAll()
      .where('charter_id', '=', charterId)
      .orderBy('at')
      .execute();
  },

  async insertCommitment(db: Db, row: CharterCommitmentRow): Promise<void> {
    await db.insertInto('charter_commitments').values(row).execute();
  },

  async insertParticipant(db: Db, participantId: string, charterId: string, personId: string, at: string) {
    await db
      .insertInto('charter_participants')
      .values({ participant_id: participantId, charter_id: charterId, person_id: personId, created_at: at })
      .execute();
  },

  participantPerson(db: Db, participantId: string, charterId: string) {
    return db
      .selectFrom('charter_participants')
      .innerJoin('people', 'people.id', 'charter_participants.person_id')
      .select(['people.id', 'people.display_name'])
      .where('charter_participants.participant_id', '=', participantId)
      .where('charter_participants.charter_id', '=', charterId)
      .executeTakeFirst();
  },

  /** The person record of an account in an organisation (members commit as their person). */
  personOfUser(db: Db, orgId: string, userId: string) {
    return db
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },

  person(db: Db, orgId: string, personId: string) {
    return db
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('org_id', '=', orgId)
      .where('id', '=', personId)
      .executeTakeFirst();
  },

  async isInCollective(db: Db, personId: string, collectiveId: string): Promise<boolean> {
    const r = await db
      .selectFrom('person_collectives')
      .select('person_id')
      .where('person_id', '=', personId)
      .where('collective_id', '=', collectiveId)
      .executeTakeFirst();
    return r !== undefined;
  },

  async collectiveSize(db: Db, collectiveId: string): Promise<number> {
    const r = await db
      .selectFrom('person_collectives')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('collective_id', '=', collectiveId)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  collective(db: Db, orgId: string, collectiveId: string) {
    return db
      .selectFrom('collectives')
      .select(['id'])
      .where('org_id', '=', orgId)
      .where('id', '=', collectiveId)
      .executeTakeFirst();
  },
};
