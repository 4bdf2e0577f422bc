/**
 * @module Pure, deterministic and explained recommender of workshop methods.
 *
 * 1. Hard rules (a method is never proposed when one fails):
 *    - H1 its minimum group size exceeds the group (`GROUP_BELOW_METHOD_MIN`);
 *    - H2 its minimum duration exceeds the time available (`DURATION_ABOVE_TIME`);
 *    - H3 it cannot run in the requested mode, e.g. on-site only for an online session (`MODE_UNSUPPORTED`).
 *
 * 2. Scoring of the remaining methods: each criterion gives a value v ∈ [0, 1] and has a
 *    weight w; total = 100 · Σ w·v / Σ w.
 *
 *    | criterion | w   | value                                                                 |
 *    |-----------|-----|-----------------------------------------------------------------------|
 *    | family    | 3   | 1 if no family asked or same family, else 0                           |
 *    | icForms   | 2   | share of the requested IC forms the method serves (1 if none asked)   |
 *    | cynefin   | 3   | domain rules below (1 if no domain given)                             |
 *    | trust     | 2   | 1 if required ≤ collective, else max(0, 1 − 0.3·gap)                   |
 *    | skill     | 1.5 | 1 if required ≤ facilitator, else max(0, 1 − 0.4·gap)                  |
 *    | time      | 1.5 | 1 if the typical maximum fits, else 0.5 + 0.5·(available − min)/(max − min) |
 *    | group     | 1   | 1 inside the range, else max(0.2, max / group) above the maximum        |
 *    | urgency   | 1   | low: 1; medium: 1 if min ≤ 90 min and single-session, else 0.5;       |
 *    |           |     | high: 1 (≤ 20 min), 0.7 (≤ 45), 0.4 (≤ 90), 0.1 otherwise or multi-day |
 *
 *    Cynefin rules (after D. Snowden; see docs/methods.md):
 *    - clear (sense, categorise, respond): favour quick converge/decide methods —
 *      1 for a converge or decide method with min ≤ 30 min, 0.6 for other methods tagged clear, else 0.2;
 *    - complicated (sense, analyse, respond): 1 if tagged complicated, else 0.4;
 *    - complex (probe, sense, respond): favour probe/experiment methods — 1 if tagged complex, else 0.3;
 *    - chaotic (act, sense, respond): favour quick act methods — 1 if tagged chaotic and min ≤ 20 min,
 *      0.5 if only tagged chaotic, 0.4 if only quick, else 0.1;
 *    - confusion: favour sense-making methods — 1 if tagged confusion, else 0.4.
 *
 * 3. Diversity: options are picked greedily by maximal marginal relevance,
 *    argmax λ·score/100 − (1 − λ)·max similarity to already picked options, with λ = 0.85 by
 *    default. Without a requested family, similarity = ½·[same family] + ½·Jaccard(IC forms),
 *    and if all picks still share one family while another family is eligible, the last pick is
 *    swapped for the best method of another family. With a requested family the spread is over
 *    IC forms: similarity = ½·Jaccard(IC forms). Ties break on the method id, so the result does
 *    not depend on catalogue order. `rank` is this pick order.
 *
 * 4. Output: at least three options whenever at least three methods pass the hard rules
 *    (default five), each with its score breakdown, warnings as typed codes, advantages,
 *    drawbacks and contra-indications; the result always carries the notice
 *    `CHOICE_BELONGS_TO_GROUP`: the recommender proposes, the group or sponsor chooses.
 */
import { isModeCompatible } from './search';
import type { CynefinDomain, IcForm, LocalizedText, Method, MethodFamily } from './types';

export type Urgency = 'low' | 'medium' | 'high';
export type TrustSource = 'measured' | 'declared';

/** What the facilitator knows about the session and the collective. */
export interface RecommendationInput {
  /** Family wanted for this step of the workshop, if any. */
  readonly family?: MethodFamily;
  /** Forms of collective intelligence to mobilise, if any. */
  readonly icForms?: readonly IcForm[];
  /** Number of participants (integer ≥ 1). */
  readonly groupSize: number;
  /** Minutes available for this step (≥ 0). */
  readonly minutesAvailable: number;
  readonly mode: 'online' | 'onsite';
  /** Trust / maturity of the collective, 1–5 (may be fractional when measured). */
  readonly trustLevel: number;
  /** Whether trustLevel comes from a diagnostic or was declared. */
  readonly trustSource: TrustSource;
  /** Facilitator experience, 1–3. */
  readonly facilitatorLevel: number;
  readonly cynefin?: CynefinDomain;
  readonly urgency?: Urgency;
}

