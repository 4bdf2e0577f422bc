/**
 * @module Columnar storage of validated answers: one byte per numeric answer, texts apart.
 *
 * Numeric answers never exceed 10, so a Uint8Array of respondents × numeric items (row-major)
 * holds 100,000 × 45 answers in 4.5 MB. {@link MISSING_ANSWER} marks a skipped item.
 */
import type { Instrument, Item } from './instrument';
import { isNumericScale } from './scales';
import type { ValidSubmission } from './submission';

/** Byte value standing for "no answer". */
export const MISSING_ANSWER = 255;

/** Validated answers of one campaign in typed arrays. */
export interface ResponseMatrix {
  readonly instrument: Instrument;
  /** Numeric items in column order. */
  readonly numericItems: readonly Item[];
  /** Open-text items. */
  readonly textItems: readonly Item[];
  readonly respondentCount: number;
  /** respondentCount × numericItems.length raw answers, row-major; MISSING_ANSWER when skipped. */
  readonly values: Uint8Array;
  /** For each text item, one answer per respondent ('' when skipped). */
  readonly texts: readonly (readonly string[])[];
}

/** Allocate an empty matrix (every answer missing) for `respondentCount` respondents. */
export function createResponseMatrix(instrument: Instrument, respondentCount: number): ResponseMatrix {
  const numericItems = instrument.items.filter((item) => isNumericScale(item.scale));
  const textItems = instrument.items.filter((item) => !isNumericScale(item.scale));
  const values = new Uint8Array(respondentCount * numericItems.length).fill(MISSING_ANSWER);
  const texts = textItems.map(() => new Array<string>(respondentCount).fill(''));
  return { instrument, numericItems, textItems, respondentCount, values, texts };
}

/**
 * Pack validated submissions (see validateSubmission) into a matrix, in the given order.
 * @example const matrix = buildResponseMatrix(ESSAIM_IC, valid);
 */
export function buildResponseMatrix(
  instrument: Instrument,
  submissions: readonly ValidSubmission[],
): ResponseMatrix {
  const matrix = createResponseMatrix(instrument, submissions.length);
  const width = matrix.numericItems.length;
  submissions.forEach((submission, row) => {
    matrix.numericItems.forEach((item, column) => {
      const value = submission.numeric[item.id];
      if (value !== undefined) {
        matrix.values[row * width + column] = value;
      }
    });
    matrix.textItems.forEach((item, column) => {
      const texts = matrix.texts[column] as string[];
      texts[row] = submission.text[item.id] ?? '';
    });
  });
  return matrix;
}
