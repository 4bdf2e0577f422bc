/**
 * Opinion-mapping pipeline: inclusion → sparse PCA → clustering → repness, consensus,
 * bridging, per-statement statistics and routing priority.
 *
 * Participant inclusion (Polis `conversation.clj`, `:in-conv`): a participant is clustered once
 * they have voted on at least min(7, nStatements) statements (every statement when there are
 * fewer than 7). Votes on moderated-out statements count. If fewer than 15 qualify, Polis tops
 * up with the most active voters; Essaim instead switches to small-group mode (see
 * `small-group.ts`), which is meaningful on 5–15 people, unless `mode` forces 'polis'.
 * Everyone is projected on the map; only included participants belong to groups.
 *
 * PCA is fitted on every participant, as Polis fits it on the whole rating matrix.
 */

import { createRng } from '../rng';
import { clusterOpinionMap, type GroupCountSmoother, POLIS_CLUSTERING, renumberBySize } from './clustering';
import { computeSparsePca, computeStatementExtremity, projectParticipants } from './pca';
import { computePriority } from './priority';
import {
  type BridgingStatement,
  type ConsensusStatement,
  computeGroupInformedConsensus,
  mergeTallies,
  type RepresentativeStatement,
  selectBridging,
  selectConsensus,
  selectRepresentative,
  sliceTallies,
  tallyGroups,
} from './repness';
import { clusterSmallGroup, computeAgreementDistances } from './small-group';
import { buildVoteMatrix, countVotesPerParticipant, type Vote, type VoteMatrix } from './vote-matrix';

export type AnalysisMode = 'polis' | 'small-group';

export interface AnalyzeOptions {
  /** Seed of the internal PRNG (PCA start vectors, k-means seeding). Default 1. */
  seed?: number;
  /** Statements hidden by moderation (Polis `mod-out`): zeroed in PCA, never representative. */
  moderatedOut?: readonly string[];
  /**
   * Meta statements (Polis `meta-tids`, e.g. demographic questions): excluded from the maths like
   * moderated-out ones (Polis adds them to `mod-out`) but routed with the fixed meta priority.
   */
  metaStatements?: readonly string[];
  /**
   * Participants to cluster, when already decided (e.g. Polis' in-conv set replayed from vote
   * timestamps, `polis-inclusion.ts`). Replaces the vote-count rule and the greedy top-up.
   */
  included?: readonly string[];
  /** Minimum votes for inclusion, capped at the number of statements. Default 7 (Polis). */
  minVotes?: number;
  /** Below this many included participants, small-group mode is used. Default 15 (Polis greedy-n). */
  smallGroupThreshold?: number;
  /** Force a mode instead of choosing automatically. */
  mode?: 'auto' | AnalysisMode;
  /** Polis base-k. Default 100. */
  baseK?: number;
  /** Polis max-k. Default 5. */
  maxK?: number;
  /**
   * 'essaim' (default): seeded k-means++ restarts, a tie tolerance favouring the larger k and a
   * refinement on the participants (stable across seeds without history). 'polis': Polis' own
   * deterministic rules for a conversation computed from scratch (`POLIS_CLUSTERING`).
   */
  clustering?: 'essaim' | 'polis';
  /** Previous run's k smoother (stability rule); see `clustering.ts`. */
  previousSmoother?: GroupCountSmoother;
  /** Previous run's PCA axes by statement id (`OpinionAnalysis.axes`): warm-starts the power iteration. */
  previousAxes?: OpinionAxes;
}

/** The two principal axes over statements, keyed by statement id so they survive new statements. */
export interface OpinionAxes {
  statements: string[];
  components: [number[], number[]];
}

/** Message key plus data the UI can translate to explain which method was used and why. */
export interface AnalysisExplanation {
  key:
    | 'opinions.polis.groups'
    | 'opinions.smallGroup.groups'
    | 'opinions.smallGroup.noClearGroups'
    | 'opinions.empty';
  data: Record<string, number>;
}

export interface ParticipantPosition {
  id: string;
  /** Included in clustering by the inclusion rule. */
  isIncluded: boolean;
  /** Group index, null when excluded or when no clear groups exist. */
  group: number | null;
  x: number;
  y: number;
  votes: number;
}

export interface OpinionGroup {
  id: number;
  members: string[];
  representative: RepresentativeStatement[];
}

export interface StatementStats {
  statement: string;
  agree: number;
  disagree: number;
  pass: number;
  seen: number;
  /** (agree + 1) / (seen + 2) over all participants. */
  pAgree: number;
  pDisagree: number;
  isModeratedOut: boolean;
  extremity: number;
  groupInformedConsensus: number;
  /** Routing priority (0 for moderated-out statements). */
  priority: number;
}

