/**
 * @module What a participant's browser may hold: redacted snapshots and events.
 *
 * Participants run the same reducer as the server, on a redacted replica:
 * - other participants' ids in input events become {@link REDACTED_ID} (aggregates still update
 *   because events carry the previous value they replace);
 * - input of others on an activity whose results are hidden is not sent at all;
 * - when results are revealed or hidden, or a moderated card is shown again, the replica cannot
 *   be patched by the event alone: the server sends a fresh redacted snapshot
 *   ({@link isSnapshotNeeded}).
 * The facilitator receives everything unchanged.
 */
import { kindOfType, moduleOf } from './activity-types';
import type { LiveEvent, Viewer, WorkshopState } from './model';
import { REDACTED_ID } from './model';

/** State for a viewer: the facilitator gets it whole, a participant a redacted deep copy. */
export function redactStateFor(state: WorkshopState, viewer: Viewer): WorkshopState {
  if (viewer.role === 'facilitator') {
    return state;
  }
  const me = viewer.participantId;
  const participants: WorkshopState['participants'] = {};
  for (const [id, participant] of Object.entries(state.participants)) {
    participants[id] = {
      ...participant,
      recentCommandIds: id === me ? [...participant.recentCommandIds] : [],
    };
  }
  const activities: WorkshopState['activities'] = {};
  for (const [id, activity] of Object.entries(state.activities)) {
    activities[id] = { ...activity, data: moduleOf(activity.type).redact(activity, me) } as typeof activity;
  }
  return {
    ...state,
    activityOrder: [...state.activityOrder],
    participants,
    activities,
    facilitatorCommandIds: [],
  };
}

/**
 * The event as a viewer may receive it, or `null` when it must not be sent.
 * @param state the state the event applies to (before or after: only flags are read).
 */
export function redactEventFor(state: WorkshopState, event: LiveEvent, viewer: Viewer): LiveEvent | null {
  if (viewer.role === 'facilitator') {
    return event;
  }
  const me = viewer.participantId;
  const kind = kindOfType(event.type);
  const isOthers = event.actor.role === 'participant' && event.actor.participantId !== me;
  if (kind === null) {
    return event;
  }
  if (!isOthers) {
    return event;
  }
  const activity = 'activityId' in event ? state.activities[event.activityId] : undefined;
  if (activity === undefined || !activity.isRevealed) {
    return null;
  }
  const redacted: Record<string, unknown> = {
    ...event,
    actor: { role: 'participant', participantId: REDACTED_ID },
  };
  if ('participantId' in event) {
    redacted.participantId = REDACTED_ID;
  }
  if (event.type === 'brainstorm.cardAdded' && event.isAnonymous) {
    redacted.authorId = REDACTED_ID;
  }
  return redacted as unknown as LiveEvent;
}

/** Events after which a participant replica should be replaced by a fresh redacted snapshot. */
export function isSnapshotNeeded(event: LiveEvent): boolean {
  return (
    event.type === 'activity.resultsRevealed' ||
    event.type === 'activity.resultsHidden' ||
    event.type === 'brainstorm.cardShown'
  );
}
