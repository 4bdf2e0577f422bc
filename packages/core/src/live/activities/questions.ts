/**
 * @module Questions with upvotes (a town-hall Q&A): participants ask, others upvote; the facilitator
 * moderates (pending → approved → answered, or hidden). Each asker chooses to be named or anonymous
 * (when the facilitator allows names). With moderation, a question reaches the room only once approved:
 * the approval event carries its text, so replicas that never saw the pending question can add it.
 *
 * Counts are kept on each question and votes per participant, so an upvote is O(1) whatever the size of
 * the room (the live-scale target is 10,000 participants).
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import { displayNameOf, viewerId } from '../context';
import type { BodyDecision, LiveEvent } from '../model';
import { REDACTED_ID } from '../model';
import { accept, cleanText, own, reject } from '../records';
import type { ActivityCommon } from './common';
import { MAX_TEXT, startWith } from './common';

export const QUESTION_STATUSES = ['pending', 'approved', 'answered', 'hidden'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Questions one participant may ask in one activity. */
export const MAX_QUESTIONS_PER_PARTICIPANT = 20;

export interface QuestionsConfig {
  /** Questions wait for the facilitator's approval before the room sees them. */
  readonly isModerated: boolean;
  /** Askers may sign their question with their display name (else every question is anonymous). */
  readonly allowNames: boolean;
}

export interface Question {
  readonly id: string;
  text: string;
  /** Asker; {@link REDACTED_ID} in others' copies. */
  readonly authorId: string;
  /** Display name when the asker chose to be named, else `null`. */
  readonly authorName: string | null;
  status: QuestionStatus;
  votes: number;
  readonly at: number;
}

export interface QuestionsData {
  questions: Record<string, Question>;
  order: string[];
  /** Participant → question ids they upvoted (only the viewer's own in a participant's copy). */
  votesBy: Record<string, Record<string, true>>;
  askedBy: Record<string, number>;
}

export interface QuestionsActivity extends ActivityCommon {
  readonly type: 'questions';
  readonly config: QuestionsConfig;
  data: QuestionsData;
}

export type QuestionsCommand =
  | {
      readonly type: 'questions.ask';
      readonly activityId: string;
      readonly text: string;
      readonly isNamed?: boolean;
    }
  | { readonly type: 'questions.upvote'; readonly activityId: string; readonly questionId: string }
  | { readonly type: 'questions.unvote'; readonly activityId: string; readonly questionId: string }
  | {
      readonly type: 'questions.moderate';
      readonly activityId: string;
      readonly questionId: string;
      readonly status: QuestionStatus;
    };

export type QuestionsEvent =
  | {
      readonly type: 'questions.asked';
      readonly activityId: string;
      readonly participantId: string;
      readonly questionId: string;
      readonly text: string;
      readonly authorName: string | null;
      readonly status: QuestionStatus;
    }
  | {
      readonly type: 'questions.upvoted';
      readonly activityId: string;
      readonly participantId: string;
      readonly questionId: string;
    }
  | {
      readonly type: 'questions.unvoted';
      readonly activityId: string;
      readonly participantId: string;
      readonly questionId: string;
    }
  | {
      readonly type: 'questions.moderated';
      readonly activityId: string;
      readonly questionId: string;
      readonly status: QuestionStatus;
      /** What a replica that never saw the question needs to show it (`null` when hidden). */
      readonly question: {
        readonly text: string;
        readonly authorName: string | null;
        readonly votes: number;
        readonly at: number;
      } | null;
    };

export interface QuestionsResults {
  readonly type: 'questions';
  readonly isHidden: false;
  readonly isModerated: boolean;
  /** Questions the viewer may see, oldest first (the screens sort by votes or recency). */
  readonly questions: readonly {
    readonly id: string;
    readonly text: string;
    readonly author: string | null;
    readonly status: QuestionStatus;
    readonly votes: number;
    readonly at: number;
    readonly isMine: boolean;
    readonly hasMyVote: boolean;
  }[];
}

