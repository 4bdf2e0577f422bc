/**
 * @module What an activity's decide and results functions receive from the workshop layer.
 */
import type { Actor, Viewer, WorkshopState } from './model';

/** Input to an activity's `decide`: the workshop layer has already checked stop, pause, lock and phase. */
export interface DecideContext<A> {
  readonly state: WorkshopState;
  readonly activity: A;
  readonly actor: Actor;
  /** The sender's participant id, or `null` for the facilitator. */
  readonly participantId: string | null;
  /** Server clock in ms. */
  readonly now: number;
  /** A fresh id, unique in the workshop, for something this command creates. */
  newId(prefix: string): string;
}

/** Input to an activity's results projection. */
export interface ResultsContext<A> {
  readonly state: WorkshopState;
  readonly activity: A;
  readonly viewer: Viewer;
  readonly now: number;
}

/** Participant id of a viewer, or `null` for the facilitator. */
export function viewerId(viewer: Viewer): string | null {
  return viewer.role === 'participant' ? viewer.participantId : null;
}

/** Display name of a participant for the facilitator view (`null` when anonymous or unknown). */
export function displayNameOf(state: WorkshopState, participantId: string | null): string | null {
  if (participantId === null || !Object.hasOwn(state.participants, participantId)) {
    return null;
  }
  return state.participants[participantId]?.displayName ?? null;
}
