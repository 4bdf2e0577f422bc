/**
 * @module Budget allocation ("100 points", also called cumulative voting or the hundred-dollar test,
 * D. Leffingwell & D. Widrig, "Managing Software Requirements", 2nd ed., 2003): each participant spreads a
 * fixed budget over the items; the server refuses an allocation above it. Results give each item its
 * total, its share of everything spent and the spread of opinions (population standard deviation of what
 * participants gave it, counting 0 for those who gave nothing).
 *
 * A participant sends a whole allocation, which replaces the previous one; the event carries the previous
 * allocation so redacted replicas keep the same totals without knowing who changed what.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, hasItem, SAMPLE_ITEMS, startWith } from './common';

export const MAX_BUDGET = 10_000;

export interface BudgetConfig {
  readonly items: readonly Item[];
  /** Points each participant spreads (100 by default). */
  readonly budget: number;
}

export type Allocation = Readonly<Record<string, number>>;

export interface BudgetData {
  /** Participant → item → points (only the viewer's own in a participant's copy). */
  byParticipant: Record<string, Record<string, number>>;
  totals: Record<string, number>;
  /** Sum of squared points per item, for the spread. */
  squares: Record<string, number>;
  /** Participants who allocated at least once. */
  voterCount: number;
}

export interface BudgetActivity extends ActivityCommon {
  readonly type: 'budget';
  readonly config: BudgetConfig;
  data: BudgetData;
}

export type BudgetCommand = {
  readonly type: 'budget.allocate';
  readonly activityId: string;
  readonly allocation: Allocation;
};

export type BudgetEvent = {
  readonly type: 'budget.allocated';
  readonly activityId: string;
  readonly participantId: string;
  readonly allocation: Allocation;
  readonly previous: Allocation | null;
};

export interface BudgetResults {
  readonly type: 'budget';
  readonly isHidden: false;
  readonly budget: number;
  readonly voterCount: number;
  readonly spent: number;
  /** Items by decreasing total (ties keep the configured order). */
  readonly items: readonly {
    readonly id: string;
    readonly label: string;
    readonly total: number;
    /** Share of all points spent (0..1). */
    readonly share: number;
    /** Mean points per voter and their population standard deviation. */
    readonly mean: number;
    readonly spread: number;
  }[];
}

export function validateBudgetConfig(config: BudgetConfig): string | null {
  if (!isIntegerIn(config.budget, 1, MAX_BUDGET)) {
    return `budget must be an integer 1..${MAX_BUDGET}`;
  }
  return checkItems(config.items);
}

export function createBudgetData(): BudgetData {
  return { byParticipant: {}, totals: {}, squares: {}, voterCount: 0 };
}

/** Sum of an allocation's points. */
export function spentOf(allocation: Allocation): number {
  return Object.values(allocation).reduce((sum, n) => sum + n, 0);
}

export function decideBudget(
  ctx: DecideContext<BudgetActivity>,
  command: BudgetCommand,
): BodyDecision<BudgetEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants allocate');
  }
  const allocation: Record<string, number> = {};
  const given = command.allocation;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    return reject('INVALID', 'allocation must map items to points');
  }
  for (const [itemId, points] of Object.entries(given)) {
    if (!hasItem(activity.config.items, itemId)) {
      return reject('NOT_FOUND', `no such item: ${itemId}`);
    }
    if (!isIntegerIn(points, 0, MAX_BUDGET)) {
      return reject('INVALID', 'points must be whole numbers from 0');
    }
    if (points > 0) {
      allocation[itemId] = points;
    }
  }
  const spent = spentOf(allocation);
  if (spent > activity.config.budget) {
    return reject('LIMIT_REACHED', `${spent} points is over the budget of ${activity.config.budget}`);
  }
  const previous = own(activity.data.byParticipant, participantId) ?? null;
  return accept({
    type: 'budget.allocated',
    activityId: activity.id,
    participantId,
    allocation,
    previous: previous === null ? null : { ...previous },
  });
}

function add(data: BudgetData, allocation: Allocation, sign: 1 | -1): void {
  for (const [itemId, points] of Object.entries(allocation)) {
    const total = (own(data.totals, itemId) ?? 0) + sign * points;
    const square = (own(data.squares, itemId) ?? 0) + sign * points * points;
    if (total === 0) {
      delete data.totals[itemId];
      delete data.squares[itemId];
    } else {
      data.totals[itemId] = total;
      data.squares[itemId] = square;
    }
  }
}

export function applyBudget(activity: BudgetActivity, event: BudgetEvent): void {
  const data = activity.data;
  if (event.previous === null) {
    data.voterCount += 1;
  } else {
    add(data, event.previous, -1);
  }
  add(data, event.allocation, 1);
  if (event.participantId !== REDACTED_ID) {
    data.byParticipant[event.participantId] = { ...event.allocation };
  }
}

export function resultsOfBudget(ctx: ResultsContext<BudgetActivity>): BudgetResults {
  const { data, config } = ctx.activity;
  const spent = Object.values(data.totals).reduce((a, b) => a + b, 0);
  const voters = data.voterCount;
  const items = config.items
    .map((item) => {
      const total = own(data.totals, item.id) ?? 0;
      const mean = voters > 0 ? total / voters : 0;
      const variance = voters > 0 ? (own(data.squares, item.id) ?? 0) / voters - mean * mean : 0;
      return {
        id: item.id,
        label: item.label,
        total,
        share: spent > 0 ? total / spent : 0,
        mean,
        spread: Math.sqrt(Math.max(0, variance)),
      };
    })
    .sort((a, b) => b.total - a.total);
  return { type: 'budget', isHidden: false, budget: config.budget, voterCount: voters, spent, items };
}

export function ownStateOfBudget(
  activity: BudgetActivity,
  participantId: string,
): { readonly allocation: Allocation; readonly remaining: number } {
  const allocation = { ...(own(activity.data.byParticipant, participantId) ?? {}) };
  return { allocation, remaining: activity.config.budget - spentOf(allocation) };
}

export function redactBudget(activity: BudgetActivity, participantId: string): BudgetData {
  const mine = own(activity.data.byParticipant, participantId);
  if (activity.isRevealed) {
    return {
      byParticipant: mine === undefined ? {} : { [participantId]: { ...mine } },
      totals: { ...activity.data.totals },
      squares: { ...activity.data.squares },
      voterCount: activity.data.voterCount,
    };
  }
  // Unrevealed: the replica only knows its own allocation, so later changes stay consistent.
  const data = createBudgetData();
  if (mine !== undefined) {
    data.byParticipant[participantId] = { ...mine };
    data.voterCount = 1;
    add(data, mine, 1);
  }
  return data;
}

export const budgetModule = {
  kind: 'budget',
  defaults: { budget: 100 },
  /** 100 points over the workshop's latest results (the top items of a vote or a matrix). */
  fromAgenda: ({ items }) => startWith({ budget: 100, items: items().slice(0, 8) }),
  sample: {
    config: () => ({ items: SAMPLE_ITEMS, budget: 100 }),
    input: (activityId, p) => ({
      type: 'budget.allocate',
      activityId,
      allocation: (p === 'p1' ? { a: 70, b: 30 } : { c: 100 }) as Allocation,
    }),
  },
  validate: validateBudgetConfig,
  create: createBudgetData,
  decide: decideBudget,
  apply: applyBudget,
  results: resultsOfBudget,
  ownState: ownStateOfBudget,
  redact: redactBudget,
} as const satisfies ActivityModule<BudgetActivity, BudgetCommand, BudgetEvent> &
  ActivityDefaults<BudgetActivity>;
