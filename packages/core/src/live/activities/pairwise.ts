/**
 * @module Pairwise comparison: a participant is shown one pair at a time ({@link nextPair}) and
 * picks one; choosing again for the same pair replaces the earlier choice. Ranked by
 * Bradley–Terry (MM fit, see `../bradley-terry`).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import { fitBradleyTerry } from '../bradley-terry';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, bump, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, hasItem, SAMPLE_ITEMS, startWith } from './common';

export interface PairwiseConfig {
  readonly items: readonly Item[];
  /** Cap on pairs shown to one participant (`null`: every pair). */
  readonly maxComparisonsPerParticipant: number | null;
}

export interface PairwiseData {
  /** Participant → pair key → chosen item. */
  byParticipant: Record<string, Record<string, string>>;
  /** Winner → loser → count. */
  wins: Record<string, Record<string, number>>;
  /** Pair key → number of judgements (drives {@link nextPair}). */
  pairCounts: Record<string, number>;
}

export interface PairwiseActivity extends ActivityCommon {
  readonly type: 'pairwise';
  readonly config: PairwiseConfig;
  data: PairwiseData;
}

export type PairwiseCommand = {
  readonly type: 'pairwise.choose';
  readonly activityId: string;
  readonly winnerId: string;
  readonly loserId: string;
};

export type PairwiseEvent = {
  readonly type: 'pairwise.chosen';
  readonly activityId: string;
  readonly participantId: string;
  readonly winnerId: string;
  readonly loserId: string;
  /** Winner this participant chose earlier for the same pair, if any. */
  readonly previousWinnerId: string | null;
};

export interface PairwiseResults {
  readonly type: 'pairwise';
  readonly isHidden: false;
  readonly comparisonCount: number;
  /** By decreasing Bradley–Terry strength (sums to 1). */
  readonly items: readonly {
    readonly id: string;
    readonly label: string;
    readonly strength: number;
    readonly wins: number;
  }[];
}

/** Order-free key of a pair (`|` never occurs in ids). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function validatePairwiseConfig(config: PairwiseConfig): string | null {
  if (
    config.maxComparisonsPerParticipant !== null &&
    !isIntegerIn(config.maxComparisonsPerParticipant, 1, 100_000)
  ) {
    return 'maxComparisonsPerParticipant must be null or a positive integer';
  }
  return config.items.length < 2 ? 'at least 2 items' : checkItems(config.items);
}

export function createPairwiseData(): PairwiseData {
  return { byParticipant: {}, wins: {}, pairCounts: {} };
}

export function decidePairwise(
  ctx: DecideContext<PairwiseActivity>,
  command: PairwiseCommand,
): BodyDecision<PairwiseEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants compare');
  }
  const { winnerId, loserId } = command;
  if (
    winnerId === loserId ||
    !hasItem(activity.config.items, winnerId) ||
    !hasItem(activity.config.items, loserId)
  ) {
    return reject('INVALID', 'choose between two different items');
  }
  const mine = own(activity.data.byParticipant, participantId);
  const previousWinnerId = (mine && own(mine, pairKey(winnerId, loserId))) ?? null;
  const limit = activity.config.maxComparisonsPerParticipant;
  if (previousWinnerId === null && limit !== null && Object.keys(mine ?? {}).length >= limit) {
    return reject('LIMIT_REACHED', `at most ${limit} comparisons each`);
  }
  return accept({
    type: 'pairwise.chosen',
    activityId: activity.id,
    participantId,
    winnerId,
    loserId,
    previousWinnerId,
  });
}

function addWin(data: PairwiseData, winnerId: string, loserId: string, delta: number): void {
  let row = own(data.wins, winnerId);
  if (row === undefined) {
    row = {};
    data.wins[winnerId] = row;
  }
  bump(row, loserId, delta);
}

export function applyPairwise(activity: PairwiseActivity, event: PairwiseEvent): void {
  const data = activity.data;
  const key = pairKey(event.winnerId, event.loserId);
  if (event.previousWinnerId === null) {
    bump(data.pairCounts, key, 1);
  } else {
    const previousLoser = event.previousWinnerId === event.winnerId ? event.loserId : event.winnerId;
    addWin(data, event.previousWinnerId, previousLoser, -1);
  }
  addWin(data, event.winnerId, event.loserId, 1);
  if (event.participantId === REDACTED_ID) {
    return;
  }
  let mine = own(data.byParticipant, event.participantId);
  if (mine === undefined) {
    mine = {};
    data.byParticipant[event.participantId] = mine;
  }
  mine[key] = event.winnerId;
}

/** FNV-1a 32-bit hash: a deterministic, per-participant tie-break. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * The pair to show next to a participant: among pairs they have not judged, the least judged
 * overall (spreads comparisons evenly), ties broken by a per-participant hash so that people see
 * different pairs. Sides are swapped by the hash too. `null` when done or at the cap. O(n²).
 */
