import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/datasets/network/load-fixture';
import { buildGraph } from './graph';
import { logBinomial, selectChangeAgents, simulateSpread } from './influence';
import { leiden } from './leiden';

describe('selectChangeAgents (IMM)', () => {
  it('ln C(n,k)', () => {
    expect(logBinomial(10, 3)).toBeCloseTo(Math.log(120), 12);
  });

  it('picks the hub of a star and its spread is exact', () => {
    const n = 20;
    const g = buildGraph({
      nodeCount: n,
      sources: Array.from({ length: n - 1 }, () => 0),
      targets: Array.from({ length: n - 1 }, (_, i) => i + 1),
      isDirected: true,
    });
    const result = selectChangeAgents(g, { k: 1, seed: 3 });
    expect(result.seeds[0]!.node).toBe(0);
    expect(result.monteCarloSpread).toBe(n);
    expect(result.estimatedSpread).toBeCloseTo(n, 0);
  });

  it('respects the allowed set and the coverage constraint, with reasons', () => {
    const g = loadFixture('karate-club');
    const groups = leiden(g, { seed: 1 }).labels;
    const allowed = Array.from({ length: g.nodeCount }, (_, v) => v % 3 !== 0);
    const result = selectChangeAgents(g, { k: 4, seed: 1, allowed, groups, simulations: 2000 });
    expect(result.seeds).toHaveLength(4);
    for (const s of result.seeds) {
      expect(allowed[s.node]).toBe(true);
      expect(s.reason).toMatch(/^expected marginal reach \+\d+\.\d people/);
    }
    expect(new Set(result.seeds.map((s) => groups[s.node])).size).toBe(4);
    const relative = Math.abs(result.estimatedSpread - result.monteCarloSpread) / result.monteCarloSpread;
    expect(relative).toBeLessThan(0.05);
  });

  it('is deterministic for a seed and simulateSpread agrees with itself', () => {
    const g = loadFixture('karate-club');
    const a = selectChangeAgents(g, { k: 3, seed: 4 }).seeds.map((s) => s.node);
    const b = selectChangeAgents(g, { k: 3, seed: 4 }).seeds.map((s) => s.node);
    expect(a).toEqual(b);
    const spread = simulateSpread(g, a, { runs: 4000, seed: 1 });
    expect(spread.standardError).toBeLessThan(0.2);
  });
});
