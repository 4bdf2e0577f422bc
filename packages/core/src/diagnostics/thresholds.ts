/**
 * @module Confidentiality thresholds: configurable upward only.
 *
 * Defaults follow common practice in people surveys (see docs/diagnostics.md): a score needs at
 * least 5 respondents, open text at least 10. A caller may ask for more, never for less; any
 * lower, missing or non-finite value silently becomes the floor.
 */

/** Smallest group whose scores may ever be shown. */
export const MIN_RESPONDENTS_FLOOR = 5;
/** Smallest group whose open answers may ever be shown. */
export const MIN_OPEN_TEXT_FLOOR = 10;
/**
 * Smallest group shown when some of its members declared their own membership (shared link):
 * anyone holding the link can add answers they know, so a cell of 5 could hide one real person
 * behind 4 scripted ones (docs/diagnostics.md, "Threat model").
 */
export const MIN_SELF_DECLARED_FLOOR = 10;

/** Resolved thresholds. */
export interface Thresholds {
  /** Minimum respondents for any score (≥ 5). */
  readonly minRespondents: number;
  /** Minimum answers for open text (≥ 10). */
  readonly minOpenText: number;
  /** Minimum respondents for a cell holding any self-declared member (≥ 10, ≥ minRespondents). */
  readonly minSelfDeclared: number;
}

function atLeast(value: number | undefined, floor: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(floor, Math.ceil(value)) : floor;
}

/**
 * Clamp requested thresholds to the floors.
 * @example resolveThresholds({ minRespondents: 3 }) // { minRespondents: 5, minOpenText: 10, minSelfDeclared: 10 }
 */
export function resolveThresholds(requested: Partial<Thresholds> = {}): Thresholds {
  const minRespondents = atLeast(requested.minRespondents, MIN_RESPONDENTS_FLOOR);
  return {
    minRespondents,
    minOpenText: atLeast(requested.minOpenText, MIN_OPEN_TEXT_FLOOR),
    minSelfDeclared: atLeast(requested.minSelfDeclared, Math.max(MIN_SELF_DECLARED_FLOOR, minRespondents)),
  };
}
