/**
 * @module Decision-rule recommender, in the spirit of the method recommender: it explains several
 * rules and never picks one. The group chooses its rule first (by consent, as sociocracy asks: "by
 * consent, a circle may delegate other decision methods"), and that choice is recorded as a decision.
 *
 * Scoring (each term 0..1, documented so the ranking can be argued with):
 * - size fit: 1 inside the rule's comfortable group size, decreasing with the ratio outside it;
 * - speed fit: urgency high favours fast rules (majority, advice, fist to five, score), low urgency
 *   favours deliberative ones;
 * - stakes/reversibility fit: irreversible or high-stakes choices favour rules that hear every objection
 *   (consent, integrative, consensus, deep democracy); an easy-to-reverse choice favours light rules
 *   ("safe enough to try", S3);
 * - trust fit: formal consensus and the advice process need trust (Seeds for Change warn that blocks
 *   become weapons in low-trust groups; Laloux: the advice process assumes trust), so the score drops
 *   under the rule's trust level and a warning is raised.
 * Weights: size 0.25, speed 0.25, stakes 0.3, trust 0.2. Ties keep the catalogue order.
 */
import type { DecisionRule } from './record';

export type Level3 = 'low' | 'medium' | 'high';

export interface RuleRecommendationInput {
  readonly groupSize: number;
  /** 1..5 (as in the method catalogue); `measured` when it comes from a diagnostic. */
  readonly trustLevel: number;
  readonly trustSource: 'measured' | 'declared';
  readonly urgency: Level3;
  readonly reversibility: 'easy' | 'costly' | 'irreversible';
  readonly stakes: Level3;
  /** Choosing among several options (rather than accepting one proposal). */
  readonly hasSeveralOptions?: boolean;
}

interface RuleProfile {
  readonly rule: DecisionRule;
  readonly size: readonly [number, number];
  /** 1 slow … 3 fast. */
  readonly speed: 1 | 2 | 3;
  /** 1 light … 3 hears every objection. */
  readonly depth: 1 | 2 | 3;
  readonly trustNeeded: number;
  readonly forOptions: boolean;
  readonly advantages: readonly string[];
  readonly drawbacks: readonly string[];
}

/** Codes are translated by the screens (decisions.json `recommend.*`). */
export const RULE_PROFILES: readonly RuleProfile[] = [
  {
    rule: 'consent',
    size: [3, 15],
    speed: 2,
    depth: 3,
    trustNeeded: 2,
    forOptions: false,
    advantages: ['OBJECTIONS_IMPROVE', 'SAFE_TO_TRY', 'REVIEW_BUILT_IN'],
    drawbacks: ['NEEDS_FACILITATION', 'SLOWER_THAN_VOTE'],
  },
  {
    rule: 'integrative',
    size: [3, 12],
    speed: 2,
    depth: 3,
    trustNeeded: 2,
    forOptions: false,
    advantages: ['FILTERS_PREFERENCES', 'ROLE_BASED', 'OBJECTIONS_IMPROVE'],
    drawbacks: ['NEEDS_TRAINED_FACILITATOR', 'FORMAL'],
  },
  {
    rule: 'consensus',
    size: [2, 12],
    speed: 1,
    depth: 3,
    trustNeeded: 4,
    forOptions: false,
    advantages: ['FULL_OWNERSHIP', 'EVERY_VOICE'],
    drawbacks: ['SLOW', 'BLOCK_AS_VETO'],
  },
  {
    rule: 'fistToFive',
    size: [3, 40],
    speed: 3,
    depth: 2,
    trustNeeded: 2,
    forOptions: false,
    advantages: ['FAST_TEMPERATURE', 'SURFACES_CONCERNS'],
    drawbacks: ['SCALE_MEANINGS_VARY', 'VISIBLE_PRESSURE'],
  },
  {
    rule: 'gradients',
    size: [3, 60],
    speed: 2,
    depth: 2,
    trustNeeded: 1,
    forOptions: false,
    advantages: ['SHOWS_TEXTURE', 'GROUP_SETS_BAR'],
    drawbacks: ['NEEDS_CUTOFF_FIRST'],
  },
  {
    rule: 'majority',
    size: [5, 100000],
    speed: 3,
    depth: 1,
    trustNeeded: 1,
    forOptions: false,
    advantages: ['FAST', 'FAMILIAR', 'SCALES'],
    drawbacks: ['MINORITY_LEFT_OUT', 'WIN_LOSE'],
  },
  {
    rule: 'majorityJudgment',
    size: [5, 100000],
    speed: 2,
    depth: 1,
    trustNeeded: 1,
    forOptions: true,
    advantages: ['NUANCED_GRADES', 'RESISTS_TACTICS', 'SCALES'],
    drawbacks: ['LESS_FAMILIAR'],
  },
  {
    rule: 'rankedChoice',
    size: [5, 100000],
    speed: 2,
    depth: 1,
    trustNeeded: 1,
    forOptions: true,
    advantages: ['MAJORITY_WINNER', 'NO_SPOILER'],
    drawbacks: ['COUNT_HARD_TO_FOLLOW'],
  },
  {
    rule: 'score',
    size: [3, 100000],
    speed: 3,
    depth: 1,
    trustNeeded: 1,
    forOptions: true,
    advantages: ['FAST', 'SHOWS_INTENSITY'],
    drawbacks: ['TACTICAL_EXTREMES'],
  },
  {
    rule: 'advice',
    size: [1, 100000],
    speed: 3,
    depth: 2,
    trustNeeded: 3,
    forOptions: false,
    advantages: ['FAST', 'OWNERSHIP_BY_DECIDER', 'HEARS_AFFECTED'],
    drawbacks: ['DEPENDS_ON_DECIDER'],
  },
  {
    rule: 'deepDemocracy',
    size: [4, 30],
    speed: 1,
    depth: 3,
    trustNeeded: 2,
    forOptions: false,
    advantages: ['MINORITY_WISDOM', 'DECISIONS_LAST'],
    drawbacks: ['SLOW', 'NEEDS_FACILITATION'],
  },
  {
    rule: 'election',
    size: [3, 15],
    speed: 1,
    depth: 3,
    trustNeeded: 2,
    forOptions: false,
    advantages: ['NO_CAMPAIGNING', 'REASONED_CHOICE'],
    drawbacks: ['ONLY_FOR_ROLES'],
  },
];

