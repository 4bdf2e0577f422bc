import type {
  NetworkAnalysis,
  NetworkEgo,
  NetworkImportPreview,
  NetworkSummary,
  NetworkSurveyRelation,
  RunNetworkAnalysisBody,
} from '@essaim/contracts';
import {
  type NodeTable,
  type ParsedEdge,
  parseEdgeListCsv,
  parseNodeAttributesCsv,
} from '@essaim/core/network';
import type { AnalysisInput, AnalysisOutput } from '../analysis/network-analysis.ts';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type NetworkAnalysisRow,
  type NetworkRow,
  networksRepository,
} from '../db/repositories/networks.repository.ts';
import { peopleRepository } from '../db/repositories/people.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { issueParticipant } from './participants.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';

/** Scope kind of respondent tokens: `network:<networkId>`. */
export const NETWORK_SCOPE_KIND = 'network';
const CONSENT_VALUES = new Set(['yes', 'y', 'true', '1', 'oui', 'o']);

// ---- presenting ------------------------------------------------------------------------------

function presentAnalysisSummary(a: NetworkAnalysisRow) {
  return {
    id: a.id,
    status: a.status as NetworkAnalysis['status'],
    stage: a.stage,
    progress: a.progress,
    error: a.error,
    createdAt: a.created_at,
    finishedAt: a.finished_at,
  };
}

async function presentNetwork(db: Db, n: NetworkRow): Promise<NetworkSummary> {
  const counts = await networksRepository.counts(db, n.id);
  const [latest] = await networksRepository.analyses(db, n.id);
  let survey: NetworkSummary['survey'] = null;
  if (n.source === 'survey') {
    const respondents = await networksRepository.respondents(db, n.id);
    survey = {
      collectiveId: n.collective_id,
      relations: n.survey_relations ?? [],
      scale: n.survey_scale === 'importance' ? 'importance' : 'frequency',
      rosterSize: counts.nodes,
      invited: respondents.length,
      consented: respondents.filter((r) => r.consented_at !== null).length,
      submitted: respondents.filter((r) => r.submitted_at !== null).length,
    };
  }
  return {
    id: n.id,
    engagementId: n.engagement_id,
    title: n.title,
    source: n.source === 'survey' ? 'survey' : 'import',
    isDirected: n.is_directed === 1,
    isWeighted: n.is_weighted === 1,
    relations:
      n.source === 'survey' ? (survey?.relations ?? []) : await networksRepository.relations(db, n.id),
    attributeColumns: n.attribute_columns,
    nodeCount: counts.nodes,
    edgeCount: counts.edges,
    survey,
    latestAnalysis: latest ? presentAnalysisSummary(latest) : null,
    createdAt: n.created_at,
  };
}

export async function requireNetwork(db: Db, scope: OrgScope, engagementId: string, networkId: string) {
  await loadEngagement(db, scope, engagementId);
  const n = await networksRepository.find(db, scope, engagementId, networkId);
  if (!n) {
    throw notFound('network');
  }
  return n;
}

export async function listNetworks(db: Db, scope: OrgScope, engagementId: string): Promise<NetworkSummary[]> {
  await loadEngagement(db, scope, engagementId);
  const rows = await networksRepository.list(db, scope, engagementId);
  return Promise.all(rows.map((n) => presentNetwork(db, n)));
}

export async function getNetwork(db: Db, scope: OrgScope, engagementId: string, networkId: string) {
  return presentNetwork(db, await requireNetwork(db, scope, engagementId, networkId));
}

// ---- import ----------------------------------------------------------------------------------

interface ParsedImport {
  preview: NetworkImportPreview;
  edges: ParsedEdge[];
  table: NodeTable | undefined;
}

