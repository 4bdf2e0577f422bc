/**
 * @module One entry point from a proposal's stored positions to its tally, whatever the rule. The
 * server stores positions in one generic shape (a value, a reason, an optional ballot); this maps them
 * onto each rule's evaluator. Only positions on the current version count: an amendment re-opens the
 * round (S3 "object → amend → re-test").
 */
import type { DecisionRule } from './record';
import { evaluateAdvice } from './rules/advice';
import { type ConsensusPosition, evaluateConsensus } from './rules/consensus';
import { type ConsentAnswer, evaluateConsent } from './rules/consent';
import { evaluateDeepDemocracy } from './rules/deep-democracy';
import { evaluateElection } from './rules/election';
import { evaluateFistToFive } from './rules/fist-to-five';
import { evaluateGradients } from './rules/gradients';
import { evaluateIntegrative, type ObjectionTests } from './rules/integrative';
import { evaluateMajority, type MajorityKind, type MajorityVote } from './rules/majority';
import { majorityJudgment } from './rules/majority-judgment';
import { borda, instantRunoff, topScorers } from './rules/ranked';
import { type RuleOutcome, result } from './rules/result';
import { dotVoting, scoreVoting } from './rules/score';

export interface RuleConfig {
  readonly majorityKind?: MajorityKind;
  readonly quorum?: number;
  readonly gradientsCutoff?: number;
  readonly gradientsMinShare?: number;
  readonly consensusFallback?: { readonly num: number; readonly den: number } | null;
  /** Options for majority judgment, ranked choice and score/dot votes. */
  readonly options?: readonly { readonly id: string; readonly label: string }[];
  readonly gradeCount?: number;
  readonly scoreMax?: number;
  readonly rankedMethod?: 'irv' | 'borda';
  readonly scoreMethod?: 'score' | 'dots';
  readonly dotBudget?: number;
}

export interface StoredPosition {
  readonly key: string;
  readonly value: string;
  readonly reason: string | null;
  /** Grades, scores or dots (option id → number) or a ranking (option ids). */
  readonly ballot: Readonly<Record<string, number>> | readonly string[] | null;
  readonly version: number;
  /** Advice process: the decider's answer to this advice. */
  readonly response: { readonly isFollowed: boolean; readonly why: string } | null;
}

export interface StoredObjection {
  readonly status: 'open' | 'integrated' | 'withdrawn' | 'invalid';
  readonly reason: string;
  readonly tests: ObjectionTests | null;
}

export interface TallyInput {
  readonly rule: DecisionRule;
  readonly config: RuleConfig;
  readonly eligibleCount: number;
  readonly version: number;
  readonly positions: readonly StoredPosition[];
  readonly objections: readonly StoredObjection[];
  readonly isClosed: boolean;
  readonly reviewOn: string | null;
  readonly outcomeStatement: string | null;
  readonly fallbackInvoked?: boolean;
  readonly minorityAsked?: boolean;
  readonly conditions?: readonly { readonly text: string; readonly isAdded: boolean }[];
  readonly nominee?: string | null;
}

export interface Tally {
  readonly outcome: RuleOutcome;
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  /** Position value (or option id) → count, points, dots or mean. */
  readonly counts: Readonly<Record<string, number>>;
  readonly winners: readonly string[];
  readonly participantCount: number;
}

const NOT_TESTED: ObjectionTests = {
  reducesCapacity: false,
  createdByProposal: false,
  cannotAdaptInTime: false,
  limitsObjectorRole: false,
  breachesRules: false,
};

function countValues(positions: readonly StoredPosition[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of positions) {
    counts[p.value] = (counts[p.value] ?? 0) + 1;
  }
  return counts;
}

function ballotRecord(p: StoredPosition): Record<string, number> {
  return p.ballot && !Array.isArray(p.ballot) ? (p.ballot as Record<string, number>) : {};
}

function ballotList(p: StoredPosition): readonly string[] {
  return Array.isArray(p.ballot) ? (p.ballot as readonly string[]) : [];
}

