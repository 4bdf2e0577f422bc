/**
 * Replays a conversation to rebuild who Polis clustered (`conversation.clj`, `:in-conv`).
 *
 * Polis updates its model as votes arrive. At every update a participant joins the in-conv set
 * when they have voted on at least min(7, n) statements, n being the number of statements that
 * had received a vote by then (votes on moderated-out statements count: they stay in the raw
 * matrix); once in, a participant stays in. If fewer than 15 are in after an update, the most
 * active remaining voters are added until there are 15 (`greedy-n`), and they stay in too. So the
 * first voters of a conversation are grouped even with one vote, and someone who voted 5 times when
 * only 5 statements existed stays grouped after the conversation grew to 50.
 *
 * Replay: votes in timestamp order, one update per distinct timestamp (a batch). Because a
 * participant's count only changes when they vote and the threshold only grows, checking the voter
 * at each of their own votes finds exactly the updates where they qualified.
 */

import type { Vote } from './vote-matrix';

export interface InclusionOptions {
  /** Polis' 7. */
  minVotes?: number;
  /** Polis' greedy-n, 15. */
  greedyN?: number;
}

/** Participants Polis had in its in-conv set after the last vote. */
export function replayPolisInclusion(votes: readonly Vote[], options: InclusionOptions = {}): string[] {
  const minVotes = options.minVotes ?? 7;
  const greedyN = options.greedyN ?? 15;
  const order = votes.map((_, i) => i);
  order.sort((a, b) => (votes[a]!.timestamp ?? 0) - (votes[b]!.timestamp ?? 0) || a - b);
  const seen = new Map<string, Set<string>>();
  const voted = new Set<string>();
  const included = new Set<string>();
  const arrival = new Map<string, number>();
  let i = 0;
  while (i < order.length) {
    const batchTime = votes[order[i]!]!.timestamp ?? 0;
    const voters: string[] = [];
    for (; i < order.length && (votes[order[i]!]!.timestamp ?? 0) === batchTime; i++) {
      const v = votes[order[i]!]!;
      let row = seen.get(v.participant);
      if (!row) {
        row = new Set();
        seen.set(v.participant, row);
        arrival.set(v.participant, arrival.size);
      }
      row.add(v.statement);
      voted.add(v.statement);
      voters.push(v.participant);
    }
    const threshold = Math.min(minVotes, voted.size);
    for (const p of voters) {
      if (seen.get(p)!.size >= threshold) {
        included.add(p);
      }
    }
    if (included.size < greedyN) {
      // Most active first; equal counts by arrival, a deterministic stand-in for Polis' map order.
      const rest = [...seen.keys()]
        .filter((p) => !included.has(p))
        .sort((a, b) => seen.get(b)!.size - seen.get(a)!.size || arrival.get(a)! - arrival.get(b)!);
      for (const p of rest.slice(0, greedyN - included.size)) {
        included.add(p);
      }
    }
  }
  return [...included];
}
