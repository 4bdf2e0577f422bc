/// <reference types="node" />
/**
 * Agreement with Polis on real conversations.
 *
 * Data: Polis open data (fixtures/polis in this repository, see its ATTRIBUTION.md). Data was gathered
 * using the Polis software (compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with
 * Attribution to The Computational Democracy Project.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeOpinions } from './analyze';
import { adjustedRandIndex } from './metrics';
import { listModeratedOut, parseCsvRecords, parsePolisComments, parsePolisVotes } from './polis-csv';
import { analyzePolisExport } from './polis-import';

/**
 * Polis exports do not carry the `is_meta` flag. In london.youth.policing the host (author 0)
 * asked demographic questions ("I am between 15 and 19 years old", "My ethnicity is …", "I had
 * at least one encounter with the police"): ids 0–14. Polis treats meta statements as
 * moderated out in its maths (`conv/mod-update`), so we pass them as `metaStatements`.
 */
const META: Record<string, (c: { id: string; authorId?: string }) => boolean> = {
  'london.youth.policing': (c) => c.authorId === '0',
};

function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'packages'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('repo root not found');
    }
    dir = parent;
  }
  return dir;
}

const dataDir = path.resolve(findRepoRoot(), 'fixtures/polis');

function loadConversation(name: string) {
  const dir = path.join(dataDir, name);
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const [header, ...rows] = parseCsvRecords(read('participants-votes.csv'));
  const col = (n: string) => header!.fields.indexOf(n);
  const polisGroups = new Map<string, string>();
  for (const r of rows) {
    const g = r.fields[col('group-id')] ?? '';
    if (g !== '') {
      polisGroups.set(r.fields[col('participant')]!, g);
    }
  }
  const summary = Object.fromEntries(
    read('summary.csv')
      .split('\n')
      .map((l) => l.split(',')),
  );
  return {
    votes: parsePolisVotes(read('votes.csv')),
    comments: parsePolisComments(read('comments.csv')),
    polisGroups,
    polisK: Number(summary.groups),
  };
}

describe.each(['15-per-hour-seattle', 'london.youth.policing'])('Polis conversation %s', (name) => {
  const conv = loadConversation(name);
  const options = {
    moderatedOut: listModeratedOut(conv.comments),
    metaStatements: conv.comments.filter((c) => META[name]?.(c)).map((c) => c.id),
  };
  const analysis = analyzeOpinions(conv.votes, { ...options, seed: 1 });
  const ours = new Map(analysis.participants.map((p) => [p.id, p.group]));
  const ids = [...conv.polisGroups.keys()];
  const ari = adjustedRandIndex(
    ids.map((id) => conv.polisGroups.get(id)!),
    ids.map((id) => String(ours.get(id) ?? 'none')),
  );
  console.log(
    `[opinions] ${name}: groups ours=${analysis.groups.length} polis=${conv.polisK}, ` +
      `ARI=${ari.toFixed(3)} over ${ids.length} participants Polis grouped; ` +
      `silhouettes=${analysis.silhouettes.map((s) => `${s.k}:${s.silhouette.toFixed(3)}`).join(' ')}`,
  );

  it('uses the Polis pipeline', () => {
    expect(analysis.mode).toBe('polis');
  });

  it('finds the same number of groups as Polis', () => {
    expect(analysis.groups.length).toBe(conv.polisK);
  });

  it('matches the Polis partition with ARI ≥ 0.8', () => {
    expect(ari).toBeGreaterThanOrEqual(0.8);
  });

  it('includes exactly the participants Polis grouped', () => {
    const included = analysis.participants.filter((p) => p.isIncluded).map((p) => p.id);
    expect(new Set(included)).toEqual(new Set(ids));
  });

  it('gives every group representative statements that are not moderated out', () => {
    const out = new Set(listModeratedOut(conv.comments));
    for (const g of analysis.groups) {
      expect(g.representative.length).toBeGreaterThan(0);
      for (const r of g.representative) {
        expect(out.has(r.statement)).toBe(false);
      }
    }
  });

  it('is deterministic for a seed', () => {
    const again = analyzeOpinions(conv.votes, { ...options, seed: 1 });
    expect(again).toEqual(analysis);
  });

  it('keeps ARI ≥ 0.8 and the Polis group count across seeds', () => {
    const figures = [2, 3, 4, 5].map((seed) => {
      const other = analyzeOpinions(conv.votes, { ...options, seed });
      const byId = new Map(other.participants.map((p) => [p.id, p.group]));
      expect(other.groups.length).toBe(conv.polisK);
      return adjustedRandIndex(
        ids.map((id) => conv.polisGroups.get(id)!),
        ids.map((id) => String(byId.get(id) ?? 'none')),
      );
    });
    console.log(`[opinions] ${name}: ARI for seeds 2-5 = ${figures.map((f) => f.toFixed(3)).join(', ')}`);
    expect(Math.min(...figures)).toBeGreaterThanOrEqual(0.8);
  });
});

