/**
 * @module Workshop-level commands and events: joining, removal, the agenda of activities,
 * phases (draft → open ⇄ closed), result visibility, lock, pause/resume and stop/resume.
 *
 * Pause and stop differ in what they say and what they allow: a pause is a break (the facilitator
 * keeps preparing; participants stay in the room, their input refused), a stop ends the session
 * (no one joins, every command is refused, the console offers only "resume" and exports). A stop is
 * not irreversible: the facilitator may resume a stopped workshop, which clears its reason.
 */
import type { ActivitySpec } from './activity-types';
import { isActivityKind, moduleOf } from './activity-types';
import type { BodyDecision, WorkshopState } from './model';
import { REDACTED_ID } from './model';
import { accept, cleanText, isId, isIntegerIn, own, reject } from './records';

const MAX_NAME = 60;
const MAX_REASON = 500;
const MAX_ACTIVITIES = 200;

type ActivityControl =
  | 'activity.start'
  | 'activity.open'
  | 'activity.close'
  | 'activity.revealResults'
  | 'activity.hideResults'
  | 'activity.lock'
  | 'activity.unlock';

export type WorkshopCommand =
  | { readonly type: 'participant.join'; readonly displayName: string | null }
  | { readonly type: 'participant.remove'; readonly participantId: string }
  | { readonly type: 'activity.add'; readonly activity: ActivitySpec; readonly index?: number }
  | { readonly type: 'activity.move'; readonly activityId: string; readonly toIndex: number }
  | { readonly type: 'activity.update'; readonly activityId: string; readonly activity: ActivitySpec }
  | { readonly type: 'activity.remove'; readonly activityId: string }
  | { readonly type: ActivityControl; readonly activityId: string }
  | { readonly type: 'workshop.pause' | 'workshop.resume' }
  | { readonly type: 'workshop.stop'; readonly reason: string };

export type WorkshopEventBody =
  | {
      readonly type: 'participant.joined';
      readonly participantId: string;
      readonly displayName: string | null;
    }
  | { readonly type: 'participant.removed'; readonly participantId: string }
  | {
      readonly type: 'activity.added';
      readonly activityId: string;
      readonly index: number;
      readonly activity: ActivitySpec;
    }
  | { readonly type: 'activity.moved'; readonly activityId: string; readonly toIndex: number }
  | { readonly type: 'activity.updated'; readonly activityId: string; readonly activity: ActivitySpec }
  | { readonly type: 'activity.removed'; readonly activityId: string }
  | {
      readonly type:
        | 'activity.started'
        | 'activity.opened'
        | 'activity.closed'
        | 'activity.resultsRevealed'
        | 'activity.resultsHidden'
        | 'activity.locked'
        | 'activity.unlocked';
      readonly activityId: string;
    }
  | { readonly type: 'workshop.paused' | 'workshop.resumed' }
  | { readonly type: 'workshop.stopped'; readonly reason: string };

const WORKSHOP_PREFIXES = ['participant.', 'activity.', 'workshop.'];

export function isWorkshopCommandType(type: string): boolean {
  return WORKSHOP_PREFIXES.some((prefix) => type.startsWith(prefix));
}

export interface WorkshopDecideInput {
  readonly state: WorkshopState;
  readonly participantId: string | null;
  readonly now: number;
  newId(prefix: string): string;
}

function decideActivityControl(
  state: WorkshopState,
  type: ActivityControl,
  activityId: string,
): BodyDecision<WorkshopEventBody> {
  const activity = own(state.activities, activityId);
  if (activity === undefined) {
    return reject('NOT_FOUND', 'no such activity');
  }
  const already = (message: string) => reject<WorkshopEventBody>('CONFLICT', message);
  if (
    activity.isLocked &&
    type !== 'activity.unlock' &&
    type !== 'activity.revealResults' &&
    type !== 'activity.hideResults'
  ) {
    if (type !== 'activity.start') {
      return reject('LOCKED', 'activity is locked');
    }
  }
  switch (type) {
    case 'activity.start':
      return state.currentActivityId === activityId && activity.phase !== 'draft'
        ? already('activity already current')
        : accept({ type: 'activity.started', activityId });
    case 'activity.open':
      return activity.phase === 'open'
        ? already('input already open')
        : accept({ type: 'activity.opened', activityId });
    case 'activity.close':
      return activity.phase !== 'open'
        ? already('input not open')
        : accept({ type: 'activity.closed', activityId });
    case 'activity.revealResults':
      return activity.isRevealed
        ? already('results already revealed')
        : accept({ type: 'activity.resultsRevealed', activityId });
    case 'activity.hideResults':
      return !activity.isRevealed
        ? already('results already hidden')
        : accept({ type: 'activity.resultsHidden', activityId });
    case 'activity.lock':
      return accept({ type: 'activity.locked', activityId });
    case 'activity.unlock':
      return !activity.isLocked
        ? already('activity not locked')
        : accept({ type: 'activity.unlocked', activityId });
  }
}

