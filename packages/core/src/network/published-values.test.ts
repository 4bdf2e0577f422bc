/** Metrics against values published for classic datasets (networkx test suites, issue 6). */
import { describe, expect, it } from 'vitest';
import { loadFixture, loadPublishedValues } from '../../test/datasets/network/load-fixture';
import { betweenness, pathCentralities } from './betweenness';
import { closeness } from './closeness';
import { indexNodes } from './graph';
import { leiden } from './leiden';
import { louvain } from './louvain';

const published = loadPublishedValues();

describe('published values', () => {
  it("Zachary's karate club betweenness matches networkx to 1e-12", () => {
    const g = loadFixture('karate-club');
    const b = betweenness(g);
    const index = indexNodes(g);
    expect(b[index.get('0')!]).toBeCloseTo(0.43763528138528146, 12);
    expect(b[index.get('33')!]).toBeCloseTo(0.30407497594997596, 12);
  });

  it.each(['florentine-families', 'krackhardt-kite'] as const)(
    '%s betweenness and closeness (3 decimals)',
    (name) => {
      const g = loadFixture(name);
      const index = indexNodes(g);
      const b = betweenness(g);
      const c = closeness(g);
      for (const [id, value] of Object.entries(published[name].betweenness!)) {
        expect(Math.abs(b[index.get(id)!]! - value)).toBeLessThan(5e-4);
      }
      for (const [id, value] of Object.entries(published[name].closeness!)) {
        expect(Math.abs(c[index.get(id)!]! - value)).toBeLessThan(5e-4);
      }
    },
  );

  it.each(['florentine-families', 'krackhardt-kite'] as const)(
    '%s: the one-sweep path centralities give the published values',
    (name) => {
      const g = loadFixture(name);
      const index = indexNodes(g);
      const fused = pathCentralities(g);
      for (const [id, value] of Object.entries(published[name].betweenness!)) {
        expect(Math.abs(fused.betweenness[index.get(id)!]! - value)).toBeLessThan(5e-4);
      }
      for (const [id, value] of Object.entries(published[name].closeness!)) {
        expect(Math.abs(fused.closeness[index.get(id)!]! - value)).toBeLessThan(5e-4);
      }
    },
  );

  it('Florentine: Medici 0.522, Guadagni 0.255, Albizzi 0.212', () => {
    const g = loadFixture('florentine-families');
    const index = indexNodes(g);
    const b = betweenness(g);
    expect(b[index.get('Medici')!]).toBeCloseTo(0.522, 3);
    expect(b[index.get('Guadagni')!]).toBeCloseTo(0.255, 3);
    expect(b[index.get('Albizzi')!]).toBeCloseTo(0.212, 3);
  });

  it('karate club: Leiden finds the known optimum Q = 0.4198, Louvain ≥ 0.41 for most seeds', () => {
    const g = loadFixture('karate-club');
    for (const seed of [1, 2, 3]) {
      expect(leiden(g, { seed }).modularity).toBeCloseTo(0.4197896120973, 10);
    }
    const louvainQ = [1, 2, 4, 5].map((seed) => louvain(g, { seed }).modularity);
    expect(Math.min(...louvainQ)).toBeGreaterThan(0.41);
  });

  it('community detection is deterministic for a seed', () => {
    const g = loadFixture('karate-club');
    expect(Array.from(leiden(g, { seed: 9 }).labels)).toEqual(Array.from(leiden(g, { seed: 9 }).labels));
    expect(Array.from(louvain(g, { seed: 9 }).labels)).toEqual(Array.from(louvain(g, { seed: 9 }).labels));
  });
});
