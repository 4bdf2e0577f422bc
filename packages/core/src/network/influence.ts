/**
 * Change agents: influence maximisation under the independent cascade (IC) model with IMM.
 *
 * IC: an arc u→v carries influence with probability p_uv (default weighted cascade
 * p_uv = w_uv / Σ_x w_xv, i.e. 1/in-degree). A reverse-reachable (RR) set is the set of
 * nodes reaching a uniform random node v through live arcs; for a seed set S,
 *   σ(S) = n · Pr[S ∩ RR ≠ ∅],
 * so greedy maximum coverage over θ RR sets is a (1 − 1/e − ε)-approximation w.p. ≥ 1 − n^−ℓ:
 *   λ' = (2 + 2ε'/3)(ln C(N,k) + ℓ ln n + ln log₂ n) · n / ε'²,   ε' = √2 ε
 *   α  = √(ℓ ln n + ln 2),  β = √((1 − 1/e)(ln C(N,k) + ℓ ln n + ln 2))
 *   λ* = 2n((1 − 1/e)α + β)² / ε²,   θ = λ* / LB
 * with LB found by the doubling search of Alg. 2 and ℓ ← ℓ(1 + ln 2 / ln n). N is the number
 * of allowed (consenting) seeds: the guarantee is relative to the best allowed set. As advised
 * by Chen (2018), the final selection uses a fresh batch of θ RR sets.
 *
 * Coverage constraint: when the slots left equal the number of groups without a seed, the
 * greedy step is restricted to nodes of those groups (one seed per group when possible).
 * Each proposal carries its marginal reach n·Δcoverage/θ and the groups its ties bridge; the
 * final set is re-estimated by forward Monte-Carlo simulation.
 *
 * Complexity: O((k + ℓ)(n + m) log n / ε²) expected (Tang et al., Thm. 3).
 * References: Y. Tang, Y. Shi & X. Xiao, "Influence maximization in near-linear time: a
 * martingale approach", SIGMOD 2015, doi:10.1145/2723372.2723734; D. Kempe, J. Kleinberg &
 * É. Tardos, KDD 2003 (IC model); W. Chen, "An issue in the martingale analysis of the
 * influence maximization algorithm IMM", arXiv:1808.09363.
 * @module
 */

import { createRng, type Rng, randomInt } from '../rng';
import type { Graph } from './graph';

export interface InfluenceOptions {
  /** Number of seeds. */
  k: number;
  epsilon?: number;
  /** Failure probability n^−ℓ. */
  ell?: number;
  seed?: number;
  /** Nodes allowed as seeds (e.g. consenting people); all when omitted. */
  allowed?: ArrayLike<boolean> | undefined;
  /** Group per node (community or department, −1 none) for the coverage constraint. */
  groups?: ArrayLike<number> | undefined;
  /** 'weighted-cascade' or a constant arc probability. */
  probability?: 'weighted-cascade' | number;
  /** Forward Monte-Carlo runs to re-estimate the spread (0 skips it: NaN). */
  simulations?: number;
  /** Safety cap on RR sets per batch. */
  maxRrSets?: number;
}

export interface SeedProposal {
  node: number;
  /** Expected extra people reached by adding this seed (RR-set estimate). */
  marginalReach: number;
  cumulativeReach: number;
  group: number;
  /** Groups other than its own that its ties reach. */
  bridgedGroups: number[];
  reason: string;
}

export interface InfluenceResult {
  seeds: SeedProposal[];
  /** n · F_R(S) on the final RR batch. */
  estimatedSpread: number;
  monteCarloSpread: number;
  monteCarloStandardError: number;
  rrSetCount: number;
}

/** ln C(n, k). */
export function logBinomial(n: number, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) {
    sum += Math.log(n - i) - Math.log(i + 1);
  }
  return sum;
}

