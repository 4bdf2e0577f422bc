/** @module Registry of the web screens of every live activity kind. */
import type { ActivityKind } from '@essaim/core/live';
import { BrainstormConfigForm, buildBrainstorm } from './brainstorm/config-form';
import { BrainstormInput } from './brainstorm/input';
import { BrainstormResultsView } from './brainstorm/results';
import { buildCluster, ClusterConfigForm } from './cluster/config-form';
import { ClusterInput } from './cluster/input';
import { ClusterResultsView } from './cluster/results';
import { buildConsentRound, ConsentRoundConfigForm } from './consent-round/config-form';
import { ConsentRoundInput } from './consent-round/input';
import { ConsentRoundResultsView } from './consent-round/results';
import { buildDotVote, DotVoteConfigForm } from './dot-vote/config-form';
import { DotVoteInput } from './dot-vote/input';
import { DotVoteResultsView, dotVoteRows } from './dot-vote/results';
import { buildFistToFive, FistToFiveConfigForm } from './fist-to-five/config-form';
import { FistToFiveInput } from './fist-to-five/input';
import { FistToFiveResultsView, fistToFiveRows } from './fist-to-five/results';
import { buildGradients, GradientsConfigForm } from './gradients/config-form';
import { GradientsInput } from './gradients/input';
import { GradientsResultsView, gradientsRows } from './gradients/results';
import { buildPairwise, PairwiseConfigForm } from './pairwise/config-form';
import { PairwiseInput } from './pairwise/input';
import { PairwiseResultsView, pairwiseRows } from './pairwise/results';
import { buildPoll, PollConfigForm } from './poll/config-form';
import { PollInput } from './poll/input';
import { PollResultsView, pollRows } from './poll/results';
import { buildRanking, RankingConfigForm } from './ranking/config-form';
import { RankingInput } from './ranking/input';
import { RankingResultsView, rankingRows } from './ranking/results';
import { buildRating, RatingConfigForm } from './rating/config-form';
import { RatingInput } from './rating/input';
import { RatingResultsView, ratingRows } from './rating/results';
import { buildTimer, TimerConfigForm } from './timer/config-form';
import { TimerInput } from './timer/input';
import { TimerResultsView } from './timer/results';
import type { ActivityScreens } from './types';
import { buildWordCloud, WordCloudConfigForm } from './word-cloud/config-form';
import { WordCloudInput } from './word-cloud/input';
import { WordCloudResultsView, wordCloudRows } from './word-cloud/results';

/**
 * The kinds a facilitator can add, in the console menu's order. Every core kind must be here (a
 * test checks it); the menu shows each with its name from `workshop.kinds.<kind>`.
 */
export const ACTIVITY_MENU = [
  'brainstorm',
  'cluster',
  'dotVote',
  'poll',
  'rating',
  'ranking',
  'pairwise',
  'fistToFive',
  'consentRound',
  'wordCloud',
  'gradients',
  'timer',
] as const satisfies readonly ActivityKind[];

/**
 * The one place the web app finds an activity's screens: kind → participant input, results,
 * config form (fields and the spec they build) and chart rows. The mapped type makes a missing kind
 * a type error.
 */
export const ACTIVITY_SCREENS: { readonly [K in ActivityKind]: ActivityScreens<K> } = {
  brainstorm: {
    Input: BrainstormInput,
    Results: BrainstormResultsView,
    ConfigForm: BrainstormConfigForm,
    buildSpec: buildBrainstorm,
  },
  cluster: {
    Input: ClusterInput,
    Results: ClusterResultsView,
    ConfigForm: ClusterConfigForm,
    buildSpec: buildCluster,
  },
  dotVote: {
    Input: DotVoteInput,
    Results: DotVoteResultsView,
    ConfigForm: DotVoteConfigForm,
    buildSpec: buildDotVote,
    chartRows: dotVoteRows,
  },
  poll: {
    Input: PollInput,
    Results: PollResultsView,
    ConfigForm: PollConfigForm,
    buildSpec: buildPoll,
    chartRows: pollRows,
  },
  rating: {
    Input: RatingInput,
    Results: RatingResultsView,
    ConfigForm: RatingConfigForm,
    buildSpec: buildRating,
    chartRows: ratingRows,
  },
  ranking: {
    Input: RankingInput,
    Results: RankingResultsView,
    ConfigForm: RankingConfigForm,
    buildSpec: buildRanking,
    chartRows: rankingRows,
  },
  pairwise: {
    Input: PairwiseInput,
    Results: PairwiseResultsView,
    ConfigForm: PairwiseConfigForm,
    buildSpec: buildPairwise,
    chartRows: pairwiseRows,
  },
  fistToFive: {
    Input: FistToFiveInput,
    Results: FistToFiveResultsView,
    ConfigForm: FistToFiveConfigForm,
    buildSpec: buildFistToFive,
    chartRows: fistToFiveRows,
  },
  consentRound: {
    Input: ConsentRoundInput,
    Results: ConsentRoundResultsView,
    ConfigForm: ConsentRoundConfigForm,
    buildSpec: buildConsentRound,
  },
  wordCloud: {
    Input: WordCloudInput,
    Results: WordCloudResultsView,
    ConfigForm: WordCloudConfigForm,
    buildSpec: buildWordCloud,
    chartRows: wordCloudRows,
  },
  gradients: {
    Input: GradientsInput,
    Results: GradientsResultsView,
    ConfigForm: GradientsConfigForm,
    buildSpec: buildGradients,
    chartRows: gradientsRows,
  },
  timer: {
    Input: TimerInput,
    Results: TimerResultsView,
    ConfigForm: TimerConfigForm,
    buildSpec: buildTimer,
  },
};
