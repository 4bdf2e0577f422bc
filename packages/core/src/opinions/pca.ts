/**
 * Sparse PCA with missing votes, following Polis (`math/src/polismath/math/pca.clj`,
 * `conversation.clj`, compdemocracy/polis; Small et al. 2021, "Polis: Scaling deliberation by
 * mapping high dimensional opinion spaces", §3.2).
 *
 * Imputation. A missing vote is replaced by its column mean μⱼ (mean of the cast votes). After
 * centring, the imputed cell is exactly 0, so the centred matrix X̃ keeps the sparsity pattern of
 * the votes: X̃ᵢⱼ = vᵢⱼ − μⱼ where voted, 0 elsewhere. Moderated-out statements are zeroed
 * (Polis `zero-out-columns`): μⱼ = 0 and the column carries no variance.
 *
 * Components. Polis runs power iteration on X̃ᵀX̃ (`xtxr`, `power-iteration`) and deflates by
 * Gram–Schmidt (`factor-matrix`). We compute the same two leading eigenvectors with block power
 * (subspace) iteration plus Rayleigh–Ritz on a 4-vector block: each step evaluates
 * X̃ᵀ(X̃V) row by row over the non-zeros only (O(nnz) per step, never densified), then
 * re-orthonormalises. Two guard vectors make convergence depend on λ₅/λ₂ instead of λ₂/λ₁.
 *
 * Projection (Polis `sparsity-aware-project-ptpt`). Participant i is projected using only the
 * cells they voted: pᵢ = Σⱼ∈voted(i) X̃ᵢⱼ·cⱼ, then scaled by √(nStatements / max(nSeen, 1)) so that
 * people who voted on few statements are not all crushed onto the centre. As in Polis, a zeroed
 * (moderated-out) column counts as seen for everyone because its cells hold 0 rather than nil.
 *
 * Statement extremity (Polis `pca-project-cmnts`, `with-proj-and-extremtiy`): the projection of
 * a virtual participant who only agreed with statement j, ‖(1 − μⱼ)·√nStatements·(c₁ⱼ, c₂ⱼ)‖.
 */

import type { Rng } from '../rng';
import { canonicalSign, dot, symmetricEigen } from './linear-algebra';
import type { VoteMatrix } from './vote-matrix';

/** Result of {@link computeSparsePca}. */
export interface PcaResult {
  /** Column means of the cast votes (0 for excluded statements). */
  center: Float64Array;
  /** Two unit-length principal axes over statements. */
  components: [Float64Array, Float64Array];
  /** Eigenvalues of X̃ᵀX̃ for the two axes. */
  eigenvalues: [number, number];
  /** Block iterations used. */
  iterations: number;
}

export interface PcaOptions {
  rng: Rng;
  /** 1 for statements excluded by moderation (zeroed columns), indexed like `statements`. */
  excluded?: Uint8Array;
  maxIterations?: number;
  /** Relative residual ‖X̃ᵀX̃c − λc‖ / λ₁ at which iteration stops. */
  tolerance?: number;
  /**
   * Warm start: the previous run's axes (indexed like `statements`) replace the first start vectors.
   * The random start vectors are still drawn, so the PRNG stream (and everything seeded after PCA)
   * is the same with or without a warm start; only the number of iterations changes.
   */
  initialComponents?: readonly Float64Array[];
}

/** Column means over cast votes, with excluded columns forced to 0. */
export function computeColumnMeans(m: VoteMatrix, excluded?: Uint8Array): Float64Array {
  const nCols = m.statements.length;
  const sum = new Float64Array(nCols);
  const count = new Float64Array(nCols);
  for (let k = 0; k < m.column.length; k++) {
    const j = m.column[k]!;
    sum[j]! += m.value[k]!;
    count[j]!++;
  }
  const mean = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    mean[j] = excluded?.[j] || count[j] === 0 ? 0 : sum[j]! / count[j]!;
  }
  return mean;
}

/** Centred non-zeros X̃ (same layout as `m.value`). */
export function centerValues(m: VoteMatrix, center: Float64Array, excluded?: Uint8Array): Float64Array {
  const out = new Float64Array(m.value.length);
  for (let k = 0; k < out.length; k++) {
    const j = m.column[k]!;
    out[k] = excluded?.[j] ? 0 : m.value[k]! - center[j]!;
  }
  return out;
}

/**
 * Leading two principal components of the mean-imputed vote matrix, computed sparsely.
 *
 * @example
 * const pca = computeSparsePca(buildVoteMatrix(votes), { rng: createRng(1) });
 */
