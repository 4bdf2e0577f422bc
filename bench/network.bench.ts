/**
 * Network analytics benchmark (issue 6). Run: `npm run bench:network`
 * (optionally `-- --only louvain,imm` or BENCH_ONLY=exact,approx,louvain,imm,memory to run
 * some sections).
 *
 * 1. exact betweenness, Barabási–Albert 10k nodes / ~50k edges: all cores (the calling thread and
 *    workers) vs igraph's C betweenness (python3-igraph subprocess on the same graph, timed inside
 *    Python);
 *    3 interleaved runs each, medians; values compared. Target ≤ 0.5× igraph's time.
 *    Then the whole `essaim network analyze` (the CLI command on the same graph as a CSV file:
 *    parse, path centralities on threads, PageRank, eigenvector, cores, constraint, Leiden, roles,
 *    JSON) against igraph's betweenness alone. Target ≤ 1.0×.
 *    Leiden on 100k / ~500k vs igraph's Leiden (modularity objective) in two same-on-both-sides
 *    configurations: igraph's default 2 iterations, and until stable; 3 interleaved runs, both
 *    partitions scored by the same modularity function. Target: no slower, modularity ≥ igraph's.
 *    Wall time and CPU time are both reported: on a loaded machine a 2-thread run gets a larger
 *    share of the cores than igraph's single thread, so cpu_vs_peer is the fairer per-core figure.
 *    BENCH_RUNS=1 for a quick pass.
 * 2. approximate betweenness (Riondato–Kornaropoulos, ε = 0.01, δ = 0.1) on 100k / ~500k.
 *    Error on the top 100 nodes measured two ways: (a) against EXACT values on the 10k graph
 *    of section 1 (same ε), (b) on the 100k graph against a long-run Brandes–Pich estimate
 *    (1,000 uniformly sampled sources, exact dependencies, extrapolated by n/1000).
 * 3. Louvain on 100k / ~500k vs graphology-communities-louvain (modularity of both computed
 *    by the same function). Each side gets one warm-up run, then 5 runs interleaved with the
 *    other's; the median is reported and every run is in the JSON line. Leiden: one run.
 * 4. IMM, k = 20, ε = 0.1, weighted cascade, on 100k / ~500k; spread vs 2,000 Monte-Carlo runs.
 * 5. peak RSS of a child process holding a 1,000,000-edge graph (PageRank, Louvain, approx.
 *    betweenness).
 * Prints a table, then one JSON object per line per measurement. ratio = peer_ms / ms (> 1: we
 * are faster); the targets above read as ms / peer_ms, printed as `time_vs_peer`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  approximateBetweenness,
  buildGraph,
  createRng,
  leiden,
  louvain,
  modularity,
  selectChangeAgents,
  simulateSpread,
} from '@essaim/core/network';
import type Graph from 'graphology';
import louvainPeer from 'graphology-communities-louvain';
import { networkAnalyze } from '../apps/cli/src/commands/network-analyze';
import { parallelBetweenness } from '../apps/server/src/analysis/network-parallel';
import { barabasiAlbert } from './network/barabasi-albert';
import { toGraphology } from './network/graphology-graph';
import { ensureIgraph, type PeerResult, runIgraph, writeEdgeFile } from './network/igraph';
import { type Measurement, peakMb, printReport, time, timeInterleaved, topIndices } from './network/measure';

const onlyFlag = process.argv.indexOf('--only');
const only = (onlyFlag >= 0 ? process.argv[onlyFlag + 1] : process.env.BENCH_ONLY)?.split(',');
const isOn = (section: string) => !only || only.includes(section);
const measurements: Measurement[] = [];
const log = (s: string) => process.stderr.write(`[bench:network] ${s}\n`);

function maxErrorOn(indices: number[], estimate: ArrayLike<number>, reference: ArrayLike<number>) {
  let max = 0;
  let sum = 0;
  for (const i of indices) {
    const error = Math.abs(estimate[i]! - reference[i]!);
    max = Math.max(max, error);
    sum += error / (reference[i]! || 1);
  }
  return { max, meanRelative: sum / indices.length };
}

const small = barabasiAlbert(10_000, 5, 1);
const smallGraph = buildGraph({ ...small, isDirected: false });
let exactSmall: Float64Array | undefined;

const loadAverage = () => (os.loadavg()[0] ?? 0).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

if (isOn('exact') || isOn('analyze')) {
  ensureIgraph(log);
}
const smallFile = isOn('exact') || isOn('analyze') ? writeEdgeFile(small, 'ba-10k') : '';
let igraphBetweenness: PeerResult | undefined;

if (isOn('exact')) {
  log(
    `exact betweenness on ${smallGraph.nodeCount} nodes / ${smallGraph.edgeCount} edges: ours (workers) vs igraph, ${RUNS} interleaved runs…`,
  );
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const peers: PeerResult[] = [];
  const loads: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    loads.push(loadAverage());
    const run = await time(() => parallelBetweenness(smallGraph, { useCallingThread: true }));
    exactSmall = run.value;
    ours.push(run.ms);
    oursCpu.push(run.cpuMs);
    peers.push(runIgraph('betweenness', smallFile));
  }
  igraphBetweenness = peers.sort((a, b) => a.ms - b.ms)[RUNS >> 1]!;
  // igraph counts each unordered pair once (networkx's un-normalised undirected values).
  const scale = ((smallGraph.nodeCount - 1) * (smallGraph.nodeCount - 2)) / 2;
  let maxRelDiff = 0;
  for (let v = 0; v < smallGraph.nodeCount; v++) {
    const peer = igraphBetweenness.values![v]!;
    maxRelDiff = Math.max(maxRelDiff, Math.abs(exactSmall![v]! * scale - peer) / Math.max(peer, 1));
  }
  const ms = median(ours);
  measurements.push({
    name: 'exact-betweenness-ba-10k-50k',
    ms,
    mb: peakMb(),
    peer: `igraph ${igraphBetweenness.igraph}`,
    peer_ms: Math.round(igraphBetweenness.ms),
    ratio: igraphBetweenness.ms / ms,
    time_vs_peer: ms / igraphBetweenness.ms,
    target_time_vs_peer: 0.5,
    cpu_ms: median(oursCpu),
    peer_cpu_ms: Math.round(median(peers.map((p) => p.cpu_ms))),
    cpu_vs_peer: median(oursCpu) / median(peers.map((p) => p.cpu_ms)),
    peer_mb: Math.round(igraphBetweenness.peak_mb),
    threads: os.availableParallelism(),
    runs_ms: ours,
    peer_runs_ms: peers.map((p) => Math.round(p.ms)),
    load_average: loads.join('/'),
    max_rel_diff_vs_igraph: maxRelDiff,
  });
}

if (isOn('analyze')) {
  const csv = path.join(os.tmpdir(), `essaim-bench-ba-10k-${process.pid}.csv`);
  writeFileSync(
    csv,
    `source,target\n${Array.from(small.sources, (u, e) => `${u},${small.targets[e]}`).join('\n')}\n`,
  );
  const sink = { stdout: () => {}, stderr: (s: string) => log(s), readStdin: async () => '' };
  log(`whole essaim network analyze on the same graph, ${RUNS} runs…`);
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const loads: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    loads.push(loadAverage());
    const run = await time(() => networkAnalyze({ edges: csv, seed: 1 }, sink));
    if (run.value !== 0) {
      throw new Error('essaim network analyze failed');
    }
    ours.push(run.ms);
    oursCpu.push(run.cpuMs);
  }
  const peer = igraphBetweenness ?? runIgraph('betweenness', smallFile);
  const ms = median(ours);
  measurements.push({
    name: 'network-analyze-ba-10k-50k',
    ms,
    mb: peakMb(),
    peer: `igraph ${peer.igraph} betweenness alone`,
    peer_ms: Math.round(peer.ms),
    ratio: peer.ms / ms,
    time_vs_peer: ms / peer.ms,
    target_time_vs_peer: 1,
    cpu_ms: median(oursCpu),
    peer_cpu_ms: Math.round(peer.cpu_ms),
    cpu_vs_peer: median(oursCpu) / peer.cpu_ms,
    peer_mb: Math.round(peer.peak_mb),
    runs_ms: ours,
    load_average: loads.join('/'),
  });
}

const large =
  isOn('approx') || isOn('louvain') || isOn('leiden') || isOn('imm')
    ? barabasiAlbert(100_000, 5, 2)
    : undefined;
const largeGraph = large ? buildGraph({ ...large, isDirected: false }) : undefined;

if (isOn('approx') && largeGraph) {
  exactSmall ??= await parallelBetweenness(smallGraph);
  const options = { epsilon: 0.01, delta: 0.1, seed: 3 };
  log('approximate betweenness on the 10k graph (error vs exact)…');
  const smallApprox = approximateBetweenness(smallGraph, options);
  const smallError = maxErrorOn(topIndices(exactSmall, 100), smallApprox.values, exactSmall);
  log(`approximate betweenness on ${largeGraph.nodeCount} nodes / ${largeGraph.edgeCount} edges…`);
  const approx = await time(() => approximateBetweenness(largeGraph, options));
  log('Brandes–Pich reference (1,000 sources, workers)…');
  const rng = createRng(99);
  const sources = Int32Array.from({ length: 1000 }, () => Math.floor(rng() * largeGraph.nodeCount));
  const reference = await time(() => parallelBetweenness(largeGraph, { sources }));
  const largeError = maxErrorOn(topIndices(reference.value, 100), approx.value.values, reference.value);
  measurements.push({
    name: 'approx-betweenness-ba-100k-500k',
    ms: approx.ms,
    mb: peakMb(),
    peer: null,
    peer_ms: null,
    ratio: null,
    epsilon: options.epsilon,
    delta: options.delta,
    samples: approx.value.samples,
    vd_bound: approx.value.vertexDiameterBound,
    error_bound: approx.value.errorBound,
    top100_max_abs_error_vs_exact_10k: smallError.max,
    top100_mean_rel_error_vs_exact_10k: smallError.meanRelative,
    top100_max_abs_error_vs_brandes_pich_1000_sources: largeError.max,
    top100_mean_rel_error_vs_brandes_pich_1000_sources: largeError.meanRelative,
    reference_ms: reference.ms,
  });
}

if (isOn('louvain') && large && largeGraph) {
  // Each side: one warm-up run, then the median of 5 runs, interleaved (same graph, same seeds).
  const runs = 5;
  const peerGraph: Graph = toGraphology(large);
  log(
    `Louvain (ours), Leiden (ours) and graphology-communities-louvain on 100k: warm-up + ${runs} runs each…`,
  );
  const timed = await timeInterleaved(
    {
      ours: () => louvain(largeGraph, { seed: 1 }),
      peer: () => louvainPeer(peerGraph, { rng: createRng(1) }),
    } as Record<'ours' | 'peer', () => unknown>,
    runs,
  );
  const ours = timed.ours as { value: ReturnType<typeof louvain>; ms: number; runs_ms: number[] };
  // Leiden is informative (no target): one run, to keep the section short.
  log('Leiden (ours) on 100k, one run…');
  const leidenRun = await time(() => leiden(largeGraph, { seed: 1 }));
  const peer = timed.peer as { value: Record<string, number>; ms: number; runs_ms: number[] };
  const peerLabels = Int32Array.from({ length: largeGraph.nodeCount }, (_, v) => peer.value[String(v)]!);
  const peerQ = modularity(largeGraph, peerLabels);
  measurements.push({
    name: 'louvain-ba-100k-500k',
    ms: ours.ms,
    mb: peakMb(),
    peer: 'graphology-communities-louvain',
    peer_ms: peer.ms,
    ratio: peer.ms / ours.ms,
    timing: `median of ${runs} after 1 warm-up, interleaved`,
    runs_ms: ours.runs_ms,
    peer_runs_ms: peer.runs_ms,
    modularity: ours.value.modularity,
    peer_modularity: peerQ,
    modularity_at_least_peer: ours.value.modularity >= peerQ,
    communities: ours.value.count,
  });
  measurements.push({
    name: 'leiden-ba-100k-500k',
    ms: leidenRun.ms,
    mb: peakMb(),
    peer: 'graphology-communities-louvain',
    peer_ms: peer.ms,
    ratio: peer.ms / leidenRun.ms,
    timing: 'one run (peer: median above)',
    modularity: leidenRun.value.modularity,
    peer_modularity: peerQ,
    modularity_at_least_peer: leidenRun.value.modularity >= peerQ,
    communities: leidenRun.value.count,
  });
}

if (isOn('leiden') && large && largeGraph) {
  ensureIgraph(log);
  const file = writeEdgeFile(large, 'ba-100k');
  // Same configuration on both sides: igraph's default of 2 iterations, then both until stable
  // (igraph n_iterations = -1; ours stops when an iteration no longer improves, at most 10).
  const configs = [
    { label: '2-iterations', ours: { maxIterations: 2 }, peer: 2 },
    { label: 'until-stable', ours: {}, peer: -1 },
  ];
  for (const config of configs) {
    log(
      `Leiden (${config.label}) on ${largeGraph.nodeCount} nodes / ${largeGraph.edgeCount} edges: ours vs igraph, ${RUNS} interleaved runs…`,
    );
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const peers: PeerResult[] = [];
    const loads: string[] = [];
    let ourResult: ReturnType<typeof leiden> | undefined;
    for (let r = 0; r < RUNS; r++) {
      loads.push(loadAverage());
      const run = await time(() => leiden(largeGraph, { seed: 1, ...config.ours }));
      ourResult = run.value;
      ours.push(run.ms);
      oursCpu.push(run.cpuMs);
      peers.push(runIgraph('leiden', file, 1, config.peer));
    }
    const peer = peers.at(-1)!;
    const peerQ = modularity(largeGraph, Int32Array.from(peer.membership!));
    const ms = median(ours);
    const peerMs = median(peers.map((p) => p.ms));
    const peerCpu = median(peers.map((p) => p.cpu_ms));
    measurements.push({
      name: `leiden-${config.label}-ba-100k-500k`,
      ms,
      mb: peakMb(),
      peer: `igraph ${peer.igraph} community_leiden(modularity, n_iterations=${config.peer})`,
      peer_ms: Math.round(peerMs),
      ratio: peerMs / ms,
      time_vs_peer: ms / peerMs,
      target_time_vs_peer: 1,
      cpu_ms: median(oursCpu),
      peer_cpu_ms: Math.round(peerCpu),
      cpu_vs_peer: median(oursCpu) / peerCpu,
      peer_mb: Math.round(peer.peak_mb),
      runs_ms: ours,
      peer_runs_ms: peers.map((p) => Math.round(p.ms)),
      modularity: ourResult!.modularity,
      peer_modularity: peerQ,
      modularity_at_least_peer: ourResult!.modularity >= peerQ,
      communities: ourResult!.count,
      load_average: loads.join('/'),
    });
  }
}

if (isOn('imm') && largeGraph) {
  log('IMM k=20 ε=0.1 on 100k…');
  const imm = await time(() =>
    selectChangeAgents(largeGraph, { k: 20, epsilon: 0.1, seed: 1, simulations: 0 }),
  );
  log('Monte-Carlo check (2,000 runs)…');
  const seeds = imm.value.seeds.map((s) => s.node);
  const mc = await time(() => simulateSpread(largeGraph, seeds, { runs: 2_000, seed: 5 }));
  measurements.push({
    name: 'imm-k20-eps0.1-ba-100k-500k',
    ms: imm.ms,
    mb: peakMb(),
    peer: null,
    peer_ms: null,
    ratio: null,
    rr_sets: imm.value.rrSetCount,
    imm_spread: imm.value.estimatedSpread,
    monte_carlo_spread: mc.value.mean,
    monte_carlo_stderr: mc.value.standardError,
    relative_gap: Math.abs(imm.value.estimatedSpread - mc.value.mean) / mc.value.mean,
    monte_carlo_ms: mc.ms,
  });
}

if (isOn('memory')) {
  log('memory probe (child process, 1,000,000 edges)…');
  const probe = fileURLToPath(new URL('./network/memory-probe.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--import', 'tsx', probe], { encoding: 'utf8' });
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as {
    ms: number;
    peakMb: number;
    edges: number;
  };
  measurements.push({
    name: 'memory-ba-200k-1m-edges',
    ms: result.ms,
    mb: result.peakMb,
    peer: null,
    peer_ms: null,
    ratio: null,
    edges: result.edges,
    under_500mb: result.peakMb < 500,
  });
}

printReport(measurements);
