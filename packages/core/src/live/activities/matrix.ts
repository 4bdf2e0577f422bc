/**
 * @module 2×2 matrix: each participant places items on two named axes (impact × effort, urgency ×
 * importance…), each from 0 to 100. The results give every item its mean position and the spread of
 * the room on each axis (population standard deviation), the two things a priority grid is read for.
 * The facilitator can also reveal the individual placements, only ever as anonymous points.
 *
 * Sums and sums of squares are kept per item so a placement is O(1) and a redacted replica, which sees
 * the placement's previous position in the event, keeps the same aggregates without knowing who moved.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, cleanText, cloneData, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, hasItem, MAX_LABEL, SAMPLE_ITEMS, startWith } from './common';

export const MATRIX_MAX = 100;

export interface MatrixAxis {
  /** What the axis measures, e.g. "Impact". */
  readonly label: string;
  /** The words at 0 and at 100, e.g. "low" and "high". */
  readonly low: string;
  readonly high: string;
}

export interface MatrixConfig {
  readonly items: readonly Item[];
  readonly x: MatrixAxis;
  readonly y: MatrixAxis;
}

/** Running sums of one item's placements. */
interface Moments {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
}

export type Point = readonly [number, number];

export interface MatrixData {
  /** Participant → item → [x, y] (only the viewer's own in a participant's copy). */
  byParticipant: Record<string, Record<string, Point>>;
  moments: Record<string, Moments>;
  /** Every placement as an anonymous point per item (empty in copies until the dots are shown). */
  points: Record<string, Point[]>;
  /** Whether the facilitator showed the individual dots. */
  areDotsShown: boolean;
}

export interface MatrixActivity extends ActivityCommon {
  readonly type: 'matrix';
  readonly config: MatrixConfig;
  data: MatrixData;
}

export type MatrixCommand =
  | {
      readonly type: 'matrix.place';
      readonly activityId: string;
      readonly itemId: string;
      readonly x: number;
      readonly y: number;
    }
  | { readonly type: 'matrix.showDots'; readonly activityId: string; readonly isShown: boolean };

export type MatrixEvent =
  | {
      readonly type: 'matrix.placed';
      readonly activityId: string;
      readonly participantId: string;
      readonly itemId: string;
      readonly x: number;
      readonly y: number;
      readonly previous: Point | null;
    }
  | { readonly type: 'matrix.dotsShown'; readonly activityId: string; readonly isShown: boolean };

export interface MatrixItemResult {
  readonly id: string;
  readonly label: string;
  readonly count: number;
  /** Mean position, `null` before anyone placed the item. */
  readonly x: number | null;
  readonly y: number | null;
  /** Population standard deviation on each axis (0 for one placement). */
  readonly spreadX: number | null;
  readonly spreadY: number | null;
  /** Anonymous placements, only once the facilitator shows the dots. */
  readonly points: readonly Point[];
}

export interface MatrixResults {
  readonly type: 'matrix';
  readonly isHidden: false;
  readonly x: MatrixAxis;
  readonly y: MatrixAxis;
  /** Items by decreasing mean x then increasing mean y (high impact, low effort first); unplaced last. */
  readonly items: readonly MatrixItemResult[];
  readonly areDotsShown: boolean;
}

function checkAxis(axis: MatrixAxis, name: string): string | null {
  for (const text of [axis?.label, axis?.low, axis?.high]) {
    if (cleanText(text, MAX_LABEL) === null) {
      return `${name} axis: label, low and high must be 1..${MAX_LABEL} characters`;
    }
  }
  return null;
}

export function validateMatrixConfig(config: MatrixConfig): string | null {
  return checkAxis(config.x, 'x') ?? checkAxis(config.y, 'y') ?? checkItems(config.items);
}

export function createMatrixData(): MatrixData {
  return { byParticipant: {}, moments: {}, points: {}, areDotsShown: false };
}

export function decideMatrix(
  ctx: DecideContext<MatrixActivity>,
  command: MatrixCommand,
): BodyDecision<MatrixEvent> {
  const { activity, participantId } = ctx;
  if (command.type === 'matrix.showDots') {
    if (participantId !== null) {
      return reject('FORBIDDEN', 'only the facilitator shows the dots');
    }
    return accept({ type: 'matrix.dotsShown', activityId: activity.id, isShown: command.isShown === true });
  }
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants place items');
  }
  if (!hasItem(activity.config.items, command.itemId)) {
    return reject('NOT_FOUND', 'no such item');
  }
  if (!isIntegerIn(command.x, 0, MATRIX_MAX) || !isIntegerIn(command.y, 0, MATRIX_MAX)) {
    return reject('INVALID', `x and y must be integers 0..${MATRIX_MAX}`);
  }
  const previous = own(own(activity.data.byParticipant, participantId) ?? {}, command.itemId) ?? null;
  return accept({
    type: 'matrix.placed',
    activityId: activity.id,
    participantId,
    itemId: command.itemId,
    x: command.x,
    y: command.y,
    previous: previous === null ? null : [previous[0], previous[1]],
  });
}

