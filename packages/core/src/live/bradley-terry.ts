/**
 * @module Bradley–Terry ranking fitted by the MM algorithm.
 *
 * Model (Bradley & Terry 1952): P(i beats j) = γ_i / (γ_i + γ_j), γ_i > 0.
 * Log-likelihood of a win matrix w (w_ij = times i beat j):
 *   ℓ(γ) = Σ_{i≠j} w_ij [ln γ_i − ln(γ_i + γ_j)].
 * MM update (Hunter 2004, "MM algorithms for generalized Bradley-Terry models", Annals of
 * Statistics 32(1):384–406, eq. 3): with W_i = Σ_j w_ij wins and N_ij = w_ij + w_ji,
 *   γ_i ← W_i / Σ_{j≠i} N_ij / (γ_i + γ_j),
 * then rescale so that Σ γ = 1. Each step increases ℓ; the MLE exists and is unique iff the
 * "i beat j" digraph is strongly connected (Hunter's Assumption 1, after Ford 1957).
 *
 * Live data rarely satisfies that early on, so `prior` adds a pseudo-count α of wins in both
 * directions to every pair (a symmetric Bayesian-style smoothing that pulls strengths toward
 * equality and guarantees existence). α = 0 gives the plain MLE. Cost per iteration O(n²).
 * `./bradley-terry-reference.ts` holds a slow Newton MLE used as the test oracle.
 */

export interface BradleyTerryOptions {
  /** Pseudo-wins added to each ordered pair (default 0.1; 0 for the plain MLE). */
  readonly prior: number;
  /** Stop when no log-strength moves by more than this (default 1e-9). */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export const BRADLEY_TERRY_DEFAULTS: BradleyTerryOptions = {
  prior: 0.1,
  tolerance: 1e-9,
  maxIterations: 10_000,
};

export interface BradleyTerryFit {
  /** γ rescaled to sum to 1, in the input order. */
  readonly strengths: number[];
  readonly iterations: number;
  readonly isConverged: boolean;
}

/**
 * Fits Bradley–Terry strengths by MM.
 * @param wins n×n matrix, `wins[i][j]` = times item i was preferred to item j.
 * @example fitBradleyTerry([[0, 2], [1, 0]], { prior: 0 }).strengths // [2/3, 1/3]
 */
export function fitBradleyTerry(
  wins: readonly (readonly number[])[],
  options: Partial<BradleyTerryOptions> = {},
): BradleyTerryFit {
  const { prior, tolerance, maxIterations } = { ...BRADLEY_TERRY_DEFAULTS, ...options };
  const n = wins.length;
  if (n === 0) {
    return { strengths: [], iterations: 0, isConverged: true };
  }
  const w = (i: number, j: number): number => (i === j ? 0 : (wins[i]?.[j] ?? 0) + prior);
  const totalWins = Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      sum += w(i, j);
    }
    return sum;
  });
  const pairs = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => w(i, j) + w(j, i)));
  let gamma = new Array<number>(n).fill(1 / n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const next = new Array<number>(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let denominator = 0;
      const row = pairs[i]!;
      for (let j = 0; j < n; j++) {
        if (j !== i && row[j]! > 0) {
          denominator += row[j]! / (gamma[i]! + gamma[j]!);
        }
      }
      const value = denominator > 0 ? totalWins[i]! / denominator : gamma[i]!;
      next[i] = value;
      sum += value;
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] = next[i]! / sum;
      const before = gamma[i]!;
      const after = next[i]!;
      change = Math.max(
        change,
        before > 0 && after > 0 ? Math.abs(Math.log(after / before)) : Math.abs(after - before),
      );
    }
    gamma = next;
    if (change < tolerance) {
      return { strengths: gamma, iterations: iteration, isConverged: true };
    }
  }
  return { strengths: gamma, iterations: maxIterations, isConverged: false };
}
