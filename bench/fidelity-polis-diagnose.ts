/**
 * Why Essaim's groups differ from Polis' where they do: a measured experiment (dev tool, same data
 * as `fidelity-polis.ts`). For every conversation, on Essaim's map of the participants Polis grouped:
 *
 * - voronoi: ARI of "nearest Polis group centre" against Polis' groups, for three projections:
 *   Polis' (`pca.clj` `sparsity-aware-project-ptpt`: scale √(n / n-seen), a zeroed mod-out column
 *   counting as seen), without the scale, and with only the participant's own votes counted as
 *   seen. The one that best agrees with Polis' partition is the projection Polis drew it on.
 * - fixed point (participants): ARI after Lloyd iterations to convergence on the participants,
 *   started from Polis' centres. 1.0 means Polis' partition is a local optimum of k-means here.
 * - fixed point (base): the same on 100 weighted base clusters with Polis' own stopping rule
 *   (`clusters.clj` `kmeans`: at most 20 steps, stop once every centre moved < 0.01,
 *   `same-clustering?`), min–max over three base clusterings (seeds 1–3).
 * - voronoi control: the voronoi figure of a partition known to be drawn on this very map, made of
 *   whole base clusters as Polis' groups are (`group-members`): what base clusters alone cost.
 * - inertia of Polis' partition and of Essaim's on the same participants.
 *
 * Run: npm run fidelity:polis:diagnose [-- <dir>]
 */

import {
  adjustedRandIndex,
  analyzePolisExport,
  buildVoteMatrix,
  centersOf,
  computeSparsePca,
  createRng,
  listModeratedOut,
  parsePolisComments,
  parsePolisParticipantsVotes,
  parsePolisVotes,
  runKMeans,
  type Vote,
} from '@essaim/core/opinions';
import { listPolisConversations, META_STATEMENTS } from './polis-data';

type Scale = 'polis' | 'none' | 'own';
const SCALES: Scale[] = ['polis', 'none', 'own'];

/** Interleaved (x, y) of the given participants under one projection scale. */
function project(
  votes: readonly Vote[],
  excludedIds: readonly string[],
  ids: readonly string[],
  scale: Scale,
): Float64Array {
  const m = buildVoteMatrix(votes);
  const gone = new Set(excludedIds);
  const excluded = Uint8Array.from(m.statements, (s) => (gone.has(s) ? 1 : 0));
  const pca = computeSparsePca(m, { rng: createRng(1), excluded });
  const nExcluded = excluded.reduce((a, b) => a + b, 0);
  const row = new Map(m.participants.map((p, r) => [p, r]));
  const out = new Float64Array(ids.length * 2);
  ids.forEach((id, i) => {
    const r = row.get(id)!;
    let p1 = 0;
    let p2 = 0;
    let own = 0;
    for (let e = m.rowStart[r]!; e < m.rowStart[r + 1]!; e++) {
      const j = m.column[e]!;
      if (!excluded[j]) {
        const x = m.value[e]! - pca.center[j]!;
        p1 += x * pca.components[0][j]!;
        p2 += x * pca.components[1][j]!;
        own++;
      }
    }
    const seen = scale === 'polis' ? own + nExcluded : own;
    const s = scale === 'none' ? 1 : Math.sqrt(m.statements.length / Math.max(seen, 1));
    out[2 * i] = p1 * s;
    out[2 * i + 1] = p2 * s;
  });
  return out;
}

function inertia(points: Float64Array, labels: readonly number[], k: number): number {
  const c = centersOf(points, labels, k);
  return labels.reduce(
    (s, g, i) => s + (points[2 * i]! - c[2 * g]!) ** 2 + (points[2 * i + 1]! - c[2 * g + 1]!) ** 2,
    0,
  );
}

function nearest(points: Float64Array, centres: Float64Array): number[] {
  const k = centres.length / 2;
  return Array.from({ length: points.length / 2 }, (_, i) => {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let g = 0; g < k; g++) {
      const d = (points[2 * i]! - centres[2 * g]!) ** 2 + (points[2 * i + 1]! - centres[2 * g + 1]!) ** 2;
      if (d < bestD) {
        bestD = d;
        best = g;
      }
    }
    return best;
  });
}

