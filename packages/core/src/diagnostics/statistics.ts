/**
 * @module Small statistics kit working from sufficient statistics (counts, sums, sums of squares).
 *
 * Every estimator takes sums rather than raw arrays so that per-cut aggregates can be added up
 * cheaply and nothing individual has to leave the aggregation step.
 *
 * - Sample variance: s² = (Σx² − (Σx)²/n) / (n − 1).
 * - Cronbach's alpha (Cronbach 1951, Psychometrika 16(3):297–334):
 *   α = k/(k−1) · (1 − Σᵢ s²ᵢ / s²_T), with k items and T the per-respondent item total,
 *   computed on complete cases.
 * - Welch's unequal-variance interval (Welch 1947, Biometrika 34(1–2):28–35):
 *   Δ = m₂ − m₁, se = √(s²₁/n₁ + s²₂/n₂), ν = se⁴ / ((s²₁/n₁)²/(n₁−1) + (s²₂/n₂)²/(n₂−1)),
 *   CI = Δ ± t₀.₉₇₅,ν · se.
 * - Student t quantiles come from the regularised incomplete beta function (continued fraction,
 *   Press et al., Numerical Recipes §6.4), inverted by bisection.
 */

/** Unbiased sample variance from n, Σx and Σx²; NaN when n < 2. */
export function varianceFromSums(n: number, sum: number, sumSquares: number): number {
  if (n < 2) {
    return Number.NaN;
  }
  const value = (sumSquares - (sum * sum) / n) / (n - 1);
  // Rounding can push a zero variance slightly below 0.
  return Math.max(0, value);
}

/** Sufficient statistics for Cronbach's alpha over complete cases. */
export interface AlphaSums {
  /** Number of complete cases. */
  readonly n: number;
  /** Σx per item. */
  readonly itemSums: ArrayLike<number>;
  /** Σx² per item. */
  readonly itemSquareSums: ArrayLike<number>;
  /** Σ T, T being the respondent's total over the items. */
  readonly totalSum: number;
  /** Σ T². */
  readonly totalSquareSum: number;
}

/**
 * Cronbach's alpha; null when undefined (fewer than 2 items or 2 cases, or no total variance).
 * @example cronbachAlphaFromSums({ n: 4, itemSums: [...], ... }) // 0.8
 */
export function cronbachAlphaFromSums(sums: AlphaSums): number | null {
  const k = sums.itemSums.length;
  if (k < 2 || sums.n < 2) {
    return null;
  }
  let itemVariance = 0;
  for (let i = 0; i < k; i++) {
    itemVariance += varianceFromSums(sums.n, sums.itemSums[i] ?? 0, sums.itemSquareSums[i] ?? 0);
  }
  const totalVariance = varianceFromSums(sums.n, sums.totalSum, sums.totalSquareSum);
  if (!(totalVariance > 0)) {
    return null;
  }
  return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}

/** Cronbach's alpha from a respondents × items matrix of complete answers (reference oracle). */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const k = rows[0]?.length ?? 0;
  const itemSums = new Float64Array(k);
  const itemSquareSums = new Float64Array(k);
  let totalSum = 0;
  let totalSquareSum = 0;
  for (const row of rows) {
    let total = 0;
    for (let i = 0; i < k; i++) {
      const x = row[i] ?? 0;
      itemSums[i] = (itemSums[i] ?? 0) + x;
      itemSquareSums[i] = (itemSquareSums[i] ?? 0) + x * x;
      total += x;
    }
    totalSum += total;
    totalSquareSum += total * total;
  }
  return cronbachAlphaFromSums({ n: rows.length, itemSums, itemSquareSums, totalSum, totalSquareSum });
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.61503916999186,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) {
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = c[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) {
    a += (c[i] ?? 0) / (z + i);
  }
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) {
      break;
    }
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) {
    return 0;
  }
  if (x >= 1) {
    return 1;
  }
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Student t cumulative distribution function with ν degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Student t quantile for probability p in (0.5, 1), by bisection on the CDF.
 * @example studentTQuantile(0.975, 10) // ≈ 2.228
 */
export function studentTQuantile(p: number, df: number): number {
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p && high < 1e7) {
    high *= 2;
  }
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return (low + high) / 2;
}

/** Summary of one sample: size, mean and sample variance. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/** Welch difference of means (after − before) with its 95% confidence interval. */
export interface WelchInterval {
  readonly delta: number;
  readonly standardError: number;
  readonly degreesOfFreedom: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Welch (1947) 95% interval for after.mean − before.mean; null when either n < 2.
 * When both variances are 0 the interval collapses to the observed difference.
 */
export function welchInterval(
  before: SampleSummary,
  after: SampleSummary,
  level = 0.95,
): WelchInterval | null {
  if (before.n < 2 || after.n < 2) {
    return null;
  }
  const a = before.variance / before.n;
  const b = after.variance / after.n;
  const delta = after.mean - before.mean;
  const standardError = Math.sqrt(a + b);
  if (standardError === 0) {
    return { delta, standardError, degreesOfFreedom: before.n + after.n - 2, low: delta, high: delta };
  }
  const degreesOfFreedom = (a + b) ** 2 / (a ** 2 / (before.n - 1) + b ** 2 / (after.n - 1));
  const t = studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom);
  return {
    delta,
    standardError,
    degreesOfFreedom,
    low: delta - t * standardError,
    high: delta + t * standardError,
  };
}
