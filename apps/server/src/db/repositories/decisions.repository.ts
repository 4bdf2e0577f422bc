import type { OrgScope } from '../org-scope.ts';
import type {
  DecisionRecordsTable,
  GovernanceMapsTable,
  ProposalObjectionsTable,
  ProposalPositionsTable,
  ProposalsTable,
} from '../tables/decisions.ts';
import type { Db } from './users.repository.ts';

export type DecisionRecordRow = DecisionRecordsTable;
export type ProposalRow = ProposalsTable;
export type PositionRow = ProposalPositionsTable;
export type ObjectionRow = ProposalObjectionsTable;
export type GovernanceMapRow = GovernanceMapsTable;

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
    await db.insertInto('decision_records').values(row).execute();
  },

  async updateRecord(db: Db, id: string, patch: Partial<DecisionRecordRow>): Promise<void> {
    await db.updateTable('decision_records').set(patch).where('id', '=', id).execute();
  },

  findRecord(db: Db, scope: OrgScope, id: string): Promise<DecisionRecordRow | undefined> {
    return db
      .selectFrom('decision_records')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  register(db: Db, scope: OrgScope, filter: RegisterFilter): Promise<DecisionRecordRow[]> {
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
    return q.orderBy('created_at', 'desc').orderBy('id').limit(2000).execute();
  },

  latestRuleChoice(db: Db, engagementId: string): Promise<DecisionRecordRow | undefined> {
    return db
      .selectFrom('decision_records')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .where('source', '=', 'rule_choice')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },

  findProposal(db: Db, scope: OrgScope, engagementId: string, id: string): Promise<ProposalRow | undefined> {
    return db
      .selectFrom('proposals')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** For capability routes: the proposal named in the URL, checked afterwards against the participant token. */
  findProposalById(db: Db, id: string): Promise<ProposalRow | undefined> {
    return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
  },

  listProposals(db: Db, scope: OrgScope, engagementId: string): Promise<ProposalRow[]> {
    return db
      .selectFrom('proposals')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  async updateProposal(db: Db, id: string, patch: Partial<ProposalRow>): Promise<void> {
    await db.updateTable('proposals').set(patch).where('id', '=', id).execute();
  },

  positions(db: Db, proposalId: string, round?: number): Promise<PositionRow[]> {
    let q = db.selectFrom('proposal_positions').selectAll().where('proposal_id', '=', proposalId);
    if (round !== undefined) {
      q = q.where('round', '=', round);
    }
    return q.orderBy('at').orderBy('id').execute();
  },

  objections(db: Db, proposalId: string): Promise<ObjectionRow[]> {
    return db
      .selectFrom('proposal_objections')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('at')
      .orderBy('id')
      .execute();
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

  maps(db: Db, scope: OrgScope): Promise<GovernanceMapRow[]> {
    return db
      .selectFrom('governance_maps')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('status', 'in', ['current', 'proposed'])
      .orderBy('created_at')
      .execute();
  },

  findMap(db: Db, scope: OrgScope, id: string): Promise<GovernanceMapRow | undefined> {
    return db
      .selectFrom('governance_maps')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