/** Polis' group k-means from given centres on weighted base clusters (≤ 20 steps, stop < 0.01). */
function polisStop(base: Float64Array, weights: Float64Array, start: Float64Array): Int32Array {
  let centres: Float64Array = start;
  let labels: Int32Array = new Int32Array(base.length / 2);
  for (let step = 0; step < 20; step++) {
    const km = runKMeans(base, 2, centres.length / 2, {
      rng: createRng(1),
      weights,
      initialCenters: centres,
      maxIterations: 1,
    });
    labels = km.assignment;
    const isSame =
      km.k === centres.length / 2 &&
      Array.from({ length: km.k }, (_, g) =>
        Math.hypot(km.centers[2 * g]! - centres[2 * g]!, km.centers[2 * g + 1]! - centres[2 * g + 1]!),
      ).every((d) => d < 0.01);
    centres = km.centers;
    if (isSame) {
      break;
    }
  }
  return labels;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const rows: Record<string, string | number>[] = [];
for (const { name, read } of listPolisConversations(process.argv[2])) {
  const meta = META_STATEMENTS[name] ?? [];
  const files = {
    votes: read('votes.csv'),
    participantsVotes: read('participants-votes.csv'),
    comments: read('comments.csv'),
  };
  const result = analyzePolisExport(files, { metaStatements: meta, seed: 1 });
  const ours = new Map(result.analysis.participants.map((p) => [p.id, p.group]));
  const ids = [...result.polisGroups.keys()].filter((id) => ours.get(id) != null);
  const names = [...new Set(result.polisGroups.values())].sort();
  const truth = ids.map((id) => names.indexOf(result.polisGroups.get(id)!));
  const k = names.length;
  const votes = files.votes
    ? parsePolisVotes(files.votes)
    : parsePolisParticipantsVotes(files.participantsVotes!).votes;
  const excludedIds = [...listModeratedOut(parsePolisComments(files.comments ?? '')), ...meta];
  const ari = (labels: ArrayLike<number>) =>
    round(adjustedRandIndex(truth.map(String), Array.from(labels, String)));
  const row: Record<string, string | number> = { name };
  for (const scale of SCALES) {
    const pts = project(votes, excludedIds, ids, scale);
    row[`voronoi ${scale}`] = ari(nearest(pts, centersOf(pts, truth, k)));
    if (scale !== 'polis') {
      continue;
    }
    const start = centersOf(pts, truth, k);
    row['fixed participants'] = ari(
      runKMeans(pts, 2, k, { rng: createRng(1), initialCenters: start }).assignment,
    );
    const fixed = [1, 2, 3].map((seed) => {
      const base = runKMeans(pts, 2, 100, { rng: createRng(seed), maxIterations: 100 });
      const w = new Float64Array(base.k);
      for (const b of base.assignment) {
        w[b]!++;
      }
      const groupOfBase = polisStop(base.centers, w, start);
      // Control: a partition made of whole base clusters on this very map, split by the line
      // between its own centres; how far below 1 that stays is what base clusters alone cost.
      const own = runKMeans(base.centers, 2, k, { rng: createRng(seed), weights: w });
      const labels = Array.from(base.assignment, (b) => own.assignment[b]!);
      const control = adjustedRandIndex(
        labels.map(String),
        nearest(pts, centersOf(pts, labels, k)).map(String),
      );
      return { ari: ari(base.assignment.map((b) => groupOfBase[b]!)), control };
    });
    const span = (xs: number[]) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;
    row['fixed base'] = span(fixed.map((f) => f.ari));
    row['voronoi control'] = span(fixed.map((f) => f.control));
    const essaim = ids.map((id) => ours.get(id)!);
    row['inertia P/E'] =
      `${Math.round(inertia(pts, truth, k))}/${Math.round(inertia(pts, essaim, result.analysis.groups.length))}`;
  }
  rows.push(row);
}

const header = Object.keys(rows[0] ?? {});
const table = rows.map((r) =>
  header.map((h) => String(typeof r[h] === 'number' ? (r[h] as number).toFixed(3) : r[h])),
);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((t) => t[c]!.length)));
console.log(header.map((h, c) => h.padEnd(widths[c]!)).join('  '));
for (const t of table) {
  console.log(t.map((s, c) => s.padEnd(widths[c]!)).join('  '));
}
for (const r of rows) {
  console.log(JSON.stringify({ ...r, name: `fidelity:polis:diagnose:${r.name}`, peer: 'polis group-id' }));
}
