/**
 * @module The one decision record. Every choice made in an engagement (an options board's choice, a
 * method choice, a live consent round or fist-to-five, an asynchronous proposal, the adoption of a
 * governance map, the group's choice of its own decision rule) is written down in this shape, so the
 * register, the trace and the review reminders read one kind of object (design: engagement chain,
 * "one decision kind").
 */

/** The twelve decision rules Essaim knows, each evaluated in `./rules/`. */
export const DECISION_RULES = [
  'consent',
  'integrative',
  'consensus',
  'fistToFive',
  'gradients',
  'majority',
  'majorityJudgment',
  'rankedChoice',
  'score',
  'advice',
  'deepDemocracy',
  'election',
] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

export function isDecisionRule(value: unknown): value is DecisionRule {
  return typeof value === 'string' && (DECISION_RULES as readonly string[]).includes(value);
}

/** Where a record came from: the capability that wrote it. */
export const DECISION_SOURCES = [
  'proposal',
  'options_board',
  'method_choice',
  'live_activity',
  'governance_map',
  'rule_choice',
  'charter',
] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

/**
 * `open`: positions are being taken; `passed`/`rejected`: closed with that outcome; `withdrawn`: the
 * proposer withdrew it; `review`: re-opened for its review.
 */
export const DECISION_STATUSES = ['open', 'passed', 'rejected', 'withdrawn', 'review'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Who decided: the group (through its rule), the sponsor, or one decider (advice process). */
export type DecidedBy = 'group' | 'sponsor' | 'decider';

export interface DecisionPosition {
  /** Null when the proposal is anonymous: the record never says who took which position. */
  readonly participant: string | null;
  /** The rule-specific position, e.g. `consent`, `object`, `3` (fist), `agree`. */
  readonly value: string;
  readonly reason: string | null;
  readonly version: number;
}

export interface DecisionObjection {
  readonly id: string;
  readonly participant: string | null;
  readonly reason: string;
  readonly version: number;
  readonly status: 'open' | 'integrated' | 'withdrawn' | 'invalid';
  /** How it was integrated (or why it was judged invalid, for integrative decision-making). */
  readonly integration: string | null;
  readonly integratedInVersion: number | null;
}

export interface DecisionTraceLink {
  readonly kind: string;
  readonly id: string;
  readonly relation: string;
}

export interface DecisionRecord {
  readonly id: string;
  readonly engagementId: string | null;
  readonly source: DecisionSource;
  readonly sourceId: string | null;
  readonly title: string;
  /** The statement decided, in its last version. */
  readonly statement: string;
  readonly version: number;
  readonly rule: DecisionRule | null;
  readonly decidedBy: DecidedBy;
  readonly status: DecisionStatus;
  readonly isAnonymous: boolean;
  /** How many took part (always known, even when anonymous). */
  readonly participantCount: number;
  readonly positions: readonly DecisionPosition[];
  readonly objections: readonly DecisionObjection[];
  readonly standAsides: number;
  readonly outcome: string | null;
  readonly decidedAt: string | null;
  readonly reviewOn: string | null;
  readonly links: readonly DecisionTraceLink[];
}

/** True when a closed decision's review date is today or past (ISO dates compare as strings). */
export function isDueForReview(record: Pick<DecisionRecord, 'status' | 'reviewOn'>, today: string): boolean {
  return record.status === 'passed' && record.reviewOn !== null && record.reviewOn.slice(0, 10) <= today;
}
