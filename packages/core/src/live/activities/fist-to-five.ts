/**
 * @module Fist-to-five: each participant shows 0–5 fingers on a proposal (changeable).
 * The proposal passes when at least one person voted and everyone who voted shows 3 or more.
 * Anyone at 2 or less is "asked to explain" and may submit an explanation. Explanations are an
 * append-only record (kept even if their author later raises their hand), shown without author
 * to participants. Names are the facilitator's choice before the vote (`showNames`, shown to
 * participants before they vote): by default nobody, not even the facilitator, learns who showed
 * what — the server strips participant ids from the facilitator's feed too
 * ({@link redactFistToFiveForFacilitator}).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import { displayNameOf, viewerId } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, cleanText, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon } from './common';
import { MAX_TEXT, startWith, zeros } from './common';

/** Highest score that asks the participant to explain. */
export const FIST_EXPLAIN_AT_MOST = 2;

export interface FistToFiveConfig {
  readonly proposal: string;
  /** Show who asked for explanations and who wrote them (facilitator only); default false. */
  readonly showNames?: boolean;
}

/** Whether the facilitator chose, before the vote, to see names with explanations. */
export const isFistShowingNames = (activity: FistToFiveActivity): boolean =>
  activity.config.showNames === true;

export interface FistToFiveData {
  byParticipant: Record<string, number>;
  /** Counts of 0..5. */
  histogram: number[];
  /** Every explanation in order; `participantId` is {@link REDACTED_ID} in redacted copies. */
  explanations: { readonly participantId: string; readonly text: string }[];
}

export interface FistToFiveActivity extends ActivityCommon {
  readonly type: 'fistToFive';
  readonly config: FistToFiveConfig;
  data: FistToFiveData;
}

export type FistToFiveCommand =
  | { readonly type: 'fistToFive.show'; readonly activityId: string; readonly value: number }
  | { readonly type: 'fistToFive.explain'; readonly activityId: string; readonly text: string };

export type FistToFiveEvent =
  | {
      readonly type: 'fistToFive.shown';
      readonly activityId: string;
      readonly participantId: string;
      readonly value: number;
      readonly previous: number | null;
    }
  | {
      readonly type: 'fistToFive.explained';
      readonly activityId: string;
      readonly participantId: string;
      readonly text: string;
    };

export interface FistToFiveResults {
  readonly type: 'fistToFive';
  readonly isHidden: false;
  readonly proposal: string;
  readonly histogram: readonly number[];
  readonly voterCount: number;
  readonly isPassing: boolean;
  readonly flaggedCount: number;
  /** Whether names were chosen before the vote (participants are told). */
  readonly showNames: boolean;
  /**
   * Who is at 2 or less now, with their latest explanation: facilitator only, and only when names
   * were chosen before the vote (empty otherwise).
   */
  readonly flagged: readonly { readonly participant: string | null; readonly explanation: string | null }[];
  /** All explanations in order; the author's name only for the facilitator when names are shown. */
  readonly explanations: readonly {
    readonly text: string;
    readonly isMine: boolean;
    readonly participant: string | null;
  }[];
}

export interface FistToFiveOwnState {
  readonly value: number | null;
  readonly isAskedToExplain: boolean;
  readonly explanation: string | null;
}

/** The pass rule on a histogram of 0..5: someone voted and nobody is at 2 or less. */
export function isFistToFivePassing(histogram: readonly number[]): boolean {
  const voters = histogram.reduce((a, b) => a + b, 0);
  return voters > 0 && histogram.slice(0, FIST_EXPLAIN_AT_MOST + 1).every((n) => n === 0);
}

export function validateFistToFiveConfig(config: FistToFiveConfig): string | null {
  if (config.showNames !== undefined && typeof config.showNames !== 'boolean') {
    return 'showNames must be a boolean';
  }
  return cleanText(config.proposal, 2000) === null ? 'proposal must be 1..2000 characters' : null;
}

export function createFistToFiveData(): FistToFiveData {
  return { byParticipant: {}, histogram: zeros(6), explanations: [] };
}

export function decideFistToFive(
  ctx: DecideContext<FistToFiveActivity>,
  command: FistToFiveCommand,
): BodyDecision<FistToFiveEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants vote');
  }
  const current = own(activity.data.byParticipant, participantId) ?? null;
  if (command.type === 'fistToFive.show') {
    if (!isIntegerIn(command.value, 0, 5)) {
      return reject('INVALID', 'value must be an integer 0..5');
    }
    return accept({
      type: 'fistToFive.shown',
      activityId: activity.id,
      participantId,
      value: command.value,
      previous: current,
    });
  }
  if (current === null || current > FIST_EXPLAIN_AT_MOST) {
    return reject('CONFLICT', `only participants showing ${FIST_EXPLAIN_AT_MOST} or less explain`);
  }
  const text = cleanText(command.text, MAX_TEXT);
  if (text === null) {
    return reject('INVALID', `explanation must be 1..${MAX_TEXT} characters`);
  }
  return accept({ type: 'fistToFive.explained', activityId: activity.id, participantId, text });
}

