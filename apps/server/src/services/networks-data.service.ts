import type { Db } from '../db/db.ts';
import { registerPersonalData } from './personal-data.ts';
import { registerTableTraceKind } from './trace.service.ts';

/** Roster people linked to an account, in one organisation or all. */
async function personIdsOf(db: Db, userId: string, orgId?: string): Promise<string[]> {
  let q = db.selectFrom('people').select('id').where('user_id', '=', userId);
  if (orgId) {
    q = q.where('org_id', '=', orgId);
  }
  return (await q.execute()).map((r) => r.id);
}

/**
 * Network data about a person (GDPR art. 15, 17, 20): the ties they declared in network surveys and
 * the change-agent proposals naming them. Erasure deletes their declared ties and proposals and
 * renames their node, whatever the organisation's policy (network answers identify people).
 */
export function registerNetworkPersonalData(): void {
  registerPersonalData({
    name: 'networks',
    async export(db, userId) {
      const personIds = await personIdsOf(db, userId);
      if (personIds.length === 0) {
        return { declaredTies: [], proposals: [] };
      }
      const declaredTies = await db
        .selectFrom('network_edges')
        .innerJoin('network_respondents', 'network_respondents.id', 'network_edges.respondent_id')
        .innerJoin('networks', 'networks.id', 'network_edges.network_id')
        .select([
          'networks.title as network',
          'network_edges.relation',
          'network_edges.target',
          'network_edges.weight',
        ])
        .where('network_respondents.person_id', 'in', personIds)
        .execute();
      const proposals = await db
        .selectFrom('network_proposals')
        .innerJoin('network_nodes', (j) =>
          j
            .onRef('network_nodes.network_id', '=', 'network_proposals.network_id')
            .onRef('network_nodes.node_id', '=', 'network_proposals.node_id'),
        )
        .select(['network_proposals.reason', 'network_proposals.status', 'network_proposals.responded_at'])
        .where('network_nodes.person_id', 'in', personIds)
        .execute();
      return { declaredTies, proposals };
    },
    async erase(db, userId, orgId) {
      const personIds = await personIdsOf(db, userId, orgId);
      if (personIds.length === 0) {
        return;
      }
      const respondents = await db
        .selectFrom('network_respondents')
        .select('id')
        .where('person_id', 'in', personIds)
        .execute();
      if (respondents.length > 0) {
        await db
          .deleteFrom('network_edges')
          .where(
            'respondent_id',
            'in',
            respondents.map((r) => r.id),
          )
          .execute();
      }
      const nodes = await db
        .selectFrom('network_nodes')
        .select(['network_id', 'node_id'])
        .where('person_id', 'in', personIds)
        .execute();
      for (const node of nodes) {
        await db
          .deleteFrom('network_proposals')
          .where('network_id', '=', node.network_id)
          .where('node_id', '=', node.node_id)
          .execute();
        await db
          .updateTable('network_nodes')
          .set({ label: '—', attributes: '{}', person_id: null })
          .where('network_id', '=', node.network_id)
          .where('node_id', '=', node.node_id)
          .execute();
      }
    },
  });
}

/** Networks can be trace-linked (e.g. network → decision about change agents). */
export function registerNetworkTraceKind(): void {
  registerTableTraceKind('network', 'networks', 'title');
}
