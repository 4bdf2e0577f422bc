import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type {
  NetworkAnalysesTable,
  NetworkEdgesTable,
  NetworkNodesTable,
  NetworkProposalsTable,
  NetworkRespondentsTable,
  NetworksTable,
} from '../tables/networks.ts';

/** The JSON columns of each table and their schemas: rows leave this file parsed (see stored-json.ts). */
const networkJson = { attribute_columns: StoredJson.strings, survey_relations: StoredJson.surveyRelations };
const nodeJson = { attributes: StoredJson.stringRecord };
const analysisJson = { options: StoredJson.networkOptions, result: StoredJson.networkResult };
const proposalJson = { why: StoredJson.proposalReason };

export type NetworkRow = Decoded<NetworksTable, typeof networkJson>;
export type NetworkNodeRow = Decoded<NetworkNodesTable, typeof nodeJson>;
export type NetworkAnalysisRow = Decoded<NetworkAnalysesTable, typeof analysisJson>;
export type NetworkProposalRow = Decoded<NetworkProposalsTable, typeof proposalJson>;

/**
 * Networks of an engagement. Methods reached from an organisation route take the scope (or an
 * engagement/network id already checked through it); respondent methods take the network id that
 * the participant token resolved to.
 */
export const networksRepository = {
  async list(db: Db, scope: OrgScope, engagementId: string): Promise<NetworkRow[]> {
    const rows = await db
      .selectFrom('networks')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at', 'desc')
      .execute();
    return decodeRows(rows, networkJson);
  },

  async find(db: Db, scope: OrgScope, engagementId: string, id: string): Promise<NetworkRow | undefined> {
    const row = await db
      .selectFrom('networks')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, networkJson);
  },

  /** By id alone: only after a participant token or a running job resolved to it. */
  async findById(db: Db, id: string): Promise<NetworkRow | undefined> {
    const row = await db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeRow(row, networkJson);
  },

  async insert(db: Db, scope: OrgScope, row: Omit<NetworkRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('networks')
      .values({ ...encodeRow<Omit<NetworksTable, 'org_id'>>(row, networkJson), org_id: scope.orgId })
      .execute();
  },

  async insertNodes(db: Db, rows: NetworkNodeRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('network_nodes')
        .values(rows.slice(i, i + 500).map((r) => encodeRow<NetworkNodesTable>(r, nodeJson)))
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

  async nodes(db: Db, networkId: string): Promise<NetworkNodeRow[]> {
    const rows = await db
      .selectFrom('network_nodes')
      .selectAll()
      .where('network_id', '=', networkId)
      .orderBy('node_id')
      .execute();
    return decodeRows(rows, nodeJson);
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

  async analyses(db: Db, networkId: string): Promise<NetworkAnalysisRow[]> {
    const rows = await db
      .selectFrom('network_analyses')
      .selectAll()
      .where('network_id', '=', networkId)
      .orderBy('created_at', 'desc')
      .execute();
    return decodeRows(rows, analysisJson);
  },

  async findAnalysis(db: Db, networkId: string, id: string): Promise<NetworkAnalysisRow | undefined> {
    const row = await db
      .selectFrom('network_analyses')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, analysisJson);
  },

  async insertAnalysis(db: Db, row: NetworkAnalysisRow): Promise<void> {
    await db
      .insertInto('network_analyses')
      .values(encodeRow<NetworkAnalysesTable>(row, analysisJson))
      .execute();
  },

  async updateAnalysis(
    db: Db,
    id: string,
    patch: Partial<
      Pick<NetworkAnalysisRow, 'status' | 'stage' | 'progress' | 'result' | 'error' | 'finished_at'>
    >,
  ): Promise<void> {
    await db
      .updateTable('network_analyses')
      .set(encodeRow<Partial<NetworkAnalysesTable>>(patch, analysisJson))
      .where('id', '=', id)
      .execute();
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

  async proposals(db: Db, analysisId: string): Promise<NetworkProposalRow[]> {
    const rows = await db
      .selectFrom('network_proposals')
      .selectAll()
      .where('analysis_id', '=', analysisId)
      .orderBy('rank')
      .execute();
    return decodeRows(rows, proposalJson);
  },

  async findProposal(db: Db, networkId: string, id: string): Promise<NetworkProposalRow | undefined> {
    const row = await db
      .selectFrom('network_proposals')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, proposalJson);
  },

  /** The last-ranked change-agent proposal made for a node (what its respondent is asked about). */
  async lastProposalOfNode(db: Db, networkId: string, nodeId: string) {
    const rows = await db
      .selectFrom('network_proposals')
      .select(['id', 'reason', 'why', 'status'])
      .where('network_id', '=', networkId)
      .where('node_id', '=', nodeId)
      .orderBy('rank')
      .execute();
    const last = rows.at(-1);
    return last && decodeRow(last, proposalJson);
  },

  async insertProposals(db: Db, rows: NetworkProposalRow[]): Promise<void> {
    if (rows.length > 0) {
      await db
        .insertInto('network_proposals')
        .values(rows.map((r) => encodeRow<NetworkProposalsTable>(r, proposalJson)))
        .execute();
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