export function decideWorkshop(
  input: WorkshopDecideInput,
  command: WorkshopCommand,
): BodyDecision<WorkshopEventBody> {
  const { state, participantId } = input;
  if (command.type === 'participant.join') {
    if (participantId === null) {
      return reject('FORBIDDEN', 'only participants join');
    }
    const displayName = command.displayName === null ? null : cleanText(command.displayName, MAX_NAME);
    if (command.displayName !== null && displayName === null) {
      return reject('INVALID', `display name must be 1..${MAX_NAME} characters or null`);
    }
    return accept({ type: 'participant.joined', participantId, displayName });
  }
  if (participantId !== null) {
    return reject('FORBIDDEN', 'facilitator only');
  }
  switch (command.type) {
    case 'participant.remove': {
      const participant = own(state.participants, command.participantId);
      if (participant === undefined) {
        return reject('NOT_FOUND', 'no such participant');
      }
      return participant.isRemoved
        ? reject('CONFLICT', 'participant already removed')
        : accept({ type: 'participant.removed', participantId: participant.id });
    }
    case 'activity.add': {
      const spec = command.activity;
      if (!isActivityKind(spec.type)) {
        return reject('INVALID', 'unknown activity type');
      }
      const title = cleanText(spec.title, 200);
      if (title === null) {
        return reject('INVALID', 'title must be 1..200 characters');
      }
      if (state.activityOrder.length >= MAX_ACTIVITIES) {
        return reject('LIMIT_REACHED', `at most ${MAX_ACTIVITIES} activities`);
      }
      const index = command.index ?? state.activityOrder.length;
      if (!isIntegerIn(index, 0, state.activityOrder.length)) {
        return reject('INVALID', 'index out of range');
      }
      const problem = moduleOf(spec.type).validate(spec.config, state);
      if (problem !== null) {
        return reject('INVALID', problem);
      }
      const activity = { ...spec, title, isRevealed: spec.isRevealed ?? false } as ActivitySpec;
      return accept({ type: 'activity.added', activityId: input.newId('act'), index, activity });
    }
    case 'activity.update': {
      // Editing is for preparation: once started, participants may have answered the old wording.
      const activity = own(state.activities, command.activityId);
      if (activity === undefined) {
        return reject('NOT_FOUND', 'no such activity');
      }
      if (activity.phase !== 'draft' || state.currentActivityId === activity.id) {
        return reject('CONFLICT', 'only activities in preparation can be edited');
      }
      const spec = command.activity;
      if (spec.type !== activity.type) {
        return reject('INVALID', 'an edit keeps the kind of activity');
      }
      const title = cleanText(spec.title, 200);
      if (title === null) {
        return reject('INVALID', 'title must be 1..200 characters');
      }
      const problem = moduleOf(spec.type).validate(spec.config, state);
      if (problem !== null) {
        return reject('INVALID', problem);
      }
      const updated = { ...spec, title, isRevealed: spec.isRevealed ?? activity.isRevealed } as ActivitySpec;
      return accept({ type: 'activity.updated', activityId: activity.id, activity: updated });
    }
    case 'activity.remove': {
      const activity = own(state.activities, command.activityId);
      if (activity === undefined) {
        return reject('NOT_FOUND', 'no such activity');
      }
      if (state.currentActivityId === activity.id && activity.phase === 'open') {
        return reject('CONFLICT', 'close the current activity before deleting it');
      }
      const isSource = Object.values(state.activities).some(
        (a) => a.type === 'cluster' && a.config.sourceActivityId === activity.id,
      );
      return isSource
        ? reject('CONFLICT', 'a clustering uses this brainstorm: delete the clustering first')
        : accept({ type: 'activity.removed', activityId: activity.id });
    }
    case 'activity.move':
      if (own(state.activities, command.activityId) === undefined) {
        return reject('NOT_FOUND', 'no such activity');
      }
      if (!isIntegerIn(command.toIndex, 0, state.activityOrder.length - 1)) {
        return reject('INVALID', 'toIndex out of range');
      }
      return accept({ type: 'activity.moved', activityId: command.activityId, toIndex: command.toIndex });
    case 'workshop.pause':
      return state.status === 'paused'
        ? reject('CONFLICT', 'already paused')
        : accept({ type: 'workshop.paused' });
    case 'workshop.resume':
      return state.status === 'running'
        ? reject('CONFLICT', 'not paused or stopped')
        : accept({ type: 'workshop.resumed' });
    case 'workshop.stop': {
      const reason = cleanText(command.reason, MAX_REASON);
      return reason === null
        ? reject('INVALID', `a stop needs a reason of 1..${MAX_REASON} characters`)
        : accept({ type: 'workshop.stopped', reason });
    }
    default:
      return decideActivityControl(state, command.type, command.activityId);
  }
}

