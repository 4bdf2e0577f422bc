/**
 * @module Unions over every live activity and the registry that dispatches to each module.
 *
 * The method catalogue's `LIVE_ACTIVITIES` are these kinds plus `opinionMap` (a separate feature). Commands and events are prefixed by their kind
 * (`dotVote.place`, `dotVote.placed`), so the kind of any activity command is its prefix.
 */
import * as brainstorm from './activities/brainstorm';
import * as budget from './activities/budget';
import * as checkIn from './activities/check-in';
import * as cluster from './activities/cluster';
import type { Item } from './activities/common';
import * as consentRound from './activities/consent-round';
import * as dotVote from './activities/dot-vote';
import * as fistToFive from './activities/fist-to-five';
import * as gradients from './activities/gradients';
import * as groups from './activities/groups';
import * as matrix from './activities/matrix';
import * as pairwise from './activities/pairwise';
import * as poll from './activities/poll';
import * as questions from './activities/questions';
import * as ranking from './activities/ranking';
import * as rating from './activities/rating';
import * as timer from './activities/timer';
import * as wordCloud from './activities/word-cloud';
import type { LiveCommandBody } from './commands';
import type { DecideContext, ResultsContext } from './context';
import type { BodyDecision, LiveEvent, WorkshopState } from './model';
import type { LiveRoom } from './room';

/** The four types an activity file exports, under one name per kind. */
interface TypesOf<A, C, E, R> {
  readonly activity: A;
  readonly command: C;
  readonly event: E;
  readonly results: R;
}

/**
 * Every kind's types, one entry each: the unions below are computed from this map. (They cannot be
 * read off the modules themselves: a module's functions take the workshop state, whose activities
 * are this union, so the inference would run in a circle.)
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
  groups: TypesOf<groups.GroupsActivity, groups.GroupsCommand, groups.GroupsEvent, groups.GroupsResults>;
  matrix: TypesOf<matrix.MatrixActivity, matrix.MatrixCommand, matrix.MatrixEvent, matrix.MatrixResults>;
  budget: TypesOf<budget.BudgetActivity, budget.BudgetCommand, budget.BudgetEvent, budget.BudgetResults>;
  questions: TypesOf<
    questions.QuestionsActivity,
    questions.QuestionsCommand,
    questions.QuestionsEvent,
    questions.QuestionsResults
  >;
  checkIn: TypesOf<
    checkIn.CheckInActivity,
    checkIn.CheckInCommand,
    checkIn.CheckInEvent,
    checkIn.CheckInResults
  >;
};

export type ActivityKind = keyof ActivityTypeMap;

/**
 * Every activity module, one line each, in the console menu's order. With `ActivityTypeMap` above, this
 * is the registry: the kinds (`ACTIVITY_KINDS`), the defaults, the agenda's starting configs, the method
 * catalogue's live activities and the contract suite's samples all derive from it, so a new kind is its
 * module file plus one entry here and one in the map.
 */
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
  groups: groups.groupsModule,
  matrix: matrix.matrixModule,
  budget: budget.budgetModule,
  questions: questions.questionsModule,
  checkIn: checkIn.checkInModule,
} satisfies ModuleRegistry;

/** The kinds, in the registry's order (a non-empty tuple, so `z.enum(ACTIVITY_KINDS)` accepts it). */
export const ACTIVITY_KINDS = Object.keys(ACTIVITY_MODULE_LIST) as [ActivityKind, ...ActivityKind[]];

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
  /**
   * Optional: another participant's event as a participant may receive it once results are revealed
   * (after the author is removed), or `null` to withhold it (a question still waiting for moderation).
   */
  redactOthersEvent?(event: LiveEvent): LiveEvent | null;
  /** Optional: events after which a participant's replica needs a fresh redacted snapshot. */
  needsSnapshot?(event: LiveEvent): boolean;
  /** Optional: whether the facilitator must receive this activity's inputs without their author. */
  hidesAuthorsFromFacilitator?(activity: A): boolean;
}

/** The config fields of an activity that have a default: one value, shared by the console, agendas and tests. */
export interface ActivityDefaults<A extends AnyActivity> {
  readonly kind: A['type'];
  readonly defaults: Partial<A['config']>;
  /** The config an agenda item starts with when it is turned into this activity. */
  fromAgenda(ctx: AgendaContext): AgendaConfig<A['config']>;
  /** The contract suite's fixture (`activities.contract.test.ts` runs it for every kind). */
  readonly sample: ActivitySample<A['config']>;
}

/** What an agenda item gives the activity it becomes. */
export interface AgendaContext {
  readonly title: string;
  /** The item's notes, else its title: what a proposal-based activity puts to the group. */
  readonly proposal: string;
  readonly durationMinutes: number;
  /** People per group when the agenda's step forms groups (2 pairs, 4 fours, 0 everyone). */
  readonly groupSize?: number;
  /** The workshop the activity joins (a cluster sorts the cards of its latest brainstorm). */
  readonly state: WorkshopState;
  /** Items for a vote-like activity: the ones given, else the latest results of the workshop, else placeholders. */
  items(): Item[];
}

/** A config, or why the workshop cannot take this activity yet (`reason` is a stable code for clients). */
export type AgendaConfig<C> =
  | { readonly ok: true; readonly config: C }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** One activity played by two participants, for the contract suite (replay, idempotency, redaction). */
export interface ActivitySample<C> {
  /** The config to add (a kind that builds on another adds that one first in `before`). */
  config(room: LiveRoom): C;
  before?(room: LiveRoom): void;
  /** Facilitator steps after the start, before inputs (e.g. a consent round's stage). */
  prepare?(room: LiveRoom, activityId: string): void;
  /**
   * One participant's input; `null` for kinds only the facilitator drives. Whatever is private in it
   * reads `secret of <participant>` or carries the participant's id, so the suite can look for leaks.
   */
  input(activityId: string, participantId: string): LiveCommandBody | null;
  /** A facilitator command for kinds without participant input. */
  drive?(activityId: string): LiveCommandBody;
}

type CommandOf<K extends ActivityKind> = Extract<ActivityCommand, { readonly type: `${K}.${string}` }>;
type EventOf<K extends ActivityKind> = Extract<ActivityEvent, { readonly type: `${K}.${string}` }>;

type ModuleRegistry = {
  readonly [K in ActivityKind]: ActivityModule<ActivityOf<K>, CommandOf<K>, EventOf<K>> &
    ActivityDefaults<ActivityOf<K>>;
};

export const ACTIVITY_MODULES: ModuleRegistry = ACTIVITY_MODULE_LIST;

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