export function validateQuestionsConfig(config: QuestionsConfig): string | null {
  return typeof config.isModerated === 'boolean' && typeof config.allowNames === 'boolean'
    ? null
    : 'isModerated and allowNames must be booleans';
}

export function createQuestionsData(): QuestionsData {
  return { questions: {}, order: [], votesBy: {}, askedBy: {} };
}

/** Visible to the room (not only to the asker and the facilitator). */
const isPublic = (q: Question) => q.status === 'approved' || q.status === 'answered';

export function decideQuestions(
  ctx: DecideContext<QuestionsActivity>,
  command: QuestionsCommand,
): BodyDecision<QuestionsEvent> {
  const { activity, participantId, state } = ctx;
  const activityId = activity.id;
  if (command.type === 'questions.moderate') {
    if (participantId !== null) {
      return reject('FORBIDDEN', 'only the facilitator moderates');
    }
    const question = own(activity.data.questions, command.questionId);
    if (question === undefined) {
      return reject('NOT_FOUND', 'no such question');
    }
    if (!(QUESTION_STATUSES as readonly string[]).includes(command.status)) {
      return reject('INVALID', 'unknown status');
    }
    if (question.status === command.status) {
      return reject('CONFLICT', `already ${command.status}`);
    }
    return accept({
      type: 'questions.moderated',
      activityId,
      questionId: question.id,
      status: command.status,
      question:
        command.status === 'hidden' || command.status === 'pending'
          ? null
          : { text: question.text, authorName: question.authorName, votes: question.votes, at: question.at },
    });
  }
  if (participantId === null) {
    return reject('FORBIDDEN', 'only participants ask and upvote');
  }
  if (command.type === 'questions.ask') {
    const text = cleanText(command.text, MAX_TEXT);
    if (text === null) {
      return reject('INVALID', `a question is 1..${MAX_TEXT} characters`);
    }
    if ((own(activity.data.askedBy, participantId) ?? 0) >= MAX_QUESTIONS_PER_PARTICIPANT) {
      return reject('LIMIT_REACHED', `at most ${MAX_QUESTIONS_PER_PARTICIPANT} questions each`);
    }
    const isNamed = activity.config.allowNames && command.isNamed === true;
    return accept({
      type: 'questions.asked',
      activityId,
      participantId,
      questionId: ctx.newId('q'),
      text,
      authorName: isNamed ? displayNameOf(state, participantId) : null,
      status: activity.config.isModerated ? 'pending' : 'approved',
    });
  }
  const question = own(activity.data.questions, command.questionId);
  if (question === undefined || !isPublic(question)) {
    return reject('NOT_FOUND', 'no such question');
  }
  const hasVoted = own(own(activity.data.votesBy, participantId) ?? {}, question.id) === true;
  if (command.type === 'questions.upvote') {
    if (question.authorId === participantId) {
      return reject('CONFLICT', 'you cannot upvote your own question');
    }
    return hasVoted
      ? reject('CONFLICT', 'already upvoted')
      : accept({ type: 'questions.upvoted', activityId, participantId, questionId: question.id });
  }
  return hasVoted
    ? accept({ type: 'questions.unvoted', activityId, participantId, questionId: question.id })
    : reject('CONFLICT', 'not upvoted');
}