/** In-arc live probabilities aligned with graph.inTargets. */
export function arcProbabilities(graph: Graph, probability: 'weighted-cascade' | number): Float64Array {
  const { inOffsets, inWeights } = graph;
  const p = new Float64Array(inWeights.length);
  for (let v = 0; v < graph.nodeCount; v++) {
    let total = 0;
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
      total += inWeights[e]!;
    }
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
      p[e] = probability === 'weighted-cascade' ? inWeights[e]! / total : probability;
    }
  }
  return p;
}

/** Growable flat store of RR sets. */
class RrStore {
  nodes = new Int32Array(1 << 16);
  starts = new Int32Array(1 << 12);
  count = 0;
  size = 0;

  reset(): void {
    this.count = 0;
    this.size = 0;
  }

  push(v: number): void {
    if (this.size === this.nodes.length) {
      const grown = new Int32Array(this.nodes.length * 2);
      grown.set(this.nodes);
      this.nodes = grown;
    }
    this.nodes[this.size++] = v;
  }

  close(): void {
    if (this.count + 1 >= this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[++this.count] = this.size;
  }
}

/**
 * Per node: ln(1 − p) when all its in-arcs share one probability p < 1 (unweighted weighted
 * cascade, constant p), enabling geometric skipping over in-arcs; NaN otherwise.
 */
function uniformLogMiss(graph: Graph, prob: Float64Array): Float64Array {
  const result = new Float64Array(graph.nodeCount).fill(Number.NaN);
  for (let v = 0; v < graph.nodeCount; v++) {
    const start = graph.inOffsets[v]!;
    const end = graph.inOffsets[v + 1]!;
    let isUniform = end > start;
    for (let e = start + 1; e < end && isUniform; e++) {
      isUniform = prob[e] === prob[start];
    }
    if (isUniform && prob[start]! < 1) {
      result[v] = Math.log1p(-prob[start]!);
    }
  }
  return result;
}

function generateRrSets(
  graph: Graph,
  prob: Float64Array,
  logMiss: Float64Array,
  store: RrStore,
  target: number,
  rng: Rng,
  mark: Int32Array,
) {
  const { inOffsets, inTargets, nodeCount: n } = graph;
  while (store.count < target) {
    const stamp = store.count + 1;
    const root = randomInt(rng, n);
    let head = store.size;
    store.push(root);
    mark[root] = stamp;
    while (head < store.size) {
      const y = store.nodes[head++]!;
      const end = inOffsets[y + 1]!;
      const lq = logMiss[y]!;
      if (lq < 0) {
        // Same p on every in-arc: jump straight to the next live arc (geometric gaps).
        let e = inOffsets[y]! - 1;
        for (;;) {
          e += 1 + Math.floor(Math.log(1 - rng()) / lq);
          if (e >= end) {
            break;
          }
          const u = inTargets[e]!;
          if (mark[u] !== stamp) {
            mark[u] = stamp;
            store.push(u);
          }
        }
        continue;
      }
      for (let e = inOffsets[y]!; e < end; e++) {
        const u = inTargets[e]!;
        if (mark[u] !== stamp && rng() < prob[e]!) {
          mark[u] = stamp;
          store.push(u);
        }
      }
    }
    store.close();
  }
}

interface Selection {
  seeds: number[];
  gains: number[];
  covered: number;
}

/** Greedy maximum coverage over the stored RR sets, restricted to allowed nodes. */
function selectSeeds(
  n: number,
  store: RrStore,
  k: number,
  isAllowed: Uint8Array,
  groups: ArrayLike<number> | undefined,
): Selection {
  const { nodes, starts, count } = store;
  const cover = new Int32Array(n);
  for (let i = 0; i < store.size; i++) {
    const v = nodes[i]!;
    if (isAllowed[v] === 1) {
      cover[v]!++;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    offsets[v + 1] = offsets[v]! + cover[v]!;
  }
  const sets = new Int32Array(offsets[n]!);
  const cursor = offsets.slice(0, n);
  for (let r = 0; r < count; r++) {
    for (let i = starts[r]!; i < starts[r + 1]!; i++) {
      const v = nodes[i]!;
      if (isAllowed[v] === 1) {
        sets[cursor[v]!++] = r;
      }
    }
  }
  const isCovered = new Uint8Array(count);
  const groupHasSeed = new Set<number>();
  const groupsWithCandidates = new Set<number>();
  if (groups) {
    for (let v = 0; v < n; v++) {
      if (isAllowed[v] === 1 && groups[v]! >= 0) {
        groupsWithCandidates.add(groups[v]!);
      }
    }
  }
  const seeds: number[] = [];
  const gains: number[] = [];
  let covered = 0;
  const isChosen = new Uint8Array(n);
  for (let step = 0; step < k; step++) {
    const missing = [...groupsWithCandidates].filter((g) => !groupHasSeed.has(g));
    const mustCover = groups !== undefined && missing.length > 0 && k - step <= missing.length;
    const missingSet = new Set(missing);
    let best = -1;
    for (let v = 0; v < n; v++) {
      if (isAllowed[v] !== 1 || isChosen[v] === 1) {
        continue;
      }
      if (mustCover && !missingSet.has(groups![v]!)) {
        continue;
      }
      if (best < 0 || cover[v]! > cover[best]!) {
        best = v;
      }
    }
    if (best < 0) {
      break;
    }
    isChosen[best] = 1;
    seeds.push(best);
    gains.push(cover[best]!);
    covered += cover[best]!;
    if (groups && groups[best]! >= 0) {
      groupHasSeed.add(groups[best]!);
    }
    for (let i = offsets[best]!; i < offsets[best + 1]!; i++) {
      const r = sets[i]!;
      if (isCovered[r] === 1) {
        continue;
      }
      isCovered[r] = 1;
      for (let j = starts[r]!; j < starts[r + 1]!; j++) {
        cover[nodes[j]!]!--;
      }
    }
  }
  return { seeds, gains, covered };
}

/**
 * Mean and standard error of the IC spread of `seeds` over `runs` forward simulations.
 * @example
 * simulateSpread(g, [0, 5], { runs: 1000, seed: 1 }).mean;
 */
export function simulateSpread(
  graph: Graph,
  seeds: readonly number[],
  options: { runs?: number; seed?: number; probability?: 'weighted-cascade' | number } = {},
): { mean: number; standardError: number } {
  const runs = options.runs ?? 1000;
  const rng = createRng(options.seed ?? 1);
  const n = graph.nodeCount;
  const { outOffsets, outTargets, outWeights, inOffsets, inWeights } = graph;
  const probability = options.probability ?? 'weighted-cascade';
  const inStrength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
      inStrength[v]! += inWeights[e]!;
    }
  }
  const mark = new Int32Array(n);
  const queue = new Int32Array(n);
  let sum = 0;
  let sumSquares = 0;
  for (let run = 1; run <= runs; run++) {
    let tail = 0;
    for (const s of seeds) {
      if (mark[s] !== run) {
        mark[s] = run;
        queue[tail++] = s;
      }
    }
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
        const v = outTargets[e]!;
        if (mark[v] === run) {
          continue;
        }
        const p = probability === 'weighted-cascade' ? outWeights[e]! / inStrength[v]! : probability;
        if (rng() < p) {
          mark[v] = run;
          queue[tail++] = v;
        }
      }
    }
    sum += tail;
    sumSquares += tail * tail;
  }
  const mean = sum / runs;
  const variance = Math.max(0, sumSquares / runs - mean * mean);
  return { mean, standardError: Math.sqrt(variance / runs) };
}