export interface OpinionAnalysis {
  mode: AnalysisMode;
  explanation: AnalysisExplanation;
  participants: ParticipantPosition[];
  groups: OpinionGroup[];
  statements: StatementStats[];
  consensus: { agree: ConsensusStatement[]; disagree: ConsensusStatement[] };
  bridging: BridgingStatement[];
  /** Polis mode: silhouette of each candidate k. Small-group mode: the best cut. */
  silhouettes: { k: number; silhouette: number }[];
  smoother: GroupCountSmoother | null;
  pca: { eigenvalues: [number, number]; iterations: number };
  /** This run's axes, to warm-start the next run on the same conversation. */
  axes: OpinionAxes;
}

/** Map previous axes onto the current statement order (new statements start at 0). */
function alignAxes(previous: OpinionAxes, statements: readonly string[]): Float64Array[] {
  const index = new Map(previous.statements.map((id, i) => [id, i]));
  return previous.components.map((c) => Float64Array.from(statements, (id) => c[index.get(id) ?? -1] ?? 0));
}

/**
 * Runs the whole analysis on a list of votes.
 *
 * @example
 * const analysis = analyzeOpinions(parsePolisVotes(csv), { seed: 7 });
 * analysis.groups.map((g) => g.members.length);
 */
export function analyzeOpinions(votes: readonly Vote[], options: AnalyzeOptions = {}): OpinionAnalysis {
  return analyzeVoteMatrix(buildVoteMatrix(votes), options);
}

