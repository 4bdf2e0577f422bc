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
 * The facilitator receives everything, except who showed what in a fist-to-five whose names were
 * not chosen before the vote (the promise made to participants: {@link redactForFacilitator}).
 * A projector is a participant-like viewer (`REDACTED_ID`): it sees results only once revealed.
 */
import { isFistShowingNames, redactFistToFiveForFacilitator } from './activities/fist-to-five';
import { kindOfType, moduleOf } from './activity-types';
import type { LiveEvent, Viewer, WorkshopState } from './model';
import { REDACTED_ID } from './model';

/** State for a viewer: the facilitator gets it whole, a participant a redacted deep copy. */
export function redactStateFor(state: WorkshopState, viewer: Viewer): WorkshopState {
  if (viewer.role === 'facilitator') {
    return redactForFacilitator(state);
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
    return isNamelessFistEvent(state, event) || isAuthorHidden(state, event)
      ? withoutParticipant(event)
      : event;
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
  const redacted = withoutParticipant(event) as unknown as Record<string, unknown>;
  if (event.type === 'brainstorm.cardAdded' && event.isAnonymous) {
    redacted.authorId = REDACTED_ID;
  }
  const shown = redacted as unknown as LiveEvent;
  const hook = moduleOf(kind).redactOthersEvent;
  return hook ? hook(shown) : shown;
}

/** An input event of an activity whose module hides authors from the facilitator (e.g. a check-in). */
function isAuthorHidden(state: WorkshopState, event: LiveEvent): boolean {
  const kind = kindOfType(event.type);
  if (kind === null || event.actor.role !== 'participant' || !('activityId' in event)) {
    return false;
  }
  const hides = moduleOf(kind).hidesAuthorsFromFacilitator;
  const activity = state.activities[event.activityId];
  // An activity this replica does not know yet is treated as hiding: names are the exception.
  return hides !== undefined && (activity?.type !== kind || hides(activity));
}

/** The event with its participant (actor and subject) replaced by {@link REDACTED_ID}. */
function withoutParticipant(event: LiveEvent): LiveEvent {
  const redacted: Record<string, unknown> = {
    ...event,
    actor:
      event.actor.role === 'participant' ? { role: 'participant', participantId: REDACTED_ID } : event.actor,
  };
  if ('participantId' in event) {
    redacted.participantId = REDACTED_ID;
  }
  return redacted as unknown as LiveEvent;
}

/** A fist-to-five input whose author the facilitator must not learn (names not chosen). */
export function isNamelessFistEvent(state: WorkshopState, event: LiveEvent): boolean {
  if (event.type !== 'fistToFive.shown' && event.type !== 'fistToFive.explained') {
    return false;
  }
  // An activity this replica does not know yet is treated as nameless: names are the exception.
  const activity = state.activities[event.activityId];
  return activity?.type !== 'fistToFive' || !isFistShowingNames(activity);
}

/**
 * The facilitator's state: whole, except nameless fist-to-fives, which keep their histogram and
 * explanation texts but lose who showed what. Returns `state` itself when nothing is to hide.
 */
function redactForFacilitator(state: WorkshopState): WorkshopState {
  const hidden = state.activityOrder.filter((id) => {
    const activity = state.activities[id];
    return (
      activity?.type === 'fistToFive' &&
      !isFistShowingNames(activity) &&
      (Object.keys(activity.data.byParticipant).length > 0 ||
        activity.data.explanations.some((e) => e.participantId !== REDACTED_ID))
    );
  });
  if (hidden.length === 0) {
    return state;
  }
  const activities: WorkshopState['activities'] = { ...state.activities };
  for (const id of hidden) {
    const activity = state.activities[id];
    if (activity?.type === 'fistToFive') {
      activities[id] = { ...activity, data: redactFistToFiveForFacilitator(activity) };
    }
  }
  return { ...state, activities };
}

/** Events after which a participant replica should be replaced by a fresh redacted snapshot. */
export function isSnapshotNeeded(event: LiveEvent): boolean {
  return (
    event.type === 'activity.resultsRevealed' ||
    event.type === 'activity.resultsHidden' ||
    event.type === 'brainstorm.cardShown' ||
    (kindOfType(event.type) !== null && moduleOf(kindOfType(event.type)!).needsSnapshot?.(event) === true)
  );
}
