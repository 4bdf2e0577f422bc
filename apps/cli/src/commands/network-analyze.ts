/**
 * `essaim network analyze`: organisational network analysis of an edge-list CSV (optionally a
 * node-attribute CSV with `department` and `consent` columns) printed as JSON or CSV.
 * Thin shell around `@essaim/core/network`: read files, parse, analyse, present.
 *
 * - Relation column: `--relation` keeps only that relation for the main network; without it
 *   all relations are merged (first weight kept). An `energy` relation feeds energizers.
 * - Weights are distances for betweenness (networkx semantics) and strengths elsewhere.
 * - Communities: Leiden (seeded). Roles use `department` when present, else communities.
 * - Change agents: IMM (k = --change-agents, ε = 0.1) among consenting people, one per
 *   department/community when possible.
 */
import { readFile } from 'node:fs/promises';
import { writeCsv } from '@essaim/core';
import {
  assignRoles,
  betweenness,
  type CsvError,
  degree,
  eigenvector,
  type Graph,
  graphFromEdges,
  leiden,
  type NodeTable,
  type ParsedEdge,
  pagerank,
  parseEdgeListCsv,
  parseNodeAttributesCsv,
  selectChangeAgents,
  structuralHoles,
} from '@essaim/core/network';

export interface NetworkAnalyzeOptions {
  /** Edge-list CSV path, or '-' for standard input. */
  edges: string;
  /** Node-attribute CSV path (id, department, consent, …). */
  nodes?: string;
  directed?: boolean;
  weighted?: boolean;
  /** Keep only edges of this relation for the main network. */
  relation?: string;
  /** Number of change agents to propose (0 = none). */
  changeAgents?: number;
  /** Seed of the deterministic PRNG. Default 1. */
  seed?: number;
  /** Output format. Default 'json'. */
  format?: 'json' | 'csv';
}

export interface NetworkAnalyzeIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

/** Exit status for invalid input (unreadable file, malformed CSV). */
const EXIT_INPUT = 2;
const CONSENT_VALUES = new Set(['yes', 'y', 'true', '1', 'oui']);

class InputError extends Error {}

export interface NetworkReport {
  nodes: {
    id: string;
    degree: number;
    betweenness: number;
    pagerank: number;
    eigenvector: number;
    constraint: number | null;
    community: number;
    roles: { role: string; rule: string }[];
  }[];
  communities: { id: number; members: string[] }[];
  modularity: number;
  changeAgents: { id: string; reason: string }[];
}

async function readSource(path: string, io: NetworkAnalyzeIo): Promise<string> {
  if (path === '-') {
    return io.readStdin();
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new InputError(`${path}: cannot read file (${code})`);
  }
}

function locate(file: string, errors: CsvError[]): InputError {
  return new InputError(errors.map((e) => `${file}:${e.line}: ${e.message}`).join('\n'));
}

