/**
 * Adjusted Rand index (Hubert & Arabie 1985): agreement between two partitions corrected for
 * chance, 1 for identical partitions, ≈ 0 for independent ones.
 *
 *   ARI = (Σᵢⱼ C(nᵢⱼ, 2) − E) / (½(Σᵢ C(aᵢ, 2) + Σⱼ C(bⱼ, 2)) − E),  E = Σᵢ C(aᵢ, 2)·Σⱼ C(bⱼ, 2) / C(n, 2)
 */

const choose2 = (x: number): number => (x * (x - 1)) / 2;

/** ARI between two labelings of the same items (labels are any strings or numbers). */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) {
    throw new Error('opinions/adjustedRandIndex: labelings differ in length');
  }
  const n = a.length;
  const pair = new Map<string, number>();
  const rowSum = new Map<string | number, number>();
  const colSum = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    pair.set(key, (pair.get(key) ?? 0) + 1);
    rowSum.set(a[i]!, (rowSum.get(a[i]!) ?? 0) + 1);
    colSum.set(b[i]!, (colSum.get(b[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const v of pair.values()) {
    index += choose2(v);
  }
  let sa = 0;
  let sb = 0;
  for (const v of rowSum.values()) {
    sa += choose2(v);
  }
  for (const v of colSum.values()) {
    sb += choose2(v);
  }
  const expected = n < 2 ? 0 : (sa * sb) / choose2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
