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

/** Resolved thresholds. */
export interface Thresholds {
  /** Minimum respondents for any score (≥ 5). */
  readonly minRespondents: number;
  /** Minimum answers for open text (≥ 10). */
  readonly minOpenText: number;
}

function atLeast(value: number | undefined, floor: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(floor, Math.ceil(value)) : floor;
}

/**
 * Clamp requested thresholds to the floors.
 * @example resolveThresholds({ minRespondents: 3 }) // { minRespondents: 5, minOpenText: 10 }
 */
export function resolveThresholds(requested: Partial<Thresholds> = {}): Thresholds {
  return {
    minRespondents: atLeast(requested.minRespondents, MIN_RESPONDENTS_FLOOR),
    minOpenText: atLeast(requested.minOpenText, MIN_OPEN_TEXT_FLOOR),
  };
}
