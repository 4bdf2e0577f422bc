/**
 * @module Additive answer sums per group of respondents, in one flat Float64Array.
 *
 * Every statistic a report shows (means, variances, distributions, Cronbach's alpha) is a
 * function of sums over respondents, so sums for a cut are the sum of the sums of its
 * disjoint groups (atoms). That makes 200 cuts over 100,000 respondents cheap: one pass over
 * the answers, then small vector additions.
 *
 * Per numeric item: count, Σx, Σx² of the scored value (reversed when needed), and a
 * histogram of raw answers. Per construct, over complete cases only (every numeric item of
 * the construct answered): n, Σs, Σs² of the respondent score s (mean of 0–100 item values),
 * Σ of the raw scored mean, ΣT, ΣT² of the 0–100 total T, per-item Σ and Σ² of 0–100 values
 * (for alpha), and a 5-band histogram of s.
 */
import type { Construct, Item } from './instrument';
import { MISSING_ANSWER, type ResponseMatrix } from './response-matrix';
import { SCALES } from './scales';

/** Where one numeric item's sums live inside a group block. */
export interface ItemSlot {
  readonly item: Item;
  readonly column: number;
  readonly min: number;
  readonly max: number;
  /** Offsets of count, Σx, Σx², then `max − min + 1` histogram cells. */
  readonly count: number;
  readonly sum: number;
  readonly squareSum: number;
  readonly histogram: number;
}

/** Where one construct's complete-case sums live inside a group block. */
export interface ConstructSlot {
  readonly construct: Construct;
  /** Matrix columns of the construct's numeric items. */
  readonly columns: readonly number[];
  readonly n: number;
  readonly scoreSum: number;
  readonly scoreSquareSum: number;
  readonly rawMeanSum: number;
  readonly totalSum: number;
  readonly totalSquareSum: number;
  /** k cells of Σ 0–100 values, then k cells of Σ squares. */
  readonly itemSums: number;
  readonly itemSquareSums: number;
  /** 5 cells: s in [0,20), [20,40), [40,60), [60,80), [80,100]. */
  readonly bands: number;
}

/** Positions of every sum inside a block of `stride` cells. */
export interface SumsLayout {
  readonly items: readonly ItemSlot[];
  readonly constructs: readonly ConstructSlot[];
  readonly stride: number;
}

/** Number of bands in construct score distributions. */
export const SCORE_BANDS = 5;

/** Lay out the sums for a matrix's numeric items and the constructs that have some. */
export function createSumsLayout(matrix: ResponseMatrix): SumsLayout {
  let cursor = 0;
  const take = (size: number) => {
    const start = cursor;
    cursor += size;
    return start;
  };
  const items: ItemSlot[] = matrix.numericItems.map((item, column) => {
    const { min, max } = SCALES[item.scale];
    return {
      item,
      column,
      min,
      max,
      count: take(1),
      sum: take(1),
      squareSum: take(1),
      histogram: take(max - min + 1),
    };
  });
  const constructs: ConstructSlot[] = [];
  for (const construct of matrix.instrument.constructs) {
    const columns = items.filter((slot) => slot.item.constructId === construct.id).map((slot) => slot.column);
    if (columns.length === 0) {
      continue;
    }
    constructs.push({
      construct,
      columns,
      n: take(1),
      scoreSum: take(1),
      scoreSquareSum: take(1),
      rawMeanSum: take(1),
      totalSum: take(1),
      totalSquareSum: take(1),
      itemSums: take(columns.length),
      itemSquareSums: take(columns.length),
      bands: take(SCORE_BANDS),
    });
  }
  return { items, constructs, stride: cursor };
}

/**
 * One pass over the answers: sums per group. `groupOf[r]` is respondent r's group, or −1 to skip.
 * @returns groupCount × layout.stride sums.
 */
