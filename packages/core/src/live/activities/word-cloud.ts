/**
 * @module Short answer / word cloud: participants submit short texts; results show the
 * answers (never their authors) and normalised word frequencies (see `../word-frequencies`).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, bump, cleanText, isIntegerIn, own, reject } from '../records';
import type { WordFrequency } from '../word-frequencies';
import { countWords } from '../word-frequencies';
import type { ActivityCommon } from './common';
import { startWith } from './common';

export interface WordCloudConfig {
  readonly maxAnswersPerParticipant: number;
  /** Characters per answer, 1..280. */
  readonly maxLength: number;
}

export interface WordCloudAnswer {
  readonly id: string;
  /** {@link REDACTED_ID} in redacted copies. */
  readonly participantId: string;
  readonly text: string;
}

export interface WordCloudData {
  answers: WordCloudAnswer[];
  countByParticipant: Record<string, number>;
}

export interface WordCloudActivity extends ActivityCommon {
  readonly type: 'wordCloud';
  readonly config: WordCloudConfig;
  data: WordCloudData;
}

export type WordCloudCommand = {
  readonly type: 'wordCloud.submit';
  readonly activityId: string;
  readonly text: string;
};

export type WordCloudEvent = {
  readonly type: 'wordCloud.submitted';
  readonly activityId: string;
  readonly answerId: string;
  readonly participantId: string;
  readonly text: string;
};

export interface WordCloudResults {
  readonly type: 'wordCloud';
  readonly isHidden: false;
  readonly answerCount: number;
  readonly answers: readonly string[];
  readonly words: readonly WordFrequency[];
}

export function validateWordCloudConfig(config: WordCloudConfig): string | null {
  if (!isIntegerIn(config.maxAnswersPerParticipant, 1, 50)) {
    return 'maxAnswersPerParticipant must be 1..50';
  }
  return isIntegerIn(config.maxLength, 1, 280) ? null : 'maxLength must be 1..280';
}

export function createWordCloudData(): WordCloudData {
  return { answers: [], countByParticipant: {} };
}

export function decideWordCloud(
  ctx: DecideContext<WordCloudActivity>,
  command: WordCloudCommand,
): BodyDecision<WordCloudEvent> {
  const { activity, participantId } = ctx;
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants answer');
  }
  const text = cleanText(command.text, activity.config.maxLength);
  if (text === null) {
    return reject('INVALID', `answer must be 1..${activity.config.maxLength} characters`);
  }
  if (
    (own(activity.data.countByParticipant, participantId) ?? 0) >= activity.config.maxAnswersPerParticipant
  ) {
    return reject('LIMIT_REACHED', `at most ${activity.config.maxAnswersPerParticipant} answers each`);
  }
  return accept({
    type: 'wordCloud.submitted',
    activityId: activity.id,
    answerId: ctx.newId('answer'),
    participantId,
    text,
  });
}

export function applyWordCloud(activity: WordCloudActivity, event: WordCloudEvent): void {
  activity.data.answers.push({ id: event.answerId, participantId: event.participantId, text: event.text });
  if (event.participantId !== REDACTED_ID) {
    bump(activity.data.countByParticipant, event.participantId, 1);
  }
}

export function resultsOfWordCloud(ctx: ResultsContext<WordCloudActivity>): WordCloudResults {
  const answers = ctx.activity.data.answers.map((answer) => answer.text);
  return {
    type: 'wordCloud',
    isHidden: false,
    answerCount: answers.length,
    answers,
    words: countWords(answers),
  };
}

export function ownStateOfWordCloud(activity: WordCloudActivity, participantId: string): readonly string[] {
  return activity.data.answers
    .filter((answer) => answer.participantId === participantId)
    .map((answer) => answer.text);
}

export function redactWordCloud(activity: WordCloudActivity, participantId: string): WordCloudData {
  const data = createWordCloudData();
  for (const answer of activity.data.answers) {
    const isMine = answer.participantId === participantId;
    if (isMine || activity.isRevealed) {
      data.answers.push(isMine ? { ...answer } : { ...answer, participantId: REDACTED_ID });
    }
  }
  const count = own(activity.data.countByParticipant, participantId);
  if (count !== undefined) {
    data.countByParticipant[participantId] = count;
  }
  return data;
}

/**
 * The wordCloud activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const wordCloudModule = {
  kind: 'wordCloud',
  defaults: { maxAnswersPerParticipant: 3, maxLength: 80 },
  fromAgenda: () => startWith({ maxAnswersPerParticipant: 3, maxLength: 80 }),
  sample: {
    config: () => ({ maxAnswersPerParticipant: 3, maxLength: 80 }),
    input: (activityId, p) => ({ type: 'wordCloud.submit', activityId, text: `secret of ${p}` }),
  },
  validate: validateWordCloudConfig,
  create: createWordCloudData,
  decide: decideWordCloud,
  apply: applyWordCloud,
  results: resultsOfWordCloud,
  ownState: ownStateOfWordCloud,
  redact: redactWordCloud,
} as const satisfies ActivityModule<WordCloudActivity, WordCloudCommand, WordCloudEvent> &
  ActivityDefaults<WordCloudActivity>;
