/**
 * @module Clause-by-clause difference between two versions of a charter. Clauses are matched by their
 * stable id, never by position, so an edited clause is "changed" (not "removed + added") and a clause
 * dragged elsewhere is "moved". The moved set is the smallest one: the clauses kept in place form a
 * longest increasing subsequence of their old positions taken in the new order (LIS, patience sorting —
 * Schensted 1961; the same idea as Myers' and patience diff), so only the others are marked moved.
 */
import { normaliseText } from './hash';
import type { Clause } from './types';

export type ClauseChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ClauseDiffEntry {
  readonly id: string;
  readonly change: ClauseChange;
  /** The clause sits elsewhere relative to the clauses kept in place (may also be `changed`). */
  readonly moved: boolean;
  readonly before: Clause | null;
  readonly after: Clause | null;
}

export interface ClauseDiffSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly moved: number;
  readonly unchanged: number;
}

function sameContent(a: Clause, b: Clause): boolean {
  return (
    a.kind === b.kind &&
    (a.kind === 'heading' ? a.level === b.level : true) &&
    normaliseText(a.text) === normaliseText(b.text)
  );
}

/** Indices (into `values`) of one longest strictly increasing subsequence, O(n log n). */
export function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) {
    out.push(k);
  }
  return out.reverse();
}

/**
 * The entries in reading order of the new version; a removed clause appears right after the nearest
 * clause that preceded it in the old version and stayed in place (or first).
 */
export function diffClauses(before: readonly Clause[], after: readonly Clause[]): ClauseDiffEntry[] {
  const oldIndex = new Map(before.map((c, i) => [c.id, i]));
  const newIds = new Set(after.map((c) => c.id));
  const common = after.filter((c) => oldIndex.has(c.id));
  const kept = new Set(longestIncreasing(common.map((c) => oldIndex.get(c.id)!)).map((i) => common[i]!.id));

  const removedAfter = new Map<string | null, Clause[]>();
  let anchor: string | null = null;
  for (const c of before) {
    if (kept.has(c.id)) {
      anchor = c.id;
    } else if (!newIds.has(c.id)) {
      const list = removedAfter.get(anchor) ?? [];
      list.push(c);
      removedAfter.set(anchor, list);
    }
  }
  const removedEntries = (key: string | null): ClauseDiffEntry[] =>
    (removedAfter.get(key) ?? []).map((c) => ({
      id: c.id,
      change: 'removed',
      moved: false,
      before: c,
      after: null,
    }));

  const out: ClauseDiffEntry[] = removedEntries(null);
  for (const c of after) {
    const i = oldIndex.get(c.id);
    if (i === undefined) {
      out.push({ id: c.id, change: 'added', moved: false, before: null, after: c });
    } else {
      const old = before[i]!;
      out.push({
        id: c.id,
        change: sameContent(old, c) ? 'unchanged' : 'changed',
        moved: !kept.has(c.id),
        before: old,
        after: c,
      });
    }
    out.push(...removedEntries(c.id));
  }
  return out;
}

export function summariseDiff(entries: readonly ClauseDiffEntry[]): ClauseDiffSummary {
  const count = (change: ClauseChange) => entries.filter((e) => e.change === change).length;
  return {
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    moved: entries.filter((e) => e.moved).length,
  };
}

export interface WordSegment {
  readonly op: 'same' | 'add' | 'del';
  readonly text: string;
}

const MAX_WORD_TOKENS = 3000;

/** Words and the spaces between them, so joining the segments gives back each text exactly. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

/**
 * Word-level difference inside a changed clause (classic LCS table, Hunt–McIlroy 1976). Long texts
 * fall back to "all removed, all added" to keep the table small.
 */
export function diffWords(before: string, after: string): WordSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length > MAX_WORD_TOKENS || b.length > MAX_WORD_TOKENS) {
    return [
      ...(before ? [{ op: 'del' as const, text: before }] : []),
      ...(after ? [{ op: 'add' as const, text: after }] : []),
    ];
  }
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] =
        a[i] === b[j]
          ? table[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const out: WordSegment[] = [];
  const push = (op: WordSegment['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) {
      out[out.length - 1] = { op, text: last.text + text };
    } else {
      out.push({ op, text });
    }
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) {
      push('del', a[i++]!);
    } else {
      push('add', b[j++]!);
    }
  }
  while (i < n) {
    push('del', a[i++]!);
  }
  while (j < m) {
    push('add', b[j++]!);
  }
  return out;
}
