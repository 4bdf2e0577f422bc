import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow } from '../stored-json.ts';
import { DecisionsJson } from '../stored-json-decisions.ts';
import type {
  DecisionRecordsTable,
  GovernanceMapsTable,
  ProposalInviteesTable,
  ProposalObjectionsTable,
  ProposalPositionsTable,
  ProposalsTable,
  ProposalVersionsTable,
} from '../tables/decisions.ts';
import type { Db } from './users.repository.ts';

/** The JSON columns and their schemas: rows leave this file parsed (see stored-json.ts). */
const recordJson = {
  positions: DecisionsJson.positions,
  objections: DecisionsJson.objections,
  links: DecisionsJson.links,
};
const proposalJson = {
  config: DecisionsJson.ruleConfig,
  eligible_roles: DecisionsJson.roles,
  state: DecisionsJson.proposalState,
};
const positionJson = { ballot: DecisionsJson.ballot, response: DecisionsJson.response };
const objectionJson = { tests: DecisionsJson.objectionTests };
const mapJson = { data: DecisionsJson.governanceMap };

export type DecisionRecordRow = Decoded<DecisionRecordsTable, typeof recordJson>;
export type ProposalRow = Decoded<ProposalsTable, typeof proposalJson>;
export type PositionRow = Decoded<ProposalPositionsTable, typeof positionJson>;
export type ObjectionRow = Decoded<ProposalObjectionsTable, typeof objectionJson>;
export type GovernanceMapRow = Decoded<GovernanceMapsTable, typeof mapJson>;

export interface RegisterFilter {
  engagementId?: string | undefined;
  rule?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  collectiveId?: string | undefined;
  dueBy?: string | undefined;
}

/**
 * Decision records, proposals and governance maps. Organisation-level reads take the scope; rows that
 * hang on a proposal are reached through a proposal the caller already loaded inside the scope.
 */