export interface RecommendationOptions {
  /** Number of options wanted; clamped to at least 3 (default 5). */
  readonly limit?: number;
  /** MMR trade-off between relevance (1) and diversity (0); default 0.85. */
  readonly lambda?: number;
}

export const SCORE_CRITERIA = [
  'family',
  'icForms',
  'cynefin',
  'trust',
  'skill',
  'time',
  'group',
  'urgency',
] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];

/** Weights of each criterion in the total score. */
export const SCORE_WEIGHTS: Readonly<Record<ScoreCriterion, number>> = {
  family: 3,
  icForms: 2,
  cynefin: 3,
  trust: 2,
  skill: 1.5,
  time: 1.5,
  group: 1,
  urgency: 1,
};

export interface ScoreComponent {
  readonly criterion: ScoreCriterion;
  /** Criterion value in [0, 1]. */
  readonly value: number;
  readonly weight: number;
  /** Contribution to the 0–100 total: 100 · weight · value / Σ weights. */
  readonly points: number;
}

/** Warnings are data: an i18n-able code plus parameters. */
export type RecommendationWarning =
  | {
      readonly code: 'TRUST_ABOVE_COLLECTIVE';
      readonly required: number;
      readonly collective: number;
      readonly source: TrustSource;
    }
  | { readonly code: 'SKILL_ABOVE_FACILITATOR'; readonly required: number; readonly facilitator: number }
  | { readonly code: 'DURATION_ABOVE_AVAILABLE'; readonly typicalMax: number; readonly available: number }
  | { readonly code: 'GROUP_ABOVE_MAX'; readonly max: number; readonly groupSize: number }
  | { readonly code: 'MULTI_SESSION'; readonly minDays: number; readonly maxDays: number | null }
  | { readonly code: 'SLOW_FOR_URGENCY'; readonly minimum: number; readonly threshold: number }
  | { readonly code: 'CYNEFIN_MISMATCH'; readonly domain: CynefinDomain };

export type WarningCode = RecommendationWarning['code'];

/** Threshold (minutes) above which a method is flagged as slow under high urgency. */
export const URGENT_MAX_MINUTES = 60;

export type ExclusionReason =
  | { readonly code: 'GROUP_BELOW_METHOD_MIN'; readonly min: number; readonly groupSize: number }
  | { readonly code: 'DURATION_ABOVE_TIME'; readonly min: number; readonly available: number }
  | { readonly code: 'MODE_UNSUPPORTED'; readonly mode: 'online' | 'onsite' };

export interface ExcludedMethod {
  readonly methodId: string;
  readonly reasons: readonly ExclusionReason[];
}

export type RecommendationNotice =
  | { readonly code: 'CHOICE_BELONGS_TO_GROUP' }
  | { readonly code: 'FEW_OPTIONS'; readonly count: number }
  | { readonly code: 'NO_METHOD_FITS' };

export type AppliedRule =
  | 'HARD_GROUP_MIN'
  | 'HARD_DURATION_MIN'
  | 'HARD_MODE'
  | 'CYNEFIN_CLEAR_FAVOURS_QUICK_CONVERGE_DECIDE'
  | 'CYNEFIN_COMPLICATED_FAVOURS_ANALYSIS'
  | 'CYNEFIN_COMPLEX_FAVOURS_PROBES'
  | 'CYNEFIN_CHAOTIC_FAVOURS_QUICK_ACTION'
  | 'CYNEFIN_CONFUSION_FAVOURS_SENSE_MAKING'
  | 'URGENCY_FAVOURS_SHORT_METHODS'
  | 'DIVERSITY_MMR'
  | 'DIVERSITY_FAMILY_SWAP';

export interface RecommendedOption {
  readonly rank: number;
  readonly methodId: string;
  readonly method: Method;
  /** Total score, 0–100, rounded to one decimal. */
  readonly score: number;
  readonly breakdown: readonly ScoreComponent[];
  readonly warnings: readonly RecommendationWarning[];
  readonly advantages: readonly LocalizedText[];
  readonly drawbacks: readonly LocalizedText[];
  readonly contraIndications: readonly LocalizedText[];
}

