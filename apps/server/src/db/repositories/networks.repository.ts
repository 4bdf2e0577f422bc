import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type {
  NetworkAnalysesTable,
  NetworkEdgesTable,
  NetworkNodesTable,
  NetworkProposalsTable,
  NetworkRespondentsTable,
  NetworksTable,
} from '../tables/networks.ts';

/**
 * Networks of an engagement. Methods reached from an organisation route take the scope (or an
 * engagement/network id already checked through it); respondent methods take the network id that
 * the participant token resolved to.
 */
export const networksRepository = {
  list(db: Db, scope: OrgScope, engagementId: string): Promise<NetworksTable[]> {
    return db
      .selectFrom('networks')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  find(db: Db, scope: OrgScope, engagementId: string, id: string): Promise<NetworksTable | undefined> {
    return db
      .selectFrom('networks')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** By id alone: only after a participant token or a running job resolved to it. */
  findById(db: Db, id: string): Promise<NetworksTable | undefined> {
    return db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Db, scope: OrgScope, row: Omit<NetworksTable, 'org_id'>): Promise<void> {
    await db
      .insertInto('networks')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  async insertNodes(db: Db, rows: NetworkNodesTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('network_nodes')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  async insertEdges(db: Db, rows: NetworkEdgesTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('network_edges')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  nodes(db: Db, networkId: string): Promise<NetworkNodesTable[]> {
    return db
      .selectFrom('network_nodes')
      .selectAll()
      .where('network_id', '=', networkId)
      .orderBy('node_id')
      .execute();
  },

  edges(db: Db, networkId: string): Promise<NetworkEdgesTable[]> {
    return db.selectFrom('network_edges').selectAll().where('network_id', '=', networkId).execute();
  },

  async counts(db: Db, networkId: string): Promise<{ nodes: number; edges: number }> {
    const nodes = await db
      .selectFrom('network_nodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('network_id', '=', networkId)
      .executeTakeFirstOrThrow();
    const edges = await db
      .selectFrom('network_edges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('network_id', '=', networkId)
      .executeTakeFirstOrThrow();
    return { nodes: Number(nodes.n), edges: Number(edges.n) };
  },

  async relations(db: Db, networkId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('network_edges')
      .select('relation')
      .distinct()
      .where('network_id', '=', networkId)
      .orderBy('relation')
      .execute();
    return rows.map((r) => r.relation);
  },

  respondents(db: Db, networkId: string): Promise<NetworkRespondentsTable[]> {
    return db.selectFrom('network_respondents').selectAll().where('network_id', '=', networkId).execute();
  },

  respondentByParticipant(db: Db, networkId: string, participantId: string) {
    return db
      .selectFrom('network_respondents')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
  },

  async insertRespondent(db: Db, row: NetworkRespondentsTable): Promise<void> {
    await db.insertInto('network_respondents').values(row).execute();
  },

  async updateRespondent(
    db: Db,
    id: string,
    patch: Partial<Pick<NetworkRespondentsTable, 'consented_at' | 'submitted_at'>>,
  ): Promise<void> {
    await db.updateTable('network_respondents').set(patch).where('id', '=', id).execute();
  },

  async replaceAnswers(
    db: Db,
    networkId: string,
    respondentId: string,
    rows: NetworkEdgesTable[],
  ): Promise<void> {
    await db
      .deleteFrom('network_edges')
      .where('network_id', '=', networkId)
      .where('respondent_id', '=', respondentId)
      .execute();
    await networksRepository.insertEdges(db, rows);
  },

  answersOf(db: Db, networkId: string, respondentId: string): Promise<NetworkEdgesTable[]> {
    return db
      .selectFrom('network_edges')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('respondent_id', '=', respondentId)
      .execute();
  },

  analyses(db: Db, networkId: string): Promise<NetworkAnalysesTable[]> {
    return db
      .selectFrom('network_analyses')
      .selectAll()
      .where('network_id', '=', networkId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  findAnalysis(db: Db, networkId: string, id: string): Promise<NetworkAnalysesTable | undefined> {
    return db
      .selectFrom('network_analyses')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertAnalysis(db: Db, row: NetworkAnalysesTable): Promise<void> {
    await db.insertInto('network_analyses').values(row).execute();
  },

  async updateAnalysis(
    db: Db,
    id: string,
    patch: Partial<
      Pick<NetworkAnalysesTable, 'status' | 'stage' | 'progress' | 'result' | 'error' | 'finished_at'>
    >,
  ): Promise<void> {
    await db.updateTable('network_analyses').set(patch).where('id', '=', id).execute();
  },

  /**
   * Every analysis still queued or running, in every organisation: only for the start of the server,
   * when none of them can have a live job (jobs are in-memory). Returns the ids it marked.
   */
  async failUnfinishedAnalyses(
    db: Db,
    patch: Pick<NetworkAnalysesTable, 'status' | 'stage' | 'error' | 'finished_at'>,
  ): Promise<string[]> {
    const rows = await db
      .selectFrom('network_analyses')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .execute();
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      await db.updateTable('network_analyses').set(patch).where('id', 'in', ids).execute();
    }
    return ids;
  },

  proposals(db: Db, analysisId: string): Promise<NetworkProposalsTable[]> {
    return db
      .selectFrom('network_proposals')
      .selectAll()
      .where('analysis_id', '=', analysisId)
      .orderBy('rank')
      .execute();
  },

  findProposal(db: Db, networkId: string, id: string): Promise<NetworkProposalsTable | undefined> {
    return db
      .selectFrom('network_proposals')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertProposals(db: Db, rows: NetworkProposalsTable[]): Promise<void> {
    if (rows.length > 0) {
      await db.insertInto('network_proposals').values(rows).execute();
    }
  },

  async respondProposal(
    db: Db,
    id: string,
    patch: Pick<NetworkProposalsTable, 'status' | 'note' | 'responded_at' | 'recorded_by'>,
  ): Promise<void> {
    await db.updateTable('network_proposals').set(patch).where('id', '=', id).execute();
  },
};
