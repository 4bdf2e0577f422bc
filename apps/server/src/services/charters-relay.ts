import type { ServerMessage } from '@essaim/contracts';
import type { RoomHub } from '../realtime/hub.ts';

/**
 * A room's relays leave at most once per this many ms. Relaying is one socket write per editor:
 * 50 editors typing twice a second, relayed one by one, are 4,900 writes (system calls) a second,
 * which the profile of `npm run bench:charters` showed as the largest part of the server's CPU per
 * update. Relays of the same window leave together (the socket routes cork each socket until the
 * end of the turn: one write per editor carries all of them), at the price of at most this delay.
 */
export const RELAY_WINDOW_MS = 20;

interface RoomRelays {
  messages: ServerMessage[];
  /** A flush is scheduled: now (setImmediate) or at the end of the current window. */
  timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | null;
}

/**
 * Relays messages to a hub room, coalesced per window. The first relay after a quiet window leaves
 * in the same turn (no added latency for a lone editor) and opens a window; relays arriving within it
 * wait for its end and leave together, in arrival order, opening the next one. A window that ends
 * with nothing to send drops the room's state.
 */
export class RelayWindow {
  private readonly rooms = new Map<string, RoomRelays>();

  constructor(
    private readonly hub: RoomHub,
    private readonly onError: (error: unknown) => void,
    private readonly windowMs = RELAY_WINDOW_MS,
  ) {}

  relay(room: string, message: ServerMessage): void {
    let r = this.rooms.get(room);
    if (!r) {
      r = { messages: [], timer: null };
      this.rooms.set(room, r);
    }
    r.messages.push(message);
    if (!r.timer) {
      const state = r;
      r.timer = setImmediate(() => this.flush(room, state));
    }
  }

  private flush(room: string, state: RoomRelays): void {
    const messages = state.messages.splice(0);
    if (messages.length === 0) {
      state.timer = null;
      this.rooms.delete(room);
      return;
    }
    for (const m of messages) {
      this.hub.broadcast(room, m).catch(this.onError);
    }
    state.timer = setTimeout(() => this.flush(room, state), this.windowMs);
    // A closing window must not keep a stopping process alive (its relays would go nowhere).
    state.timer.unref();
  }
}
