/**
 * @module Event reducer, in two flavours over one implementation.
 *
 * - {@link applyInPlace}: the fast path. Mutates the state it is given (O(1) per vote) and
 *   returns it. The server keeps one state per workshop and folds events into it; a browser
 *   store may do the same and publish `state.eventCount` as its version (useSyncExternalStore).
 * - {@link apply}: immutable API for React and tests. Returns a new state and never touches the
 *   input: untouched activities and participants are shared, the touched activity's data is
 *   copied (O(size of that activity)), so prefer `applyInPlace` for big rooms.
 * Both record the command id in the actor's window (dedup) and bump `eventCount`; replaying the
 * same log from `createWorkshop` gives the same state with either.
 */

import type { ActivityEvent } from './activity-types';
import { kindOfType, moduleOf } from './activity-types';
import type { LiveEvent, WorkshopState } from './model';
import { COMMAND_WINDOW, REDACTED_ID } from './model';
import { cloneData, own } from './records';
import type { WorkshopEventBody } from './workshop';
import { applyWorkshopEvent } from './workshop';

function remember(window: string[], commandId: string): void {
  if (window[window.length - 1] === commandId) {
    return; // several events of one command
  }
  window.push(commandId);
  if (window.length > COMMAND_WINDOW) {
    window.shift();
  }
}

function actorWindow(state: WorkshopState, event: LiveEvent): string[] | undefined {
  if (event.actor.role === 'facilitator') {
    return state.facilitatorCommandIds;
  }
  return event.actor.participantId === REDACTED_ID
    ? undefined
    : own(state.participants, event.actor.participantId)?.recentCommandIds;
}

/**
 * Folds one event into the state, mutating it (server fast path).
 * @example for (const event of result.events) applyInPlace(state, event);
 */
export function applyInPlace(state: WorkshopState, event: LiveEvent): WorkshopState {
  const kind = kindOfType(event.type);
  if (kind === null) {
    applyWorkshopEvent(state, event as WorkshopEventBody, event.at);
  } else {
    const activityEvent = event as ActivityEvent;
    const activity = own(state.activities, activityEvent.activityId);
    if (activity !== undefined && activity.type === kind) {
      moduleOf(kind).apply(activity, activityEvent, event.at);
    }
  }
  const window = actorWindow(state, event);
  if (window !== undefined) {
    remember(window, event.commandId);
  }
  state.eventCount += 1;
  return state;
}

/**
 * Immutable reducer: a new state sharing everything the event does not touch.
 * @example const next = apply(state, event); // state is unchanged
 */
export function apply(state: WorkshopState, event: LiveEvent): WorkshopState {
  const next: WorkshopState = { ...state, facilitatorCommandIds: [...state.facilitatorCommandIds] };
  const kind = kindOfType(event.type);
  if (kind === null) {
    // Workshop events touch the agenda, one activity's flags or participants: copy those levels.
    next.activityOrder = [...state.activityOrder];
    next.activities = { ...state.activities };
    next.participants = { ...state.participants };
    const target = 'activityId' in event ? own(state.activities, event.activityId) : undefined;
    if (target !== undefined) {
      next.activities[target.id] = { ...target };
    }
    const participantId = 'participantId' in event ? event.participantId : undefined;
    const participant = participantId === undefined ? undefined : own(state.participants, participantId);
    if (participant !== undefined) {
      next.participants[participant.id] = {
        ...participant,
        recentCommandIds: [...participant.recentCommandIds],
      };
    }
  } else {
    const target = own(state.activities, (event as ActivityEvent).activityId);
    if (target !== undefined) {
      next.activities = {
        ...state.activities,
        [target.id]: { ...target, data: cloneData(target.data) } as typeof target,
      };
    }
  }
  if (event.actor.role === 'participant') {
    const participant = own(next.participants, event.actor.participantId);
    if (participant !== undefined && participant === own(state.participants, event.actor.participantId)) {
      next.participants =
        next.participants === state.participants ? { ...state.participants } : next.participants;
      next.participants[participant.id] = {
        ...participant,
        recentCommandIds: [...participant.recentCommandIds],
      };
    }
  }
  return applyInPlace(next, event);
}

/** Replays a log from a given state (immutably for the input). */
export function replay(initial: WorkshopState, events: readonly LiveEvent[]): WorkshopState {
  const state = cloneData(initial);
  for (const event of events) {
    applyInPlace(state, event);
  }
  return state;
}
