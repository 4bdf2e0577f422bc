/**
 * Slow dense reference PCA (the "oracle" of style principle 6). It densifies the mean-imputed,
 * centred matrix, forms the full covariance X̃ᵀX̃ (O(n·m²)) and diagonalises it with Jacobi
 * (O(m³)). Only meant for tests on small matrices: it shares no iteration code with
 * {@link computeSparsePca}, so agreement between the two is meaningful.
 */

import { canonicalSign, symmetricEigen } from './linear-algebra';
import type { PcaResult } from './pca';
import type { VoteMatrix } from './vote-matrix';

export function computeDensePca(m: VoteMatrix, excluded?: Uint8Array): PcaResult {
  const nRows = m.participants.length;
  const nCols = m.statements.length;
  const dense: (number | null)[][] = Array.from({ length: nRows }, () => new Array(nCols).fill(null));
  for (let r = 0; r < nRows; r++) {
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) {
      dense[r]![m.column[k]!] = m.value[k]!;
    }
  }
  const center = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    const cast = dense.map((row) => row[j]).filter((v): v is number => v !== null);
    center[j] = excluded?.[j] || cast.length === 0 ? 0 : cast.reduce((a, b) => a + b, 0) / cast.length;
  }
  // Impute the column mean, then centre: imputed cells become exactly zero.
  const x = dense.map((row) => row.map((v, j) => (excluded?.[j] ? 0 : (v ?? center[j]!) - center[j]!)));
  const cov = new Float64Array(nCols * nCols);
  for (const row of x) {
    for (let a = 0; a < nCols; a++) {
      for (let b = 0; b < nCols; b++) {
        cov[a * nCols + b]! += row[a]! * row[b]!;
      }
    }
  }
  const eig = symmetricEigen(cov, nCols);
  const c1 = eig.vectors.slice(0, nCols);
  const c2 = eig.vectors.slice(nCols, 2 * nCols);
  canonicalSign(c1);
  canonicalSign(c2);
  return {
    center,
    components: [c1, c2],
    eigenvalues: [eig.values[0] ?? 0, eig.values[1] ?? 0],
    iterations: 0,
  };
}
