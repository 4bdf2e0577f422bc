/**
 * Fidelity to Polis on real conversations (dev tool, not a test: it reads ../shared/data/polis,
 * or the directory given as first argument). For every conversation it runs the same Essaim
 * import as `essaim opinions analyze` and compares the groups with the `group-id` Polis wrote in
 * `participants-votes.csv`: adjusted Rand index over the participants Polis grouped (ours
 * ungrouped count as one extra label), group counts, and how many participants each side grouped.
 *
 * Meta statements: Polis exports drop the `is_meta` flag, so a conversation whose host asked
 * demographic questions needs them named, as a facilitator would with `--meta`. The only such
 * conversation here is london.youth.policing (statements 0–14, written by the host, "I am between
 * 15 and 19 years old", "My ethnicity is …").
 *
 * Variants for study: INCLUSION=final (Polis' rule on the final counts instead of the replay),
 * CLUSTERING=polis (Polis' deterministic from-scratch seeding, no history).
 *
 * Run: npm run fidelity:polis [-- <dir>]
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { adjustedRandIndex, analyzePolisExport } from '@essaim/core/opinions';

const META: Record<string, string[]> = {
  'london.youth.policing': Array.from({ length: 15 }, (_, i) => String(i)),
};

/** `../shared/data/polis` beside the checkout (looked for upwards, so a worktree finds it too). */
function defaultRoot(): string {
  let dir = path.resolve(import.meta.dirname, '..');
  while (!existsSync(path.join(dir, 'shared/data/polis'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('no shared/data/polis found above the checkout; pass the directory as argument');
    }
    dir = parent;
  }
  return path.join(dir, 'shared/data/polis');
}

const root = path.resolve(process.argv[2] ?? defaultRoot());
const names = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const read = (dir: string, file: string): string | undefined => {
  const at = path.join(root, dir, file);
  return existsSync(at) ? readFileSync(at, 'utf8') : undefined;
};

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
for (const name of names) {
  const participantsVotes = read(name, 'participants-votes.csv');
  if (!participantsVotes) {
    continue;
  }
  const started = performance.now();
  const result = analyzePolisExport(
    {
      votes: read(name, 'votes.csv'),
      participantsVotes,
      comments: read(name, 'comments.csv'),
    },
    {
      metaStatements: META[name] ?? [],
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
