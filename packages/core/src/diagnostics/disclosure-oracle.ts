/**
 * @module Exact brute-force check that shown cells expose no small group (test oracle).
 *
 * From sums over shown cells an attacker computes Σᵢ vᵢxᵢ for any v in the row space of the
 * shown incidence matrix M. A group T of fewer than k respondents is exposed iff some non-zero
 * v of that row space is supported inside T, iff rank(M without the columns of T) < rank(M).
 * The check uses exact integer (BigInt) elimination and tries every T of size k − 1, which by
 * monotonicity covers every smaller T, single respondents included.
 */

/** Rank over the rationals of an integer matrix (fraction-free elimination). */
export function exactRank(rows: readonly (readonly bigint[])[]): number {
  const m = rows.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let rank = 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    const pivot = m.findIndex((row, index) => index >= rank && row[col] !== 0n);
    if (pivot < 0) {
      continue;
    }
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    const p = m[rank]!;
    for (let r = 0; r < m.length; r++) {
      const row = m[r]!;
      if (r === rank || row[col] === 0n) {
        continue;
      }
      const factor = row[col]!;
      const pivotValue = p[col]!;
      for (let c = 0; c < width; c++) {
        row[c] = row[c]! * pivotValue - p[c]! * factor;
      }
      const divisor = row.reduce((g, v) => gcd(g, v < 0n ? -v : v), 0n);
      if (divisor > 1n) {
        for (let c = 0; c < width; c++) {
          row[c] = row[c]! / divisor;
        }
      }
    }
    rank++;
  }
  return rank;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function* subsetsOfSize(n: number, size: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let i = start; i < n; i++) {
    yield* subsetsOfSize(n, size, i + 1, [...prefix, i]);
  }
}

/**
 * Slow exact oracle: a group of fewer than k respondents whose answers (or a non-trivial
 * combination of them) follow from sums over the shown cells, or null when there is none.
 * Meant for tests and audits on small cases: it tries every group of size k − 1.
 */
export function findExposedGroup(shown: readonly Int32Array[], n: number, k: number): number[] | null {
  const distinct = new Map<string, bigint[]>();
  for (const members of shown) {
    const row = new Array<bigint>(n).fill(0n);
    for (const m of members) {
      row[m] = 1n;
    }
    distinct.set(row.join(','), row);
  }
  const rows = [...distinct.values()];
  if (rows.length === 0) {
    return null;
  }
  const fullRank = exactRank(rows);
  const size = Math.min(k - 1, n);
  for (const group of subsetsOfSize(n, size)) {
    const drop = new Set(group);
    const reduced = rows.map((row) => row.filter((_, c) => !drop.has(c)));
    const rank = reduced[0]!.length === 0 ? 0 : exactRank(reduced);
    if (rank < fullRank) {
      return group;
    }
  }
  return null;
}