export function applyFistToFive(activity: FistToFiveActivity, event: FistToFiveEvent): void {
  const data = activity.data;
  if (event.type === 'fistToFive.shown') {
    if (event.previous !== null) {
      data.histogram[event.previous]! -= 1;
    }
    data.histogram[event.value]! += 1;
    if (event.participantId !== REDACTED_ID) {
      data.byParticipant[event.participantId] = event.value;
    }
    return;
  }
  data.explanations.push({ participantId: event.participantId, text: event.text });
}

function latestExplanation(data: FistToFiveData, participantId: string): string | null {
  for (let i = data.explanations.length - 1; i >= 0; i--) {
    if (data.explanations[i]?.participantId === participantId) {
      return data.explanations[i]!.text;
    }
  }
  return null;
}

export function resultsOfFistToFive(ctx: ResultsContext<FistToFiveActivity>): FistToFiveResults {
  const { activity, state } = ctx;
  const me = viewerId(ctx.viewer);
  const data = activity.data;
  const showNames = isFistShowingNames(activity);
  const flagged: FistToFiveResults['flagged'][number][] = [];
  if (me === null && showNames) {
    for (const [participantId, value] of Object.entries(data.byParticipant)) {
      if (value <= FIST_EXPLAIN_AT_MOST) {
        flagged.push({
          participant: displayNameOf(state, participantId),
          explanation: latestExplanation(data, participantId),
        });
      }
    }
  }
  const explanations = data.explanations.map((entry) => ({
    text: entry.text,
    isMine: entry.participantId === me,
    participant:
      me === null && showNames && entry.participantId !== REDACTED_ID
        ? displayNameOf(state, entry.participantId)
        : null,
  }));
  const flaggedCount = data.histogram.slice(0, FIST_EXPLAIN_AT_MOST + 1).reduce((a, b) => a + b, 0);
  return {
    type: 'fistToFive',
    isHidden: false,
    proposal: activity.config.proposal,
    showNames,
    histogram: [...data.histogram],
    voterCount: data.histogram.reduce((a, b) => a + b, 0),
    isPassing: isFistToFivePassing(data.histogram),
    flaggedCount,
    flagged,
    explanations,
  };
}

export function ownStateOfFistToFive(
  activity: FistToFiveActivity,
  participantId: string,
): FistToFiveOwnState {
  const value = own(activity.data.byParticipant, participantId) ?? null;
  return {
    value,
    isAskedToExplain: value !== null && value <= FIST_EXPLAIN_AT_MOST,
    explanation: latestExplanation(activity.data, participantId),
  };
}

export function redactFistToFive(activity: FistToFiveActivity, participantId: string): FistToFiveData {
  const data = createFistToFiveData();
  const mine = own(activity.data.byParticipant, participantId);
  if (mine !== undefined) {
    data.byParticipant[participantId] = mine;
  }
  for (const entry of activity.data.explanations) {
    const isMine = entry.participantId === participantId;
    if (isMine || activity.isRevealed) {
      data.explanations.push(isMine ? { ...entry } : { ...entry, participantId: REDACTED_ID });
    }
  }
  if (activity.isRevealed) {
    data.histogram = [...activity.data.histogram];
  } else if (mine !== undefined) {
    data.histogram[mine] = 1;
  }
  return data;
}

/**
 * The facilitator's copy when names were not chosen: the histogram and the explanations' texts,
 * never who showed what nor who wrote which explanation.
 */
export function redactFistToFiveForFacilitator(activity: FistToFiveActivity): FistToFiveData {
  return {
    byParticipant: {},
    histogram: [...activity.data.histogram],
    explanations: activity.data.explanations.map((entry) => ({ ...entry, participantId: REDACTED_ID })),
  };
}

/**
 * The fistToFive activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const fistToFiveModule = {
  kind: 'fistToFive',
  defaults: {},
  fromAgenda: ({ proposal }) => startWith({ proposal: proposal.slice(0, 2000) }),
  sample: {
    config: () => ({ proposal: 'We move on Monday' }),
    input: (activityId, p) => ({ type: 'fistToFive.show', activityId, value: p === 'p1' ? 1 : 4 }),
  },
  validate: validateFistToFiveConfig,
  create: createFistToFiveData,
  decide: decideFistToFive,
  apply: applyFistToFive,
  results: resultsOfFistToFive,
  ownState: ownStateOfFistToFive,
  redact: redactFistToFive,
} as const satisfies ActivityModule<FistToFiveActivity, FistToFiveCommand, FistToFiveEvent> &
  ActivityDefaults<FistToFiveActivity>;
