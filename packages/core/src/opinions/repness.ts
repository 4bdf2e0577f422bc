/**
 * Per-statement statistics, representative statements, consensus and bridging.
 *
 * Sources: Polis `math/src/polismath/math/repness.clj` and `stats.clj` (compdemocracy/polis),
 * Small et al. 2021 §3.3. Legend: n = count, p = probability, r = representativeness,
 * t = test statistic, a = agree, d = disagree, s = seen (any vote, pass included).
 *
 *   pa = (na + 1) / (ns + 2)                      Laplace pseudocounts (`comment-stats`)
 *   pat = 2·√(ns + 1)·((na + 1)/(ns + 1) − ½)     one-proportion z (`prop-test`)
 *   ra = pa / ((Σ_rest na + 1) / (Σ_rest ns + 2)) ratio vs everyone outside the group
 *   rat = (π₁ − π₂) / √(π̂(1 − π̂)(1/N₁ + 1/N₂))  two-proportion z with every count + 1
 *                                                 (`two-prop-test`), 0 when π̂ = 1
 * and symmetrically pd, pdt, rd, rdt for disagreement. A statement represents a group when
 * (rat > z₉₀ and pat > z₉₀) or (rdt > z₉₀ and pdt > z₉₀), z₉₀ = 1.2816 (`passes-by-test?`);
 * candidates are ranked by repness·repness-test·p-success·p-test, the best agreed statement is
 * put first (`beats-best-agr?`), at most 5 are kept, agrees before disagrees.
 *
 * Consensus (`consensus-stats`, `select-consensus-comments`): over every participant, the top 5
 * statements with pa > ½ and pat > z₉₀ ranked by pa·pat (same for disagree).
 * Group-informed consensus (`:group-aware-consensus`; Small et al. 2021): Πg (na_g + 1)/(ns_g + 2).
 * Bridging statements (Essaim definition): agreed in every group, each group's pat > z₉₀,
 * ranked by the smallest group agreement probability.
 */

import type { VoteMatrix } from './vote-matrix';

/** One-sided 90 % threshold of the standard normal (Polis `z-sig-90?`). */
export const Z_90 = 1.2816;

/** Polis `prop-test`: z-statistic that a proportion exceeds ½, with +1 pseudocounts. */
export function proportionTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/** Polis `two-prop-test`: z-statistic that group 1's rate exceeds group 2's (+1 pseudocounts). */
export function twoProportionTest(succIn: number, succOut: number, popIn: number, popOut: number): number {
  const s1 = succIn + 1;
  const s2 = succOut + 1;
  const n1 = popIn + 1;
  const n2 = popOut + 1;
  const pHat = (s1 + s2) / (n1 + n2);
  if (pHat === 1) {
    return 0;
  }
  return (s1 / n1 - s2 / n2) / Math.sqrt(pHat * (1 - pHat) * (1 / n1 + 1 / n2));
}

/** Vote tallies per (group, statement), laid out g * nStatements + j. */
export interface GroupTallies {
  k: number;
  nStatements: number;
  agree: Int32Array;
  disagree: Int32Array;
  seen: Int32Array;
}

/** Counts votes per group; participants with group < 0 are ignored. */
export function tallyGroups(m: VoteMatrix, groupOf: Int32Array, k: number): GroupTallies {
  const nCols = m.statements.length;
  const agree = new Int32Array(k * nCols);
  const disagree = new Int32Array(k * nCols);
  const seen = new Int32Array(k * nCols);
  for (let r = 0; r < m.participants.length; r++) {
    const g = groupOf[r]!;
    if (g < 0) {
      continue;
    }
    const base = g * nCols;
    for (let at = m.rowStart[r]!; at < m.rowStart[r + 1]!; at++) {
      const cell = base + m.column[at]!;
      const v = m.value[at]!;
      // Branch-free (votes are random, so a branch mispredicts often): for v ∈ {−1, 0, 1},
      // (v + 1) >> 1 is 1 only for agree and (1 − v) >> 1 only for disagree.
      seen[cell]!++;
      agree[cell]! += (v + 1) >> 1;
      disagree[cell]! += (1 - v) >> 1;
    }
  }
  return { k, nStatements: nCols, agree, disagree, seen };
}

