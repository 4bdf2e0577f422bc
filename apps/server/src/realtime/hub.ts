import type { ServerMessage } from '@essaim/contracts';
import { assertNever } from '@essaim/core';
import type { BusEnvelope, EventBus } from './bus.ts';

/** A connected client as the hub sees it: something that can receive server messages. */
export interface HubClient {
  readonly id: string;
  send(message: ServerMessage): void;
  /** Send an already serialised message (a socket); fan-out serialises once per audience, not per socket. */
  sendText?(text: string): void;
}

interface RoomState {
  clients: Set<HubClient>;
  /** Local count of each other instance, learnt from presence envelopes. */
  remoteCounts: Map<string, number>;
  unsubscribe: (() => Promise<void>) | null;
  ready: Promise<void>;
  /** A coalesced presence announcement is scheduled (large rooms). */
  presenceTimer: ReturnType<typeof setTimeout> | null;
  /** The local count changed since it was last published. */
  isLocalCountDirty: boolean;
}

/**
 * Rooms up to this size hear every arrival at once; above it, presence is announced at most once per
 * {@link PRESENCE_TICK_MS}: a 10,000-person lobby filling up must not send 10,000 counts to 10,000
 * sockets (that is 10⁸ messages), one count per tick tells the same story.
 */
const PRESENCE_IMMEDIATE_UP_TO = 32;
const PRESENCE_TICK_MS = 250;

/**
 * Rooms of WebSocket clients on this instance, kept in step with the other instances through
 * the bus. Messages are delivered locally at once and relayed to other instances; an instance
 * ignores its own relayed envelopes so nothing arrives twice.
 */
export class RoomHub {
  private readonly rooms = new Map<string, RoomState>();

  constructor(
    private readonly bus: EventBus,
    readonly instanceId: string,
  ) {}

  async join(room: string, client: HubClient): Promise<void> {
    let state = this.rooms.get(room);
    if (!state) {
      const created: RoomState = {
        clients: new Set(),
        remoteCounts: new Map(),
        unsubscribe: null,
        ready: Promise.resolve(),
        presenceTimer: null,
        isLocalCountDirty: false,
      };
      created.ready = this.bus
        .subscribe(room, (e) => this.onEnvelope(e))
        .then((unsub) => {
          created.unsubscribe = unsub;
        });
      this.rooms.set(room, created);
      state = created;
      await state.ready;
      await this.bus.publish({ origin: this.instanceId, room, kind: 'presence-query' });
    } else {
      await state.ready;
    }
    state.clients.add(client);
    await this.announcePresence(room);
  }

  async leave(room: string, client: HubClient): Promise<void> {
    const state = this.rooms.get(room);
    if (!state?.clients.delete(client)) {
      return;
    }
    await this.announcePresence(room);
    if (state.clients.size === 0) {
      if (state.presenceTimer) {
        clearTimeout(state.presenceTimer);
      }
      this.rooms.delete(room);
      await state.unsubscribe?.();
    }
  }

  /** Send a message to every client of the room on every instance. */
  async broadcast(room: string, message: ServerMessage): Promise<void> {
    this.deliverLocal(room, message);
    await this.bus.publish({ origin: this.instanceId, room, kind: 'deliver', message });
  }

  presence(room: string): number {
    const state = this.rooms.get(room);
    if (!state) {
      return 0;
    }
    let total = state.clients.size;
    for (const c of state.remoteCounts.values()) {
      total += c;
    }
    return total;
  }

  localClientCount(): number {
    let n = 0;
    for (const s of this.rooms.values()) {
      n += s.clients.size;
    }
    return n;
  }

  /** Every client on this instance, in every room (used to notify on shutdown). */
  *localClients(room: string): Iterable<HubClient> {
    yield* this.rooms.get(room)?.clients ?? [];
  }

  async close(): Promise<void> {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    for (const r of rooms) {
      if (r.presenceTimer) {
        clearTimeout(r.presenceTimer);
      }
    }
    await Promise.allSettled(rooms.map((r) => r.unsubscribe?.()));
  }

  private deliverLocal(room: string, message: ServerMessage): void {
    for (const c of this.rooms.get(room)?.clients ?? []) {
      c.send(message);
    }
  }

  private async announcePresence(room: string): Promise<void> {
    const state = this.rooms.get(room);
    if (state && state.clients.size > PRESENCE_IMMEDIATE_UP_TO) {
      state.isLocalCountDirty = true;
      this.schedulePresence(room, state);
      return;
    }
    await this.announcePresenceNow(room);
  }

  /** One presence message per tick in a large room: publish the local count if it changed, deliver the total. */
  private schedulePresence(room: string, state: RoomState): void {
    state.presenceTimer ??= setTimeout(() => {
      state.presenceTimer = null;
      if (this.rooms.get(room) !== state) {
        return;
      }
      if (state.isLocalCountDirty) {
        state.isLocalCountDirty = false;
        void this.announcePresenceNow(room).catch(() => undefined);
      } else {
        this.deliverLocal(room, { type: 'presence', room, count: this.presence(room) });
      }
    }, PRESENCE_TICK_MS);
  }

  private async announcePresenceNow(room: string): Promise<void> {
    const count = this.rooms.get(room)?.clients.size ?? 0;
    await this.bus.publish({ origin: this.instanceId, room, kind: 'presence', count });
    this.deliverLocal(room, { type: 'presence', room, count: this.presence(room) });
  }

  private onEnvelope(e: BusEnvelope): void {
    if (e.origin === this.instanceId) {
      return;
    }
    const state = this.rooms.get(e.room);
    if (!state) {
      return;
    }
    switch (e.kind) {
      case 'deliver':
        this.deliverLocal(e.room, e.message as ServerMessage);
        return;
      case 'presence':
        if ((e.count ?? 0) === 0) {
          state.remoteCounts.delete(e.origin);
        } else {
          state.remoteCounts.set(e.origin, e.count ?? 0);
        }
        if (state.clients.size <= PRESENCE_IMMEDIATE_UP_TO) {
          this.deliverLocal(e.room, { type: 'presence', room: e.room, count: this.presence(e.room) });
        } else {
          this.schedulePresence(e.room, state);
        }
        return;
      case 'presence-query':
        void this.bus.publish({
          origin: this.instanceId,
          room: e.room,
          kind: 'presence',
          count: state.clients.size,
        });
        return;
      default:
        assertNever(e.kind);
    }
  }
}
