/**
 * Opinion-mapping benchmark: synthetic 10,000 participants × 1,000 statements, 30 % of cells
 * voted, four planted opinion groups (40/30/20/10 %).
 *
 * Measures the full Essaim pipeline (sparse PCA + base/group clustering + repness + consensus,
 * `analyzeVoteMatrix`) against ml-pca's NIPALS PCA alone on the same matrix densified with
 * column-mean imputation. Prints a table, then one JSON object per line.
 *
 * Run: npm run bench:opinions
 */

import {
  adjustedRandIndex,
  analyzeVoteMatrix,
  createRng,
  voteMatrixFromTriplets,
} from '@essaim/core/opinions';
import { Matrix } from 'ml-matrix';
import { PCA } from 'ml-pca';

const N_PARTICIPANTS = 10_000;
const N_STATEMENTS = 1_000;
const DENSITY = 0.3;
const GROUP_SHARES = [0.4, 0.3, 0.2, 0.1];
const RUNS = 3;

let peakRss = 0;
let peakHeap = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

function generate() {
  const rng = createRng(20_240_901);
  const planted = new Int32Array(N_PARTICIPANTS);
  let at = 0;
  GROUP_SHARES.forEach((share, g) => {
    const end = g === GROUP_SHARES.length - 1 ? N_PARTICIPANTS : at + Math.round(share * N_PARTICIPANTS);
    planted.fill(g, at, end);
    at = end;
  });
  // Each group leans agree (0.85), disagree (0.15) or is split (0.5) on every statement.
  const pAgree = GROUP_SHARES.map(() =>
    Float64Array.from({ length: N_STATEMENTS }, () => [0.85, 0.15, 0.5][Math.floor(rng() * 3)]!),
  );
  const row: number[] = [];
  const column: number[] = [];
  const value: number[] = [];
  for (let r = 0; r < N_PARTICIPANTS; r++) {
    const profile = pAgree[planted[r]!]!;
    for (let j = 0; j < N_STATEMENTS; j++) {
      if (rng() < DENSITY) {
        const u = rng();
        row.push(r);
        column.push(j);
        value.push(u < 0.1 ? 0 : rng() < profile[j]! ? 1 : -1);
      }
    }
  }
  const matrix = voteMatrixFromTriplets({
    participants: Array.from({ length: N_PARTICIPANTS }, (_, i) => `p${i}`),
    statements: Array.from({ length: N_STATEMENTS }, (_, j) => `s${j}`),
    row: Int32Array.from(row),
    column: Int32Array.from(column),
    value: Int8Array.from(value),
  });
  return { matrix, planted };
}

function densify(m: ReturnType<typeof generate>['matrix']): Matrix {
  const sum = new Float64Array(N_STATEMENTS);
  const count = new Float64Array(N_STATEMENTS);
  for (let k = 0; k < m.column.length; k++) {
    sum[m.column[k]!]! += m.value[k]!;
    count[m.column[k]!]!++;
  }
  const dense = new Matrix(N_PARTICIPANTS, N_STATEMENTS);
  for (let r = 0; r < N_PARTICIPANTS; r++) {
    const cells = new Float64Array(N_STATEMENTS);
    for (let j = 0; j < N_STATEMENTS; j++) {
      cells[j] = count[j]! > 0 ? sum[j]! / count[j]! : 0;
    }
    for (let k = m.rowStart[r]!; k < m.rowStart[r + 1]!; k++) {
      cells[m.column[k]!] = m.value[k]!;
    }
    dense.setRow(r, Array.from(cells));
  }
  return dense;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { matrix, planted } = generate();
sampleMemory();

const ourTimes: number[] = [];
let analysis = analyzeVoteMatrix(matrix, { seed: 1 });
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  analysis = analyzeVoteMatrix(matrix, { seed: 1 });
  ourTimes.push(performance.now() - t0);
  sampleMemory();
}
const oursMs = median(ourTimes);
const oursRss = peakRss;
const oursHeap = peakHeap;
const recovered = analysis.participants.map((p) => p.group ?? -1);
const ari = adjustedRandIndex(Array.from(planted), recovered);

const dense = densify(matrix);
sampleMemory();
const t1 = performance.now();
const peer = new PCA(dense, { method: 'NIPALS', nCompNIPALS: 2 });
const peerMs = performance.now() - t1;
sampleMemory();
if (peer.getExplainedVariance().length === 0) {
  throw new Error('ml-pca returned no components');
}

const ratio = peerMs / oursMs;
const rows = [
  ['pipeline (PCA+clusters+repness+consensus)', `${oursMs.toFixed(0)} ms`],
  ['ml-pca NIPALS PCA only (dense)', `${peerMs.toFixed(0)} ms`],
  ['speed-up', `${ratio.toFixed(1)}×`],
  ['groups found / planted', `${analysis.groups.length} / ${GROUP_SHARES.length}`],
  ['ARI recovered vs planted', ari.toFixed(3)],
  ['PCA block iterations', String(analysis.pca.iterations)],
  ['peak rss / heap (pipeline)', `${mb(oursRss)} / ${mb(oursHeap)} MB`],
  ['peak rss / heap (incl. dense peer)', `${mb(peakRss)} / ${mb(peakHeap)} MB`],
];
console.log(`opinions bench: ${N_PARTICIPANTS} × ${N_STATEMENTS}, ${matrix.value.length} votes`);
for (const [label, value] of rows) {
  console.log(`  ${label!.padEnd(44)} ${value}`);
}
console.log(
  JSON.stringify({
    name: 'opinions.pipeline',
    ms: Math.round(oursMs),
    mb: mb(oursRss),
    heap_mb: mb(oursHeap),
    peer: 'ml-pca NIPALS',
    peer_ms: Math.round(peerMs),
    ratio: Math.round(ratio * 10) / 10,
    ari: Math.round(ari * 1000) / 1000,
    groups: analysis.groups.length,
    planted_groups: GROUP_SHARES.length,
    participants: N_PARTICIPANTS,
    statements: N_STATEMENTS,
    votes: matrix.value.length,
    runs_ms: ourTimes.map((t) => Math.round(t)),
  }),
);
console.log(
  JSON.stringify({
    name: 'opinions.peer.ml-pca',
    ms: Math.round(peerMs),
    mb: mb(peakRss),
    heap_mb: mb(peakHeap),
  }),
);