function addMoments(data: MatrixData, itemId: string, [x, y]: Point, sign: 1 | -1): void {
  const m = own(data.moments, itemId) ?? { n: 0, sx: 0, sy: 0, sxx: 0, syy: 0 };
  m.n += sign;
  m.sx += sign * x;
  m.sy += sign * y;
  m.sxx += sign * x * x;
  m.syy += sign * y * y;
  if (m.n === 0) {
    delete data.moments[itemId];
  } else {
    data.moments[itemId] = m;
  }
}

function removePoint(points: Point[] | undefined, [x, y]: Point): void {
  const index = points?.findIndex((p) => p[0] === x && p[1] === y) ?? -1;
  if (points && index >= 0) {
    points.splice(index, 1);
  }
}

export function applyMatrix(activity: MatrixActivity, event: MatrixEvent): void {
  const data = activity.data;
  if (event.type === 'matrix.dotsShown') {
    data.areDotsShown = event.isShown;
    return;
  }
  const point: Point = [event.x, event.y];
  if (event.previous !== null) {
    addMoments(data, event.itemId, event.previous, -1);
    removePoint(own(data.points, event.itemId), event.previous);
  }
  addMoments(data, event.itemId, point, 1);
  const list = own(data.points, event.itemId) ?? [];
  list.push(point);
  data.points[event.itemId] = list;
  if (event.participantId !== REDACTED_ID) {
    const mine = own(data.byParticipant, event.participantId) ?? {};
    mine[event.itemId] = point;
    data.byParticipant[event.participantId] = mine;
  }
}

const spread = (n: number, s: number, ss: number) => Math.sqrt(Math.max(0, ss / n - (s / n) ** 2));

export function resultsOfMatrix(ctx: ResultsContext<MatrixActivity>): MatrixResults {
  const { data, config } = ctx.activity;
  const items = config.items.map((item): MatrixItemResult => {
    const m = own(data.moments, item.id);
    const points = data.areDotsShown
      ? (own(data.points, item.id) ?? []).map((p) => [p[0], p[1]] as const)
      : [];
    if (m === undefined || m.n <= 0) {
      return { ...item, count: 0, x: null, y: null, spreadX: null, spreadY: null, points };
    }
    return {
      ...item,
      count: m.n,
      x: m.sx / m.n,
      y: m.sy / m.n,
      spreadX: spread(m.n, m.sx, m.sxx),
      spreadY: spread(m.n, m.sy, m.syy),
      points,
    };
  });
  const rank = (r: MatrixItemResult) => (r.x === null || r.y === null ? Number.NEGATIVE_INFINITY : r.x - r.y);
  return {
    type: 'matrix',
    isHidden: false,
    x: config.x,
    y: config.y,
    items: [...items].sort((a, b) => rank(b) - rank(a)),
    areDotsShown: data.areDotsShown,
  };
}

export function ownStateOfMatrix(activity: MatrixActivity, participantId: string): Record<string, Point> {
  return { ...(own(activity.data.byParticipant, participantId) ?? {}) };
}

export function redactMatrix(activity: MatrixActivity, participantId: string): MatrixData {
  const data = createMatrixData();
  data.areDotsShown = activity.data.areDotsShown;
  const mine = own(activity.data.byParticipant, participantId);
  if (mine !== undefined) {
    data.byParticipant[participantId] = { ...mine };
  }
  if (activity.isRevealed) {
    data.moments = cloneData(activity.data.moments);
    // Points are anonymous, but a participant holds them only once the facilitator showed them.
    data.points = activity.data.areDotsShown ? cloneData(activity.data.points) : {};
    if (!activity.data.areDotsShown) {
      // Without the points a later move could not remove the old one; the replica keeps only its own.
      for (const [itemId, point] of Object.entries(mine ?? {})) {
        data.points[itemId] = [point];
      }
    }
  } else {
    for (const [itemId, point] of Object.entries(mine ?? {})) {
      addMoments(data, itemId, point, 1);
      data.points[itemId] = [point];
    }
  }
  return data;
}

export const matrixModule = {
  kind: 'matrix',
  defaults: {
    x: { label: 'Impact', low: 'low', high: 'high' },
    y: { label: 'Effort', low: 'low', high: 'high' },
  },
  /** Impact × effort over the latest results of the workshop (a brainstorm's cards, a cluster's groups). */
  fromAgenda: ({ items }) =>
    startWith({
      items: items(),
      x: { label: 'Impact', low: 'low', high: 'high' },
      y: { label: 'Effort', low: 'low', high: 'high' },
    }),
  sample: {
    config: () => ({
      items: SAMPLE_ITEMS,
      x: { label: 'Impact', low: 'low', high: 'high' },
      y: { label: 'Effort', low: 'low', high: 'high' },
    }),
    input: (activityId, p) => ({
      type: 'matrix.place',
      activityId,
      itemId: 'a',
      x: p === 'p1' ? 91 : 10,
      y: p === 'p1' ? 73 : 20,
    }),
  },
  validate: validateMatrixConfig,
  create: createMatrixData,
  decide: decideMatrix,
  apply: applyMatrix,
  results: resultsOfMatrix,
  ownState: ownStateOfMatrix,
  redact: redactMatrix,
  /** Shown dots: a replica holds only its own points until then, so it gets them all in a snapshot. */
  needsSnapshot: (event) => event.type === 'matrix.dotsShown',
} as const satisfies ActivityModule<MatrixActivity, MatrixCommand, MatrixEvent> &
  ActivityDefaults<MatrixActivity>;