export function computeSparsePca(m: VoteMatrix, options: PcaOptions): PcaResult {
  const nCols = m.statements.length;
  const nRows = m.participants.length;
  const center = computeColumnMeans(m, options.excluded);
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-6;
  const q = Math.min(4, nCols, Math.max(nRows, 1));
  if (q < 1) {
    return {
      center,
      components: [new Float64Array(nCols), new Float64Array(nCols)],
      eigenvalues: [0, 0],
      iterations: 0,
    };
  }
  let basis: Float64Array[] = [];
  for (let i = 0; i < q; i++) {
    basis.push(Float64Array.from({ length: nCols }, () => options.rng() - 0.5));
  }
  for (const [i, start] of (options.initialComponents ?? []).slice(0, q).entries()) {
    if (start.length === nCols && start.some((x) => x !== 0)) {
      basis[i] = Float64Array.from(start);
    }
  }
  basis = orthonormalize(basis);
  let values: Float64Array = new Float64Array(q);
  let iterations = 0;
  const gram = createGramWorkspace(m, center, q, options.excluded);
  for (; iterations < maxIterations; iterations++) {
    const images = multiplyGram(m, gram, basis);
    // Rayleigh–Ritz: diagonalise H = Vᵀ(X̃ᵀX̃V) and rotate the block onto its eigenvectors.
    const h = new Float64Array(q * q);
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) {
        h[a * q + b] = 0.5 * (dot(basis[a]!, images[b]!) + dot(basis[b]!, images[a]!));
      }
    }
    const eig = symmetricEigen(h, q);
    values = eig.values;
    const rotatedBasis = rotateBlock(basis, eig.vectors, q);
    const rotatedImages = rotateBlock(images, eig.vectors, q);
    const scale = Math.max(Math.abs(values[0]!), 1e-300);
    let residual = 0;
    for (let i = 0; i < Math.min(2, q); i++) {
      let r = 0;
      const v = rotatedBasis[i]!;
      const w = rotatedImages[i]!;
      for (let j = 0; j < nCols; j++) {
        const d = w[j]! - values[i]! * v[j]!;
        r += d * d;
      }
      residual = Math.max(residual, Math.sqrt(r) / scale);
    }
    basis = rotatedBasis;
    if (residual < tolerance || values[0]! === 0) {
      iterations++;
      break;
    }
    basis = orthonormalize(rotatedImages);
  }
  const c1 = basis[0] ?? new Float64Array(nCols);
  const c2 = q > 1 ? basis[1]! : new Float64Array(nCols);
  canonicalSign(c1);
  canonicalSign(c2);
  return { center, components: [c1, c2], eigenvalues: [values[0] ?? 0, values[1] ?? 0], iterations };
}

/** Buffers reused by every {@link multiplyGram} step. */
interface GramWorkspace {
  center: Float64Array;
  /** 1 for zeroed (moderated-out) columns, or null when there are none. */
  excluded: Uint8Array | null;
  packed: Float64Array;
  acc: Float64Array;
  scratch: Float64Array;
}

function createGramWorkspace(
  m: VoteMatrix,
  center: Float64Array,
  q: number,
  excluded?: Uint8Array,
): GramWorkspace {
  const nCols = m.statements.length;
  return {
    center,
    excluded: excluded?.includes(1) ? excluded : null,
    packed: new Float64Array(nCols * q),
    acc: new Float64Array(nCols * q),
    scratch: new Float64Array(q),
  };
}

/**
 * Computes X̃ᵀ(X̃v) for each v of the block in a single pass over the non-zeros. The block is
 * interleaved (statement-major) so each non-zero touches one contiguous run of q values.
 * X̃ᵢⱼ = vᵢⱼ − μⱼ is formed on the fly from the Int8 votes (1 byte per non-zero read instead of
 * a precomputed 8-byte copy: the product is bound by memory traffic). A zeroed column has its
 * rows of the packed block and of the result set to 0, which is what X̃ᵢⱼ = 0 gives.
 */
