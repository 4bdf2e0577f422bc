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

export type AnyActivity =
  | brainstorm.BrainstormActivity
  | cluster.ClusterActivity
  | dotVote.DotVoteActivity
  | rating.RatingActivity
  | ranking.RankingActivity
  | pairwise.PairwiseActivity
  | poll.PollActivity
  | wordCloud.WordCloudActivity
  | fistToFive.FistToFiveActivity
  | consentRound.ConsentRoundActivity
  | gradients.GradientsActivity
  | timer.TimerActivity;

export type ActivityOf<K extends ActivityKind> = Extract<AnyActivity, { readonly type: K }>;

export type ActivityCommand =
  | brainstorm.BrainstormCommand
  | cluster.ClusterCommand
  | dotVote.DotVoteCommand
  | rating.RatingCommand
  | ranking.RankingCommand
  | pairwise.PairwiseCommand
  | poll.PollCommand
  | wordCloud.WordCloudCommand
  | fistToFive.FistToFiveCommand
  | consentRound.ConsentRoundCommand
  | gradients.GradientsCommand
  | timer.TimerCommand;

export type ActivityEvent =
  | brainstorm.BrainstormEvent
  | cluster.ClusterEvent
  | dotVote.DotVoteEvent
  | rating.RatingEvent
  | ranking.RankingEvent
  | pairwise.PairwiseEvent
  | poll.PollEvent
  | wordCloud.WordCloudEvent
  | fistToFive.FistToFiveEvent
  | consentRound.ConsentRoundEvent
  | gradients.GradientsEvent
  | timer.TimerEvent;

/** Results a viewer may not see yet. */
export interface HiddenResults {
  readonly type: ActivityKind;
  readonly isHidden: true;
}

export type ActivityResults =
  | HiddenResults
  | brainstorm.BrainstormResults
  | cluster.ClusterResults
  | dotVote.DotVoteResults
  | rating.RatingResults
  | ranking.RankingResults
  | pairwise.PairwiseResults
  | poll.PollResults
  | wordCloud.WordCloudResults
  | fistToFive.FistToFiveResults
  | consentRound.ConsentRoundResults
  | gradients.GradientsResults
  | timer.TimerResults;

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

/** Each kind's module, as its file exports it. Adding a kind: one line here and one in `ACTIVITY_KINDS`. */
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
