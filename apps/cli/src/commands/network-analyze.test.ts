/**
 * Fixtures: Zachary's karate club (W. W. Zachary, J. Anthropological Research 33, 1977) and a
 * small synthetic organisation survey (org-survey.*.csv), both in packages/core/test/datasets/network.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type NetworkReport, networkAnalyze } from './network-analyze';

const datasets = fileURLToPath(new URL('../../../../packages/core/test/datasets/network/', import.meta.url));
const fixture = (name: string) => path.join(datasets, name);

function capture(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (s: string) => out.push(s),
      stderr: (s: string) => err.push(s),
      readStdin: async () => stdin,
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('networkAnalyze', () => {
  it('prints the JSON report for the karate club with networkx-normalised betweenness', async () => {
    const run = capture();
    const code = await networkAnalyze({ edges: fixture('karate-club.edges.csv'), seed: 1 }, run.io);
    expect(code).toBe(0);
    const report = JSON.parse(run.out()) as NetworkReport;
    expect(Object.keys(report)).toEqual(['nodes', 'communities', 'modularity', 'changeAgents']);
    expect(Object.keys(report.nodes[0]!)).toEqual([
      'id',
      'degree',
      'betweenness',
      'pagerank',
      'eigenvector',
      'constraint',
      'community',
      'roles',
    ]);
    const byId = new Map(report.nodes.map((n) => [n.id, n]));
    expect(byId.get('0')!.betweenness).toBeCloseTo(0.43763528138528146, 12);
    expect(byId.get('33')!.betweenness).toBeCloseTo(0.30407497594997596, 12);
    expect(byId.get('33')!.degree).toBe(17);
    expect(report.modularity).toBeCloseTo(0.4198, 4);
    expect(report.communities.flatMap((c) => c.members).sort()).toEqual([...byId.keys()].sort());
    expect(byId.get('0')!.roles.map((r) => r.role)).toContain('central-connector');
    expect(report.changeAgents).toEqual([]);
  });

  it('uses departments, energy and consent from the organisation survey', async () => {
    const run = capture();
    const code = await networkAnalyze(
      {
        edges: fixture('org-survey.edges.csv'),
        nodes: fixture('org-survey.nodes.csv'),
        relation: 'advice',
        changeAgents: 3,
        seed: 2,
      },
      run.io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(run.out()) as NetworkReport;
    const byId = new Map(report.nodes.map((n) => [n.id, n]));
    expect(byId.get('jon')!.roles).toEqual([{ role: 'isolate', rule: 'no tie in the network' }]);
    expect(byId.get('jon')!.constraint).toBeNull();
    expect(byId.get('farid')!.roles.map((r) => r.role)).toContain('energizer');
    expect(report.changeAgents).toHaveLength(3);
    for (const agent of report.changeAgents) {
      expect(['chloe', 'hugo']).not.toContain(agent.id);
      expect(agent.reason).toMatch(/expected reach/);
    }
  });

  it('reads stdin and prints CSV', async () => {
    const run = capture(readFileSync(fixture('krackhardt-kite.edges.csv'), 'utf8'));
    const code = await networkAnalyze({ edges: '-', format: 'csv' }, run.io);
    expect(code).toBe(0);
    const lines = run.out().trim().split('\n');
    expect(lines[0]).toBe('id,degree,betweenness,pagerank,eigenvector,constraint,community,roles');
    expect(lines).toHaveLength(11);
  });

  it('reports CSV errors as file:line: message with exit code 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'essaim-network-'));
    const edges = path.join(dir, 'edges.csv');
    writeFileSync(edges, 'source,target\nana,bo\nana,ana\nbo,ana\nana,zoe\n');
    const nodes = path.join(dir, 'nodes.csv');
    writeFileSync(nodes, 'id\nana\nbo\n');
    const run = capture();
    const code = await networkAnalyze({ edges, nodes }, run.io);
    expect(code).toBe(2);
    expect(run.err()).toBe(
      `${edges}:3: self-loop on "ana"\n${edges}:4: duplicate edge bo - ana (first at line 2)\n${edges}:5: unknown node id "zoe"\n`,
    );
    expect(run.out()).toBe('');
    const missing = capture();
    expect(await networkAnalyze({ edges: path.join(dir, 'nope.csv') }, missing.io)).toBe(2);
    expect(missing.err()).toMatch(/nope\.csv: cannot read file \(ENOENT\)/);
  });
});