/** Winners of an options vote decide the outcome once closed (a tie stays pending for the group). */
function optionsOutcome(
  winners: readonly string[],
  isClosed: boolean,
): { outcome: RuleOutcome; reasons: string[] } {
  if (!isClosed) {
    return { outcome: 'pending', reasons: ['OPEN'] };
  }
  if (winners.length === 1) {
    return { outcome: 'passed', reasons: ['WINNER'] };
  }
  return { outcome: 'pending', reasons: [winners.length === 0 ? 'NO_POSITION' : 'TIE'] };
}

export function tally(input: TallyInput): Tally {
  const current = input.positions.filter((p) => p.version === input.version);
  const counts = countValues(current);
  const base = { counts, winners: [] as string[], participantCount: current.length };
  const optionIds = (input.config.options ?? []).map((o) => o.id);
  const liveObjections = input.objections.filter((o) => o.status !== 'invalid');
  switch (input.rule) {
    case 'consent': {
      const r = evaluateConsent({
        answers: current.map((p) => ({ answer: p.value as ConsentAnswer, reason: p.reason })),
        objections: liveObjections.map((o) => ({ status: o.status as 'open', reason: o.reason })),
        eligibleCount: input.eligibleCount,
        isRoundClosed: input.isClosed,
        reviewOn: input.reviewOn,
      });
      return { ...base, ...r };
    }
    case 'integrative': {
      const r = evaluateIntegrative({
        objections: input.objections.map((o) => ({
          reason: o.reason,
          tests: o.status === 'invalid' ? (o.tests ?? NOT_TESTED) : o.tests,
          status: o.status === 'invalid' ? 'withdrawn' : o.status,
        })),
        isObjectionRoundDone: input.isClosed || current.length >= input.eligibleCount,
      });
      return { ...base, ...r };
    }
    case 'consensus': {
      const r = evaluateConsensus({
        positions: current.map((p) => ({ position: p.value as ConsensusPosition, reason: p.reason })),
        fallback: input.config.consensusFallback ?? null,
        isFallbackInvoked: input.fallbackInvoked ?? false,
      });
      return { ...base, outcome: r.outcome, reasons: r.reasons, warnings: r.warnings };
    }
    case 'fistToFive': {
      const r = evaluateFistToFive({
        values: current.map((p) => ({ value: Number(p.value), reason: p.reason })),
      });
      return { ...base, outcome: r.outcome, reasons: r.reasons, warnings: r.warnings };
    }
    case 'gradients': {
      const r = evaluateGradients({
        levels: current.map((p) => Number(p.value)),
        cutoff: input.config.gradientsCutoff ?? 3,
        minShare: input.config.gradientsMinShare ?? 1,
      });
      return { ...base, outcome: r.outcome, reasons: r.reasons, warnings: r.warnings };
    }
    case 'majority': {
      const r = evaluateMajority({
        votes: current.map((p) => p.value as MajorityVote),
        kind: input.config.majorityKind ?? 'simple',
        eligibleCount: input.eligibleCount,
        quorum: input.config.quorum ?? 0,
      });
      const outcome = r.outcome === 'passed' || input.isClosed ? r.outcome : 'pending';
      return {
        ...base,
        outcome: input.isClosed && r.outcome === 'pending' ? 'rejected' : outcome,
        reasons: r.reasons,
        warnings: r.warnings,
      };
    }
    case 'majorityJudgment': {
      const rows = majorityJudgment(optionIds, current.map(ballotRecord), input.config.gradeCount ?? 6);
      const winners = rows.filter((r) => r.rank === 1).map((r) => r.optionId);
      const grades = Object.fromEntries(rows.map((r) => [r.optionId, r.majorityGrade]));
      return {
        ...base,
        ...optionsOutcome(current.length ? winners : [], input.isClosed),
        warnings: [],
        counts: grades,
        winners,
      };
    }
    case 'rankedChoice': {
      const ballots = current.map(ballotList);
      if (input.config.rankedMethod === 'borda') {
        const scores = borda(optionIds, ballots);
        const winners = current.length ? topScorers(scores, optionIds) : [];
        return { ...base, ...optionsOutcome(winners, input.isClosed), warnings: [], counts: scores, winners };
      }
      const irv = instantRunoff(optionIds, ballots);
      const lastRound = irv.rounds[irv.rounds.length - 1];
      return {
        ...base,
        ...optionsOutcome(irv.winners, input.isClosed),
        warnings: [],
        counts: { ...(lastRound?.counts ?? {}) },
        winners: irv.winners,
      };
    }
    case 'score': {
      const ballots = current.map(ballotRecord);
      if (input.config.scoreMethod === 'dots') {
        const r = dotVoting(optionIds, ballots);
        return {
          ...base,
          ...optionsOutcome(r.winners, input.isClosed),
          warnings: [],
          counts: r.dots,
          winners: r.winners,
        };
      }
      const r = scoreVoting(optionIds, ballots);
      const means: Record<string, number> = {};
      for (const [k, v] of Object.entries(r.means)) {
        if (v !== null) {
          means[k] = Math.round(v * 100) / 100;
        }
      }
      return {
        ...base,
        ...optionsOutcome(r.winners, input.isClosed),
        warnings: [],
        counts: means,
        winners: r.winners,
      };
    }
    case 'advice': {
      const r = evaluateAdvice({
        advice: current.map((p) => ({
          from: p.value === 'expert' ? 'expert' : 'affected',
          advice: p.reason ?? '',
          isFollowed: p.response?.isFollowed ?? null,
          why: p.response?.why ?? null,
        })),
        decision: input.outcomeStatement,
      });
      return { ...base, ...r };
    }
    case 'deepDemocracy': {
      const r = evaluateDeepDemocracy({
        votes: current.map((p) => p.value as MajorityVote),
        isMinorityAsked: input.minorityAsked ?? false,
        conditions: input.conditions ?? [],
      });
      return { ...base, outcome: r.outcome, reasons: r.reasons, warnings: r.warnings };
    }
    case 'election': {
      const nominations = current
        .filter((p) => p.value === 'nominate')
        .map((p) => ({ by: p.key, nominee: ballotList(p)[0] ?? '', reason: p.reason ?? '' }));
      const r = evaluateElection({
        eligible: [...new Set(current.map((p) => p.key))],
        nominations,
        proposedNominee: input.nominee ?? null,
        answers: current
          .filter((p) => p.value === 'consent' || p.value === 'object')
          .map((p) => ({ by: p.key, answer: p.value as 'consent' | 'object', isOpen: p.value === 'object' })),
      });
      return { ...base, ...r };
    }
  }
  return { ...base, ...result('pending') };
}