/** Mutating reducer for workshop-level events (fast path; see `applyInPlace`). */
export function applyWorkshopEvent(state: WorkshopState, event: WorkshopEventBody, at: number): void {
  switch (event.type) {
    case 'participant.joined': {
      if (event.participantId === REDACTED_ID || !isId(event.participantId)) {
        return;
      }
      const existing = own(state.participants, event.participantId);
      if (existing === undefined) {
        state.participants[event.participantId] = {
          id: event.participantId,
          displayName: event.displayName,
          isRemoved: false,
          recentCommandIds: [],
        };
      } else {
        existing.displayName = event.displayName;
      }
      return;
    }
    case 'participant.removed': {
      const participant = own(state.participants, event.participantId);
      if (participant !== undefined) {
        participant.isRemoved = true;
      }
      return;
    }
    case 'activity.added': {
      const spec = event.activity;
      const data = moduleOf(spec.type).create(spec.config, at);
      state.activities[event.activityId] = {
        id: event.activityId,
        type: spec.type,
        title: spec.title,
        config: spec.config,
        phase: 'draft',
        isRevealed: spec.isRevealed ?? false,
        isLocked: false,
        data,
      } as WorkshopState['activities'][string];
      state.activityOrder.splice(event.index, 0, event.activityId);
      return;
    }
    case 'activity.updated': {
      const activity = own(state.activities, event.activityId);
      if (activity !== undefined && activity.type === event.activity.type) {
        const spec = event.activity;
        Object.assign(activity, {
          title: spec.title,
          config: spec.config,
          isRevealed: spec.isRevealed ?? activity.isRevealed,
          data: moduleOf(spec.type).create(spec.config, at),
        });
      }
      return;
    }
    case 'activity.removed': {
      if (own(state.activities, event.activityId) !== undefined) {
        delete state.activities[event.activityId];
        state.activityOrder = state.activityOrder.filter((id) => id !== event.activityId);
        if (state.currentActivityId === event.activityId) {
          state.currentActivityId = null;
        }
      }
      return;
    }
    case 'activity.moved': {
      const from = state.activityOrder.indexOf(event.activityId);
      if (from >= 0) {
        state.activityOrder.splice(from, 1);
        state.activityOrder.splice(event.toIndex, 0, event.activityId);
      }
      return;
    }
    case 'workshop.paused':
      state.status = 'paused';
      return;
    case 'workshop.resumed':
      state.status = 'running';
      state.stopReason = null;
      return;
    case 'workshop.stopped':
      state.status = 'stopped';
      state.stopReason = event.reason;
      return;
    default:
      applyActivityControl(state, event);
  }
}

function applyActivityControl(
  state: WorkshopState,
  event: Extract<WorkshopEventBody, { readonly type: `activity.${string}`; readonly activityId: string }>,
): void {
  const activity = own(state.activities, event.activityId);
  if (activity === undefined) {
    return;
  }
  switch (event.type) {
    case 'activity.started':
      state.currentActivityId = activity.id;
      if (activity.phase === 'draft' && !activity.isLocked) {
        activity.phase = 'open';
      }
      return;
    case 'activity.opened':
      activity.phase = 'open';
      return;
    case 'activity.closed':
      activity.phase = 'closed';
      return;
    case 'activity.resultsRevealed':
      activity.isRevealed = true;
      return;
    case 'activity.resultsHidden':
      activity.isRevealed = false;
      return;
    case 'activity.locked':
      activity.isLocked = true;
      return;
    case 'activity.unlocked':
      activity.isLocked = false;
      return;
    case 'activity.added':
    case 'activity.moved':
    case 'activity.updated':
    case 'activity.removed':
      return;
  }
}
