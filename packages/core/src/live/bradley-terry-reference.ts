/**
 * @module Slow reference Bradley–Terry MLE (test oracle for the MM fit).
 *
 * Maximises ℓ(θ) = Σ_{i≠j} w_ij [θ_i − ln(e^{θ_i} + e^{θ_j})] directly by damped Newton steps on
 * θ = ln γ with θ_0 fixed at 0: gradient g_i = W_i − Σ_j N_ij p_ij, Hessian
 * H_ii = −Σ_j N_ij p_ij p_ji, H_ij = N_ij p_ij p_ji, with p_ij = e^{θ_i}/(e^{θ_i}+e^{θ_j}).
 * Dense O(n³) per step with Gaussian elimination: fine for the tiny data sets of the tests only.
 */

function logLikelihood(theta: readonly number[], wins: readonly (readonly number[])[]): number {
  let sum = 0;
  theta.forEach((ti, i) => {
    theta.forEach((tj, j) => {
      const w = wins[i]?.[j] ?? 0;
      if (i !== j && w > 0) {
        sum += w * (ti - Math.log(Math.exp(ti) + Math.exp(tj)));
      }
    });
  });
  return sum;
}

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) {
        pivot = row;
      }
    }
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < n; row++) {
      if (row !== col) {
        const factor = a[row]![col]! / a[col]![col]!;
        for (let k = col; k <= n; k++) {
          a[row]![k]! -= factor * a[col]![k]!;
        }
      }
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** Plain MLE strengths (sum 1) for strongly connected data. */
export function referenceBradleyTerry(wins: readonly (readonly number[])[]): number[] {
  const n = wins.length;
  let theta = new Array<number>(n).fill(0);
  for (let step = 0; step < 200; step++) {
    const p = (i: number, j: number) => 1 / (1 + Math.exp(theta[j]! - theta[i]!));
    const gradient: number[] = [];
    const hessian: number[][] = [];
    for (let i = 1; i < n; i++) {
      let g = 0;
      const row: number[] = [];
      let diagonal = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) {
          continue;
        }
        const nij = (wins[i]?.[j] ?? 0) + (wins[j]?.[i] ?? 0);
        g += (wins[i]?.[j] ?? 0) - nij * p(i, j);
        diagonal -= nij * p(i, j) * p(j, i);
      }
      for (let j = 1; j < n; j++) {
        const nij = (wins[i]?.[j] ?? 0) + (wins[j]?.[i] ?? 0);
        row.push(j === i ? diagonal : nij * p(i, j) * p(j, i));
      }
      gradient.push(g);
      hessian.push(row);
    }
    const delta = solve(hessian, gradient);
    let scale = 1;
    const before = logLikelihood(theta, wins);
    let candidate = theta;
    while (scale > 1e-8) {
      candidate = theta.map((t, i) => (i === 0 ? t : t - scale * delta[i - 1]!));
      if (logLikelihood(candidate, wins) >= before) {
        break;
      }
      scale /= 2;
    }
    const moved = Math.max(...candidate.map((t, i) => Math.abs(t - theta[i]!)));
    theta = candidate;
    if (moved < 1e-13) {
      break;
    }
  }
  const exp = theta.map(Math.exp);
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((x) => x / total);
}