function multiplyGram(m: VoteMatrix, ws: GramWorkspace, block: Float64Array[]): Float64Array[] {
  const q = block.length;
  const nCols = m.statements.length;
  const { packed, acc, scratch: s, center, excluded } = ws;
  for (let b = 0; b < q; b++) {
    const src = block[b]!;
    for (let j = 0; j < nCols; j++) {
      packed[j * q + b] = excluded?.[j] ? 0 : src[j]!;
    }
  }
  acc.fill(0);
  const { rowStart, column, value } = m;
  const nRows = m.participants.length;
  if (q === 4) {
    for (let r = 0; r < nRows; r++) {
      const from = rowStart[r]!;
      const to = rowStart[r + 1]!;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = from; k < to; k++) {
        const j = column[k]!;
        const o = j * 4;
        const x = value[k]! - center[j]!;
        s0 += x * packed[o]!;
        s1 += x * packed[o + 1]!;
        s2 += x * packed[o + 2]!;
        s3 += x * packed[o + 3]!;
      }
      for (let k = from; k < to; k++) {
        const j = column[k]!;
        const o = j * 4;
        const x = value[k]! - center[j]!;
        acc[o]! += x * s0;
        acc[o + 1]! += x * s1;
        acc[o + 2]! += x * s2;
        acc[o + 3]! += x * s3;
      }
    }
  } else {
    for (let r = 0; r < nRows; r++) {
      const from = rowStart[r]!;
      const to = rowStart[r + 1]!;
      s.fill(0);
      for (let k = from; k < to; k++) {
        const j = column[k]!;
        const o = j * q;
        const x = value[k]! - center[j]!;
        for (let b = 0; b < q; b++) {
          s[b]! += x * packed[o + b]!;
        }
      }
      for (let k = from; k < to; k++) {
        const j = column[k]!;
        const o = j * q;
        const x = value[k]! - center[j]!;
        for (let b = 0; b < q; b++) {
          acc[o + b]! += x * s[b]!;
        }
      }
    }
  }
  return block.map((_, b) => {
    const out = new Float64Array(nCols);
    for (let j = 0; j < nCols; j++) {
      out[j] = excluded?.[j] ? 0 : acc[j * q + b]!;
    }
    return out;
  });
}

function rotateBlock(block: Float64Array[], vectors: Float64Array, q: number): Float64Array[] {
  const n = block[0]!.length;
  const out: Float64Array[] = [];
  for (let i = 0; i < q; i++) {
    const v = new Float64Array(n);
    for (let a = 0; a < q; a++) {
      const coef = vectors[i * q + a]!;
      const src = block[a]!;
      for (let j = 0; j < n; j++) {
        v[j]! += coef * src[j]!;
      }
    }
    out.push(v);
  }
  return out;
}

/** Modified Gram–Schmidt; a vector that collapses is kept as zero (rank-deficient data). */
function orthonormalize(block: Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const src of block) {
    const v = Float64Array.from(src);
    for (const u of out) {
      const c = dot(u, v);
      for (let j = 0; j < v.length; j++) {
        v[j]! -= c * u[j]!;
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (norm > 1e-12) {
      for (let j = 0; j < v.length; j++) {
        v[j]! /= norm;
      }
    } else {
      v.fill(0);
    }
    out.push(v);
  }
  return out;
}

/**
 * Polis' sparsity-aware projection of every participant; returns interleaved (x, y) pairs.
 */
export function projectParticipants(m: VoteMatrix, pca: PcaResult, excluded?: Uint8Array): Float64Array {
  const nRows = m.participants.length;
  const nCols = m.statements.length;
  let nExcluded = 0;
  if (excluded) {
    for (let j = 0; j < nCols; j++) {
      nExcluded += excluded[j] ? 1 : 0;
    }
  }
  const [c1, c2] = pca.components;
  const out = new Float64Array(nRows * 2);
  for (let r = 0; r < nRows; r++) {
    let p1 = 0;
    let p2 = 0;
    let seen = nExcluded;
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) {
      const j = m.column[k]!;
      if (excluded?.[j]) {
        continue;
      }
      const x = m.value[k]! - pca.center[j]!;
      p1 += x * c1[j]!;
      p2 += x * c2[j]!;
      seen++;
    }
    const scale = Math.sqrt(nCols / Math.max(seen, 1));
    out[2 * r] = p1 * scale;
    out[2 * r + 1] = p2 * scale;
  }
  return out;
}

/** Polis comment extremity: distance from the origin of a lone "agree" on each statement. */
export function computeStatementExtremity(pca: PcaResult): Float64Array {
  const n = pca.center.length;
  const [c1, c2] = pca.components;
  const out = new Float64Array(n);
  const scale = Math.sqrt(n);
  for (let j = 0; j < n; j++) {
    const x = (1 - pca.center[j]!) * scale;
    out[j] = Math.abs(x) * Math.hypot(c1[j]!, c2[j]!);
  }
  return out;
}
