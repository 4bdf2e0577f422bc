/** @module Registry of the web screens of every live activity kind: one line per kind. */
import type { ActivityKind } from '@essaim/core/live';
import { useTranslation } from 'react-i18next';
import { brainstormScreens } from './brainstorm';
import { budgetScreens } from './budget';
import { checkInScreens } from './check-in';
import { clusterScreens } from './cluster';
import { consentRoundScreens } from './consent-round';
import { dotVoteScreens } from './dot-vote';
import { fistToFiveScreens } from './fist-to-five';
import { gradientsScreens } from './gradients';
import { groupsScreens } from './groups';
import { matrixScreens } from './matrix';
import { pairwiseScreens } from './pairwise';
import { pollScreens } from './poll';
import { questionsScreens } from './questions';
import { rankingScreens } from './ranking';
import { ratingScreens } from './rating';
import { activityText } from './shared/strings';
import { timerScreens } from './timer';
import type { ActivityScreens } from './types';
import { wordCloudScreens } from './word-cloud';

/**
 * The one place the web app finds an activity's screens: kind → participant input, results, config
 * form (fields and the spec they build), chart rows and the kind's own strings. The mapped type makes
 * a missing kind a type error; the key order is the console menu's order.
 */
export const ACTIVITY_SCREENS: { readonly [K in ActivityKind]: ActivityScreens<K> } = {
  checkIn: checkInScreens,
  groups: groupsScreens,
  brainstorm: brainstormScreens,
  cluster: clusterScreens,
  dotVote: dotVoteScreens,
  matrix: matrixScreens,
  budget: budgetScreens,
  poll: pollScreens,
  rating: ratingScreens,
  ranking: rankingScreens,
  pairwise: pairwiseScreens,
  fistToFive: fistToFiveScreens,
  consentRound: consentRoundScreens,
  wordCloud: wordCloudScreens,
  gradients: gradientsScreens,
  questions: questionsScreens,
  timer: timerScreens,
};

/** The kinds a facilitator can add, in the console menu's order (the registry's). */
export const ACTIVITY_MENU = Object.keys(ACTIVITY_SCREENS) as ActivityKind[];

/** The name of a kind in the reader's language (the console menu, the agenda, the results). */
export function useKindName(): (kind: ActivityKind) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (kind) => activityText(ACTIVITY_SCREENS[kind].strings, language)('name');
}

/** The add form's one-line hint for a kind. */
export function useKindHint(): (kind: ActivityKind) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (kind) => activityText(ACTIVITY_SCREENS[kind].strings, language)('hint');
}