/** Same as {@link analyzeOpinions} on an already built sparse matrix (fast path for large data). */
export function analyzeVoteMatrix(m: VoteMatrix, options: AnalyzeOptions = {}): OpinionAnalysis {
  const rng = createRng(options.seed ?? 1);
  const nRows = m.participants.length;
  const nCols = m.statements.length;
  const isMeta = flagStatements(m, options.metaStatements);
  // Polis `mod-update`: meta statements join mod-out, so they are zeroed like moderated ones.
  const excluded = flagStatements(m, [...(options.moderatedOut ?? []), ...(options.metaStatements ?? [])]);
  const voteCounts = countVotesPerParticipant(m);
  const threshold = Math.min(options.minVotes ?? 7, nCols);
  const given = options.included ? new Set(options.included) : null;
  const qualified: number[] = [];
  for (let r = 0; r < nRows; r++) {
    if (nCols > 0 && (given ? given.has(m.participants[r]!) : voteCounts[r]! >= threshold)) {
      qualified.push(r);
    }
  }
  const smallThreshold = options.smallGroupThreshold ?? 15;
  const mode: AnalysisMode =
    options.mode && options.mode !== 'auto'
      ? options.mode
      : qualified.length < smallThreshold
        ? 'small-group'
        : 'polis';
  const included =
    mode === 'polis' && !given ? topUpInclusion(qualified, voteCounts, smallThreshold) : qualified;

  const pca = computeSparsePca(m, {
    rng,
    excluded,
    ...(options.previousAxes ? { initialComponents: alignAxes(options.previousAxes, m.statements) } : {}),
  });
  const xy = projectParticipants(m, pca, excluded);
  const groupOf = new Int32Array(nRows).fill(-1);
  let k = 0;
  let silhouettes: { k: number; silhouette: number }[] = [];
  let smoother: GroupCountSmoother | null = null;
  let explanation: AnalysisExplanation;

  if (included.length === 0) {
    explanation = { key: 'opinions.empty', data: { participants: nRows, statements: nCols } };
  } else if (mode === 'polis') {
    const points = new Float64Array(included.length * 2);
    included.forEach((r, i) => {
      points[2 * i] = xy[2 * r]!;
      points[2 * i + 1] = xy[2 * r + 1]!;
    });
    const clustering = clusterOpinionMap(points, {
      rng,
      baseK: options.baseK,
      maxK: options.maxK,
      previous: options.previousSmoother,
      ...(options.clustering === 'polis' ? POLIS_CLUSTERING : {}),
    });
    included.forEach((r, i) => {
      groupOf[r] = clustering.assignment[i]!;
    });
    k = clustering.k;
    silhouettes = clustering.silhouettes;
    smoother = clustering.smoother;
    const chosen = silhouettes.find((s) => s.k === k)?.silhouette ?? 0;
    explanation = {
      key: 'opinions.polis.groups',
      data: { participants: included.length, groups: k, silhouette: round(chosen) },
    };
  } else {
    const dist = computeAgreementDistances(m, included, excluded);
    const small = clusterSmallGroup(dist, included.length);
    if (small.hasClearGroups) {
      const labels = renumberBySize(small.assignment, small.k);
      included.forEach((r, i) => {
        groupOf[r] = labels[i]!;
      });
      k = small.k;
    }
    silhouettes = small.k > 0 ? [{ k: small.k, silhouette: small.silhouette }] : [];
    explanation = {
      key: small.hasClearGroups ? 'opinions.smallGroup.groups' : 'opinions.smallGroup.noClearGroups',
      data: { participants: included.length, groups: k, silhouette: round(small.silhouette) },
    };
  }

  const isIncluded = new Uint8Array(nRows);
  for (const r of included) {
    isIncluded[r] = 1;
  }
  // One pass over the votes for three tallies: classes 0 … k−1 are the groups, k holds included
  // participants without a group and k+1 everyone else. Groups are classes < k, Polis routing
  // (votes aggregated over the groups, i.e. over included participants) classes ≤ k, and the
  // overall statistics every class.
  const classOf = new Int32Array(nRows);
  for (let r = 0; r < nRows; r++) {
    classOf[r] = groupOf[r]! >= 0 ? groupOf[r]! : isIncluded[r] ? k : k + 1;
  }
  const byClass = tallyGroups(m, classOf, k + 2);
  const tallies = sliceTallies(byClass, k);
  const routing = mergeTallies(byClass, 0, k + 1);
  const overall = mergeTallies(byClass, 0, k + 2);
  const extremity = computeStatementExtremity(pca);
  const gic = computeGroupInformedConsensus(tallies);
  const statements: StatementStats[] = m.statements.map((statement, j) => {
    const agree = overall.agree[j]!;
    const disagree = overall.disagree[j]!;
    const seen = overall.seen[j]!;
    const a = routing.agree[j]!;
    const s = routing.seen[j]!;
    const p = s - a - routing.disagree[j]!;
    return {
      statement,
      agree,
      disagree,
      pass: seen - agree - disagree,
      seen,
      pAgree: (agree + 1) / (seen + 2),
      pDisagree: (disagree + 1) / (seen + 2),
      isModeratedOut: excluded[j] === 1,
      extremity: extremity[j]!,
      groupInformedConsensus: k > 0 ? gic[j]! : 0,
      priority: excluded[j] && !isMeta[j] ? 0 : computePriority(a, p, s, extremity[j]!, isMeta[j] === 1),
    };
  });

  const members: string[][] = Array.from({ length: k }, () => []);
  groupOf.forEach((g, r) => {
    if (g >= 0) {
      members[g]!.push(m.participants[r]!);
    }
  });
  return {
    mode,
    explanation,
    participants: m.participants.map((id, r) => ({
      id,
      isIncluded: isIncluded[r] === 1,
      group: groupOf[r]! >= 0 ? groupOf[r]! : null,
      x: xy[2 * r]!,
      y: xy[2 * r + 1]!,
      votes: voteCounts[r]!,
    })),
    groups: members.map((ids, g) => ({
      id: g,
      members: ids,
      representative: selectRepresentative(tallies, g, m.statements, excluded),
    })),
    statements,
    consensus: selectConsensus(overall, m.statements, excluded),
    bridging: selectBridging(tallies, m.statements, excluded),
    silhouettes,
    smoother,
    pca: { eigenvalues: pca.eigenvalues, iterations: pca.iterations },
    axes: {
      statements: [...m.statements],
      components: [Array.from(pca.components[0]), Array.from(pca.components[1])],
    },
  };
}

/** Polis greedy top-up: below `target` included, add the most active remaining voters. */
function topUpInclusion(qualified: number[], voteCounts: Int32Array, target: number): number[] {
  if (qualified.length >= target) {
    return qualified;
  }
  const isIn = new Set(qualified);
  const rest = Array.from(voteCounts.keys())
    .filter((r) => !isIn.has(r) && voteCounts[r]! > 0)
    .sort((a, b) => voteCounts[b]! - voteCounts[a]! || a - b);
  return [...qualified, ...rest.slice(0, target - qualified.length)].sort((a, b) => a - b);
}

function flagStatements(m: VoteMatrix, ids: readonly string[] | undefined): Uint8Array {
  const flags = new Uint8Array(m.statements.length);
  if (ids && ids.length > 0) {
    const set = new Set(ids);
    m.statements.forEach((s, j) => {
      flags[j] = set.has(s) ? 1 : 0;
    });
  }
  return flags;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
