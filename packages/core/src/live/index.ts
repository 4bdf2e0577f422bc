/**
 * @module Live workshops: the event-sourced core run identically by the server and the browser.
 *
 * `decide(state, command)` validates a command into events or a coded rejection;
 * `applyInPlace` (fast, mutating) or `apply` (immutable) folds events into the state;
 * `resultsOf` projects results for a viewer; `ownStateOf` rebuilds a participant's own inputs;
 * `redactStateFor` / `redactEventFor` give what a participant's browser may hold.
 */

export {
  BRAINSTORM_ANONYMITY,
  type BrainstormConfig,
  type BrainstormResults,
  type Card,
} from './activities/brainstorm';
export {
  type Allocation,
  type BudgetConfig,
  type BudgetResults,
  MAX_BUDGET,
  spentOf,
} from './activities/budget';
export {
  CHECK_IN_LEVELS,
  CHECK_IN_SCALES,
  type CheckInConfig,
  type CheckInResults,
  type CheckInScale,
} from './activities/check-in';
export type { ClusterConfig, ClusterResults } from './activities/cluster';
export type { Item } from './activities/common';
export type {
  ConsentOutcome,
  ConsentRoundConfig,
  ConsentRoundResults,
  ConsentStage,
  Objection,
  ProposalVersion,
} from './activities/consent-round';
export { CONSENT_STAGES, consentOutcome } from './activities/consent-round';
export type { DotVoteConfig, DotVoteOwnState, DotVoteResults } from './activities/dot-vote';
export type { FistToFiveConfig, FistToFiveOwnState, FistToFiveResults } from './activities/fist-to-five';
export { FIST_EXPLAIN_AT_MOST, isFistToFivePassing } from './activities/fist-to-five';
export type { GradientsConfig, GradientsResults } from './activities/gradients';
export { GRADIENT_LEVELS } from './activities/gradients';
export {
  distinctOptionsAcrossGroups,
  formGroups,
  GROUPING_STRATEGIES,
  type GroupingStrategy,
  type GroupsConfig,
  type GroupsResults,
  MAX_GROUP_SIZE,
} from './activities/groups';
export {
  MATRIX_MAX,
  type MatrixAxis,
  type MatrixConfig,
  type MatrixResults,
  type Point,
} from './activities/matrix';
export type { PairwiseConfig, PairwiseResults } from './activities/pairwise';
export { nextPair, pairKey } from './activities/pairwise';
export type { PollConfig, PollResults } from './activities/poll';
export {
  QUESTION_STATUSES,
  type QuestionStatus,
  type QuestionsConfig,
  type QuestionsResults,
} from './activities/questions';
export type { RankingConfig, RankingResults } from './activities/ranking';
export type { RatingConfig, RatingResults } from './activities/rating';
export { RATING_SCALE_NAMES, RATING_SCALES, type RatingScale } from './activities/rating';
export type { TimerConfig, TimerResults } from './activities/timer';
export { remainingMs } from './activities/timer';
export type { WordCloudConfig, WordCloudResults } from './activities/word-cloud';
export {
  ACTIVITY_DEFAULTS,
  ACTIVITY_KINDS,
  ACTIVITY_MODULES,
  type ActivityCommand,
  type ActivityEvent,
  type ActivityKind,
  type ActivityOf,
  type ActivityResults,
  type ActivitySpec,
  type AnyActivity,
  type HiddenResults,
  isActivityKind,
} from './activity-types';
export { apply, applyInPlace, replay } from './apply';
export { type BordaItem, bordaCount, bordaFromPositions, positionHistograms } from './borda';
export {
  BRADLEY_TERRY_DEFAULTS,
  type BradleyTerryFit,
  type BradleyTerryOptions,
  fitBradleyTerry,
} from './bradley-terry';
export type { LiveCommandBody } from './commands';
export { decide, isDuplicateCommand } from './decide';
export {
  ACTIVITY_PHASES,
  type Actor,
  COMMAND_WINDOW,
  type CommandEnvelope,
  type DecideOptions,
  type Decision,
  type EventEnvelope,
  ID_PATTERN,
  type LiveCommand,
  type LiveEvent,
  type LiveEventBody,
  type Participant,
  type Phase,
  REDACTED_ID,
  REJECTION_CODES,
  type RejectionCode,
  type Role,
  type Viewer,
  WORKSHOP_STATUSES,
  type WorkshopState,
  type WorkshopStatus,
} from './model';
export { type OwnActivityState, type OwnState, ownStateOf } from './own-state';
export { isSnapshotNeeded, redactEventFor, redactStateFor } from './redact';
export { type ResultsOptions, resultsOf } from './results';
export { createLiveRoom, type LiveRoom } from './room';
export { createWorkshop } from './state';
export { countWords, type WordFrequency } from './word-frequencies';
export type { WorkshopCommand, WorkshopEventBody } from './workshop';
