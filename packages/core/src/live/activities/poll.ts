/**
 * @module Multiple-choice poll, single or multiple answers; answering again replaces the answer.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, bump, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon, Item } from './common';
import { checkItems, hasItem, SAMPLE_ITEMS, startWith } from './common';

export interface PollConfig {
  readonly options: readonly Item[];
  readonly isMultiple: boolean;
  /** Upper bound on choices when `isMultiple` (ignored otherwise). */
  readonly maxChoices: number;
}

export interface PollData {
  byParticipant: Record<string, string[]>;
  counts: Record<string, number>;
  respondentCount: number;
}

export interface PollActivity extends ActivityCommon {
  readonly type: 'poll';
  readonly config: PollConfig;
  data: PollData;
}

export type PollCommand = {
  readonly type: 'poll.answer';
  readonly activityId: string;
  readonly optionIds: readonly string[];
};

export type PollEvent = {
  readonly type: 'poll.answered';
  readonly activityId: string;
  readonly participantId: string;
  readonly optionIds: readonly string[];
  readonly previous: readonly string[] | null;
};

export interface PollResults {
  readonly type: 'poll';
  readonly isHidden: false;
  readonly respondentCount: number;
  /** In configured order; `share` = count / respondents (sums above 1 for multi-answer polls). */
  readonly options: readonly {
    readonly id: string;
    readonly label: string;
    readonly count: number;
    readonly share: number;
  }[];
}

export function validatePollConfig(config: PollConfig): string | null {
  if (!isIntegerIn(config.maxChoices, 1, config.options.length)) {
    return 'maxChoices must be 1..number of options';
  }
  return checkItems(config.options, 'options');
}

export function createPollData(): PollData {
  return { byParticipant: {}, counts: {}, respondentCount: 0 };
}

export function decidePoll(ctx: DecideContext<PollActivity>, command: PollCommand): BodyDecision<PollEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants answer');
  }
  const ids = command.optionIds;
  const max = activity.config.isMultiple ? activity.config.maxChoices : 1;
  if (!Array.isArray(ids) || ids.length < 1 || new Set(ids).size !== ids.length) {
    return reject('INVALID', 'choose at least one distinct option');
  }
  if (ids.length > max) {
    return reject('LIMIT_REACHED', `at most ${max} option(s)`);
  }
  if (!ids.every((id) => hasItem(activity.config.options, id))) {
    return reject('NOT_FOUND', 'no such option');
  }
  const previous = own(activity.data.byParticipant, participantId) ?? null;
  return accept({
    type: 'poll.answered',
    activityId: activity.id,
    participantId,
    optionIds: [...ids],
    previous,
  });
}

export function applyPoll(activity: PollActivity, event: PollEvent): void {
  const data = activity.data;
  for (const id of event.previous ?? []) {
    bump(data.counts, id, -1);
  }
  for (const id of event.optionIds) {
    bump(data.counts, id, 1);
  }
  if (event.previous === null) {
    data.respondentCount += 1;
  }
  if (event.participantId !== REDACTED_ID) {
    data.byParticipant[event.participantId] = [...event.optionIds];
  }
}

export function resultsOfPoll(ctx: ResultsContext<PollActivity>): PollResults {
  const { config, data } = ctx.activity;
  const options = config.options.map((option) => {
    const count = own(data.counts, option.id) ?? 0;
    return {
      id: option.id,
      label: option.label,
      count,
      share: data.respondentCount > 0 ? count / data.respondentCount : 0,
    };
  });
  return { type: 'poll', isHidden: false, respondentCount: data.respondentCount, options };
}

export function ownStateOfPoll(activity: PollActivity, participantId: string): readonly string[] | null {
  const mine = own(activity.data.byParticipant, participantId);
  return mine === undefined ? null : [...mine];
}

export function redactPoll(activity: PollActivity, participantId: string): PollData {
  const data = createPollData();
  const mine = own(activity.data.byParticipant, participantId);
  if (mine !== undefined) {
    data.byParticipant[participantId] = [...mine];
  }
  if (activity.isRevealed) {
    data.counts = { ...activity.data.counts };
    data.respondentCount = activity.data.respondentCount;
  } else if (mine !== undefined) {
    for (const id of mine) {
      bump(data.counts, id, 1);
    }
    data.respondentCount = 1;
  }
  return data;
}

/**
 * The poll activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const pollModule = {
  kind: 'poll',
  defaults: { isMultiple: false, maxChoices: 1 },
  fromAgenda: ({ items }) => startWith({ isMultiple: false, maxChoices: 1, options: items() }),
  sample: {
    config: () => ({ options: SAMPLE_ITEMS, isMultiple: false, maxChoices: 1 }),
    input: (activityId, p) => ({ type: 'poll.answer', activityId, optionIds: [p === 'p1' ? 'a' : 'b'] }),
  },
  validate: validatePollConfig,
  create: createPollData,
  decide: decidePoll,
  apply: applyPoll,
  results: resultsOfPoll,
  ownState: ownStateOfPoll,
  redact: redactPoll,
} as const satisfies ActivityModule<PollActivity, PollCommand, PollEvent> & ActivityDefaults<PollActivity>;
