/**
 * @module Dot voting: each participant spends at most `dotsPerParticipant` dots, at most
 * `maxPerItem` on one item, and can take a dot back. Totals are kept incrementally so a vote is O(1).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, bump, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, hasItem, SAMPLE_ITEMS, startWith } from './common';

export interface DotVoteConfig {
  readonly items: readonly Item[];
  readonly dotsPerParticipant: number;
  readonly maxPerItem: number;
}

export interface DotVoteData {
  /** Participant → item → dots. */
  byParticipant: Record<string, Record<string, number>>;
  usedByParticipant: Record<string, number>;
  totals: Record<string, number>;
}

export interface DotVoteActivity extends ActivityCommon {
  readonly type: 'dotVote';
  readonly config: DotVoteConfig;
  data: DotVoteData;
}

export type DotVoteCommand =
  | { readonly type: 'dotVote.place'; readonly activityId: string; readonly itemId: string }
  | { readonly type: 'dotVote.revoke'; readonly activityId: string; readonly itemId: string };

export type DotVoteEvent =
  | {
      readonly type: 'dotVote.placed';
      readonly activityId: string;
      readonly participantId: string;
      readonly itemId: string;
    }
  | {
      readonly type: 'dotVote.revoked';
      readonly activityId: string;
      readonly participantId: string;
      readonly itemId: string;
    };

export interface DotVoteResults {
  readonly type: 'dotVote';
  readonly isHidden: false;
  /** Items by decreasing dots (ties keep the configured order). */
  readonly items: readonly { readonly id: string; readonly label: string; readonly dots: number }[];
  readonly totalDots: number;
}

export interface DotVoteOwnState {
  readonly dots: Readonly<Record<string, number>>;
  readonly remaining: number;
}

export function validateDotVoteConfig(config: DotVoteConfig): string | null {
  if (!isIntegerIn(config.dotsPerParticipant, 1, 100)) {
    return 'dotsPerParticipant must be 1..100';
  }
  if (!isIntegerIn(config.maxPerItem, 1, config.dotsPerParticipant)) {
    return 'maxPerItem must be 1..dotsPerParticipant';
  }
  return checkItems(config.items);
}

export function createDotVoteData(): DotVoteData {
  return { byParticipant: {}, usedByParticipant: {}, totals: {} };
}

export function decideDotVote(
  ctx: DecideContext<DotVoteActivity>,
  command: DotVoteCommand,
): BodyDecision<DotVoteEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants vote');
  }
  if (!hasItem(activity.config.items, command.itemId)) {
    return reject('NOT_FOUND', 'no such item');
  }
  const mine = own(activity.data.byParticipant, participantId);
  const onItem = (mine && own(mine, command.itemId)) ?? 0;
  const base = { activityId: activity.id, participantId, itemId: command.itemId };
  if (command.type === 'dotVote.revoke') {
    return onItem > 0
      ? accept({ type: 'dotVote.revoked', ...base })
      : reject('CONFLICT', 'no dot on this item');
  }
  if ((own(activity.data.usedByParticipant, participantId) ?? 0) >= activity.config.dotsPerParticipant) {
    return reject('LIMIT_REACHED', `all ${activity.config.dotsPerParticipant} dots are placed`);
  }
  if (onItem >= activity.config.maxPerItem) {
    return reject('LIMIT_REACHED', `at most ${activity.config.maxPerItem} dots on one item`);
  }
  return accept({ type: 'dotVote.placed', ...base });
}

export function applyDotVote(activity: DotVoteActivity, event: DotVoteEvent): void {
  const data = activity.data;
  const delta = event.type === 'dotVote.placed' ? 1 : -1;
  bump(data.totals, event.itemId, delta);
  if (event.participantId === REDACTED_ID) {
    return;
  }
  let mine = own(data.byParticipant, event.participantId);
  if (mine === undefined) {
    mine = {};
    data.byParticipant[event.participantId] = mine;
  }
  bump(mine, event.itemId, delta);
  bump(data.usedByParticipant, event.participantId, delta);
}

export function resultsOfDotVote(ctx: ResultsContext<DotVoteActivity>): DotVoteResults {
  const totals = ctx.activity.data.totals;
  const items = ctx.activity.config.items
    .map((item) => ({ id: item.id, label: item.label, dots: own(totals, item.id) ?? 0 }))
    .sort((a, b) => b.dots - a.dots);
  return {
    type: 'dotVote',
    isHidden: false,
    items,
    totalDots: items.reduce((sum, item) => sum + item.dots, 0),
  };
}

export function ownStateOfDotVote(activity: DotVoteActivity, participantId: string): DotVoteOwnState {
  const dots = { ...(own(activity.data.byParticipant, participantId) ?? {}) };
  const used = own(activity.data.usedByParticipant, participantId) ?? 0;
  return { dots, remaining: activity.config.dotsPerParticipant - used };
}

export function redactDotVote(activity: DotVoteActivity, participantId: string): DotVoteData {
  const data = createDotVoteData();
  const mine = own(activity.data.byParticipant, participantId);
  if (mine !== undefined) {
    data.byParticipant[participantId] = { ...mine };
    data.usedByParticipant[participantId] = own(activity.data.usedByParticipant, participantId) ?? 0;
  }
  // Unrevealed: the replica only knows its own dots, so later revokes stay consistent.
  data.totals = activity.isRevealed ? { ...activity.data.totals } : { ...(mine ?? {}) };
  return data;
}

/**
 * The dotVote activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const dotVoteModule = {
  kind: 'dotVote',
  defaults: { dotsPerParticipant: 3, maxPerItem: 3 },
  /** About a third of the items as dots (the usual rule of thumb), at most two on one item. */
  fromAgenda: ({ items }) => {
    const list = items();
    const dots = Math.min(10, Math.max(1, Math.round(list.length / 3)));
    return startWith({ items: list, dotsPerParticipant: dots, maxPerItem: Math.min(dots, 2) });
  },
  sample: {
    config: () => ({ items: SAMPLE_ITEMS, dotsPerParticipant: 3, maxPerItem: 2 }),
    input: (activityId, p) => ({ type: 'dotVote.place', activityId, itemId: p === 'p1' ? 'a' : 'b' }),
  },
  validate: validateDotVoteConfig,
  create: createDotVoteData,
  decide: decideDotVote,
  apply: applyDotVote,
  results: resultsOfDotVote,
  ownState: ownStateOfDotVote,
  redact: redactDotVote,
} as const satisfies ActivityModule<DotVoteActivity, DotVoteCommand, DotVoteEvent> &
  ActivityDefaults<DotVoteActivity>;
