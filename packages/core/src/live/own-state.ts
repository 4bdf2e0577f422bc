/**
 * @module A participant's own state (my cards, my dots, my ratings…), so that a reconnecting
 * client can rebuild its view and reconcile its outbox: a pending command whose id is in
 * `recentCommandIds` was applied and must not be resent under a new id.
 */
import type { ActivityKind } from './activity-types';
import { moduleOf } from './activity-types';
import type { WorkshopState } from './model';
import { own } from './records';

export interface OwnActivityState {
  readonly type: ActivityKind;
  /** Shape depends on `type` (e.g. dot votes: `{ dots, remaining }`); `null` when nothing personal. */
  readonly mine: unknown;
}

export interface OwnState {
  readonly participantId: string;
  readonly isJoined: boolean;
  readonly displayName: string | null;
  readonly isRemoved: boolean;
  readonly recentCommandIds: readonly string[];
  readonly activities: Readonly<Record<string, OwnActivityState>>;
}

/**
 * Everything the participant contributed, per activity.
 * @example ownStateOf(state, 'p1').activities.act3 // { type: 'dotVote', mine: { dots: { a: 2 }, remaining: 1 } }
 */
export function ownStateOf(state: WorkshopState, participantId: string): OwnState {
  const participant = own(state.participants, participantId);
  const activities: Record<string, OwnActivityState> = {};
  for (const id of state.activityOrder) {
    const activity = state.activities[id];
    if (activity !== undefined) {
      activities[id] = {
        type: activity.type,
        mine: moduleOf(activity.type).ownState(activity, participantId),
      };
    }
  }
  return {
    participantId,
    isJoined: participant !== undefined,
    displayName: participant?.displayName ?? null,
    isRemoved: participant?.isRemoved ?? false,
    recentCommandIds: [...(participant?.recentCommandIds ?? [])],
    activities,
  };
}
