/**
 * @module Unions over every live activity and the registry that dispatches to each module.
 *
 * Activity kinds reuse the names of the method catalogue (`LIVE_ACTIVITIES`), minus
 * `opinionMap`, which is a separate feature. Commands and events are prefixed by their kind
 * (`dotVote.place`, `dotVote.placed`), so the kind of any activity command is its prefix.
 */
import type { LiveActivityType } from '../methods/types';
import * as brainstorm from './activities/brainstorm';
import * as cluster from './activities/cluster';
import * as consentRound from './activities/consent-round';
import * as dotVote from './activities/dot-vote';
import * as fistToFive from './activities/fist-to-five';
import * as gradients from './activities/gradients';
import * as pairwise from './activities/pairwise';
import * as poll from './activities/poll';
import * as ranking from './activities/ranking';
import * as rating from './activities/rating';
import * as timer from './activities/timer';
import * as wordCloud from './activities/word-cloud';
import type { DecideContext, ResultsContext } from './context';
import type { BodyDecision, WorkshopState } from './model';

export const ACTIVITY_KINDS = [
  'brainstorm',
  'cluster',
  'dotVote',
  'rating',
  'ranking',
  'pairwise',
  'poll',
  'wordCloud',
  'fistToFive',
  'consentRound',
  'gradients',
  'timer',
] as const satisfies readonly LiveActivityType[];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The four types an activity file exports, under one name per kind. */
interface TypesOf<A, C, E, R> {
  readonly activity: A;
  readonly command: C;
  readonly event: E;
  readonly results: R;
}

/**
 * Every kind's types, one line each: the unions below are computed from this map, so a new kind
 * adds one line here (and one in `ACTIVITY_KINDS` and `ACTIVITY_MODULE_LIST`).
 */
type ActivityTypeMap = {
  brainstorm: TypesOf<
    brainstorm.BrainstormActivity,
    brainstorm.BrainstormCommand,
    brainstorm.BrainstormEvent,
    brainstorm.BrainstormResults
  >;
  cluster: TypesOf<
    cluster.ClusterActivity,
    cluster.ClusterCommand,
    cluster.ClusterEvent,
    cluster.ClusterResults
  >;
  dotVote: TypesOf<
    dotVote.DotVoteActivity,
    dotVote.DotVoteCommand,
    dotVote.DotVoteEvent,
    dotVote.DotVoteResults
  >;
  rating: TypesOf<rating.RatingActivity, rating.RatingCommand, rating.RatingEvent, rating.RatingResults>;
  ranking: TypesOf<
    ranking.RankingActivity,
    ranking.RankingCommand,
    ranking.RankingEvent,
    ranking.RankingResults
  >;
  pairwise: TypesOf<
    pairwise.PairwiseActivity,
    pairwise.PairwiseCommand,
    pairwise.PairwiseEvent,
    pairwise.PairwiseResults
  >;
  poll: TypesOf<poll.PollActivity, poll.PollCommand, poll.PollEvent, poll.PollResults>;
  wordCloud: TypesOf<
    wordCloud.WordCloudActivity,
    wordCloud.WordCloudCommand,
    wordCloud.WordCloudEvent,
    wordCloud.WordCloudResults
  >;
  fistToFive: TypesOf<
    fistToFive.FistToFiveActivity,
    fistToFive.FistToFiveCommand,
    fistToFive.FistToFiveEvent,
    fistToFive.FistToFiveResults
  >;
  consentRound: TypesOf<
    consentRound.ConsentRoundActivity,
    consentRound.ConsentRoundCommand,
    consentRound.ConsentRoundEvent,
    consentRound.ConsentRoundResults
  >;
  gradients: TypesOf<
    gradients.GradientsActivity,
    gradients.GradientsCommand,
    gradients.GradientsEvent,
    gradients.GradientsResults
  >;
  timer: TypesOf<timer.TimerActivity, timer.TimerCommand, timer.TimerEvent, timer.TimerResults>;
};

/** The union of one field of `ActivityTypeMap` over every kind. */
type Across<F extends keyof TypesOf<unknown, unknown, unknown, unknown>> = {
  [K in ActivityKind]: ActivityTypeMap[K][F];
}[ActivityKind];