export interface Recommendation {
  readonly options: readonly RecommendedOption[];
  /** Always includes `CHOICE_BELONGS_TO_GROUP`. */
  readonly notices: readonly RecommendationNotice[];
  /** The recommender only proposes: the group or the sponsor decides. */
  readonly isChoiceForGroup: true;
  readonly appliedRules: readonly AppliedRule[];
  /** Number of methods that passed the hard rules. */
  readonly eligibleCount: number;
  readonly excluded: readonly ExcludedMethod[];
}

const DEFAULT_LIMIT = 5;
const MIN_OPTIONS = 3;
const DEFAULT_LAMBDA = 0.85;

/**
 * Proposes several diverse methods for a workshop step, with explanations.
 *
 * @example
 * recommendMethods(METHOD_CATALOGUE, {
 *   family: 'decide', groupSize: 8, minutesAvailable: 45, mode: 'online',
 *   trustLevel: 2, trustSource: 'measured', facilitatorLevel: 1, cynefin: 'complex',
 * });
 */
export function recommendMethods(
  catalogue: readonly Method[],
  input: RecommendationInput,
  options: RecommendationOptions = {},
): Recommendation {
  validateInput(input);
  const limit = Math.max(MIN_OPTIONS, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const lambda = options.lambda ?? DEFAULT_LAMBDA;
  if (!(lambda >= 0 && lambda <= 1)) {
    throw new RangeError('methods/recommendMethods: lambda must be within [0, 1]');
  }

  const excluded: ExcludedMethod[] = [];
  const scored: ScoredMethod[] = [];
  for (const method of catalogue) {
    const reasons = checkHardRules(method, input);
    if (reasons.length > 0) {
      excluded.push({ methodId: method.id, reasons });
    } else {
      scored.push(scoreMethod(method, input));
    }
  }
  excluded.sort((a, b) => compareIds(a.methodId, b.methodId));
  scored.sort(compareScored);

  const appliedRules: AppliedRule[] = ['HARD_GROUP_MIN', 'HARD_DURATION_MIN', 'HARD_MODE'];
  if (input.cynefin !== undefined) {
    appliedRules.push(CYNEFIN_RULE[input.cynefin]);
  }
  if (input.urgency !== undefined && input.urgency !== 'low') {
    appliedRules.push('URGENCY_FAVOURS_SHORT_METHODS');
  }

  const picked = selectDiverse(scored, limit, lambda, input.family !== undefined, appliedRules);
  const notices: RecommendationNotice[] = [{ code: 'CHOICE_BELONGS_TO_GROUP' }];
  if (scored.length === 0) {
    notices.push({ code: 'NO_METHOD_FITS' });
  } else if (scored.length < MIN_OPTIONS) {
    notices.push({ code: 'FEW_OPTIONS', count: scored.length });
  }

  return {
    options: picked.map((entry, index) => ({
      rank: index + 1,
      methodId: entry.method.id,
      method: entry.method,
      score: Math.round(entry.total * 10) / 10,
      breakdown: entry.breakdown,
      warnings: computeWarnings(entry.method, input),
      advantages: entry.method.advantages,
      drawbacks: entry.method.drawbacks,
      contraIndications: entry.method.contraIndications,
    })),
    notices,
    isChoiceForGroup: true,
    appliedRules,
    eligibleCount: scored.length,
    excluded,
  };
}

/** Reasons why a method must not be proposed; empty when it passes every hard rule. */
export function checkHardRules(method: Method, input: RecommendationInput): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (method.groupSize.min > input.groupSize) {
    reasons.push({ code: 'GROUP_BELOW_METHOD_MIN', min: method.groupSize.min, groupSize: input.groupSize });
  }
  if (method.durationMinutes.min > input.minutesAvailable) {
    reasons.push({
      code: 'DURATION_ABOVE_TIME',
      min: method.durationMinutes.min,
      available: input.minutesAvailable,
    });
  }
  if (!isModeCompatible(method, input.mode)) {
    reasons.push({ code: 'MODE_UNSUPPORTED', mode: input.mode });
  }
  return reasons;
}