export const decisionsRepository = {
  async insertRecord(db: Db, row: DecisionRecordRow): Promise<void> {
    await db
      .insertInto('decision_records')
      .values(encodeRow<DecisionRecordsTable>(row, recordJson))
      .execute();
  },

  async updateRecord(db: Db, id: string, patch: Partial<DecisionRecordRow>): Promise<void> {
    await db
      .updateTable('decision_records')
      .set(encodeRow<Partial<DecisionRecordsTable>>(patch, recordJson))
      .where('id', '=', id)
      .execute();
  },

  async findRecord(db: Db, scope: OrgScope, id: string): Promise<DecisionRecordRow | undefined> {
    const row = await db
      .selectFrom('decision_records')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, recordJson);
  },

  async register(db: Db, scope: OrgScope, filter: RegisterFilter): Promise<DecisionRecordRow[]> {
    let q = db.selectFrom('decision_records').selectAll().where('org_id', '=', scope.orgId);
    if (filter.engagementId) {
      q = q.where('engagement_id', '=', filter.engagementId);
    }
    if (filter.rule) {
      q = q.where('rule', '=', filter.rule);
    }
    if (filter.status) {
      q = q.where('status', '=', filter.status);
    }
    if (filter.source) {
      q = q.where('source', '=', filter.source);
    }
    if (filter.collectiveId) {
      q = q.where('collective_id', '=', filter.collectiveId);
    }
    if (filter.dueBy) {
      q = q
        .where('status', '=', 'passed')
        .where('review_on', 'is not', null)
        .where('review_on', '<=', filter.dueBy);
    }
    return decodeRows(await q.orderBy('created_at', 'desc').orderBy('id').limit(2000).execute(), recordJson);
  },

  async latestRuleChoice(db: Db, engagementId: string): Promise<DecisionRecordRow | undefined> {
    const row = await db
      .selectFrom('decision_records')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .where('source', '=', 'rule_choice')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row && decodeRow(row, recordJson);
  },

  async findProposal(
    db: Db,
    scope: OrgScope,
    engagementId: string,
    id: string,
  ): Promise<ProposalRow | undefined> {
    const row = await db
      .selectFrom('proposals')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, proposalJson);
  },

  /** For capability routes: the proposal named in the URL, checked afterwards against the participant token. */
  async findProposalById(db: Db, id: string): Promise<ProposalRow | undefined> {
    const row = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeRow(row, proposalJson);
  },

  async listProposals(db: Db, scope: OrgScope, engagementId: string): Promise<ProposalRow[]> {
    const rows = await db
      .selectFrom('proposals')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at', 'desc')
      .execute();
    return decodeRows(rows, proposalJson);
  },

  async updateProposal(db: Db, id: string, patch: Partial<ProposalRow>): Promise<void> {
    await db
      .updateTable('proposals')
      .set(encodeRow<Partial<ProposalsTable>>(patch, proposalJson))
      .where('id', '=', id)
      .execute();
  },

  async positions(db: Db, proposalId: string, round?: number): Promise<PositionRow[]> {
    let q = db.selectFrom('proposal_positions').selectAll().where('proposal_id', '=', proposalId);
    if (round !== undefined) {
      q = q.where('round', '=', round);
    }
    return decodeRows(await q.orderBy('at').orderBy('id').execute(), positionJson);
  },

  async objections(db: Db, proposalId: string): Promise<ObjectionRow[]> {
    const rows = await db
      .selectFrom('proposal_objections')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return decodeRows(rows, objectionJson);
  },

  versions(db: Db, proposalId: string) {
    return db
      .selectFrom('proposal_versions')
      .select(['version', 'text', 'note', 'at'])
      .where('proposal_id', '=', proposalId)
      .orderBy('version')
      .execute();
  },

  invitees(db: Db, proposalId: string) {
    return db
      .selectFrom('proposal_invitees')
      .select(['id', 'participant_id', 'display_name'])
      .where('proposal_id', '=', proposalId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async maps(db: Db, scope: OrgScope): Promise<GovernanceMapRow[]> {
    const rows = await db
      .selectFrom('governance_maps')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('status', 'in', ['current', 'proposed'])
      .orderBy('created_at')
      .execute();
    return decodeRows(rows, mapJson);
  },

  async findMap(db: Db, scope: OrgScope, id: string): Promise<GovernanceMapRow | undefined> {
    const row = await db
      .selectFrom('governance_maps')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, mapJson);
  },

  async insertMap(db: Db, row: GovernanceMapRow): Promise<void> {
    await db.insertInto('governance_maps').values(encodeRow<GovernanceMapsTable>(row, mapJson)).execute();
  },

  async updateMap(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Omit<GovernanceMapRow, 'id' | 'org_id'>>,
  ): Promise<void> {
    await db
      .updateTable('governance_maps')
      .set(encodeRow<Partial<GovernanceMapsTable>>(patch, mapJson))
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  /** The organisation's current map becomes archived (a new one is being adopted). */
  async archiveCurrentMap(db: Db, scope: OrgScope, at: string): Promise<void> {
    await db
      .updateTable('governance_maps')
      .set({ status: 'archived', updated_at: at })
      .where('org_id', '=', scope.orgId)
      .where('status', '=', 'current')
      .execute();
  },

  /** The latest proposal whose subject is this object (a governance map put to a decision). */
  latestProposalOnSubject(db: Db, kind: string, subjectId: string) {
    return db
      .selectFrom('proposals')
      .select(['id', 'status'])
      .where('subject_kind', '=', kind)
      .where('subject_id', '=', subjectId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  },

  async insertProposal(db: Db, row: ProposalRow): Promise<void> {
    await db.insertInto('proposals').values(encodeRow<ProposalsTable>(row, proposalJson)).execute();
  },

  /** The open proposals of an engagement (few; JSON columns are then filtered in code on both dialects). */
  async openProposals(db: Db, engagementId: string): Promise<ProposalRow[]> {
    const rows = await db
      .selectFrom('proposals')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .where('status', '=', 'open')
      .execute();
    return decodeRows(rows, proposalJson);
  },

  async insertVersion(db: Db, row: ProposalVersionsTable): Promise<void> {
    await db.insertInto('proposal_versions').values(row).execute();
  },

  async insertPosition(db: Db, row: PositionRow): Promise<void> {
    await db
      .insertInto('proposal_positions')
      .values(encodeRow<ProposalPositionsTable>(row, positionJson))
      .execute();
  },

  async insertObjection(db: Db, row: ObjectionRow): Promise<void> {
    await db
      .insertInto('proposal_objections')
      .values(encodeRow<ProposalObjectionsTable>(row, objectionJson))
      .execute();
  },

  async recordStatus(db: Db, recordId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('decision_records')
      .select('status')
      .where('id', '=', recordId)
      .executeTakeFirst();
    return row?.status;
  },

  async insertInvitee(db: Db, row: ProposalInviteesTable): Promise<void> {
    await db.insertInto('proposal_invitees').values(row).execute();
  },

  /** The voter's position in this round, if any (one position per voter and round). */
  positionOfVoter(db: Db, proposalId: string, round: number, voterKey: string) {
    return db
      .selectFrom('proposal_positions')
      .select('id')
      .where('proposal_id', '=', proposalId)
      .where('round', '=', round)
      .where('voter_key', '=', voterKey)
      .executeTakeFirst();
  },

  /** Change a position of this proposal; the number of rows changed (0 when it is not one of its positions). */
  async updatePosition(
    db: Db,
    proposalId: string,
    id: string,
    patch: Partial<Omit<PositionRow, 'id' | 'proposal_id'>>,
  ): Promise<number> {
    const r = await db
      .updateTable('proposal_positions')
      .set(encodeRow<Partial<ProposalPositionsTable>>(patch, positionJson))
      .where('proposal_id', '=', proposalId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** One open objection per voter and version: the voter's open one for this version is withdrawn. */
  async withdrawOpenObjections(db: Db, proposalId: string, voterKey: string, version: number): Promise<void> {
    await db
      .updateTable('proposal_objections')
      .set({ status: 'withdrawn' })
      .where('proposal_id', '=', proposalId)
      .where('voter_key', '=', voterKey)
      .where('version', '=', version)
      .where('status', '=', 'open')
      .execute();
  },

  async updateObjection(
    db: Db,
    proposalId: string,
    id: string,
    patch: Partial<Omit<ObjectionRow, 'id' | 'proposal_id'>>,
  ): Promise<void> {
    await db
      .updateTable('proposal_objections')
      .set(encodeRow<Partial<ProposalObjectionsTable>>(patch, objectionJson))
      .where('proposal_id', '=', proposalId)
      .where('id', '=', id)
      .execute();
  },

  /** Open proposals, in every organisation, whose deadline is before `by` and not yet announced as closing. */
  async closingUnannounced(db: Db, by: string): Promise<ProposalRow[]> {
    const rows = await db
      .selectFrom('proposals')
      .selectAll()
      .where('status', '=', 'open')
      .where('closing_notified_at', 'is', null)
      .where('deadline', '<=', by)
      .execute();
    return decodeRows(rows, proposalJson);
  },

  /** Closed, passed proposals, in every organisation, whose review date has come and is not yet announced. */
  async reviewDueUnannounced(db: Db, today: string): Promise<ProposalRow[]> {
    const rows = await db
      .selectFrom('proposals')
      .innerJoin('decision_records', 'decision_records.id', 'proposals.record_id')
      .selectAll('proposals')
      .where('proposals.status', '=', 'closed')
      .where('decision_records.status', '=', 'passed')
      .where('proposals.review_notified_at', 'is', null)
      .where('proposals.review_on', 'is not', null)
      .where('proposals.review_on', '<=', today)
      .execute();
    return decodeRows(rows, proposalJson);
  },

  /** Members of the organisation holding one of these roles. */
  async memberIdsWithRoles(db: Db, orgId: string, roles: readonly string[]): Promise<string[]> {
    if (roles.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('role', 'in', [...roles])
      .execute();
    return rows.map((r) => r.user_id);
  },

  /** Account holders of a collective who are still members of its organisation. */
  async collectiveMemberIds(db: Db, orgId: string, collectiveId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('person_collectives')
      .innerJoin('people', 'people.id', 'person_collectives.person_id')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.user_id', '=', 'people.user_id')
          .onRef('memberships.org_id', '=', 'people.org_id'),
      )
      .select('people.user_id')
      .where('person_collectives.collective_id', '=', collectiveId)
      .where('people.org_id', '=', orgId)
      .execute();
    return rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
  },
};
