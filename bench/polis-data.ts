/**
 * The Polis open-data conversations the fidelity tools read: `../shared/data/polis` beside the
 * checkout (looked for upwards, so a worktree finds it too), or the directory given as first
 * argument. Each conversation is a directory holding Polis' own export files.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Meta statements: Polis exports drop `is_meta`, so a host's demographic questions are named here,
 * as a facilitator would with `--meta`. Only london.youth.policing has them (statements 0–14,
 * written by the host: "I am between 15 and 19 years old", "My ethnicity is …"). */
export const META_STATEMENTS: Record<string, string[]> = {
  'london.youth.policing': Array.from({ length: 15 }, (_, i) => String(i)),
};

export interface PolisConversation {
  name: string;
  /** Text of one export file, undefined when the export lacks it. */
  read: (file: string) => string | undefined;
}

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

/** Conversations with a `participants-votes.csv` (Polis' groups), in name order. */
export function listPolisConversations(rootArg?: string): PolisConversation[] {
  const root = path.resolve(rootArg ?? defaultRoot());
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'participants-votes.csv')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      read: (file: string) => {
        const at = path.join(root, name, file);
        return existsSync(at) ? readFileSync(at, 'utf8') : undefined;
      },
    }));
}
