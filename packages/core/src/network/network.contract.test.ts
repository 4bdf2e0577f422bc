/**
 * One contract suite: every fast metric must agree with its slow oracle (reference.ts)
 * on seeded random graphs — directed and undirected, weighted (integer weights so that
 * path lengths compare exactly) and unweighted, with isolates and several components.
 */
import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../rng';
import { betweenness, pathCentralities } from './betweenness';
import { closeness, harmonic } from './closeness';
import { strongComponents, weakComponents } from './components';
import { eigenvector } from './eigenvector';
import { buildGraph, type Graph } from './graph';
import { coreNumber } from './k-core';
import { leiden } from './leiden';
import { louvain } from './louvain';
import { modularity } from './modularity';
import { pagerank } from './pagerank';
import {
  referenceBetweenness,
  referenceCloseness,
  referenceComponents,
  referenceCoreNumber,
  referenceEigenvector,
  referenceModularity,
  referencePagerank,
  referenceStructuralHoles,
} from './reference';
import { structuralHoles } from './structural-holes';

interface Variant {
  isDirected: boolean;
  isWeighted: boolean;
}

const VARIANTS: Variant[] = [
  { isDirected: false, isWeighted: false },
  { isDirected: true, isWeighted: false },
  { isDirected: false, isWeighted: true },
  { isDirected: true, isWeighted: true },
];

/** Simple random graph: n in [3, 24], edge probability in [0.05, 0.4], weights in {1,2,3}. */
function randomGraph(seed: number, { isDirected, isWeighted }: Variant): Graph {
  const rng = createRng(seed);
  const n = 3 + randomInt(rng, 22);
  const p = 0.05 + rng() * 0.35;
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let v = isDirected ? 0 : u + 1; v < n; v++) {
      if (u !== v && rng() < p) {
        sources.push(u);
        targets.push(v);
        weights.push(1 + randomInt(rng, 3));
      }
    }
  }
  return buildGraph({
    nodeCount: n,
    sources,
    targets,
    weights: isWeighted ? weights : undefined,
    isDirected,
  });
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Number.isNaN(expected[i]!)) {
      expect(actual[i]).toBeNaN();
    } else {
      expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tolerance);
    }
  }
}

const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i);

describe.each(VARIANTS)('metrics against oracles (directed=$isDirected, weighted=$isWeighted)', (variant) => {
  const graphs = SEEDS.map((seed) => randomGraph(seed, variant));

  it('betweenness (Brandes) equals the pair-sum definition', () => {
    for (const g of graphs) {
      expectClose(betweenness(g), referenceBetweenness(g), 1e-12);
    }
  });

  it('closeness and harmonic equal the distance-matrix definitions', () => {
    for (const g of graphs) {
      const expected = referenceCloseness(g);
      expectClose(closeness(g), expected.closeness, 1e-12);
      expectClose(harmonic(g), expected.harmonic, 1e-12);
    }
  });

  it('the one-sweep path centralities equal betweenness, closeness and harmonic references', () => {
    for (const g of graphs) {
      const fused = pathCentralities(g);
      const expected = referenceCloseness(g);
      expectClose(fused.betweenness, referenceBetweenness(g), 1e-12);
      expectClose(fused.closeness, expected.closeness, 1e-12);
      expectClose(fused.harmonic, expected.harmonic, 1e-12);
    }
  });

  it('pagerank equals the dense Google-matrix iteration', () => {
    for (const g of graphs) {
      expectClose(pagerank(g), referencePagerank(g), 1e-8);
    }
  });

  it('eigenvector equals the dense power iteration', () => {
    // Skip directed graphs: without strong connectivity the dominant eigenvector is not unique,
    // so the two power iterations may legitimately converge to different vectors.
    for (const g of graphs.filter((x) => !x.isDirected)) {
      expectClose(eigenvector(g, { tolerance: 1e-14, maxIterations: 5000 }), referenceEigenvector(g), 1e-6);
    }
  });

  it("Burt's constraint and effective size equal the formulas", () => {
    for (const g of graphs) {
      const fast = structuralHoles(g);
      const slow = referenceStructuralHoles(g);
      expectClose(fast.constraint, slow.constraint, 1e-12);
      expectClose(fast.effectiveSize, slow.effectiveSize, 1e-12);
    }
  });

  it('core numbers equal repeated peeling', () => {
    for (const g of graphs) {
      expect(Array.from(coreNumber(g))).toEqual(referenceCoreNumber(g));
    }
  });

  it('weak and strong components equal the reachability closure', () => {
    for (const g of graphs) {
      expect(Array.from(weakComponents(g).labels)).toEqual(referenceComponents(g, false));
      expect(Array.from(strongComponents(g).labels)).toEqual(referenceComponents(g, true));
    }
  });

  it.each([
    ['louvain', louvain],
    ['leiden', leiden],
  ] as const)('%s reports the dense modularity of its partition and beats singletons', (_, detect) => {
    for (const g of graphs) {
      const result = detect(g, { seed: 7 });
      const q = referenceModularity(g, result.labels);
      expect(result.modularity).toBeCloseTo(q, 12);
      expect(modularity(g, result.labels)).toBeCloseTo(q, 12);
      const singletons = Array.from({ length: g.nodeCount }, (__, i) => i);
      expect(result.modularity).toBeGreaterThanOrEqual(referenceModularity(g, singletons) - 1e-12);
      expect(new Set(result.labels).size).toBe(result.count);
    }
  });
});