/** Sum of the tallies of groups `from` … `to` − 1, as a single group. */
export function mergeTallies(t: GroupTallies, from: number, to: number): GroupTallies {
  const n = t.nStatements;
  const agree = new Int32Array(n);
  const disagree = new Int32Array(n);
  const seen = new Int32Array(n);
  for (let g = from; g < to; g++) {
    for (let j = 0; j < n; j++) {
      agree[j]! += t.agree[g * n + j]!;
      disagree[j]! += t.disagree[g * n + j]!;
      seen[j]! += t.seen[g * n + j]!;
    }
  }
  return { k: 1, nStatements: n, agree, disagree, seen };
}

/** The first `k` groups of a tally (a view, no copy). */
export function sliceTallies(t: GroupTallies, k: number): GroupTallies {
  const end = k * t.nStatements;
  return {
    k,
    nStatements: t.nStatements,
    agree: t.agree.subarray(0, end),
    disagree: t.disagree.subarray(0, end),
    seen: t.seen.subarray(0, end),
  };
}

/** Statistics of one statement within one group, compared with the rest. */
export interface RepnessStats {
  na: number;
  nd: number;
  ns: number;
  pa: number;
  pd: number;
  pat: number;
  pdt: number;
  ra: number;
  rd: number;
  rat: number;
  rdt: number;
}

export function computeRepnessStats(t: GroupTallies, g: number, j: number): RepnessStats {
  const n = t.nStatements;
  const na = t.agree[g * n + j]!;
  const nd = t.disagree[g * n + j]!;
  const ns = t.seen[g * n + j]!;
  let restA = 0;
  let restD = 0;
  let restS = 0;
  for (let h = 0; h < t.k; h++) {
    if (h !== g) {
      restA += t.agree[h * n + j]!;
      restD += t.disagree[h * n + j]!;
      restS += t.seen[h * n + j]!;
    }
  }
  const pa = (na + 1) / (ns + 2);
  const pd = (nd + 1) / (ns + 2);
  return {
    na,
    nd,
    ns,
    pa,
    pd,
    pat: proportionTest(na, ns),
    pdt: proportionTest(nd, ns),
    ra: pa / ((restA + 1) / (restS + 2)),
    rd: pd / ((restD + 1) / (restS + 2)),
    rat: twoProportionTest(na, restA, ns, restS),
    rdt: twoProportionTest(nd, restD, ns, restS),
  };
}

export type Direction = 'agree' | 'disagree';

/** A statement that characterises a group (Polis `finalize-cmt-stats`). */
export interface RepresentativeStatement {
  statement: string;
  direction: Direction;
  nSuccess: number;
  nTrials: number;
  pSuccess: number;
  pTest: number;
  repness: number;
  repnessTest: number;
  /** Polis "best agree": the statement the group most clearly agrees with, shown first. */
  isBestAgree: boolean;
}

function finalize(statement: string, s: RepnessStats, isBestAgree = false): RepresentativeStatement {
  const isAgree = s.rat > s.rdt;
  return {
    statement,
    direction: isAgree ? 'agree' : 'disagree',
    nSuccess: isAgree ? s.na : s.nd,
    nTrials: s.ns,
    pSuccess: isAgree ? s.pa : s.pd,
    pTest: isAgree ? s.pat : s.pdt,
    repness: isAgree ? s.ra : s.rd,
    repnessTest: isAgree ? s.rat : s.rdt,
    isBestAgree,
  };
}

function beatsBestAgree(s: RepnessStats, best: RepnessStats | null): boolean {
  if (s.na === 0 && s.nd === 0) {
    return false;
  }
  if (best && best.ra > 1) {
    return s.ra * s.rat * s.pa * s.pat > best.ra * best.rat * best.pa * best.pat;
  }
  if (best) {
    return s.pa * s.pat > best.pa * best.pat;
  }
  return s.pat > Z_90 || (s.ra > 1 && s.pa > 0.5);
}

const repnessMetric = (r: RepresentativeStatement): number =>
  r.repness * r.repnessTest * r.pSuccess * r.pTest;

/**
 * Representative statements of group g (Polis `select-rep-comments`): up to `limit` statements.
 */
