/**
 * @module Command validation: `decide(state, command)` → events or a coded rejection.
 *
 * Order of checks (the first failing one answers):
 * 1. malformed envelope → INVALID;
 * 2. command id already seen for this actor → DUPLICATE (so a retry after a stop still learns
 *    that its command counted);
 * 3. workshop stopped → STOPPED, for everyone, except the facilitator's `workshop.resume` (a stop
 *    closes the doors and refuses all input; only the facilitator reopens them — issue 22);
 * 4. participant: removed → FORBIDDEN; not joined (except `participant.join`) → FORBIDDEN;
 *    workshop paused → PAUSED (the facilitator keeps control while paused);
 * 5. activity commands: unknown activity → NOT_FOUND, wrong kind → INVALID, locked → LOCKED,
 *    participant input while the phase is not `open` → NOT_OPEN;
 * 6. the activity's own rules (limits, roles, stages…).
 * Pure: reads the state, never changes it. Every accepted command yields at least one event.
 */

import type { ActivityCommand } from './activity-types';
import { kindOfType, moduleOf } from './activity-types';
import type {
  DecideOptions,
  Decision,
  EventEnvelope,
  LiveCommand,
  LiveEventBody,
  WorkshopState,
} from './model';
import { isId, own } from './records';
import type { WorkshopCommand } from './workshop';
import { decideWorkshop, isWorkshopCommandType } from './workshop';

const MAX_COMMAND_ID = 64;

function fail(code: Extract<Decision, { ok: false }>['code'], message: string): Decision {
  return { ok: false, code, message };
}

/** True when this actor already sent `commandId` (within the {@link COMMAND_WINDOW}). */
export function isDuplicateCommand(state: WorkshopState, command: LiveCommand): boolean {
  const { actor, commandId } = command;
  if (actor.role === 'facilitator') {
    return state.facilitatorCommandIds.includes(commandId);
  }
  return own(state.participants, actor.participantId)?.recentCommandIds.includes(commandId) ?? false;
}

/**
 * Validates a command against the current state.
 * @example
 * const result = decide(state, { type: 'dotVote.place', activityId: 'act3', itemId: 'a',
 *   commandId: 'c-1', actor: { role: 'participant', participantId: 'p1' } }, { now: Date.now() });
 * if (result.ok) for (const event of result.events) applyInPlace(state, event);
 */
export function decide(state: WorkshopState, command: LiveCommand, options: DecideOptions = {}): Decision {
  const now = options.now ?? 0;
  const { actor, commandId } = command;
  if (typeof commandId !== 'string' || commandId.length < 1 || commandId.length > MAX_COMMAND_ID) {
    return fail('INVALID', `commandId must be 1..${MAX_COMMAND_ID} characters`);
  }
  if (actor.role === 'participant' && !isId(actor.participantId)) {
    return fail('INVALID', 'participant id is malformed');
  }
  if (isDuplicateCommand(state, command)) {
    return fail('DUPLICATE', 'command already applied');
  }
  if (state.status === 'stopped' && !(actor.role === 'facilitator' && command.type === 'workshop.resume')) {
    return fail('STOPPED', `workshop stopped: ${state.stopReason ?? ''}`);
  }
  const participantId = actor.role === 'participant' ? actor.participantId : null;
  if (participantId !== null) {
    const participant = own(state.participants, participantId);
    if (participant?.isRemoved) {
      return fail('FORBIDDEN', 'participant removed by the facilitator');
    }
    if (participant === undefined && command.type !== 'participant.join') {
      return fail('FORBIDDEN', 'join the workshop first');
    }
    if (state.status === 'paused') {
      return fail('PAUSED', 'workshop paused');
    }
  }
  let generated = 0;
  const newId = (prefix: string) => {
    const id = generated === 0 ? `${prefix}${state.eventCount}` : `${prefix}${state.eventCount}.${generated}`;
    generated += 1;
    return id;
  };
  let bodies: { ok: true; events: LiveEventBody[] } | Extract<Decision, { ok: false }>;
  if (isWorkshopCommandType(command.type)) {
    bodies = decideWorkshop(
      { state, participantId, now, newId },
      command as WorkshopCommand & typeof command,
    );
  } else {
    const activityCommand = command as ActivityCommand & typeof command;
    const kind = kindOfType(activityCommand.type);
    if (kind === null) {
      return fail('INVALID', 'unknown command type');
    }
    const activity = own(state.activities, activityCommand.activityId);
    if (activity === undefined) {
      return fail('NOT_FOUND', 'no such activity');
    }
    if (activity.type !== kind) {
      return fail('INVALID', `activity is a ${activity.type}, not a ${kind}`);
    }
    if (activity.isLocked) {
      return fail('LOCKED', 'activity is locked');
    }
    if (participantId !== null && activity.phase !== 'open') {
      return fail('NOT_OPEN', 'input is not open');
    }
    bodies = moduleOf(kind).decide({ state, activity, actor, participantId, now, newId }, activityCommand);
  }
  if (!bodies.ok) {
    return bodies;
  }
  const envelope: EventEnvelope = { commandId, actor, at: now };
  return { ok: true, events: bodies.events.map((body) => ({ ...body, ...envelope })) };
}
