/**
 * @module Validate one respondent's answers against an instrument version.
 */
import type { Result } from './build-instrument';
import type { Instrument } from './instrument';
import { MAX_OPEN_TEXT_LENGTH, SCALES } from './scales';

/** An answer as received: a number for numeric scales, a string for open text. */
export type RawAnswer = number | string | boolean | null;

/** One respondent's answers to one instrument version. */
export interface Submission {
  /** Instrument id the respondent answered. */
  readonly instrumentId: string;
  /** Instrument version the respondent answered. */
  readonly instrumentVersion: string;
  /** Answers keyed by item id; skipped items are absent or null. */
  readonly answers: Readonly<Record<string, RawAnswer | undefined>>;
}

/** A submission that passed validation: numbers and trimmed, non-empty texts only. */
export interface ValidSubmission {
  readonly numeric: Readonly<Record<string, number>>;
  readonly text: Readonly<Record<string, string>>;
}

/** Why a submission is rejected. */
export interface SubmissionError {
  readonly code:
    | 'wrong-instrument'
    | 'unknown-item'
    | 'missing-required'
    | 'not-a-number'
    | 'not-an-integer'
    | 'out-of-range'
    | 'not-text'
    | 'text-too-long';
  readonly itemId?: string;
  readonly message: string;
}

/**
 * Validate answers: item ids known, numeric answers integers within the scale, required items
 * present, texts within {@link MAX_OPEN_TEXT_LENGTH}. Yes/no also accepts booleans.
 * @example validateSubmission(ESSAIM_IC_PULSE, submission) // { ok: true, value: { numeric, text } }
 */
export function validateSubmission(
  instrument: Instrument,
  submission: Submission,
): Result<ValidSubmission, SubmissionError> {
  const errors: SubmissionError[] = [];
  if (submission.instrumentId !== instrument.id || submission.instrumentVersion !== instrument.version) {
    errors.push({
      code: 'wrong-instrument',
      message: `expected ${instrument.id}@${instrument.version}, got ${submission.instrumentId}@${submission.instrumentVersion}`,
    });
  }
  const itemsById = new Map(instrument.items.map((item) => [item.id, item]));
  for (const itemId of Object.keys(submission.answers)) {
    if (!itemsById.has(itemId)) {
      errors.push({ code: 'unknown-item', itemId, message: `item "${itemId}" is not in this instrument` });
    }
  }
  const numeric: Record<string, number> = {};
  const text: Record<string, string> = {};
  for (const item of instrument.items) {
    const raw = Object.hasOwn(submission.answers, item.id) ? submission.answers[item.id] : undefined;
    const scale = SCALES[item.scale];
    const isBlank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (isBlank) {
      if (item.isOptional !== true) {
        errors.push({ code: 'missing-required', itemId: item.id, message: `item "${item.id}" is required` });
      }
      continue;
    }
    if (scale.kind === 'text') {
      if (typeof raw !== 'string') {
        errors.push({ code: 'not-text', itemId: item.id, message: `item "${item.id}" expects text` });
      } else if (raw.length > MAX_OPEN_TEXT_LENGTH) {
        errors.push({ code: 'text-too-long', itemId: item.id, message: `item "${item.id}" is too long` });
      } else {
        text[item.id] = raw.trim();
      }
      continue;
    }
    const value = typeof raw === 'boolean' && item.scale === 'yesno' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ code: 'not-a-number', itemId: item.id, message: `item "${item.id}" expects a number` });
    } else if (!Number.isInteger(value)) {
      errors.push({
        code: 'not-an-integer',
        itemId: item.id,
        message: `item "${item.id}" expects an integer`,
      });
    } else if (value < scale.min || value > scale.max) {
      errors.push({
        code: 'out-of-range',
        itemId: item.id,
        message: `item "${item.id}" expects ${scale.min}–${scale.max}, got ${value}`,
      });
    } else {
      numeric[item.id] = value;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { numeric, text } };
}
