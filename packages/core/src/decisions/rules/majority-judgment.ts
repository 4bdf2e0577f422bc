/**
 * @module Majority judgment.
 *
 * Source: M. Balinski & R. Laraki, "A theory of measuring, electing, and ranking", PNAS 104(21), 2007,
 * and "Majority Judgment: Measuring, Ranking, and Electing" (MIT Press, 2010). Every voter grades every
 * option on a common scale (here 0 = worst … G−1 = best; an ungraded option gets the worst grade, as
 * the authors recommend). An option's majority grade is its lower median: with n grades sorted
 * ascending, the grade at index ⌊(n−1)/2⌋. Ties are broken by the majority value: remove one copy of
 * the majority grade from each tied option and compare the new majority grades, repeating until they
 * differ (§ "the majority ranking"); options whose whole sequences agree stay tied.
 *
 * {@link majorityJudgment} works on grade histograms (O(G) per removal); the tests compare it with a
 * slow reference that sorts and splices arrays.
 */

/** Majority grade (lower median) of a histogram, or -1 when empty. */
function lowerMedianOfHistogram(hist: readonly number[], n: number): number {
  if (n === 0) {
    return -1;
  }
  const target = Math.floor((n - 1) / 2);
  let seen = 0;
  for (let g = 0; g < hist.length; g++) {
    seen += hist[g]!;
    if (seen > target) {
      return g;
    }
  }
  return -1;
}

/** The majority value: the sequence of successive lower medians as grades are removed one by one. */
export function majorityValue(grades: readonly number[], gradeCount: number): number[] {
  const hist = new Array<number>(gradeCount).fill(0);
  for (const g of grades) {
    hist[g]!++;
  }
  const out: number[] = [];
  for (let n = grades.length; n > 0; n--) {
    const m = lowerMedianOfHistogram(hist, n);
    out.push(m);
    hist[m]!--;
  }
  return out;
}

function compareValues(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return b[i]! - a[i]!;
    }
  }
  return 0;
}

export interface MajorityJudgmentRow {
  readonly optionId: string;
  readonly majorityGrade: number;
  /** 1-based rank; tied options share a rank. */
  readonly rank: number;
}

/**
 * @param ballots one record per voter: option id → grade (missing = worst grade 0).
 * @example majorityJudgment(['a','b'], [{a:3,b:1},{a:2,b:2},{a:0,b:3}], 4)[0].optionId // 'a' (median 2 vs 2, then …)
 */
export function majorityJudgment(
  optionIds: readonly string[],
  ballots: readonly Readonly<Record<string, number>>[],
  gradeCount: number,
): MajorityJudgmentRow[] {
  const values = optionIds.map((id) => {
    const grades = ballots.map((b) => (Object.hasOwn(b, id) ? b[id]! : 0));
    return { optionId: id, value: majorityValue(grades, gradeCount) };
  });
  const sorted = [...values].sort((x, y) => compareValues(x.value, y.value));
  const rows: MajorityJudgmentRow[] = [];
  sorted.forEach((v, i) => {
    const previous = sorted[i - 1];
    const rank = previous && compareValues(previous.value, v.value) === 0 ? rows[i - 1]!.rank : i + 1;
    rows.push({ optionId: v.optionId, majorityGrade: v.value[0] ?? -1, rank });
  });
  return rows;
}