/** Warnings for a method, each raised exactly when its threshold is crossed. */
export function computeWarnings(method: Method, input: RecommendationInput): RecommendationWarning[] {
  const warnings: RecommendationWarning[] = [];
  if (method.trustRequired > input.trustLevel) {
    warnings.push({
      code: 'TRUST_ABOVE_COLLECTIVE',
      required: method.trustRequired,
      collective: input.trustLevel,
      source: input.trustSource,
    });
  }
  if (method.facilitationSkill > input.facilitatorLevel) {
    warnings.push({
      code: 'SKILL_ABOVE_FACILITATOR',
      required: method.facilitationSkill,
      facilitator: input.facilitatorLevel,
    });
  }
  const { max: typicalMax } = method.durationMinutes;
  if (typicalMax !== null && typicalMax > input.minutesAvailable) {
    warnings.push({ code: 'DURATION_ABOVE_AVAILABLE', typicalMax, available: input.minutesAvailable });
  }
  const { max: groupMax } = method.groupSize;
  if (groupMax !== null && input.groupSize > groupMax) {
    warnings.push({ code: 'GROUP_ABOVE_MAX', max: groupMax, groupSize: input.groupSize });
  }
  if (method.elapsedDays !== undefined) {
    warnings.push({
      code: 'MULTI_SESSION',
      minDays: method.elapsedDays.min,
      maxDays: method.elapsedDays.max,
    });
  }
  if (input.urgency === 'high' && method.durationMinutes.min > URGENT_MAX_MINUTES) {
    warnings.push({
      code: 'SLOW_FOR_URGENCY',
      minimum: method.durationMinutes.min,
      threshold: URGENT_MAX_MINUTES,
    });
  }
  if (input.cynefin !== undefined && !method.cynefin.includes(input.cynefin)) {
    warnings.push({ code: 'CYNEFIN_MISMATCH', domain: input.cynefin });
  }
  return warnings;
}

/** Value in [0, 1] of each criterion for one method. */
export function scoreCriteria(method: Method, input: RecommendationInput): Record<ScoreCriterion, number> {
  return {
    family: input.family === undefined || input.family === method.family ? 1 : 0,
    icForms: scoreIcForms(method, input.icForms),
    cynefin: input.cynefin === undefined ? 1 : scoreCynefin(method, input.cynefin),
    trust: scoreGap(method.trustRequired - input.trustLevel, 0.3),
    skill: scoreGap(method.facilitationSkill - input.facilitatorLevel, 0.4),
    time: scoreTime(method, input.minutesAvailable),
    group: scoreGroup(method, input.groupSize),
    urgency: scoreUrgency(method, input.urgency ?? 'low'),
  };
}

/** Cynefin criterion value for one method (see the module header for the rules). */
export function scoreCynefin(method: Method, domain: CynefinDomain): number {
  const isTagged = method.cynefin.includes(domain);
  const minimum = method.durationMinutes.min;
  switch (domain) {
    case 'clear':
      if ((method.family === 'converge' || method.family === 'decide') && minimum <= 30) {
        return 1;
      }
      return isTagged ? 0.6 : 0.2;
    case 'complicated':
      return isTagged ? 1 : 0.4;
    case 'complex':
      return isTagged ? 1 : 0.3;
    case 'chaotic': {
      const isQuick = minimum <= 20;
      if (isTagged && isQuick) {
        return 1;
      }
      return isTagged ? 0.5 : isQuick ? 0.4 : 0.1;
    }
    case 'confusion':
      return isTagged ? 1 : 0.4;
    default:
      return assertUnreachable(domain);
  }
}

const CYNEFIN_RULE: Readonly<Record<CynefinDomain, AppliedRule>> = {
  clear: 'CYNEFIN_CLEAR_FAVOURS_QUICK_CONVERGE_DECIDE',
  complicated: 'CYNEFIN_COMPLICATED_FAVOURS_ANALYSIS',
  complex: 'CYNEFIN_COMPLEX_FAVOURS_PROBES',
  chaotic: 'CYNEFIN_CHAOTIC_FAVOURS_QUICK_ACTION',
  confusion: 'CYNEFIN_CONFUSION_FAVOURS_SENSE_MAKING',
};

interface ScoredMethod {
  readonly method: Method;
  /** Unrounded 0–100 total, used for ranking. */
  readonly total: number;
  readonly breakdown: readonly ScoreComponent[];
}

const WEIGHT_SUM = SCORE_CRITERIA.reduce((sum, criterion) => sum + SCORE_WEIGHTS[criterion], 0);

function scoreMethod(method: Method, input: RecommendationInput): ScoredMethod {
  const values = scoreCriteria(method, input);
  const breakdown = SCORE_CRITERIA.map((criterion) => {
    const weight = SCORE_WEIGHTS[criterion];
    const value = values[criterion];
    return { criterion, value, weight, points: (100 * weight * value) / WEIGHT_SUM };
  });
  const total = breakdown.reduce((sum, component) => sum + component.points, 0);
  return { method, total, breakdown };
}