export function applyQuestions(activity: QuestionsActivity, event: QuestionsEvent, at: number): void {
  const data = activity.data;
  switch (event.type) {
    case 'questions.asked': {
      data.questions[event.questionId] = {
        id: event.questionId,
        text: event.text,
        authorId: event.participantId,
        authorName: event.authorName,
        status: event.status,
        votes: 0,
        at,
      };
      data.order.push(event.questionId);
      if (event.participantId !== REDACTED_ID) {
        data.askedBy[event.participantId] = (own(data.askedBy, event.participantId) ?? 0) + 1;
      }
      return;
    }
    case 'questions.moderated': {
      const question = own(data.questions, event.questionId);
      if (question !== undefined) {
        question.status = event.status;
      } else if (event.question !== null) {
        // A replica meets an approved question for the first time.
        data.questions[event.questionId] = {
          id: event.questionId,
          authorId: REDACTED_ID,
          status: event.status,
          ...event.question,
        };
        data.order.push(event.questionId);
      }
      return;
    }
    default: {
      const question = own(data.questions, event.questionId);
      const delta = event.type === 'questions.upvoted' ? 1 : -1;
      if (question !== undefined) {
        question.votes += delta;
      }
      if (event.participantId !== REDACTED_ID) {
        const mine = own(data.votesBy, event.participantId) ?? {};
        if (delta > 0) {
          mine[event.questionId] = true;
        } else {
          delete mine[event.questionId];
        }
        data.votesBy[event.participantId] = mine;
      }
    }
  }
}

export function resultsOfQuestions(ctx: ResultsContext<QuestionsActivity>): QuestionsResults {
  const { data, config } = ctx.activity;
  const me = viewerId(ctx.viewer);
  const mine = me === null ? {} : (own(data.votesBy, me) ?? {});
  const questions = data.order
    .map((id) => own(data.questions, id))
    .filter((q): q is Question => q !== undefined)
    .filter((q) =>
      me === null ? ctx.viewer.role === 'facilitator' || isPublic(q) : isPublic(q) || q.authorId === me,
    )
    .map((q) => ({
      id: q.id,
      text: q.text,
      author: q.authorName,
      status: q.status,
      votes: q.votes,
      at: q.at,
      isMine: me !== null && q.authorId === me,
      hasMyVote: own(mine, q.id) === true,
    }));
  return { type: 'questions', isHidden: false, isModerated: config.isModerated, questions };
}

export function ownStateOfQuestions(
  activity: QuestionsActivity,
  participantId: string,
): { readonly asked: readonly string[]; readonly upvoted: readonly string[] } {
  return {
    asked: activity.data.order.filter((id) => activity.data.questions[id]?.authorId === participantId),
    upvoted: Object.keys(own(activity.data.votesBy, participantId) ?? {}),
  };
}

/** Others' questions only once public, never with their author's id; votes only the viewer's own. */
export function redactQuestions(activity: QuestionsActivity, participantId: string): QuestionsData {
  const data = createQuestionsData();
  for (const id of activity.data.order) {
    const q = activity.data.questions[id];
    if (q === undefined) {
      continue;
    }
    const isMine = q.authorId === participantId;
    if (isMine || (activity.isRevealed && isPublic(q))) {
      data.questions[id] = { ...q, authorId: isMine ? q.authorId : REDACTED_ID };
      data.order.push(id);
    }
  }
  const votes = own(activity.data.votesBy, participantId);
  if (votes !== undefined) {
    data.votesBy[participantId] = { ...votes };
  }
  const asked = own(activity.data.askedBy, participantId);
  if (asked !== undefined) {
    data.askedBy[participantId] = asked;
  }
  return data;
}

/** Another participant's question stays with its asker and the facilitator until approved. */
export function redactQuestionsEvent(event: LiveEvent): LiveEvent | null {
  return event.type === 'questions.asked' && event.status === 'pending' ? null : event;
}

export const questionsModule = {
  kind: 'questions',
  defaults: { isModerated: true, allowNames: true },
  fromAgenda: () => startWith({ isModerated: true, allowNames: true }),
  sample: {
    config: () => ({ isModerated: true, allowNames: true }),
    input: (activityId, p) => ({ type: 'questions.ask', activityId, text: `secret of ${p}`, isNamed: true }),
  },
  validate: validateQuestionsConfig,
  create: createQuestionsData,
  decide: decideQuestions,
  apply: applyQuestions,
  results: resultsOfQuestions,
  ownState: ownStateOfQuestions,
  redact: redactQuestions,
  redactOthersEvent: redactQuestionsEvent,
} as const satisfies ActivityModule<QuestionsActivity, QuestionsCommand, QuestionsEvent> &
  ActivityDefaults<QuestionsActivity>;
