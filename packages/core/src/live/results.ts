/**
 * @module Results projection: what a viewer may see of an activity.
 *
 * The facilitator always sees live results. A participant sees `{ isHidden: true }` until the
 * facilitator reveals results (timers are always visible). Projections never name the author of
 * an anonymous card nor say who voted what: participant ids appear nowhere, and names only in
 * the facilitator's view of named cards, fist-to-five flags and consent objections.
 */
import type { ActivityResults } from './activity-types';
import { moduleOf } from './activity-types';
import type { Viewer, WorkshopState } from './model';
import { own } from './records';

export interface ResultsOptions {
  /** Clock value in ms, for timers (default 0). */
  readonly now?: number;
}

/**
 * Results of one activity for a viewer, or `null` when the activity does not exist.
 * @example resultsOf(state, 'act3', { role: 'participant', participantId: 'p1' })
 */
export function resultsOf(
  state: WorkshopState,
  activityId: string,
  viewer: Viewer,
  options: ResultsOptions = {},
): ActivityResults | null {
  const activity = own(state.activities, activityId);
  if (activity === undefined) {
    return null;
  }
  if (viewer.role === 'participant' && !activity.isRevealed && activity.type !== 'timer') {
    return { type: activity.type, isHidden: true };
  }
  return moduleOf(activity.type).results({ state, activity, viewer, now: options.now ?? 0 });
}