function scoreIcForms(method: Method, wanted: readonly IcForm[] | undefined): number {
  if (wanted === undefined || wanted.length === 0) {
    return 1;
  }
  const unique = [...new Set(wanted)];
  const served = unique.filter((form) => method.icForms.includes(form)).length;
  return served / unique.length;
}

function scoreGap(gap: number, penaltyPerLevel: number): number {
  return gap <= 0 ? 1 : Math.max(0, 1 - penaltyPerLevel * gap);
}

function scoreTime(method: Method, available: number): number {
  const { min, max } = method.durationMinutes;
  if (max === null || max <= available) {
    return 1;
  }
  return 0.5 + (0.5 * (available - min)) / (max - min);
}

function scoreGroup(method: Method, groupSize: number): number {
  const { max } = method.groupSize;
  if (max === null || groupSize <= max) {
    return 1;
  }
  return Math.max(0.2, max / groupSize);
}

function scoreUrgency(method: Method, urgency: Urgency): number {
  const minimum = method.durationMinutes.min;
  const isMultiSession = method.elapsedDays !== undefined;
  switch (urgency) {
    case 'low':
      return 1;
    case 'medium':
      return minimum <= 90 && !isMultiSession ? 1 : 0.5;
    case 'high':
      if (isMultiSession) {
        return 0.1;
      }
      return minimum <= 20 ? 1 : minimum <= 45 ? 0.7 : minimum <= 90 ? 0.4 : 0.1;
    default:
      return assertUnreachable(urgency);
  }
}

/**
 * Similarity of two methods for diversity: ½·[same family] + ½·Jaccard(IC forms); only the
 * IC-form half counts when the family is fixed by the request.
 */
export function methodSimilarity(a: Method, b: Method, isFamilyFixed = false): number {
  const union = new Set([...a.icForms, ...b.icForms]);
  const shared = a.icForms.filter((form) => b.icForms.includes(form)).length;
  const jaccard = union.size === 0 ? 0 : shared / union.size;
  return (isFamilyFixed || a.family !== b.family ? 0 : 0.5) + 0.5 * jaccard;
}

function selectDiverse(
  ranked: readonly ScoredMethod[],
  limit: number,
  lambda: number,
  isFamilyFixed: boolean,
  appliedRules: AppliedRule[],
): ScoredMethod[] {
  const picked: ScoredMethod[] = [];
  const remaining = [...ranked];
  while (picked.length < limit && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((candidate, index) => {
      const redundancy = picked.reduce(
        (max, chosen) => Math.max(max, methodSimilarity(candidate.method, chosen.method, isFamilyFixed)),
        0,
      );
      const value = lambda * (candidate.total / 100) - (1 - lambda) * redundancy;
      // `remaining` is sorted by score then id, so strict > keeps the deterministic tie-break.
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    });
    const [chosen] = remaining.splice(bestIndex, 1);
    if (chosen !== undefined) {
      picked.push(chosen);
    }
  }
  if (picked.length > 1) {
    appliedRules.push('DIVERSITY_MMR');
    const families = new Set(picked.map((entry) => entry.method.family));
    if (!isFamilyFixed && families.size === 1) {
      const alternative = remaining.find((entry) => !families.has(entry.method.family));
      if (alternative !== undefined) {
        picked[picked.length - 1] = alternative;
        appliedRules.push('DIVERSITY_FAMILY_SWAP');
      }
    }
  }
  return picked;
}

function compareScored(a: ScoredMethod, b: ScoredMethod): number {
  return b.total - a.total || compareIds(a.method.id, b.method.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function validateInput(input: RecommendationInput): void {
  if (!Number.isInteger(input.groupSize) || input.groupSize < 1) {
    throw new RangeError('methods/recommendMethods: groupSize must be an integer ≥ 1');
  }
  if (!Number.isFinite(input.minutesAvailable) || input.minutesAvailable < 0) {
    throw new RangeError('methods/recommendMethods: minutesAvailable must be a finite number ≥ 0');
  }
  if (!(input.trustLevel >= 1 && input.trustLevel <= 5)) {
    throw new RangeError('methods/recommendMethods: trustLevel must be within [1, 5]');
  }
  if (!(input.facilitatorLevel >= 1 && input.facilitatorLevel <= 3)) {
    throw new RangeError('methods/recommendMethods: facilitatorLevel must be within [1, 3]');
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`methods/recommend: unexpected value ${String(value)}`);
}