export function accumulateSums(
  matrix: ResponseMatrix,
  layout: SumsLayout,
  groupOf: Int32Array,
  groupCount: number,
): Float64Array {
  const width = matrix.numericItems.length;
  const stride = layout.stride;
  const sums = new Float64Array(groupCount * stride);
  const mins = new Float64Array(width);
  const spans = new Float64Array(width);
  const mirrors = new Float64Array(width);
  const isReversed = new Uint8Array(width);
  for (const slot of layout.items) {
    mins[slot.column] = slot.min;
    spans[slot.column] = slot.max - slot.min;
    mirrors[slot.column] = slot.min + slot.max;
    isReversed[slot.column] = slot.item.isReverseScored === true ? 1 : 0;
  }
  const scored = new Float64Array(width);
  const normalised = new Float64Array(width);
  const values = matrix.values;
  for (let r = 0; r < matrix.respondentCount; r++) {
    const group = groupOf[r] ?? -1;
    if (group < 0) {
      continue;
    }
    const base = group * stride;
    const row = r * width;
    for (const slot of layout.items) {
      const c = slot.column;
      const raw = values[row + c] ?? MISSING_ANSWER;
      if (raw === MISSING_ANSWER) {
        scored[c] = Number.NaN;
        continue;
      }
      const x = isReversed[c] === 1 ? (mirrors[c] ?? 0) - raw : raw;
      scored[c] = x;
      const span = spans[c] ?? 0;
      normalised[c] = span === 0 ? 0 : (100 * (x - (mins[c] ?? 0))) / span;
      sums[base + slot.count] = (sums[base + slot.count] ?? 0) + 1;
      sums[base + slot.sum] = (sums[base + slot.sum] ?? 0) + x;
      sums[base + slot.squareSum] = (sums[base + slot.squareSum] ?? 0) + x * x;
      const cell = base + slot.histogram + raw - slot.min;
      sums[cell] = (sums[cell] ?? 0) + 1;
    }
    for (const slot of layout.constructs) {
      const k = slot.columns.length;
      let total = 0;
      let rawTotal = 0;
      let isComplete = true;
      for (let j = 0; j < k; j++) {
        const c = slot.columns[j] ?? 0;
        const x = scored[c] ?? Number.NaN;
        if (Number.isNaN(x)) {
          isComplete = false;
          break;
        }
        total += normalised[c] ?? 0;
        rawTotal += x;
      }
      if (!isComplete) {
        continue;
      }
      const score = total / k;
      sums[base + slot.n] = (sums[base + slot.n] ?? 0) + 1;
      sums[base + slot.scoreSum] = (sums[base + slot.scoreSum] ?? 0) + score;
      sums[base + slot.scoreSquareSum] = (sums[base + slot.scoreSquareSum] ?? 0) + score * score;
      sums[base + slot.rawMeanSum] = (sums[base + slot.rawMeanSum] ?? 0) + rawTotal / k;
      sums[base + slot.totalSum] = (sums[base + slot.totalSum] ?? 0) + total;
      sums[base + slot.totalSquareSum] = (sums[base + slot.totalSquareSum] ?? 0) + total * total;
      for (let j = 0; j < k; j++) {
        const v = normalised[slot.columns[j] ?? 0] ?? 0;
        sums[base + slot.itemSums + j] = (sums[base + slot.itemSums + j] ?? 0) + v;
        sums[base + slot.itemSquareSums + j] = (sums[base + slot.itemSquareSums + j] ?? 0) + v * v;
      }
      const band = base + slot.bands + Math.min(SCORE_BANDS - 1, Math.floor(score / (100 / SCORE_BANDS)));
      sums[band] = (sums[band] ?? 0) + 1;
    }
  }
  return sums;
}

/** Add the block of `group` in `source` into `target` (one block of `stride` cells). */
export function addGroupSums(
  target: Float64Array,
  source: Float64Array,
  group: number,
  stride: number,
): void {
  const base = group * stride;
  for (let i = 0; i < stride; i++) {
    target[i] = (target[i] ?? 0) + (source[base + i] ?? 0);
  }
}
