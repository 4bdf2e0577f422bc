/**
 * Fidelity to Polis on real conversations (dev tool, not a test: it reads ../shared/data/polis,
 * or the directory given as first argument). For every conversation it runs the same Essaim
 * import as `essaim opinions analyze` and compares the groups with the `group-id` Polis wrote in
 * `participants-votes.csv`: adjusted Rand index over the participants Polis grouped (ours
 * ungrouped count as one extra label), group counts, and how many participants each side grouped.
 *
 * Meta statements are named in `polis-data.ts` (Polis exports drop `is_meta`).
 *
 * Variants for study: INCLUSION=final (Polis' rule on the final counts instead of the replay),
 * CLUSTERING=polis (Polis' deterministic from-scratch seeding, no history).
 *
 * Run: npm run fidelity:polis [-- <dir>]
 */

import { adjustedRandIndex, analyzePolisExport } from '@essaim/core/opinions';
import { listPolisConversations, META_STATEMENTS } from './polis-data';

interface Row {
  name: string;
  source: string;
  ari: number;
  groupsPolis: number;
  groupsEssaim: number;
  groupedPolis: number;
  groupedEssaim: number;
  groupedBoth: number;
  ms: number;
}

const rows: Row[] = [];
for (const { name, read } of listPolisConversations(process.argv[2])) {
  const started = performance.now();
  const result = analyzePolisExport(
    {
      votes: read('votes.csv'),
      participantsVotes: read('participants-votes.csv'),
      comments: read('comments.csv'),
    },
    {
      metaStatements: META_STATEMENTS[name] ?? [],
      seed: 1,
      clustering: process.env.CLUSTERING === 'polis' ? 'polis' : 'essaim',
      inclusion: process.env.INCLUSION === 'final' ? 'final' : 'replay',
    },
  );
  const ms = performance.now() - started;
  const polis = result.polisGroups;
  const ours = new Map(result.analysis.participants.map((p) => [p.id, p.group]));
  const ids = [...polis.keys()];
  const ari = adjustedRandIndex(
    ids.map((id) => polis.get(id)!),
    ids.map((id) => String(ours.get(id) ?? 'none')),
  );
  rows.push({
    name,
    source: result.source,
    ari: Math.round(ari * 1000) / 1000,
    groupsPolis: new Set(polis.values()).size,
    groupsEssaim: result.analysis.groups.length,
    groupedPolis: ids.length,
    groupedEssaim: result.analysis.participants.filter((p) => p.group !== null).length,
    groupedBoth: ids.filter((id) => ours.get(id) != null).length,
    ms: Math.round(ms),
  });
}

const header = ['conversation', 'votes from', 'ARI', 'groups P/E', 'grouped P/E', 'both', 'ms'];
const table = rows.map((r) => [
  r.name,
  r.source,
  r.ari.toFixed(3),
  `${r.groupsPolis}/${r.groupsEssaim}`,
  `${r.groupedPolis}/${r.groupedEssaim}`,
  String(r.groupedBoth),
  String(r.ms),
]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((t) => t[c]!.length)));
const line = (cells: string[]) => cells.map((s, c) => s.padEnd(widths[c]!)).join('  ');
console.log(line(header));
for (const t of table) {
  console.log(line(t));
}
for (const r of rows) {
  console.log(JSON.stringify({ ...r, name: `fidelity:polis:${r.name}`, peer: 'polis group-id' }));
}