function parseImport(body: {
  edgesCsv: string;
  nodesCsv?: string | undefined;
  isDirected: boolean;
  isWeighted: boolean;
}): ParsedImport {
  const errors: NetworkImportPreview['errors'] = [];
  let table: NodeTable | undefined;
  if (body.nodesCsv !== undefined && body.nodesCsv.trim() !== '') {
    const nodes = parseNodeAttributesCsv(body.nodesCsv);
    if (nodes.isOk) {
      table = nodes.value;
    } else {
      errors.push(...nodes.errors.map((e) => ({ file: 'nodes' as const, ...e })));
    }
  }
  const parsed = parseEdgeListCsv(body.edgesCsv, {
    isDirected: body.isDirected,
    isWeighted: body.isWeighted,
    knownNodes: table ? new Set(table.rows.map((r) => r.id)) : undefined,
  });
  if (!parsed.isOk) {
    errors.push(...parsed.errors.map((e) => ({ file: 'edges' as const, ...e })));
  }
  const edges = parsed.isOk ? parsed.value.edges : [];
  const ids = new Set(table?.rows.map((r) => r.id) ?? []);
  for (const e of edges) {
    ids.add(e.source);
    ids.add(e.target);
  }
  const consentColumn = table?.columns.find((c) => c.toLowerCase() === 'consent');
  const consenting = consentColumn
    ? (table?.rows.filter((r) => CONSENT_VALUES.has((r.attributes[consentColumn] ?? '').toLowerCase()))
        .length ?? 0)
    : 0;
  const isOk = errors.length === 0;
  return {
    preview: {
      isOk,
      errors: errors.slice(0, 200),
      nodeCount: isOk ? ids.size : 0,
      edgeCount: edges.length,
      relations: parsed.isOk ? parsed.value.relations : [],
      attributeColumns: table?.columns ?? [],
      consentingCount: consenting,
      sample: edges
        .slice(0, 10)
        .map((e) => ({ source: e.source, target: e.target, weight: e.weight, relation: e.relation })),
    },
    edges,
    table,
  };
}

/** Parse both files without writing anything. */
export async function previewImport(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: Parameters<typeof parseImport>[0],
): Promise<NetworkImportPreview> {
  await loadEngagement(db, scope, engagementId);
  return parseImport(body).preview;
}

