/**
 * @module Rating: one score per participant per item on 1–5 or 0–10, changeable.
 * Events carry the previous score so aggregates update in O(1) even on a redacted replica.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, hasItem, SAMPLE_ITEMS, startWith, zeros } from './common';
import type { HistogramSummary } from './histogram';
import { summarizeHistogram } from './histogram';

export const RATING_SCALE_NAMES = ['oneToFive', 'zeroToTen'] as const;
export type RatingScale = (typeof RATING_SCALE_NAMES)[number];

export const RATING_SCALES: Readonly<Record<RatingScale, { readonly min: number; readonly max: number }>> = {
  oneToFive: { min: 1, max: 5 },
  zeroToTen: { min: 0, max: 10 },
};

export interface RatingConfig {
  readonly items: readonly Item[];
  readonly scale: RatingScale;
}

export interface RatingData {
  byParticipant: Record<string, Record<string, number>>;
  /** Item → counts per score (index 0 is the scale minimum). */
  histograms: Record<string, number[]>;
}

export interface RatingActivity extends ActivityCommon {
  readonly type: 'rating';
  readonly config: RatingConfig;
  data: RatingData;
}

export type RatingCommand = {
  readonly type: 'rating.rate';
  readonly activityId: string;
  readonly itemId: string;
  readonly value: number;
};

export type RatingEvent = {
  readonly type: 'rating.rated';
  readonly activityId: string;
  readonly participantId: string;
  readonly itemId: string;
  readonly value: number;
  readonly previous: number | null;
};

export interface RatingResults {
  readonly type: 'rating';
  readonly isHidden: false;
  readonly scale: RatingScale;
  readonly items: readonly (HistogramSummary & {
    readonly id: string;
    readonly label: string;
    readonly histogram: readonly number[];
  })[];
}

export function validateRatingConfig(config: RatingConfig): string | null {
  return Object.hasOwn(RATING_SCALES, config.scale)
    ? checkItems(config.items)
    : 'scale must be oneToFive or zeroToTen';
}

export function createRatingData(): RatingData {
  return { byParticipant: {}, histograms: {} };
}

export function decideRating(
  ctx: DecideContext<RatingActivity>,
  command: RatingCommand,
): BodyDecision<RatingEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants rate');
  }
  if (!hasItem(activity.config.items, command.itemId)) {
    return reject('NOT_FOUND', 'no such item');
  }
  const { min, max } = RATING_SCALES[activity.config.scale];
  if (!isIntegerIn(command.value, min, max)) {
    return reject('INVALID', `rating must be an integer in ${min}..${max}`);
  }
  const mine = own(activity.data.byParticipant, participantId);
  const previous = (mine && own(mine, command.itemId)) ?? null;
  return accept({
    type: 'rating.rated',
    activityId: activity.id,
    participantId,
    itemId: command.itemId,
    value: command.value,
    previous,
  });
}

export function applyRating(activity: RatingActivity, event: RatingEvent): void {
  const { min, max } = RATING_SCALES[activity.config.scale];
  const data = activity.data;
  let histogram = own(data.histograms, event.itemId);
  if (histogram === undefined) {
    histogram = zeros(max - min + 1);
    data.histograms[event.itemId] = histogram;
  }
  if (event.previous !== null) {
    histogram[event.previous - min]! -= 1;
  }
  histogram[event.value - min]! += 1;
  if (event.participantId === REDACTED_ID) {
    return;
  }
  let mine = own(data.byParticipant, event.participantId);
  if (mine === undefined) {
    mine = {};
    data.byParticipant[event.participantId] = mine;
  }
  mine[event.itemId] = event.value;
}

export function resultsOfRating(ctx: ResultsContext<RatingActivity>): RatingResults {
  const { activity } = ctx;
  const { min, max } = RATING_SCALES[activity.config.scale];
  const items = activity.config.items.map((item) => {
    const histogram = own(activity.data.histograms, item.id) ?? zeros(max - min + 1);
    return {
      id: item.id,
      label: item.label,
      histogram: [...histogram],
      ...summarizeHistogram(histogram, min),
    };
  });
  return { type: 'rating', isHidden: false, scale: activity.config.scale, items };
}

export function ownStateOfRating(
  activity: RatingActivity,
  participantId: string,
): Readonly<Record<string, number>> {
  return { ...(own(activity.data.byParticipant, participantId) ?? {}) };
}

export function redactRating(activity: RatingActivity, participantId: string): RatingData {
  const data = createRatingData();
  const mine = own(activity.data.byParticipant, participantId);
  if (mine !== undefined) {
    data.byParticipant[participantId] = { ...mine };
  }
  if (activity.isRevealed) {
    for (const [itemId, histogram] of Object.entries(activity.data.histograms)) {
      data.histograms[itemId] = [...histogram];
    }
  } else if (mine !== undefined) {
    // Unrevealed: the replica only knows its own scores, so later changes stay consistent.
    const { min, max } = RATING_SCALES[activity.config.scale];
    for (const [itemId, value] of Object.entries(mine)) {
      const histogram = zeros(max - min + 1);
      histogram[value - min] = 1;
      data.histograms[itemId] = histogram;
    }
  }
  return data;
}

/**
 * The rating activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const ratingModule = {
  kind: 'rating',
  defaults: { scale: 'oneToFive' },
  fromAgenda: ({ items }) => startWith({ scale: 'oneToFive' as const, items: items() }),
  sample: {
    config: () => ({ items: SAMPLE_ITEMS, scale: 'oneToFive' }),
    input: (activityId, p) => ({ type: 'rating.rate', activityId, itemId: 'a', value: p === 'p1' ? 5 : 1 }),
  },
  validate: validateRatingConfig,
  create: createRatingData,
  decide: decideRating,
  apply: applyRating,
  results: resultsOfRating,
  ownState: ownStateOfRating,
  redact: redactRating,
} as const satisfies ActivityModule<RatingActivity, RatingCommand, RatingEvent> &
  ActivityDefaults<RatingActivity>;
