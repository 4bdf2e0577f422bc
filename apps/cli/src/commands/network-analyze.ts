/**
 * `essaim network analyze`: organisational network analysis of an edge-list CSV (optionally a
 * node-attribute CSV with `department` and `consent` columns) printed as JSON or CSV.
 * Thin shell: read files, parse, run core's one pipeline (`analyzeNetwork`, the same as the
 * server's analysis worker) with exact path centralities swept on worker threads, present.
 *
 * - Relation column: `--relation` keeps only that relation for the main network; without it
 *   all relations but `energy` are merged (first tie kept). An `energy` relation feeds energizers.
 * - Weights are distances for betweenness (networkx semantics); they apply to one relation (the
 *   chosen one, or a file without a relation column), as merged relations do not share a scale.
 * - Communities: Leiden (seeded). Roles use `department` when present, else communities.
 * - Change agents: IMM (k = --change-agents, ε = 0.1) among consenting people, one per
 *   department/community when possible.
 */
import { readFile } from 'node:fs/promises';
import { writeCsv } from '@essaim/core';
import {
  analyzeNetwork,
  buildMainGraph,
  type CsvError,
  type NetworkAnalysisInput,
  type NetworkAnalysisOutput,
  type NodeTable,
  type ParsedEdge,
  type PathCentralities,
  parseEdgeListCsv,
  parseNodeAttributesCsv,
} from '@essaim/core/network';
import { parallelPathCentralities } from '@essaim/server';

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

/** Below this many node × edge operations one thread beats starting workers. */
const INLINE_SWEEP_LIMIT = 2_000_000;

/** The pipeline's input from the parsed files (every node of the table, then edge-only ids). */
export function toAnalysisInput(
  edges: ParsedEdge[],
  table: NodeTable | undefined,
  opts: Pick<NetworkAnalyzeOptions, 'directed' | 'weighted' | 'relation' | 'changeAgents' | 'seed'>,
  hasRelations: boolean,
): NetworkAnalysisInput {
  const ids = [...(table?.rows.map((r) => r.id) ?? [])];
  const known = new Set(ids);
  for (const e of edges) {
    for (const id of [e.source, e.target]) {
      if (!known.has(id)) {
        known.add(id);
        ids.push(id);
      }
    }
  }
  const attributes = new Map(table?.rows.map((r) => [r.id, r.attributes]) ?? []);
  const consentColumn = table?.columns.find((c) => c.toLowerCase() === 'consent');
  return {
    nodes: ids.map((id) => {
      const own = attributes.get(id) ?? {};
      return {
        id,
        label: id,
        attributes: own,
        canBeProposed: consentColumn ? CONSENT_VALUES.has((own[consentColumn] ?? '').toLowerCase()) : true,
      };
    }),
    edges: edges.map((e) => ({
      source: e.source,
      target: e.target,
      relation: e.relation ?? '',
      weight: e.weight,
    })),
    isDirected: opts.directed ?? false,
    isWeighted: opts.weighted ?? false,
    // Without a relation column every edge has relation '': selecting it keeps them all, weighted.
    relation: opts.relation ?? (hasRelations ? null : ''),
    changeAgents: opts.changeAgents ?? 0,
    coverGroups: true,
    seed: opts.seed ?? 1,
  };
}

/** Exact path centralities, on worker threads when the graph is large enough to pay for them. */
async function sweepPaths(input: NetworkAnalysisInput): Promise<PathCentralities | undefined> {
  const graph = buildMainGraph(input);
  if (graph.nodeCount * Math.max(graph.edgeCount, 1) < INLINE_SWEEP_LIMIT) {
    return undefined;
  }
  // The CLI has nothing else to do meanwhile: its own thread takes a share of the sources.
  return parallelPathCentralities(graph, { useCallingThread: true });
}

/** The CLI's JSON contract. */
export function presentNetworkReport(output: NetworkAnalysisOutput): NetworkReport {
  const members: string[][] = output.communities.map(() => []);
  for (const node of output.nodes) {
    members[node.community]?.push(node.id);
  }
  return {
    nodes: output.nodes.map((n) => ({
      id: n.id,
      degree: n.degree,
      betweenness: n.betweenness,
      pagerank: n.pagerank,
      eigenvector: n.eigenvector,
      constraint: n.constraint,
      community: n.community,
      roles: n.roles,
    })),
    communities: members.map((list, id) => ({ id, members: list })),
    modularity: output.modularity,
    changeAgents: output.proposals.map((p) => ({ id: p.nodeId, reason: p.reason })),
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
    const input = toAnalysisInput(parsed.value.edges, table, opts, parsed.value.hasRelations);
    const paths = await sweepPaths(input);
    const report = presentNetworkReport(analyzeNetwork(input, { betweenness: 'exact', paths }));
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
