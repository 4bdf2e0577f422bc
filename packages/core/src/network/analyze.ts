/**
 * The full organisational network analysis of one network — the one pipeline behind the server's
 * analysis worker and `essaim network analyze`: centralities, communities (Leiden), Cross' roles,
 * trust zones and change-agent proposals (IMM). Pure apart from the `onProgress` callback, so it
 * runs the same inline (tests) or in a worker; callers that can run threads pass the path
 * centralities computed in parallel (`paths`), the rest is the same.
 *
 * - Main graph: the chosen relation, or every relation but energy merged (first tie kept).
 *   Survey values are tie strengths, so centralities are unweighted unless the import says weighted
 *   (weights are then distances for betweenness, networkx semantics).
 * - Betweenness: exact Brandes up to 5,000 nodes, or always with `betweenness: 'exact'` (U. Brandes,
 *   "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001); closeness and
 *   harmonic come out of the same searches (`pathCentralities`). Beyond, Riondato–Kornaropoulos
 *   sampling (ε = 0.01, δ = 0.1; M. Riondato & E. Kornaropoulos, WSDM 2014) and a separate
 *   harmonic sweep.
 * - Roles: R. Cross & A. Parker, The Hidden Power of Social Networks, 2004; rules in core/network/roles.ts.
 * - Trust zones: Leiden communities of the trust relation (V. Traag, L. Waltman, N. van Eck,
 *   Sci. Rep. 9, 5233, 2019) and bridges by participation coefficient (Guimerà & Amaral 2005).
 * - Change agents: IMM under the independent cascade model (Y. Tang, Y. Shi, X. Xiao, SIGMOD 2015)
 *   among people who consented only; each proposal's spread is re-estimated by Monte-Carlo.
 */

import { type PathCentralities, pathCentralities } from './betweenness';
import { approximateBetweenness } from './betweenness-approx';
import { harmonic } from './closeness';
import { density, reciprocity } from './cohesion';
import { weakComponents } from './components';
import { degree } from './degree';
import { eigenvector } from './eigenvector';
import { type Graph, graphFromEdges } from './graph';
import { selectChangeAgents, simulateSpread } from './influence';
import { coreNumber } from './k-core';
import { leiden } from './leiden';
import { pagerank } from './pagerank';
import { assignRoles } from './roles';
import { structuralHoles } from './structural-holes';
import { findTrustZones, type TrustZones } from './trust-zones';

export interface NetworkAnalysisNode {
  id: string;
  label: string;
  attributes: Record<string, string>;
  canBeProposed: boolean;
}

export interface NetworkAnalysisEdge {
  source: string;
  target: string;
  relation: string;
  weight: number;
}

export interface NetworkAnalysisInput {
  nodes: NetworkAnalysisNode[];
  edges: NetworkAnalysisEdge[];
  isDirected: boolean;
  isWeighted: boolean;
  relation: string | null;
  changeAgents: number;
  coverGroups: boolean;
  seed: number;
}

export interface NetworkAnalysisProposal {
  nodeId: string;
  rank: number;
  reason: string;
  why: {
    marginalReach: number;
    cumulativeReach: number;
    group: { kind: 'department' | 'community'; name: string } | null;
    tiesInto: string[];
    zonesBridged: number;
  };
  marginalReach: number;
  monteCarloSpread: number;
  standardError: number;
  zonesBridged: number;
}

export interface NetworkAnalysisOutput {
  relation: string | null;
  nodes: {
    id: string;
    label: string;
    attributes: Record<string, string>;
    degree: number;
    inDegree: number;
    outDegree: number;
    betweenness: number;
    pagerank: number;
    eigenvector: number;
    harmonic: number;
    constraint: number | null;
    coreNumber: number;
    community: number;
    trustZone: number | null;
    roles: { role: RoleNameOut; rule: string }[];
    canBeProposed: boolean;
  }[];
  edges: NetworkAnalysisEdge[];
  communities: { id: number; size: number }[];
  modularity: number;
  density: number;
  reciprocity: number | null;
  components: number;
  betweennessMethod: 'exact' | 'approximate';
  trustZones: {
    zones: { id: number; members: string[]; density: number; internalTies: number }[];
    bridges: { id: string; zones: number[]; participation: number }[];
    withoutTrustTies: string[];
    modularity: number;
  } | null;
  changeAgents: {
    requested: number;
    consenting: number;
    estimatedSpread: number;
    monteCarloSpread: number;
    standardError: number;
  };
  proposals: NetworkAnalysisProposal[];
}

type RoleNameOut =
  | 'central-connector'
  | 'boundary-spanner'
  | 'information-broker'
  | 'peripheral-specialist'
  | 'energizer'
  | 'isolate';

export type NetworkProgressCallback = (stage: string, progress: number) => void;

/** Above this many nodes the default is sampled betweenness (exact costs O(nm)). */
export const EXACT_BETWEENNESS_LIMIT = 5000;

