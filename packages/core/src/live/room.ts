/**
 * @module An in-memory room: decide + applyInPlace + a sequence-numbered log. It is what the
 * server does inside its transaction, without storage; used by tests, benchmarks and previews.
 */
import { applyInPlace } from './apply';
import type { LiveCommandBody } from './commands';
import { decide } from './decide';
import type { Actor, DecideOptions, LiveCommand, LiveEvent, RejectionCode, WorkshopState } from './model';
import { createWorkshop } from './state';

export interface LiveRoom {
  readonly state: WorkshopState;
  /** Every event with its 1-based sequence number. */
  readonly log: readonly { readonly seq: number; readonly event: LiveEvent }[];
  /** Runs one command; returns the last seq on success or the rejection code. */
  send(
    actor: Actor,
    command: LiveCommandBody,
    options?: DecideOptions & { readonly commandId?: string },
  ): { readonly ok: true; readonly seq: number } | { readonly ok: false; readonly code: RejectionCode };
}

/**
 * A fresh room; command ids default to a counter.
 * @example const room = createLiveRoom('w1'); room.send({ role: 'facilitator' }, { type: 'workshop.pause' });
 */
export function createLiveRoom(workshopId = 'w1'): LiveRoom {
  const state = createWorkshop(workshopId);
  const log: { seq: number; event: LiveEvent }[] = [];
  let counter = 0;
  return {
    state,
    log,
    send(actor, body, options = {}) {
      counter += 1;
      const command = { ...body, actor, commandId: options.commandId ?? `cmd-${counter}` } as LiveCommand;
      const result = decide(state, command, options);
      if (!result.ok) {
        return { ok: false, code: result.code };
      }
      for (const event of result.events) {
        applyInPlace(state, event);
        log.push({ seq: log.length + 1, event });
      }
      return { ok: true, seq: log.length };
    },
  };
}
