/**
 * Routing priority for the next statement shown to a participant, as published by Polis
 * (`math/src/polismath/math/conversation.clj`, `importance-metric` and `priority-metric`;
 * Small et al. 2021 §3.4 "comment routing").
 *
 *   a = (A + 1) / (S + 2)            agreement rate with pseudocounts
 *   p = (P + 1) / (S + 2)            pass rate with pseudocounts
 *   importance = (1 − p) · (E + 1) · a
 *   priority = (importance · (1 + 8 · 2^(−S/5)))²,   or 7² for meta statements
 *
 * A, P, S are the agree, pass and seen counts summed over the opinion groups and E the
 * statement's extremity in the PCA map. (E + 1) favours divisive statements, the 2^(−S/5) term
 * lets new, under-voted statements bubble up, and squaring deepens the bias. The Polis server
 * then draws the next statement at random with probability proportional to priority among
 * those the participant has not voted on; {@link pickNextStatement} does the same with a seed.
 */

import type { Rng } from '../rng';

/** Polis meta statements get this constant priority before squaring. */
export const META_PRIORITY = 7;

export function computeImportance(agree: number, pass: number, seen: number, extremity: number): number {
  const p = (pass + 1) / (seen + 2);
  const a = (agree + 1) / (seen + 2);
  return (1 - p) * (extremity + 1) * a;
}

export function computePriority(
  agree: number,
  pass: number,
  seen: number,
  extremity: number,
  isMeta = false,
): number {
  const base = isMeta
    ? META_PRIORITY
    : computeImportance(agree, pass, seen, extremity) * (1 + 8 * 2 ** (-seen / 5));
  return base * base;
}

/** Anything with a statement id and a routing priority (e.g. `StatementStats`). */
export interface Prioritised {
  statement: string;
  priority: number;
}

/**
 * Statements the participant has not voted on, highest priority first.
 *
 * @example
 * rankNextStatements(analysis.statements, new Set(['3', '7']))[0]?.statement;
 */
export function rankNextStatements<T extends Prioritised>(
  statements: readonly T[],
  voted: ReadonlySet<string>,
): T[] {
  return statements
    .filter((s) => !voted.has(s.statement) && s.priority > 0)
    .sort((a, b) => b.priority - a.priority);
}

/** Draws the next statement with probability ∝ priority (Polis routing); null when none is left. */
export function pickNextStatement(
  statements: readonly Prioritised[],
  voted: ReadonlySet<string>,
  rng: Rng,
): string | null {
  const open = statements.filter((s) => !voted.has(s.statement) && s.priority > 0);
  const total = open.reduce((sum, s) => sum + s.priority, 0);
  let target = rng() * total;
  for (const s of open) {
    target -= s.priority;
    if (target < 0) {
      return s.statement;
    }
  }
  return open.at(-1)?.statement ?? null;
}