function selectEdges(edges: ParsedEdge[], relation: string | undefined, isDirected: boolean): ParsedEdge[] {
  const kept = relation === undefined ? edges.filter((e) => e.relation !== 'energy') : edges;
  const seen = new Set<string>();
  return kept.filter((e) => {
    if (relation !== undefined && e.relation !== relation) {
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

function groupsFrom(table: NodeTable | undefined, graph: Graph, column: string): Int32Array | undefined {
  if (!table?.columns.includes(column)) {
    return undefined;
  }
  const byId = new Map(table.rows.map((r) => [r.id, r.attributes[column] ?? '']));
  const codes = new Map<string, number>();
  return Int32Array.from(graph.ids, (id) => {
    const value = byId.get(id) ?? '';
    if (value === '') {
      return -1;
    }
    if (!codes.has(value)) {
      codes.set(value, codes.size);
    }
    return codes.get(value)!;
  });
}

/** Runs every analysis; pure apart from its inputs. */
export function analyzeNetwork(
  edges: ParsedEdge[],
  table: NodeTable | undefined,
  opts: Pick<NetworkAnalyzeOptions, 'directed' | 'weighted' | 'relation' | 'changeAgents' | 'seed'>,
): NetworkReport {
  const isDirected = opts.directed ?? false;
  const isWeighted = opts.weighted ?? false;
  const seed = opts.seed ?? 1;
  const nodes = [...(table?.rows.map((r) => r.id) ?? [])];
  const known = new Set(nodes);
  for (const e of edges) {
    for (const id of [e.source, e.target]) {
      if (!known.has(id)) {
        known.add(id);
        nodes.push(id);
      }
    }
  }
  const graph = graphFromEdges(selectEdges(edges, opts.relation, isDirected), {
    isDirected,
    isWeighted,
    nodes,
  });
  const energyEdges = edges.filter((e) => e.relation === 'energy');
  const energy =
    energyEdges.length > 0 && opts.relation !== 'energy'
      ? graphFromEdges(selectEdges(energyEdges, 'energy', isDirected), { isDirected, nodes })
      : undefined;
  const between = betweenness(graph);
  const { constraint } = structuralHoles(graph);
  const communities = leiden(graph, { seed });
  const department = groupsFrom(table, graph, 'department');
  const groups = department ?? communities.labels;
  const roles = assignRoles({
    graph,
    betweenness: between,
    constraint,
    groups,
    groupSource: department ? 'department' : 'community',
    energy,
  });
  const rank = pagerank(graph);
  const eigen = eigenvector(graph);
  const deg = degree(graph);
  const consentColumn = table?.columns.find((c) => c.toLowerCase() === 'consent');
  const consent = new Map(table?.rows.map((r) => [r.id, r.attributes[consentColumn ?? ''] ?? '']) ?? []);
  const allowed = consentColumn
    ? graph.ids.map((id) => CONSENT_VALUES.has((consent.get(id) ?? '').toLowerCase()))
    : undefined;
  const k = opts.changeAgents ?? 0;
  const agents = k > 0 ? selectChangeAgents(graph, { k, epsilon: 0.1, seed, allowed, groups }).seeds : [];
  const groupName = (g: number) => (department ? `department ${g}` : `community ${g}`);
  const members: string[][] = Array.from({ length: communities.count }, () => []);
  graph.ids.forEach((id, v) => {
    members[communities.labels[v]!]!.push(id);
  });
  return {
    nodes: graph.ids.map((id, v) => ({
      id,
      degree: deg[v]!,
      betweenness: between[v]!,
      pagerank: rank[v]!,
      eigenvector: eigen[v]!,
      constraint: Number.isFinite(constraint[v]!) ? constraint[v]! : null,
      community: communities.labels[v]!,
      roles: roles[v]!.map((r) => ({ role: r.role, rule: r.rule })),
    })),
    communities: members.map((list, id) => ({ id, members: list })),
    modularity: communities.modularity,
    changeAgents: agents.map((a) => ({
      id: graph.ids[a.node]!,
      reason:
        `expected marginal reach +${a.marginalReach.toFixed(1)} people (cumulative ${a.cumulativeReach.toFixed(1)})` +
        (a.bridgedGroups.length > 0 ? `; bridges ${a.bridgedGroups.map(groupName).join(', ')}` : '') +
        (a.group >= 0 ? `; covers ${groupName(a.group)}` : ''),
    })),
  };
}

function toCsv(report: NetworkReport): string {
  const header = [
    'id',
    'degree',
    'betweenness',
    'pagerank',
    'eigenvector',
    'constraint',
    'community',
    'roles',
  ];
  const rows = report.nodes.map((n) => [
    n.id,
    n.degree,
    n.betweenness,
    n.pagerank,
    n.eigenvector,
    n.constraint,
    n.community,
    n.roles.map((r) => r.role).join(';'),
  ]);
  return writeCsv([header, ...rows]);
}

/**
 * Runs the analysis and prints it; returns the exit code (0 ok, 2 invalid input).
 * @example
 * await networkAnalyze({ edges: 'ties.csv', nodes: 'people.csv', changeAgents: 3 }, processIo);
 */
export async function networkAnalyze(opts: NetworkAnalyzeOptions, io: NetworkAnalyzeIo): Promise<number> {
  try {
    const edgeFile = opts.edges === '-' ? '<stdin>' : opts.edges;
    let table: NodeTable | undefined;
    if (opts.nodes !== undefined) {
      const parsedNodes = parseNodeAttributesCsv(await readSource(opts.nodes, io));
      if (!parsedNodes.isOk) {
        throw locate(opts.nodes, parsedNodes.errors);
      }
      table = parsedNodes.value;
    }
    const parsed = parseEdgeListCsv(await readSource(opts.edges, io), {
      isDirected: opts.directed ?? false,
      isWeighted: opts.weighted ?? false,
      knownNodes: table ? new Set(table.rows.map((r) => r.id)) : undefined,
    });
    if (!parsed.isOk) {
      throw locate(edgeFile, parsed.errors);
    }
    if (opts.relation !== undefined && !parsed.value.relations.includes(opts.relation)) {
      const known = parsed.value.hasRelations ? parsed.value.relations.join(', ') : 'no relation column';
      throw new InputError(`${edgeFile}: relation "${opts.relation}" not found (${known})`);
    }
    const report = analyzeNetwork(parsed.value.edges, table, opts);
    io.stdout(opts.format === 'csv' ? toCsv(report) : `${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
}