export function selectRepresentative(
  t: GroupTallies,
  g: number,
  statements: readonly string[],
  excluded?: Uint8Array,
  limit = 5,
): RepresentativeStatement[] {
  const sufficient: RepresentativeStatement[] = [];
  let best: RepresentativeStatement | null = null;
  let bestAgree: { j: number; stats: RepnessStats } | null = null;
  for (let j = 0; j < t.nStatements; j++) {
    if (excluded?.[j]) {
      continue;
    }
    const s = computeRepnessStats(t, g, j);
    const id = statements[j]!;
    if ((s.rat > Z_90 && s.pat > Z_90) || (s.rdt > Z_90 && s.pdt > Z_90)) {
      sufficient.push(finalize(id, s));
    }
    if (sufficient.length === 0 && (!best || Math.max(s.rat, s.rdt) > best.repnessTest)) {
      best = finalize(id, s);
    }
    if (beatsBestAgree(s, bestAgree?.stats ?? null)) {
      bestAgree = { j, stats: s };
    }
  }
  const head = bestAgree ? finalize(statements[bestAgree.j]!, bestAgree.stats, true) : null;
  if (sufficient.length === 0) {
    return head ? [head] : best ? [best] : [];
  }
  const ranked = sufficient
    .filter((r) => r.statement !== head?.statement)
    .sort((a, b) => repnessMetric(b) - repnessMetric(a));
  const top = [...(head ? [head] : []), ...ranked].slice(0, limit);
  return [...top.filter((r) => r.direction === 'agree'), ...top.filter((r) => r.direction === 'disagree')];
}

/** A statement with broad support or rejection across all participants. */
export interface ConsensusStatement {
  statement: string;
  direction: Direction;
  nSuccess: number;
  nTrials: number;
  pSuccess: number;
  pTest: number;
}

/** Polis `select-consensus-comments` over the overall tallies (a one-group {@link GroupTallies}). */
export function selectConsensus(
  overall: GroupTallies,
  statements: readonly string[],
  excluded?: Uint8Array,
  limit = 5,
): { agree: ConsensusStatement[]; disagree: ConsensusStatement[] } {
  const pick = (direction: Direction): ConsensusStatement[] => {
    const rows: (ConsensusStatement & { metric: number })[] = [];
    for (let j = 0; j < overall.nStatements; j++) {
      if (excluded?.[j]) {
        continue;
      }
      const ns = overall.seen[j]!;
      const n = direction === 'agree' ? overall.agree[j]! : overall.disagree[j]!;
      const p = (n + 1) / (ns + 2);
      const z = proportionTest(n, ns);
      if (p > 0.5 && z > Z_90) {
        rows.push({
          statement: statements[j]!,
          direction,
          nSuccess: n,
          nTrials: ns,
          pSuccess: p,
          pTest: z,
          metric: p * z,
        });
      }
    }
    return rows
      .sort((a, b) => b.metric - a.metric)
      .slice(0, limit)
      .map(({ metric: _metric, ...rest }) => rest);
  };
  return { agree: pick('agree'), disagree: pick('disagree') };
}

/** Polis group-aware consensus Πg (na_g + 1)/(ns_g + 2) for every statement. */
export function computeGroupInformedConsensus(t: GroupTallies): Float64Array {
  const out = new Float64Array(t.nStatements).fill(t.k > 0 ? 1 : 0);
  for (let g = 0; g < t.k; g++) {
    for (let j = 0; j < t.nStatements; j++) {
      const at = g * t.nStatements + j;
      out[j]! *= (t.agree[at]! + 1) / (t.seen[at]! + 2);
    }
  }
  return out;
}

/** A statement agreed on by every group. */
export interface BridgingStatement {
  statement: string;
  /** Smallest agreement probability among the groups. */
  minGroupAgree: number;
  groupInformedConsensus: number;
}

/** Statements every group agrees with significantly (pat > z₉₀ in each group); needs ≥ 2 groups. */
export function selectBridging(
  t: GroupTallies,
  statements: readonly string[],
  excluded?: Uint8Array,
  limit = 10,
): BridgingStatement[] {
  if (t.k < 2) {
    return [];
  }
  const gic = computeGroupInformedConsensus(t);
  const out: BridgingStatement[] = [];
  for (let j = 0; j < t.nStatements; j++) {
    if (excluded?.[j]) {
      continue;
    }
    let minAgree = 1;
    let isEverywhere = true;
    for (let g = 0; g < t.k && isEverywhere; g++) {
      const at = g * t.nStatements + j;
      const na = t.agree[at]!;
      const ns = t.seen[at]!;
      isEverywhere = proportionTest(na, ns) > Z_90;
      minAgree = Math.min(minAgree, (na + 1) / (ns + 2));
    }
    if (isEverywhere) {
      out.push({ statement: statements[j]!, minGroupAgree: minAgree, groupInformedConsensus: gic[j]! });
    }
  }
  return out.sort((a, b) => b.minGroupAgree - a.minGroupAgree).slice(0, limit);
}
