/** @module Stable React keys for append-only text lists. */
/** Stable React keys for append-only text lists (same text twice gets `#2`). */
export function keyed<T>(list: readonly T[], textOf: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return list.map((item) => {
    const text = textOf(item);
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return { key: `${text}#${n}`, item };
  });
}
