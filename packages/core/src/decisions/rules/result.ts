/** What every rule evaluator answers: an outcome, the codes that explain it, and warnings. */
export type RuleOutcome = 'passed' | 'rejected' | 'pending';

export interface RuleResult {
  readonly outcome: RuleOutcome;
  /** Stable codes saying why (translated by the screens), e.g. `OPEN_OBJECTION`, `NO_QUORUM`. */
  readonly reasons: readonly string[];
  /** Stable codes for what the group should look at, e.g. `MANY_STAND_ASIDES`. */
  readonly warnings: readonly string[];
}

export function result(outcome: RuleOutcome, reasons: string[] = [], warnings: string[] = []): RuleResult {
  return { outcome, reasons, warnings };
}

/** A reason is required (objections, blocks, low fists): at least one non-blank character. */
export function hasReason(reason: string | null | undefined): boolean {
  return typeof reason === 'string' && reason.trim().length > 0;
}