/** All-or-nothing: any error in either file refuses the whole import with every line-numbered error. */
export async function importNetwork(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: Parameters<typeof parseImport>[0] & { title: string },
  actor: Actor,
): Promise<NetworkSummary> {
  const { preview, edges, table } = parseImport(body);
  if (!preview.isOk) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the import has ${preview.errors.length} error(s); nothing was saved`,
      {
        errors: preview.errors,
      },
    );
  }
  return db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const id = newId();
    await networksRepository.insert(trx, scope, {
      id,
      engagement_id: engagementId,
      title: body.title,
      source: 'import',
      is_directed: body.isDirected ? 1 : 0,
      is_weighted: body.isWeighted ? 1 : 0,
      attribute_columns: table?.columns ?? [],
      collective_id: null,
      survey_relations: null,
      survey_scale: null,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    const consentColumn = table?.columns.find((c) => c.toLowerCase() === 'consent');
    const labelColumn = table?.columns.find((c) => ['label', 'name', 'nom'].includes(c.toLowerCase()));
    const rows = new Map<string, { attributes: Record<string, string> }>(
      (table?.rows ?? []).map((r) => [r.id, { attributes: r.attributes }]),
    );
    for (const e of edges) {
      for (const nodeId of [e.source, e.target]) {
        if (!rows.has(nodeId)) {
          rows.set(nodeId, { attributes: {} });
        }
      }
    }
    await networksRepository.insertNodes(
      trx,
      [...rows].map(([nodeId, r]) => ({
        network_id: id,
        node_id: nodeId,
        person_id: null,
        label: (labelColumn ? r.attributes[labelColumn] : undefined) || nodeId,
        attributes: r.attributes,
        import_consent:
          consentColumn && CONSENT_VALUES.has((r.attributes[consentColumn] ?? '').toLowerCase()) ? 1 : 0,
      })),
    );
    await networksRepository.insertEdges(
      trx,
      edges.map((e) => ({
        id: newId(),
        network_id: id,
        source: e.source,
        target: e.target,
        relation: e.relation ?? 'tie',
        weight: e.weight,
        respondent_id: null,
      })),
    );
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'network.imported',
      objectKind: 'network',
      objectId: id,
      data: { nodes: rows.size, edges: edges.length },
    });
    return presentNetwork(trx, (await networksRepository.findById(trx, id))!);
  });
}

// ---- survey ----------------------------------------------------------------------------------

export async function createNetworkSurvey(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: {
    title: string;
    collectiveId: string;
    relations: NetworkSurveyRelation[];
    scale: 'frequency' | 'importance';
  },
  actor: Actor,
): Promise<NetworkSummary> {
  return db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const collective = await peopleRepository.findCollective(trx, scope, body.collectiveId);
    if (!collective) {
      throw notFound('collective');
    }
    const people = await peopleRepository.collectiveMembers(trx, scope, collective.id);
    if (people.length < 2) {
      throw new AppError('BAD_REQUEST', 'a network survey needs a collective of at least two people');
    }
    const id = newId();
    await networksRepository.insert(trx, scope, {
      id,
      engagement_id: engagementId,
      title: body.title,
      source: 'survey',
      is_directed: 1,
      is_weighted: 0,
      attribute_columns: ['title'],
      collective_id: collective.id,
      survey_relations: [...new Set(body.relations)],
      survey_scale: body.scale,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    await networksRepository.insertNodes(
      trx,
      people.map((p) => ({
        network_id: id,
        node_id: p.id,
        person_id: p.id,
        label: p.display_name,
        attributes: { title: p.title },
        import_consent: 0,
      })),
    );
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'network.surveyCreated',
      objectKind: 'network',
      objectId: id,
      data: { respondents: people.length },
    });
    return presentNetwork(trx, (await networksRepository.findById(trx, id))!);
  });
}

/** Issue a respondent link to every roster person not yet invited; tokens are shown once. */
export async function inviteRespondents(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  networkId: string,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const n = await requireNetwork(trx, scope, engagementId, networkId);
    if (n.source !== 'survey') {
      throw new AppError('BAD_REQUEST', 'only a surveyed network has respondents');
    }
    await assertEngagementAcceptsInput(trx, engagementId);
    const invited = new Set((await networksRepository.respondents(trx, n.id)).map((r) => r.person_id));
    const links: { personId: string; displayName: string; token: string }[] = [];
    for (const node of await networksRepository.nodes(trx, n.id)) {
      if (!node.person_id || invited.has(node.person_id)) {
        continue;
      }
      const { participant, token } = await issueParticipant(trx, {
        orgId: scope.orgId,
        scopeKind: NETWORK_SCOPE_KIND,
        scopeId: n.id,
        displayName: node.label,
      });
      await networksRepository.insertRespondent(trx, {
        id: newId(),
        network_id: n.id,
        person_id: node.person_id,
        participant_id: participant.id,
        invited_at: nowIso(),
        consented_at: null,
        submitted_at: null,
      });
      links.push({ personId: node.person_id, displayName: node.label, token: `${n.id}.${token}` });
    }
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'network.respondentsInvited',
      objectKind: 'network',
      objectId: n.id,
      data: { count: links.length },
    });
    return { links, alreadyInvited: invited.size };
  });
}

// ---- analyses ----------------------------------------------------------------------------------

/** People who may be proposed as change agents: an active change_agent_proposal consent, or `consent=yes` in an import. */
async function analysisInput(db: Db, n: NetworkRow, options: RunNetworkAnalysisBody): Promise<AnalysisInput> {
  const nodes = await networksRepository.nodes(db, n.id);
  const edges = await networksRepository.edges(db, n.id);
  const consenting = new Set<string>();
  for (const node of nodes) {
    if (
      node.import_consent === 1 ||
      (node.person_id &&
        (await peopleRepository.hasActiveConsent(
          db,
          node.person_id,
          'change_agent_proposal',
          n.engagement_id,
        )))
    ) {
      consenting.add(node.node_id);
    }
  }
  return {
    nodes: nodes.map((node) => ({
      id: node.node_id,
      label: node.label,
      attributes: node.attributes,
      canBeProposed: consenting.has(node.node_id),
    })),
    edges: edges.map((e) => ({ source: e.source, target: e.target, relation: e.relation, weight: e.weight })),
    isDirected: n.is_directed === 1,
    isWeighted: n.is_weighted === 1,
    relation: options.relation,
    changeAgents: options.changeAgents,
    coverGroups: options.coverGroups,
    seed: options.seed,
  };
}

export async function queueAnalysis(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  networkId: string,
  options: RunNetworkAnalysisBody,
  actor: Actor,
): Promise<{ analysis: NetworkAnalysis; input: AnalysisInput }> {
  return db.transaction().execute(async (trx) => {
    const n = await requireNetwork(trx, scope, engagementId, networkId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const running = (await networksRepository.analyses(trx, n.id)).find(
      (a) => a.status === 'queued' || a.status === 'running',
    );
    if (running) {
      throw new AppError('CONFLICT', 'an analysis of this network is already running', {
        analysisId: running.id,
      });
    }
    const input = await analysisInput(trx, n, options);
    if (options.relation !== null && !input.edges.some((e) => e.relation === options.relation)) {
      throw new AppError('BAD_REQUEST', `no tie of relation "${options.relation}" in this network`);
    }
    if (input.nodes.length === 0) {
      throw new AppError('BAD_REQUEST', 'this network has no people yet');
    }
    const row: NetworkAnalysisRow = {
      id: newId(),
      network_id: n.id,
      status: 'queued',
      stage: 'queued',
      progress: 0,
      options,
      result: null,
      error: null,
      created_by: actor.userId,
      created_at: nowIso(),
      finished_at: null,
    };
    await networksRepository.insertAnalysis(trx, row);
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'network.analysisStarted',
      objectKind: 'network',
      objectId: n.id,
      data: { analysisId: row.id, relation: options.relation, changeAgents: options.changeAgents },
    });
    return { analysis: { ...presentAnalysisSummary(row), options, result: null, proposals: [] }, input };
  });
}

/** Store a finished analysis and its proposals (called by the job runner). */
export async function storeAnalysisResult(
  db: Db,
  analysisId: string,
  networkId: string,
  output: AnalysisOutput,
) {
  const { proposals, ...result } = output;
  await db.transaction().execute(async (trx) => {
    await networksRepository.updateAnalysis(trx, analysisId, {
      status: 'done',
      stage: 'done',
      progress: 1,
      result,
      finished_at: nowIso(),
    });
    await networksRepository.insertProposals(
      trx,
      proposals.map((p) => ({
        id: newId(),
        analysis_id: analysisId,
        network_id: networkId,
        node_id: p.nodeId,
        rank: p.rank,
        reason: p.reason,
        why: p.why,
        marginal_reach: p.marginalReach,
        mc_spread: Number.isFinite(p.monteCarloSpread) ? p.monteCarloSpread : 0,
        mc_error: Number.isFinite(p.standardError) ? p.standardError : 0,
        zones_bridged: p.zonesBridged,
        status: 'proposed',
        note: null,
        responded_at: null,
        recorded_by: null,
      })),
    );
  });
}

export async function readAnalysis(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  networkId: string,
  analysisId: string,
): Promise<NetworkAnalysis> {
  const n = await requireNetwork(db, scope, engagementId, networkId);
  const a = await networksRepository.findAnalysis(db, n.id, analysisId);
  if (!a) {
    throw notFound('analysis');
  }
  const result = a.result;
  const labels = new Map(result?.nodes.map((node) => [node.id, node.label]) ?? []);
  const proposals = await networksRepository.proposals(db, a.id);
  return {
    ...presentAnalysisSummary(a),
    options: a.options,
    result,
    proposals: proposals.map((p) => ({
      id: p.id,
      nodeId: p.node_id,
      label: labels.get(p.node_id) ?? p.node_id,
      rank: p.rank,
      reason: p.reason,
      why: p.why,
      marginalReach: p.marginal_reach,
      monteCarloSpread: p.mc_spread,
      standardError: p.mc_error,
      zonesBridged: p.zones_bridged,
      status: p.status as 'proposed' | 'accepted' | 'declined',
      note: p.note,
      respondedAt: p.responded_at,
    })),
  };
}

export async function listAnalyses(db: Db, scope: OrgScope, engagementId: string, networkId: string) {
  const n = await requireNetwork(db, scope, engagementId, networkId);
  return (await networksRepository.analyses(db, n.id)).map(presentAnalysisSummary);
}

/** The nominee's answer, recorded by the facilitator (or by the nominee through their respondent link). */
export async function recordProposalResponse(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  networkId: string,
  proposalId: string,
  body: { decision: 'accepted' | 'declined'; note?: string | undefined },
  actor: Actor,
) {
  await db.transaction().execute(async (trx) => {
    const n = await requireNetwork(trx, scope, engagementId, networkId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const p = await networksRepository.findProposal(trx, n.id, proposalId);
    if (!p) {
      throw notFound('proposal');
    }
    await networksRepository.respondProposal(trx, p.id, {
      status: body.decision,
      note: body.note ?? null,
      responded_at: nowIso(),
      recorded_by: actor.userId,
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: `network.proposal${body.decision === 'accepted' ? 'Accepted' : 'Declined'}`,
      objectKind: 'network',
      objectId: n.id,
      data: { proposalId: p.id, recordedBy: 'facilitator' },
    });
  });
}

// ---- ego networks --------------------------------------------------------------------------------

/** One person's view: the ties they declared, and how many colleagues named them per relation (never who). */
export async function egoOf(db: Db, n: NetworkRow, nodeId: string): Promise<NetworkEgo | null> {
  const nodes = await networksRepository.nodes(db, n.id);
  const me = nodes.find((x) => x.node_id === nodeId);
  if (!me) {
    return null;
  }
  const labels = new Map(nodes.map((x) => [x.node_id, x.label]));
  const edges = await networksRepository.edges(db, n.id);
  const isDirected = n.is_directed === 1;
  const outgoing = edges.filter((e) => e.source === nodeId || (!isDirected && e.target === nodeId));
  const incoming = new Map<string, number>();
  if (isDirected) {
    for (const e of edges.filter((x) => x.target === nodeId)) {
      incoming.set(e.relation, (incoming.get(e.relation) ?? 0) + 1);
    }
  }
  return {
    networkId: n.id,
    title: n.title,
    me: { id: nodeId, label: me.label },
    outgoing: outgoing.map((e) => {
      const other = e.source === nodeId ? e.target : e.source;
      return {
        relation: e.relation,
        targetId: other,
        targetLabel: labels.get(other) ?? other,
        value: e.weight,
      };
    }),
    incomingCounts: [...incoming].map(([relation, count]) => ({ relation, count })),
  };
}

/** The signed-in member's own ego networks in this engagement (through the roster person linked to their account). */
export async function myEgoNetworks(db: Db, scope: OrgScope, engagementId: string): Promise<NetworkEgo[]> {
  await loadEngagement(db, scope, engagementId);
  const person = await peopleRepository.personIdOfUser(db, scope, scope.userId);
  if (!person) {
    return [];
  }
  const egos: NetworkEgo[] = [];
  for (const n of await networksRepository.list(db, scope, engagementId)) {
    const node = (await networksRepository.nodes(db, n.id)).find((x) => x.person_id === person.id);
    const ego = node ? await egoOf(db, n, node.node_id) : null;
    if (ego) {
      egos.push(ego);
    }
  }
  return egos;
}