export type AnyActivity = Across<'activity'>;

export type ActivityOf<K extends ActivityKind> = Extract<AnyActivity, { readonly type: K }>;

export type ActivityCommand = Across<'command'>;

export type ActivityEvent = Across<'event'>;

/** Results a viewer may not see yet. */
export interface HiddenResults {
  readonly type: ActivityKind;
  readonly isHidden: true;
}

export type ActivityResults = HiddenResults | Across<'results'>;

/** What the facilitator sends to add an activity. */
export type ActivitySpec = {
  [K in ActivityKind]: {
    readonly type: K;
    readonly title: string;
    readonly config: ActivityOf<K>['config'];
    /** Show results to participants from the start (default false). */
    readonly isRevealed?: boolean;
  };
}[ActivityKind];

/** Per-kind operations; `decide` sees only commands of its kind, `apply` only its events. */
export interface ActivityModule<A extends AnyActivity, C, E> {
  validate(config: A['config'], state: WorkshopState): string | null;
  create(config: A['config'], at: number): A['data'];
  decide(ctx: DecideContext<A>, command: C): BodyDecision<E>;
  apply(activity: A, event: E, at: number): void;
  results(ctx: ResultsContext<A>): ActivityResults;
  /** A participant's own inputs, for reconnecting clients (`null`: nothing personal). */
  ownState(activity: A, participantId: string): unknown;
  /** Copy of the data a participant may hold (others' inputs removed or anonymised). */
  redact(activity: A, participantId: string): A['data'];
}

/** The config fields of an activity that have a default: one value, shared by the console, agendas and tests. */
export interface ActivityDefaults<A extends AnyActivity> {
  readonly kind: A['type'];
  readonly defaults: Partial<A['config']>;
}

type CommandOf<K extends ActivityKind> = Extract<ActivityCommand, { readonly type: `${K}.${string}` }>;
type EventOf<K extends ActivityKind> = Extract<ActivityEvent, { readonly type: `${K}.${string}` }>;

/** Each kind's module, as its file exports it (a missing kind is a type error in `ACTIVITY_MODULES`). */
const ACTIVITY_MODULE_LIST = {
  brainstorm: brainstorm.brainstormModule,
  cluster: cluster.clusterModule,
  dotVote: dotVote.dotVoteModule,
  rating: rating.ratingModule,
  ranking: ranking.rankingModule,
  pairwise: pairwise.pairwiseModule,
  poll: poll.pollModule,
  wordCloud: wordCloud.wordCloudModule,
  fistToFive: fistToFive.fistToFiveModule,
  consentRound: consentRound.consentRoundModule,
  gradients: gradients.gradientsModule,
  timer: timer.timerModule,
};

export const ACTIVITY_MODULES: {
  readonly [K in ActivityKind]: ActivityModule<ActivityOf<K>, CommandOf<K>, EventOf<K>>;
} = ACTIVITY_MODULE_LIST;

/** Every kind's config defaults (`ACTIVITY_DEFAULTS.wordCloud.maxLength`). */
export const ACTIVITY_DEFAULTS = Object.fromEntries(
  ACTIVITY_KINDS.map((kind) => [kind, ACTIVITY_MODULE_LIST[kind].defaults]),
) as { readonly [K in ActivityKind]: (typeof ACTIVITY_MODULE_LIST)[K]['defaults'] };

/**
 * The module of an activity kind, widened for dispatch. TypeScript cannot correlate the kind of
 * `activity` with the kind of `command`; callers guarantee they match (same prefix).
 */
export function moduleOf(kind: ActivityKind): ActivityModule<AnyActivity, ActivityCommand, ActivityEvent> {
  return ACTIVITY_MODULES[kind] as unknown as ActivityModule<AnyActivity, ActivityCommand, ActivityEvent>;
}

export function isActivityKind(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value);
}

/** Kind prefix of an activity command or event type (`dotVote.place` → `dotVote`). */
export function kindOfType(type: string): ActivityKind | null {
  const prefix = type.slice(0, type.indexOf('.'));
  return isActivityKind(prefix) ? prefix : null;
}