/**
 * The Polis import mode (`analyzePolisExport`) on all five committed exports, the same method for
 * each: votes.csv when present (inclusion replayed from timestamps), else participants-votes.csv.
 * Only London's host named meta statements (see bench/fidelity-polis.ts).
 */
describe.each([
  ['15-per-hour-seattle', 0.85],
  ['london.youth.policing', 0.99],
  ['austria-climate.2vkxcncppn.2022-07-07', 0.95],
  ['austria-climate.7z7ejpbmv5.2022-08-08', 0.8],
  // Polis' two groups here cut a single elongated cloud; its cut is a k-means local optimum
  // reached through the conversation's history of warm-started updates (clusters.clj
  // `clean-start-clusters`), which the export does not carry. Our cut has lower inertia on the
  // same map; the Polis partition is still nearly a Voronoi split of our map (0.88; see
  // docs/polis-fidelity.md and `npm run fidelity:polis:diagnose`).
  ['american-assembly.bowling-green', 0.4],
])('Polis import mode on %s', (name, minAri) => {
  it(`finds Polis' group count with ARI ≥ ${minAri}`, () => {
    const dir = path.join(dataDir, name);
    const read = (file: string) =>
      existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8') : undefined;
    const result = analyzePolisExport(
      {
        votes: read('votes.csv'),
        participantsVotes: read('participants-votes.csv'),
        comments: read('comments.csv'),
      },
      {
        metaStatements:
          name === 'london.youth.policing' ? Array.from({ length: 15 }, (_, i) => String(i)) : [],
      },
    );
    const ids = [...result.polisGroups.keys()];
    const ours = new Map(result.analysis.participants.map((p) => [p.id, p.group]));
    const ari = adjustedRandIndex(
      ids.map((id) => result.polisGroups.get(id)!),
      ids.map((id) => String(ours.get(id) ?? 'none')),
    );
    expect(result.analysis.groups.length).toBe(new Set(result.polisGroups.values()).size);
    expect(ari).toBeGreaterThanOrEqual(minAri);
    // The map agrees with the one Polis drew its groups on: each participant lies nearer the centre
    // of their own Polis group than of any other on our map, up to the few a partition made of
    // whole base clusters leaves across the line (`npm run fidelity:polis:diagnose`, 0.88–1.0;
    // the same projection without Polis' sparsity scale drops to 0.70 on Austria 2vkx).
    expect(nearestPolisCentreAri(result)).toBeGreaterThanOrEqual(0.85);
  });
});

/** ARI between Polis' groups and "nearest Polis group centre" on Essaim's map. */
function nearestPolisCentreAri(result: ReturnType<typeof analyzePolisExport>): number {
  const at = new Map(result.analysis.participants.map((p) => [p.id, p]));
  const grouped = [...result.polisGroups].filter(([id]) => at.get(id)?.isIncluded);
  const centres = new Map<string, { x: number; y: number; n: number }>();
  for (const [id, g] of grouped) {
    const c = centres.get(g) ?? { x: 0, y: 0, n: 0 };
    centres.set(g, { x: c.x + at.get(id)!.x, y: c.y + at.get(id)!.y, n: c.n + 1 });
  }
  const nearest = grouped.map(([id]) => {
    const p = at.get(id)!;
    const byDistance = [...centres].map(
      ([g, c]) => [g, Math.hypot(p.x - c.x / c.n, p.y - c.y / c.n)] as const,
    );
    return byDistance.reduce((a, b) => (b[1] < a[1] ? b : a))[0];
  });
  return adjustedRandIndex(
    grouped.map(([, g]) => g),
    nearest,
  );
}
