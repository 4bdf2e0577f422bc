/**
 * @module Slow reference for the clause diff, for tests only (exported from `@essaim/core/testing`).
 * It follows the definitions literally: set differences for added/removed, field comparison for
 * changed, and the length of the longest common subsequence of the two id orders by the textbook
 * dynamic-programming table — so the number of moved clauses must equal |common| − LCS.
 */
import type { Clause } from './types';

export interface ReferenceDiff {
  added: string[];
  removed: string[];
  changed: string[];
  movedCount: number;
}

export function referenceClauseDiff(before: readonly Clause[], after: readonly Clause[]): ReferenceDiff {
  const beforeIds = before.map((c) => c.id);
  const afterIds = after.map((c) => c.id);
  const added = afterIds.filter((id) => !beforeIds.includes(id));
  const removed = beforeIds.filter((id) => !afterIds.includes(id));
  const changed: string[] = [];
  for (const b of after) {
    const a = before.find((x) => x.id === b.id);
    if (a) {
      const textA = a.text.normalize('NFC').trimEnd();
      const textB = b.text.normalize('NFC').trimEnd();
      const levelDiffers = a.kind === 'heading' && b.kind === 'heading' && a.level !== b.level;
      if (a.kind !== b.kind || levelDiffers || textA !== textB) {
        changed.push(b.id);
      }
    }
  }
  const x = beforeIds.filter((id) => afterIds.includes(id));
  const y = afterIds.filter((id) => beforeIds.includes(id));
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      lcs[i]![j] =
        x[i - 1] === y[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
    }
  }
  return { added, removed, changed, movedCount: x.length - lcs[x.length]![y.length]! };
}
