import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { dot, symmetricEigen } from './linear-algebra';
import { computeSparsePca, projectParticipants } from './pca';
import { computeDensePca } from './pca-dense';
import { buildVoteMatrix, type Vote } from './vote-matrix';

function randomVotes(seed: number, nP: number, nS: number, density: number): Vote[] {
  const rng = createRng(seed);
  const votes: Vote[] = [];
  for (let p = 0; p < nP; p++) {
    const camp = p % 2 === 0 ? 1 : -1;
    for (let s = 0; s < nS; s++) {
      if (rng() < density) {
        const lean = s % 3 === 0 ? camp : -camp;
        const v = rng() < 0.15 ? 0 : rng() < 0.8 ? lean : -lean;
        votes.push({ participant: `p${p}`, statement: `s${s}`, vote: v as -1 | 0 | 1 });
      }
    }
  }
  return votes;
}

describe('symmetricEigen', () => {
  it('diagonalises a known matrix', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(Math.abs(vectors[0]! * vectors[1]!)).toBeCloseTo(0.5, 10);
  });
});

describe('computeSparsePca', () => {
  it('matches the dense reference PCA (components, eigenvalues, projections)', () => {
    for (const seed of [1, 2, 3]) {
      const m = buildVoteMatrix(randomVotes(seed, 60, 25, 0.4));
      const excluded = new Uint8Array(m.statements.length);
      excluded[3] = 1;
      const sparse = computeSparsePca(m, { rng: createRng(seed), excluded, tolerance: 1e-12 });
      const dense = computeDensePca(m, excluded);
      for (let c = 0; c < 2; c++) {
        expect(Math.abs(dot(sparse.components[c]!, dense.components[c]!))).toBeGreaterThan(1 - 1e-8);
        expect(sparse.eigenvalues[c]).toBeCloseTo(dense.eigenvalues[c]!, 6);
      }
      const a = projectParticipants(m, sparse, excluded);
      const b = projectParticipants(m, dense, excluded);
      for (let i = 0; i < a.length; i++) {
        expect(Math.abs(a[i]!)).toBeCloseTo(Math.abs(b[i]!), 6);
      }
    }
  });

  it('returns orthonormal components for any vote pattern', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const m = buildVoteMatrix(randomVotes(seed, 20, 8, 0.5));
        const { components } = computeSparsePca(m, { rng: createRng(seed) });
        const [c1, c2] = components;
        const n1 = dot(c1, c1);
        const n2 = dot(c2, c2);
        return (
          (n1 === 0 || Math.abs(n1 - 1) < 1e-9) &&
          (n2 === 0 || Math.abs(n2 - 1) < 1e-9) &&
          Math.abs(dot(c1, c2)) < 1e-6
        );
      }),
      { numRuns: 50 },
    );
  });

  it('is deterministic for a seed', () => {
    const m = buildVoteMatrix(randomVotes(9, 30, 10, 0.5));
    expect(computeSparsePca(m, { rng: createRng(4) })).toEqual(computeSparsePca(m, { rng: createRng(4) }));
  });
});
