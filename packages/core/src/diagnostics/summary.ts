/**
 * @module Turn one block of answer sums into item and construct results.
 *
 * Construct score: mean over complete cases of s = mean of the items' 0–100 values after
 * reverse scoring (x' = min + max − x, then 100 · (x' − min)/(max − min)). The raw mean is the
 * same on the items' own scale. Cronbach's alpha uses the 0–100 values, which equals alpha on
 * raw values whenever the items share a scale (alpha is invariant to a common linear rescaling).
 */
import { SCORE_BANDS, type SumsLayout } from './answer-sums';
import type { ConstructFamily } from './instrument';
import { cronbachAlphaFromSums, varianceFromSums } from './statistics';

/** Result for one numeric item. */
export interface ItemResult {
  readonly itemId: string;
  readonly constructId: string;
  /** Respondents who answered. */
  readonly n: number;
  /** Mean after reverse scoring, on the item's scale. */
  readonly rawMean: number;
  /** Mean after reverse scoring, on 0–100. */
  readonly score: number;
  /** Raw answer counts (before reversing), one per scale point from min to max. */
  readonly distribution: readonly { readonly value: number; readonly count: number }[];
}

/** Result for one construct. */
export interface ConstructResult {
  readonly constructId: string;
  readonly family: ConstructFamily;
  /** Complete cases (respondents who answered every numeric item of the construct). */
  readonly n: number;
  /** Mean 0–100 score. */
  readonly score: number;
  /** Mean on the items' own scale, after reverse scoring. */
  readonly rawMean: number;
  /** Sample standard deviation of respondent scores (0–100); NaN when n < 2. */
  readonly standardDeviation: number;
  /** Cronbach's alpha with its n and item count; value null when undefined. */
  readonly alpha: { readonly value: number | null; readonly n: number; readonly itemCount: number };
  /** Respondent scores in 5 bands of 20 points. */
  readonly bands: readonly number[];
}

/** Item and construct results for one group of respondents. */
export interface DiagnosticSummary {
  readonly items: readonly ItemResult[];
  readonly constructs: readonly ConstructResult[];
}

/** Summarise one block of sums (at `offset` in `sums`). Empty items/constructs get NaN means. */
export function summariseSums(layout: SumsLayout, sums: Float64Array, offset = 0): DiagnosticSummary {
  const at = (index: number) => sums[offset + index] ?? 0;
  const items = layout.items.map((slot): ItemResult => {
    const n = at(slot.count);
    const rawMean = n > 0 ? at(slot.sum) / n : Number.NaN;
    const span = slot.max - slot.min;
    const distribution = [];
    for (let value = slot.min; value <= slot.max; value++) {
      distribution.push({ value, count: at(slot.histogram + value - slot.min) });
    }
    return {
      itemId: slot.item.id,
      constructId: slot.item.constructId,
      n,
      rawMean,
      score: span === 0 ? Number.NaN : (100 * (rawMean - slot.min)) / span,
      distribution,
    };
  });
  const constructs = layout.constructs.map((slot): ConstructResult => {
    const n = at(slot.n);
    const k = slot.columns.length;
    const itemSums = new Float64Array(k);
    const itemSquareSums = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      itemSums[j] = at(slot.itemSums + j);
      itemSquareSums[j] = at(slot.itemSquareSums + j);
    }
    const alpha = cronbachAlphaFromSums({
      n,
      itemSums,
      itemSquareSums,
      totalSum: at(slot.totalSum),
      totalSquareSum: at(slot.totalSquareSum),
    });
    const bands = [];
    for (let b = 0; b < SCORE_BANDS; b++) {
      bands.push(at(slot.bands + b));
    }
    return {
      constructId: slot.construct.id,
      family: slot.construct.family,
      n,
      score: n > 0 ? at(slot.scoreSum) / n : Number.NaN,
      rawMean: n > 0 ? at(slot.rawMeanSum) / n : Number.NaN,
      standardDeviation: Math.sqrt(varianceFromSums(n, at(slot.scoreSum), at(slot.scoreSquareSum))),
      alpha: { value: alpha, n, itemCount: k },
      bands,
    };
  });
  return { items, constructs };
}
