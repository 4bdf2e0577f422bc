/**
 * @module Ranking: each participant submits a complete order of the items (resubmitting
 * replaces it); aggregated by Borda count with per-item rank spread (see `../borda`).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { BordaItem } from '../borda';
import { bordaFromPositions } from '../borda';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, SAMPLE_ITEMS, startWith, zeros } from './common';

export interface RankingConfig {
  readonly items: readonly Item[];
}

export interface RankingData {
  byParticipant: Record<string, string[]>;
  /** Item → number of ballots placing it at each 0-based position. */
  positions: Record<string, number[]>;
  ballotCount: number;
}

export interface RankingActivity extends ActivityCommon {
  readonly type: 'ranking';
  readonly config: RankingConfig;
  data: RankingData;
}

export type RankingCommand = {
  readonly type: 'ranking.submit';
  readonly activityId: string;
  /** Every item id exactly once, best first. */
  readonly order: readonly string[];
};

export type RankingEvent = {
  readonly type: 'ranking.submitted';
  readonly activityId: string;
  readonly participantId: string;
  readonly order: readonly string[];
  readonly previous: readonly string[] | null;
};

export interface RankingResults {
  readonly type: 'ranking';
  readonly isHidden: false;
  readonly ballotCount: number;
  readonly items: readonly (BordaItem & { readonly label: string })[];
}

export function validateRankingConfig(config: RankingConfig): string | null {
  return checkItems(config.items);
}

export function createRankingData(): RankingData {
  return { byParticipant: {}, positions: {}, ballotCount: 0 };
}

export function decideRanking(
  ctx: DecideContext<RankingActivity>,
  command: RankingCommand,
): BodyDecision<RankingEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants rank');
  }
  const ids = activity.config.items.map((item) => item.id);
  const order = command.order;
  if (!Array.isArray(order) || order.length !== ids.length || new Set(order).size !== ids.length) {
    return reject('INVALID', 'order must list every item exactly once');
  }
  if (!order.every((id) => ids.includes(id))) {
    return reject('INVALID', 'order names an unknown item');
  }
  const previous = own(activity.data.byParticipant, participantId) ?? null;
  return accept({
    type: 'ranking.submitted',
    activityId: activity.id,
    participantId,
    order: [...order],
    previous,
  });
}

function addBallot(data: RankingData, order: readonly string[], size: number, delta: number): void {
  order.forEach((id, p) => {
    let histogram = own(data.positions, id);
    if (histogram === undefined) {
      histogram = zeros(size);
      data.positions[id] = histogram;
    }
    histogram[p]! += delta;
  });
  data.ballotCount += delta;
}

export function applyRanking(activity: RankingActivity, event: RankingEvent): void {
  const size = activity.config.items.length;
  if (event.previous !== null) {
    addBallot(activity.data, event.previous, size, -1);
  }
  addBallot(activity.data, event.order, size, 1);
  if (event.participantId !== REDACTED_ID) {
    activity.data.byParticipant[event.participantId] = [...event.order];
  }
}

export function resultsOfRanking(ctx: ResultsContext<RankingActivity>): RankingResults {
  const { config, data } = ctx.activity;
  const labels = new Map(config.items.map((item) => [item.id, item.label]));
  const items = bordaFromPositions(
    config.items.map((item) => item.id),
    data.positions,
  ).map((row) => ({ ...row, label: labels.get(row.id) ?? '' }));
  return { type: 'ranking', isHidden: false, ballotCount: data.ballotCount, items };
}

export function ownStateOfRanking(
  activity: RankingActivity,
  participantId: string,
): readonly string[] | null {
  const order = own(activity.data.byParticipant, participantId);
  return order === undefined ? null : [...order];
}

export function redactRanking(activity: RankingActivity, participantId: string): RankingData {
  const data = createRankingData();
  const mine = own(activity.data.byParticipant, participantId);
  if (activity.isRevealed) {
    data.ballotCount = activity.data.ballotCount;
    for (const [id, histogram] of Object.entries(activity.data.positions)) {
      data.positions[id] = [...histogram];
    }
  } else if (mine !== undefined) {
    addBallot(data, mine, activity.config.items.length, 1);
  }
  if (mine !== undefined) {
    data.byParticipant[participantId] = [...mine];
  }
  return data;
}

/**
 * The ranking activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const rankingModule = {
  kind: 'ranking',
  defaults: {},
  fromAgenda: ({ items }) => startWith({ items: items() }),
  sample: {
    config: () => ({ items: SAMPLE_ITEMS }),
    input: (activityId, p) => ({
      type: 'ranking.submit',
      activityId,
      order: p === 'p1' ? ['c', 'b', 'a'] : ['a', 'b', 'c'],
    }),
  },
  validate: validateRankingConfig,
  create: createRankingData,
  decide: decideRanking,
  apply: applyRanking,
  results: resultsOfRanking,
  ownState: ownStateOfRanking,
  redact: redactRanking,
} as const satisfies ActivityModule<RankingActivity, RankingCommand, RankingEvent> &
  ActivityDefaults<RankingActivity>;
