/**
 * @module Check-in / check-out: each participant says how they arrive (or leave) on a five-step mood or
 * energy scale, with one optional word. The room sees the distribution and the words, never who said what:
 * unless the facilitator chose named mode when adding the activity (each phone then says so before anyone
 * answers), not even the facilitator's screen links an answer to a person — the state keeps only counts
 * and words, and the events reach the facilitator without their author (as for fist-to-five).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import { displayNameOf } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, cleanText, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon } from './common';
import { startWith, zeros } from './common';
import { summarizeHistogram } from './histogram';

export const CHECK_IN_SCALES = ['mood', 'energy'] as const;
export type CheckInScale = (typeof CHECK_IN_SCALES)[number];
export const CHECK_IN_LEVELS = 5;
export const MAX_WORD = 40;

export interface CheckInConfig {
  readonly scale: CheckInScale;
  /** Participants may add one word. */
  readonly allowWord: boolean;
  /** Named mode: the facilitator sees who answered what (announced on every phone before answering). */
  readonly showNames: boolean;
}

export interface CheckInData {
  /** Who answered (not what), so nobody answers twice. */
  answered: Record<string, true>;
  /** Counts of levels 1..5 (index 0 is level 1). */
  histogram: number[];
  words: string[];
  /** Named mode only: participant → answer. */
  named: Record<string, { readonly level: number; readonly word: string | null }>;
}

export interface CheckInActivity extends ActivityCommon {
  readonly type: 'checkIn';
  readonly config: CheckInConfig;
  data: CheckInData;
}

export type CheckInCommand = {
  readonly type: 'checkIn.answer';
  readonly activityId: string;
  readonly level: number;
  readonly word?: string | null;
};

export type CheckInEvent = {
  readonly type: 'checkIn.answered';
  readonly activityId: string;
  readonly participantId: string;
  readonly level: number;
  readonly word: string | null;
};

export interface CheckInResults {
  readonly type: 'checkIn';
  readonly isHidden: false;
  readonly scale: CheckInScale;
  readonly count: number;
  /** Counts of levels 1..5. */
  readonly levels: readonly { readonly level: number; readonly count: number; readonly share: number }[];
  readonly mean: number | null;
  readonly median: number | null;
  /** Words in a stable order that does not follow answer order (sorted), so nobody is singled out. */
  readonly words: readonly string[];
  /** Named mode, facilitator only: who said what. */
  readonly named: readonly {
    readonly name: string | null;
    readonly level: number;
    readonly word: string | null;
  }[];
}

export function validateCheckInConfig(config: CheckInConfig): string | null {
  if (!(CHECK_IN_SCALES as readonly string[]).includes(config.scale)) {
    return 'scale must be mood or energy';
  }
  return typeof config.allowWord === 'boolean' && typeof config.showNames === 'boolean'
    ? null
    : 'allowWord and showNames must be booleans';
}

export function createCheckInData(): CheckInData {
  return { answered: {}, histogram: zeros(CHECK_IN_LEVELS), words: [], named: {} };
}

export function decideCheckIn(
  ctx: DecideContext<CheckInActivity>,
  command: CheckInCommand,
): BodyDecision<CheckInEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants check in');
  }
  if (own(activity.data.answered, participantId)) {
    return reject('CONFLICT', 'already answered');
  }
  if (!isIntegerIn(command.level, 1, CHECK_IN_LEVELS)) {
    return reject('INVALID', `level must be 1..${CHECK_IN_LEVELS}`);
  }
  let word: string | null = null;
  if (command.word !== undefined && command.word !== null && command.word.trim() !== '') {
    if (!activity.config.allowWord) {
      return reject('INVALID', 'this check-in takes no word');
    }
    word = cleanText(command.word, MAX_WORD);
    if (word === null || /\s/.test(word)) {
      return reject('INVALID', `one word of at most ${MAX_WORD} characters`);
    }
  }
  return accept({
    type: 'checkIn.answered',
    activityId: activity.id,
    participantId,
    level: command.level,
    word,
  });
}

export function applyCheckIn(activity: CheckInActivity, event: CheckInEvent): void {
  const data = activity.data;
  data.histogram[event.level - 1]! += 1;
  if (event.word !== null) {
    // Kept sorted, never in answer order: the order of `answered` must not pair people with words.
    // Binary search on code-unit order: O(log n) to find the place at a 10,000-person check-in.
    const word = event.word;
    let lo = 0;
    let hi = data.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (data.words[mid]! <= word) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    data.words.splice(lo, 0, word);
  }
  if (event.participantId !== REDACTED_ID) {
    data.answered[event.participantId] = true;
    if (activity.config.showNames) {
      data.named[event.participantId] = { level: event.level, word: event.word };
    }
  }
}

export function resultsOfCheckIn(ctx: ResultsContext<CheckInActivity>): CheckInResults {
  const { data, config } = ctx.activity;
  const summary = summarizeHistogram(data.histogram, 1);
  const named =
    ctx.viewer.role === 'facilitator' && config.showNames
      ? Object.entries(data.named).map(([id, answer]) => ({ name: displayNameOf(ctx.state, id), ...answer }))
      : [];
  return {
    type: 'checkIn',
    isHidden: false,
    scale: config.scale,
    count: summary.count,
    levels: data.histogram.map((count, index) => ({
      level: index + 1,
      count,
      share: summary.count > 0 ? count / summary.count : 0,
    })),
    mean: summary.mean,
    median: summary.median,
    words: [...data.words],
    named,
  };
}

export function ownStateOfCheckIn(
  activity: CheckInActivity,
  participantId: string,
): { readonly hasAnswered: boolean } {
  return { hasAnswered: own(activity.data.answered, participantId) === true };
}

export function redactCheckIn(activity: CheckInActivity, participantId: string): CheckInData {
  const data = createCheckInData();
  if (own(activity.data.answered, participantId)) {
    data.answered[participantId] = true;
  }
  if (activity.isRevealed) {
    data.histogram = [...activity.data.histogram];
    data.words = [...activity.data.words];
  }
  return data;
}

/** Whether the facilitator may learn who gave an answer (named mode, chosen before the answers). */
export const isCheckInNamed = (activity: CheckInActivity): boolean => activity.config.showNames;

export const checkInModule = {
  kind: 'checkIn',
  defaults: { scale: 'mood', allowWord: true, showNames: false },
  fromAgenda: () => startWith({ scale: 'mood' as const, allowWord: true, showNames: false }),
  sample: {
    config: () => ({ scale: 'energy', allowWord: true, showNames: false }),
    input: (activityId, p) => ({
      type: 'checkIn.answer',
      activityId,
      level: p === 'p1' ? 5 : 2,
      word: `secret-${p}`,
    }),
  },
  validate: validateCheckInConfig,
  create: createCheckInData,
  decide: decideCheckIn,
  apply: applyCheckIn,
  results: resultsOfCheckIn,
  ownState: ownStateOfCheckIn,
  redact: redactCheckIn,
  hidesAuthorsFromFacilitator: (activity) => !isCheckInNamed(activity),
} as const satisfies ActivityModule<CheckInActivity, CheckInCommand, CheckInEvent> &
  ActivityDefaults<CheckInActivity>;