export interface AnalyzeNetworkOptions {
  onProgress?: NetworkProgressCallback;
  /** 'auto' (default): exact up to {@link EXACT_BETWEENNESS_LIMIT} nodes, sampled beyond. */
  betweenness?: 'auto' | 'exact';
  /** Path centralities of the main graph already computed (e.g. on several threads). */
  paths?: PathCentralities;
}

/** The main graph the analysis runs on (also what parallel path sweeps must be given). */
export function buildMainGraph(input: NetworkAnalysisInput): Graph {
  const ids = input.nodes.map((n) => n.id);
  const main = mergeEdges(
    input.edges.filter((e) =>
      input.relation === null ? e.relation !== 'energy' : e.relation === input.relation,
    ),
    input.isDirected,
  );
  const isWeighted = input.isWeighted && input.relation !== null;
  return graphFromEdges(main, { isDirected: input.isDirected, isWeighted, nodes: ids });
}

/** Whether the pipeline computes exact path centralities for this graph. */
export function usesExactPaths(graph: Graph, mode: 'auto' | 'exact' = 'auto'): boolean {
  return mode === 'exact' || graph.nodeCount <= EXACT_BETWEENNESS_LIMIT;
}

function mergeEdges(edges: NetworkAnalysisEdge[], isDirected: boolean): NetworkAnalysisEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    if (e.source === e.target) {
      return false;
    }
    const [a, b] = isDirected || e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    const key = `${a}\u0000${b}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function departmentGroups(
  input: NetworkAnalysisInput,
  graph: Graph,
): { labels: Int32Array; names: string[] } | undefined {
  const column = ['department', 'team', 'service', 'équipe'].find((c) =>
    input.nodes.some((n) => (n.attributes[c] ?? '') !== ''),
  );
  if (!column) {
    return undefined;
  }
  const byId = new Map(input.nodes.map((n) => [n.id, n.attributes[column] ?? '']));
  const codes = new Map<string, number>();
  const labels = Int32Array.from(graph.ids, (id) => {
    const value = byId.get(id) ?? '';
    if (value === '') {
      return -1;
    }
    if (!codes.has(value)) {
      codes.set(value, codes.size);
    }
    return codes.get(value)!;
  });
  return { labels, names: [...codes.keys()] };
}

/** Zones of two people or more, renumbered 0…; people with no trust tie are listed apart. */
function sharedZoneIndex(zones: TrustZones): Map<number, number> {
  const index = new Map<number, number>();
  for (const z of zones.zones) {
    if (z.members.length >= 2) {
      index.set(z.id, index.size);
    }
  }
  return index;
}

function presentTrustZones(
  zones: TrustZones,
  graph: Graph,
): NonNullable<NetworkAnalysisOutput['trustZones']> {
  const index = sharedZoneIndex(zones);
  return {
    zones: zones.zones
      .filter((z) => index.has(z.id))
      .map((z) => ({
        id: index.get(z.id)!,
        members: z.members.map((v) => graph.ids[v]!),
        density: z.density,
        internalTies: z.internalTies,
      })),
    bridges: zones.bridges.map((b) => ({
      id: graph.ids[b.node]!,
      zones: b.zones.map((z) => index.get(z) ?? -1).filter((z) => z >= 0),
      participation: b.participation,
    })),
    withoutTrustTies: zones.zones
      .filter((z) => !index.has(z.id))
      .flatMap((z) => z.members.map((v) => graph.ids[v]!)),
    modularity: Number.isFinite(zones.modularity) ? zones.modularity : 0,
  };
}

/**
 * Runs every analysis on one network.
 * @example
 * analyzeNetwork({ nodes, edges, isDirected: true, isWeighted: false, relation: null, changeAgents: 3, coverGroups: true, seed: 1 });
 */
export function analyzeNetwork(
  input: NetworkAnalysisInput,
  options: AnalyzeNetworkOptions = {},
): NetworkAnalysisOutput {
  const onProgress = options.onProgress ?? (() => {});
  const { isDirected, seed } = input;
  const ids = input.nodes.map((n) => n.id);
  const graph = buildMainGraph(input);
  onProgress('centralities', 0.1);
  const n = graph.nodeCount;
  const isExact = usesExactPaths(graph, options.betweenness);
  const paths = isExact ? (options.paths ?? pathCentralities(graph)) : null;
  const between = paths ? paths.betweenness : approximateBetweenness(graph, { seed }).values;
  onProgress('centralities', 0.35);
  const deg = degree(graph);
  const inDeg = degree(graph, { mode: 'in' });
  const outDeg = degree(graph, { mode: 'out' });
  const rank = pagerank(graph);
  const eigen = eigenvector(graph);
  const harm = paths ? paths.harmonic : harmonic(graph);
  const cores = coreNumber(graph);
  const { constraint } = structuralHoles(graph);
  onProgress('communities', 0.5);
  const communities = leiden(graph, { seed });
  const department = departmentGroups(input, graph);
  const groups = department?.labels ?? communities.labels;
  const energyEdges = input.edges.filter((e) => e.relation === 'energy' && e.weight > 0);
  const energy =
    energyEdges.length > 0 && input.relation !== 'energy'
      ? graphFromEdges(mergeEdges(energyEdges, isDirected), { isDirected, nodes: ids })
      : undefined;
  onProgress('roles', 0.6);
  const roles = assignRoles({
    graph,
    betweenness: between,
    constraint,
    groups,
    groupSource: department ? 'department' : 'community',
    energy,
  });
  onProgress('trust zones', 0.7);
  const trustEdges = input.edges.filter((e) => e.relation === 'trust');
  const zones =
    trustEdges.length > 0
      ? findTrustZones(graphFromEdges(mergeEdges(trustEdges, isDirected), { isDirected, nodes: ids }), {
          seed,
        })
      : null;
  onProgress('change agents', 0.8);
  const allowed = input.nodes.map((node) => node.canBeProposed);
  const consenting = allowed.filter(Boolean).length;
  const k = Math.min(input.changeAgents, consenting);
  const influence =
    k > 0
      ? selectChangeAgents(graph, {
          k,
          epsilon: 0.1,
          seed,
          allowed,
          groups: input.coverGroups ? groups : undefined,
          simulations: n > 20_000 ? 200 : 1000,
        })
      : null;
  const groupName = (g: number) => (department ? department.names[g]! : String(g + 1));
  const groupLabel = (g: number) => (department ? `department ${groupName(g)}` : `community ${g + 1}`);
  const proposals: NetworkAnalysisProposal[] = [];
  const seeds: number[] = [];
  for (const [i, s] of (influence?.seeds ?? []).entries()) {
    seeds.push(s.node);
    const mc = simulateSpread(graph, seeds, { runs: n > 20_000 ? 100 : 500, seed: seed + i });
    const bridged = zones ? new Set(zones.bridges.find((b) => b.node === s.node)?.zones ?? []).size : 0;
    proposals.push({
      nodeId: graph.ids[s.node]!,
      rank: i + 1,
      reason:
        `expected reach +${s.marginalReach.toFixed(1)} people (cumulative ${s.cumulativeReach.toFixed(1)})` +
        (s.bridgedGroups.length > 0 ? `; ties into ${s.bridgedGroups.map(groupLabel).join(', ')}` : '') +
        (s.group >= 0 ? `; covers ${groupLabel(s.group)}` : '') +
        (bridged > 1 ? `; bridges ${bridged} trust zones` : ''),
      why: {
        marginalReach: s.marginalReach,
        cumulativeReach: s.cumulativeReach,
        group:
          s.group >= 0 ? { kind: department ? 'department' : 'community', name: groupName(s.group) } : null,
        tiesInto: s.bridgedGroups.map(groupName),
        zonesBridged: bridged,
      },
      marginalReach: s.marginalReach,
      monteCarloSpread: mc.mean,
      standardError: mc.standardError,
      zonesBridged: bridged,
    });
  }
  onProgress('saving', 0.95);
  const zoneIndex = zones ? sharedZoneIndex(zones) : null;
  const sizes = new Array<number>(communities.count).fill(0);
  for (let v = 0; v < n; v++) {
    sizes[communities.labels[v]!]!++;
  }
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  return {
    relation: input.relation,
    nodes: input.nodes.map((node, v) => ({
      id: node.id,
      label: node.label,
      attributes: node.attributes,
      degree: deg[v]!,
      inDegree: inDeg[v]!,
      outDegree: outDeg[v]!,
      betweenness: finite(between[v]!),
      pagerank: finite(rank[v]!),
      eigenvector: finite(eigen[v]!),
      harmonic: finite(harm[v]!),
      constraint: Number.isFinite(constraint[v]!) ? constraint[v]! : null,
      coreNumber: cores[v]!,
      community: communities.labels[v]!,
      trustZone: zoneIndex ? (zoneIndex.get(zones!.labels[v]!) ?? null) : null,
      roles: roles[v]!.map((r) => ({ role: r.role, rule: r.rule })),
      canBeProposed: node.canBeProposed,
    })),
    edges: input.edges,
    communities: sizes.map((size, id) => ({ id, size })),
    modularity: finite(communities.modularity),
    density: finite(density(graph)),
    reciprocity: isDirected ? finite(reciprocity(graph)) : null,
    components: weakComponents(graph).count,
    betweennessMethod: isExact ? 'exact' : 'approximate',
    trustZones: zones ? presentTrustZones(zones, graph) : null,
    changeAgents: {
      requested: input.changeAgents,
      consenting,
      estimatedSpread: influence?.estimatedSpread ?? 0,
      monteCarloSpread: finite(influence?.monteCarloSpread ?? 0),
      standardError: finite(influence?.monteCarloStandardError ?? 0),
    },
    proposals,
  };
}
