import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/datasets/network/load-fixture';
import { betweenness } from './betweenness';
import { graphFromEdges, indexNodes } from './graph';
import { leiden } from './leiden';
import { assignRoles, quantile } from './roles';
import { structuralHoles } from './structural-holes';
import { findTrustZones } from './trust-zones';

describe('assignRoles', () => {
  it('quantile uses nearest rank', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.9)).toBe(5);
    expect(quantile([5, 1, 3, 2, 4], 0.2)).toBe(1);
  });

  it('finds Medici as connector and broker in the Florentine families, with rules', () => {
    const florentine = loadFixture('florentine-families');
    const g = graphFromEdges(edgesOf(florentine), { nodes: [...florentine.ids, 'Pucci'] });
    const index = indexNodes(g);
    const communities = leiden(g, { seed: 1 });
    const roles = assignRoles({
      graph: g,
      betweenness: betweenness(g),
      constraint: structuralHoles(g).constraint,
      groups: communities.labels,
      groupSource: 'community',
    });
    const medici = roles[index.get('Medici')!]!.map((r) => r.role);
    expect(medici).toContain('central-connector');
    expect(medici).toContain('information-broker');
    expect(roles[index.get('Pucci')!]).toEqual([
      { role: 'isolate', rule: 'no tie in the network', value: 0, threshold: 0 },
    ]);
    expect(roles[index.get('Pazzi')!]!.map((r) => r.role)).toContain('peripheral-specialist');
    for (const assignment of roles.flat()) {
      expect(assignment.rule.length).toBeGreaterThan(0);
    }
  });

  it('marks energizers from the energy relation and spanners across departments', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];
    const work = graphFromEdges(
      [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'c' },
        { source: 'a', target: 'e' },
        { source: 'd', target: 'e' },
        { source: 'e', target: 'f' },
      ],
      { nodes },
    );
    const energy = graphFromEdges(
      ['a', 'b', 'c', 'd', 'e'].map((source) => ({ source, target: 'f' })).filter((x) => x.source !== 'f'),
      { nodes, isDirected: true },
    );
    const department = [0, 0, 1, 1, 2, 2];
    const roles = assignRoles({
      graph: work,
      betweenness: betweenness(work),
      constraint: structuralHoles(work).constraint,
      groups: department,
      groupSource: 'department',
      energy,
    });
    expect(roles[5]!.map((r) => r.role)).toContain('energizer');
    expect(roles[0]!.find((r) => r.role === 'boundary-spanner')?.rule).toBe(
      'ties into 2 other department group(s) ≥ 2',
    );
  });
});

describe('findTrustZones', () => {
  it('splits two trust cliques joined by a bridge and reports the bridging people', () => {
    const edges = [];
    for (const [a, b] of [
      ['a1', 'a2'],
      ['a1', 'a3'],
      ['a2', 'a3'],
      ['b1', 'b2'],
      ['b1', 'b3'],
      ['b2', 'b3'],
      ['a3', 'b1'],
    ]) {
      edges.push({ source: a!, target: b! });
    }
    const g = graphFromEdges(edges);
    const result = findTrustZones(g, { seed: 1 });
    expect(result.zones).toHaveLength(2);
    expect(result.zones.map((z) => z.density)).toEqual([1, 1]);
    expect(result.bridges.map((b) => g.ids[b.node]).sort()).toEqual(['a3', 'b1']);
    expect(result.bridges[0]!.participation).toBeCloseTo(1 - (2 / 3) ** 2 - (1 / 3) ** 2, 12);
  });
});

function edgesOf(g: ReturnType<typeof loadFixture>) {
  const edges: { source: string; target: string }[] = [];
  for (let u = 0; u < g.nodeCount; u++) {
    for (let e = g.outOffsets[u]!; e < g.outOffsets[u + 1]!; e++) {
      if (g.outTargets[e]! > u) {
        edges.push({ source: g.ids[u]!, target: g.ids[g.outTargets[e]!]! });
      }
    }
  }
  return edges;
}
