import { describe, expect, it } from 'vitest';
import { analyzeNetwork, buildMainGraph, type NetworkAnalysisInput } from './analyze';
import { pathCentralities } from './betweenness';

/** Krackhardt's kite (undirected), with a trust relation on two separate pairs and one person without trust ties. */
const KITE: [string, string][] = [
  ['andre', 'beverly'],
  ['andre', 'carol'],
  ['andre', 'diane'],
  ['andre', 'fernando'],
  ['beverly', 'diane'],
  ['beverly', 'ed'],
  ['beverly', 'garth'],
  ['carol', 'diane'],
  ['carol', 'fernando'],
  ['diane', 'ed'],
  ['diane', 'fernando'],
  ['diane', 'garth'],
  ['ed', 'garth'],
  ['fernando', 'garth'],
  ['fernando', 'heather'],
  ['garth', 'heather'],
  ['heather', 'ike'],
  ['ike', 'jane'],
];
const PEOPLE = ['andre', 'beverly', 'carol', 'diane', 'ed', 'fernando', 'garth', 'heather', 'ike', 'jane'];

function input(overrides: Partial<NetworkAnalysisInput> = {}): NetworkAnalysisInput {
  return {
    nodes: PEOPLE.map((id) => ({
      id,
      label: id.toUpperCase(),
      attributes: { department: ['heather', 'ike', 'jane'].includes(id) ? 'sales' : 'ops' },
      canBeProposed: id === 'diane' || id === 'ike',
    })),
    edges: [
      ...KITE.map(([source, target]) => ({ source, target, relation: 'advice', weight: 1 })),
      { source: 'andre', target: 'beverly', relation: 'trust', weight: 1 },
      { source: 'ike', target: 'jane', relation: 'trust', weight: 1 },
    ],
    isDirected: false,
    isWeighted: false,
    relation: 'advice',
    changeAgents: 3,
    coverGroups: true,
    seed: 1,
    ...overrides,
  };
}

describe('analyzeNetwork', () => {
  it('gives the published Krackhardt kite betweenness and reports progress', () => {
    const stages: string[] = [];
    const out = analyzeNetwork(input(), { onProgress: (stage) => stages.push(stage) });
    const b = Object.fromEntries(out.nodes.map((n) => [n.id, n.betweenness]));
    expect(b.heather).toBeCloseTo(14 / 36, 9);
    expect(b.fernando).toBeCloseTo(0.2314814814814815, 9);
    expect(b.ike).toBeCloseTo(8 / 36, 9);
    expect(stages).toContain('change agents');
  });

  it('proposes only consenting people, each with a structured reason and a Monte-Carlo spread', () => {
    const out = analyzeNetwork(input());
    expect(out.changeAgents.consenting).toBe(2);
    expect(out.proposals.map((p) => p.nodeId).sort()).toEqual(['diane', 'ike']);
    for (const p of out.proposals) {
      expect(p.monteCarloSpread).toBeGreaterThanOrEqual(1);
      expect(p.why.group?.kind).toBe('department');
      expect(['ops', 'sales']).toContain(p.why.group?.name);
    }
    expect(
      analyzeNetwork(input({ nodes: input().nodes.map((n) => ({ ...n, canBeProposed: false })) })).proposals,
    ).toEqual([]);
  });

  it('keeps trust zones of two people or more and lists people without trust ties apart', () => {
    const zones = analyzeNetwork(input()).trustZones!;
    expect(zones.zones.map((z) => z.members.sort())).toEqual(
      expect.arrayContaining([
        ['andre', 'beverly'],
        ['ike', 'jane'],
      ]),
    );
    expect(zones.zones).toHaveLength(2);
    expect(zones.withoutTrustTies).toContain('heather');
    expect(
      analyzeNetwork(input({ edges: input().edges.filter((e) => e.relation !== 'trust') })).trustZones,
    ).toBeNull();
  });

  it('uses path centralities computed elsewhere (e.g. on threads) exactly as its own', () => {
    const own = analyzeNetwork(input());
    const given = analyzeNetwork(input(), {
      paths: { ...pathCentralities(buildMainGraph(input())), harmonic: new Float64Array(10).fill(7) },
    });
    expect(given.nodes.map((n) => n.harmonic)).toEqual(new Array(10).fill(7));
    expect(given.nodes.map((n) => n.betweenness)).toEqual(own.nodes.map((n) => n.betweenness));
  });
});