export function nextPair(
  activity: PairwiseActivity,
  participantId: string,
): { readonly leftId: string; readonly rightId: string } | null {
  const mine = own(activity.data.byParticipant, participantId) ?? {};
  const limit = activity.config.maxComparisonsPerParticipant;
  if (limit !== null && Object.keys(mine).length >= limit) {
    return null;
  }
  const ids = activity.config.items.map((item) => item.id);
  let best: { key: string; a: string; b: string; count: number; tie: number } | null = null;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!;
      const b = ids[j]!;
      const key = pairKey(a, b);
      if (Object.hasOwn(mine, key)) {
        continue;
      }
      const count = own(activity.data.pairCounts, key) ?? 0;
      const tie = hash(`${participantId}#${key}`);
      if (best === null || count < best.count || (count === best.count && tie < best.tie)) {
        best = { key, a, b, count, tie };
      }
    }
  }
  if (best === null) {
    return null;
  }
  return best.tie % 2 === 0 ? { leftId: best.a, rightId: best.b } : { leftId: best.b, rightId: best.a };
}

export function resultsOfPairwise(ctx: ResultsContext<PairwiseActivity>): PairwiseResults {
  const { config, data } = ctx.activity;
  const ids = config.items.map((item) => item.id);
  const matrix = ids.map((winner) => ids.map((loser) => own(own(data.wins, winner) ?? {}, loser) ?? 0));
  const { strengths } = fitBradleyTerry(matrix);
  const items = config.items
    .map((item, i) => ({
      id: item.id,
      label: item.label,
      strength: strengths[i] ?? 0,
      wins: matrix[i]!.reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.strength - a.strength);
  const comparisonCount = Object.values(data.pairCounts).reduce((a, b) => a + b, 0);
  return { type: 'pairwise', isHidden: false, comparisonCount, items };
}

export function ownStateOfPairwise(
  activity: PairwiseActivity,
  participantId: string,
): Readonly<Record<string, string>> {
  return { ...(own(activity.data.byParticipant, participantId) ?? {}) };
}

export function redactPairwise(activity: PairwiseActivity, participantId: string): PairwiseData {
  const data = createPairwiseData();
  const mine = own(activity.data.byParticipant, participantId);
  if (activity.isRevealed) {
    data.pairCounts = { ...activity.data.pairCounts };
    for (const [winner, row] of Object.entries(activity.data.wins)) {
      data.wins[winner] = { ...row };
    }
  } else {
    for (const [key, winner] of Object.entries(mine ?? {})) {
      const [a, b] = key.split('|') as [string, string];
      bump(data.pairCounts, key, 1);
      addWin(data, winner, winner === a ? b : a, 1);
    }
  }
  if (mine !== undefined) {
    data.byParticipant[participantId] = { ...mine };
  }
  return data;
}

/**
 * The pairwise activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const pairwiseModule = {
  kind: 'pairwise',
  defaults: { maxComparisonsPerParticipant: null },
  fromAgenda: ({ items }) => startWith({ maxComparisonsPerParticipant: null, items: items() }),
  sample: {
    config: () => ({ items: SAMPLE_ITEMS, maxComparisonsPerParticipant: null }),
    input: (activityId, p) =>
      p === 'p1'
        ? { type: 'pairwise.choose', activityId, winnerId: 'a', loserId: 'b' }
        : { type: 'pairwise.choose', activityId, winnerId: 'b', loserId: 'c' },
  },
  validate: validatePairwiseConfig,
  create: createPairwiseData,
  decide: decidePairwise,
  apply: applyPairwise,
  results: resultsOfPairwise,
  ownState: ownStateOfPairwise,
  redact: redactPairwise,
} as const satisfies ActivityModule<PairwiseActivity, PairwiseCommand, PairwiseEvent> &
  ActivityDefaults<PairwiseActivity>;