function bridgedGroups(graph: Graph, groups: ArrayLike<number> | undefined, v: number): number[] {
  if (!groups) {
    return [];
  }
  const own = groups[v]!;
  const found = new Set<number>();
  for (const [offsets, targets] of [
    [graph.outOffsets, graph.outTargets],
    [graph.inOffsets, graph.inTargets],
  ] as const) {
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const g = groups[targets[e]!]!;
      if (g >= 0 && g !== own) {
        found.add(g);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * IMM seed selection with reasons and a Monte-Carlo check.
 * @example
 * selectChangeAgents(g, { k: 5, epsilon: 0.1, seed: 1 }).seeds.map((s) => s.node);
 */
export function selectChangeAgents(graph: Graph, options: InfluenceOptions): InfluenceResult {
  const n = graph.nodeCount;
  const epsilon = options.epsilon ?? 0.1;
  const rng = createRng(options.seed ?? 1);
  const probability = options.probability ?? 'weighted-cascade';
  const maxRrSets = options.maxRrSets ?? 20_000_000;
  const isAllowed = new Uint8Array(n);
  let allowedCount = 0;
  for (let v = 0; v < n; v++) {
    isAllowed[v] = options.allowed === undefined || options.allowed[v] ? 1 : 0;
    allowedCount += isAllowed[v]!;
  }
  const k = Math.min(options.k, allowedCount);
  const empty = {
    seeds: [],
    estimatedSpread: 0,
    monteCarloSpread: 0,
    monteCarloStandardError: 0,
    rrSetCount: 0,
  };
  if (k <= 0 || n < 2) {
    return empty;
  }
  const logN = Math.log(n);
  const ell = (options.ell ?? 1) * (1 + Math.log(2) / logN);
  const logChoose = logBinomial(allowedCount, k);
  const prob = arcProbabilities(graph, probability);
  const logMiss = uniformLogMiss(graph, prob);
  const mark = new Int32Array(n);
  const store = new RrStore();
  // Sampling phase (Tang et al., Alg. 2): doubling search for a lower bound LB of OPT.
  const epsPrime = Math.SQRT2 * epsilon;
  const lambdaPrime =
    ((2 + (2 / 3) * epsPrime) * (logChoose + ell * logN + Math.log(Math.log2(n))) * n) /
    (epsPrime * epsPrime);
  let lowerBound = 1;
  for (let i = 1; i < Math.log2(n); i++) {
    const x = n / 2 ** i;
    generateRrSets(graph, prob, logMiss, store, Math.min(maxRrSets, Math.ceil(lambdaPrime / x)), rng, mark);
    const { covered } = selectSeeds(n, store, k, isAllowed, options.groups);
    const spread = (n * covered) / store.count;
    if (spread >= (1 + epsPrime) * x) {
      lowerBound = spread / (1 + epsPrime);
      break;
    }
  }
  const alpha = Math.sqrt(ell * logN + Math.log(2));
  const beta = Math.sqrt((1 - 1 / Math.E) * (logChoose + ell * logN + Math.log(2)));
  const lambdaStar = (2 * n * ((1 - 1 / Math.E) * alpha + beta) ** 2) / (epsilon * epsilon);
  const theta = Math.min(maxRrSets, Math.ceil(lambdaStar / lowerBound));
  store.reset();
  generateRrSets(graph, prob, logMiss, store, theta, rng, mark);
  const selection = selectSeeds(n, store, k, isAllowed, options.groups);
  const runs = options.simulations ?? 1000;
  const mc =
    runs > 0
      ? simulateSpread(graph, selection.seeds, { runs, seed: (options.seed ?? 1) + 1, probability })
      : { mean: Number.NaN, standardError: Number.NaN };
  let cumulative = 0;
  const seeds = selection.seeds.map((node, i) => {
    const marginalReach = (n * selection.gains[i]!) / store.count;
    cumulative += marginalReach;
    const bridged = bridgedGroups(graph, options.groups, node);
    const group = options.groups ? options.groups[node]! : -1;
    return {
      node,
      marginalReach,
      cumulativeReach: cumulative,
      group,
      bridgedGroups: bridged,
      reason:
        `expected marginal reach +${marginalReach.toFixed(1)} people (cumulative ${cumulative.toFixed(1)})` +
        (bridged.length > 0 ? `; bridges groups ${bridged.join(', ')}` : '') +
        (group >= 0 ? `; from group ${group}` : ''),
    };
  });
  return {
    seeds,
    estimatedSpread: (n * selection.covered) / store.count,
    monteCarloSpread: mc.mean,
    monteCarloStandardError: mc.standardError,
    rrSetCount: store.count,
  };
}
