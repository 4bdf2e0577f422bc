/**
 * @module Small helpers shared by the live reducers: safe record reads, rejections, text checks.
 */
import type { BodyDecision, RejectionCode } from './model';
import { ID_PATTERN } from './model';

/** Own property of a record, never an inherited one (`constructor`, `toString`…). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A rejection, typed for any event body. */
export function reject<E = never>(code: RejectionCode, message: string): BodyDecision<E> {
  return { ok: false, code, message };
}

/** A successful decision holding the given event bodies. */
export function accept<E>(...events: E[]): BodyDecision<E> {
  return { ok: true, events };
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Trimmed text when 1..max characters long, otherwise `null`. */
export function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  return text.length >= 1 && text.length <= max ? text : null;
}

export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Plain deep copy of JSON data; used to build the immutable API and redacted snapshots. */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(cloneData) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      out[key] = cloneData((value as Record<string, unknown>)[key]);
    }
    return out as T;
  }
  return value;
}

/** Adds `delta` to a numeric record entry, deleting it when it reaches zero. */
export function bump(record: Record<string, number>, key: string, delta: number): void {
  const next = (own(record, key) ?? 0) + delta;
  if (next === 0) {
    delete record[key];
  } else {
    record[key] = next;
  }
}