export interface RuleRecommendation {
  readonly rank: number;
  readonly rule: DecisionRule;
  readonly score: number;
  readonly advantages: readonly string[];
  readonly drawbacks: readonly string[];
  readonly warnings: readonly string[];
}

export interface RuleRecommendationResult {
  readonly options: readonly RuleRecommendation[];
  /** Always true: the group chooses; the result is never applied automatically. */
  readonly isChoiceForGroup: true;
  readonly notices: readonly string[];
}

function sizeFit(size: number, [min, max]: readonly [number, number]): number {
  if (size >= min && size <= max) {
    return 1;
  }
  return size < min ? size / min : max / size;
}

function warningsFor(p: RuleProfile, input: RuleRecommendationInput): string[] {
  const warnings: string[] = [];
  if (input.trustLevel < p.trustNeeded) {
    warnings.push(p.rule === 'consensus' ? 'CONSENSUS_LOW_TRUST' : 'NEEDS_MORE_TRUST');
  }
  if (p.depth === 1 && (input.reversibility === 'irreversible' || input.stakes === 'high')) {
    warnings.push('MINORITY_ON_HIGH_STAKES');
  }
  if (p.speed === 1 && input.urgency === 'high') {
    warnings.push('TOO_SLOW_FOR_URGENCY');
  }
  if (input.groupSize > p.size[1] || input.groupSize < p.size[0]) {
    warnings.push('GROUP_SIZE_OUTSIDE_RANGE');
  }
  if (p.rule === 'fistToFive' || p.rule === 'gradients') {
    warnings.push('DEFINE_SCALE_FIRST');
  }
  return warnings;
}

export function recommendRules(input: RuleRecommendationInput, limit = 4): RuleRecommendationResult {
  const wantDepth =
    input.reversibility === 'irreversible' || input.stakes === 'high'
      ? 3
      : input.stakes === 'medium' || input.reversibility === 'costly'
        ? 2
        : 1;
  const wantSpeed = input.urgency === 'high' ? 3 : input.urgency === 'medium' ? 2 : 1;
  const scored = RULE_PROFILES.filter(
    (p) => p.rule !== 'election' && (input.hasSeveralOptions ? true : !p.forOptions),
  ).map((p, order) => {
    const speed = 1 - Math.abs(p.speed - wantSpeed) / 2;
    const depth = 1 - Math.abs(p.depth - wantDepth) / 2;
    const trust =
      input.trustLevel >= p.trustNeeded ? 1 : Math.max(0, 1 - (p.trustNeeded - input.trustLevel) / 2);
    const optionBonus = input.hasSeveralOptions && p.forOptions ? 0.1 : 0;
    const score =
      0.25 * sizeFit(input.groupSize, p.size) + 0.25 * speed + 0.3 * depth + 0.2 * trust + optionBonus;
    return { p, order, score: Math.round(score * 1000) / 1000 };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const count = Math.max(3, Math.min(limit, scored.length));
  const options = scored.slice(0, count).map((s, i) => ({
    rank: i + 1,
    rule: s.p.rule,
    score: s.score,
    advantages: s.p.advantages,
    drawbacks: s.p.drawbacks,
    warnings: warningsFor(s.p, input),
  }));
  const notices = ['CHOOSE_RULE_FIRST'];
  if (input.trustSource === 'declared') {
    notices.push('TRUST_DECLARED_NOT_MEASURED');
  }
  return { options, isChoiceForGroup: true, notices };
}