/** Which position values a rule accepts, and which of them require a reason. */
export function positionRules(rule: DecisionRule): {
  values: readonly string[];
  reasonRequired: readonly string[];
  needsBallot: boolean;
} {
  switch (rule) {
    case 'consent':
      return { values: ['consent', 'concern', 'object'], reasonRequired: ['object'], needsBallot: false };
    case 'integrative':
      return { values: ['consent', 'object'], reasonRequired: ['object'], needsBallot: false };
    case 'consensus':
      return {
        values: ['agree', 'reservations', 'standAside', 'block'],
        reasonRequired: ['block'],
        needsBallot: false,
      };
    case 'fistToFive':
      return { values: ['0', '1', '2', '3', '4', '5'], reasonRequired: ['0', '1', '2'], needsBallot: false };
    case 'gradients':
      return {
        values: ['1', '2', '3', '4', '5', '6', '7', '8'],
        reasonRequired: ['7', '8'],
        needsBallot: false,
      };
    case 'majority':
    case 'deepDemocracy':
      return { values: ['yes', 'no', 'abstain'], reasonRequired: [], needsBallot: false };
    case 'majorityJudgment':
    case 'rankedChoice':
    case 'score':
      return { values: ['ballot'], reasonRequired: [], needsBallot: true };
    case 'advice':
      return { values: ['affected', 'expert'], reasonRequired: ['affected', 'expert'], needsBallot: false };
    case 'election':
      return {
        values: ['nominate', 'consent', 'object'],
        reasonRequired: ['nominate', 'object'],
        needsBallot: false,
      };
  }
  return { values: [], reasonRequired: [], needsBallot: false };
}
