/**
 * Tiny dense helpers for the opinion maths: a cyclic Jacobi eigen-solver for small symmetric
 * matrices (Golub & Van Loan, "Matrix Computations", 4th ed., §8.5) and vector utilities.
 * The solver is O(n³) per sweep; it is used on 4×4 Rayleigh–Ritz blocks and by the dense
 * reference PCA that checks the sparse one in tests.
 */

/** Eigen-decomposition of a symmetric matrix, eigenvalues sorted in decreasing order. */
export interface SymmetricEigen {
  values: Float64Array;
  /** Column-major eigenvectors: vector i is vectors[i * n .. i * n + n - 1]. */
  vectors: Float64Array;
}

/**
 * Cyclic Jacobi rotations until the off-diagonal mass is negligible.
 *
 * @param a row-major n×n symmetric matrix (not modified)
 */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    v[i * n + i] = 1;
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = m[i * n + j]! * m[i * n + j]!;
        total += x;
        if (i !== j) {
          off += x;
        }
      }
    }
    if (off <= 1e-30 * Math.max(total, 1e-300)) {
      break;
    }
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        rotate(m, v, n, p, q);
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => m[y * n + y]! - m[x * n + x]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src]!;
    for (let k = 0; k < n; k++) {
      // v holds eigenvectors as columns (row k, column src).
      vectors[dst * n + k] = v[k * n + src]!;
    }
  });
  return { values, vectors };
}

function rotate(m: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = m[p * n + q]!;
  if (apq === 0) {
    return;
  }
  const app = m[p * n + p]!;
  const aqq = m[q * n + q]!;
  const theta = (aqq - app) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const mkp = m[k * n + p]!;
    const mkq = m[k * n + q]!;
    m[k * n + p] = c * mkp - s * mkq;
    m[k * n + q] = s * mkp + c * mkq;
  }
  for (let k = 0; k < n; k++) {
    const mpk = m[p * n + k]!;
    const mqk = m[q * n + k]!;
    m[p * n + k] = c * mpk - s * mqk;
    m[q * n + k] = s * mpk + c * mqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p]!;
    const vkq = v[k * n + q]!;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i]! * b[i]!;
  }
  return s;
}

/**
 * Fixes the arbitrary sign of an eigenvector so results are reproducible: the entry with the
 * largest magnitude becomes positive.
 */
export function canonicalSign(vector: Float64Array): void {
  let best = 0;
  for (let i = 1; i < vector.length; i++) {
    if (Math.abs(vector[i]!) > Math.abs(vector[best]!) + 1e-12) {
      best = i;
    }
  }
  if ((vector[best] ?? 0) < 0) {
    for (let i = 0; i < vector.length; i++) {
      vector[i] = -vector[i]!;
    }
  }
}
