import { Redis } from 'ioredis';
import { textOf } from './message-text.ts';

/** What travels between instances: a message for one room, tagged with the instance that sent it. */
export interface BusEnvelope {
  origin: string;
  room: string;
  /** `deliver`: send `message` to local sockets; `presence`: an instance's local count for the room. */
  kind: 'deliver' | 'presence' | 'presence-query';
  message?: unknown;
  count?: number;
}

/**
 * Fan-out between server instances. In-process by default; Redis pub/sub when REDIS_URL is set,
 * so a participant on instance A and a facilitator on instance B share a room.
 */
export interface EventBus {
  readonly kind: 'memory' | 'redis';
  publish(envelope: BusEnvelope): Promise<void>;
  /** Receive envelopes for `room`; the returned function stops receiving. */
  subscribe(room: string, handler: (envelope: BusEnvelope) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export class MemoryBus implements EventBus {
  readonly kind = 'memory' as const;
  private readonly handlers = new Map<string, Set<(e: BusEnvelope) => void>>();

  async publish(envelope: BusEnvelope): Promise<void> {
    for (const h of this.handlers.get(envelope.room) ?? []) {
      h(envelope);
    }
  }

  async subscribe(room: string, handler: (e: BusEnvelope) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(room);
    if (!set) {
      set = new Set();
      this.handlers.set(room, set);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(room);
      }
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

const CHANNEL_PREFIX = 'essaim:room:';

export class RedisBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<(e: BusEnvelope) => void>>();

  private constructor(url: string) {
    const opts = { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true };
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, opts);
    this.sub.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
      const room = channel.toString().slice(CHANNEL_PREFIX.length);
      const set = this.handlers.get(room);
      if (!set) {
        return;
      }
      let envelope: BusEnvelope;
      try {
        envelope = JSON.parse(payload.toString()) as BusEnvelope;
      } catch {
        return;
      }
      for (const h of set) {
        h(envelope);
      }
    });
  }

  static async connect(url: string): Promise<RedisBus> {
    const bus = new RedisBus(url);
    try {
      await Promise.all([bus.pub.connect(), bus.sub.connect()]);
    } catch (err) {
      bus.pub.disconnect();
      bus.sub.disconnect();
      throw new Error(`cannot reach Redis at ${url}: ${(err as Error).message}`);
    }
    return bus;
  }

  async publish(envelope: BusEnvelope): Promise<void> {
    // The message's text may be known already (a live batch): the envelope is written around it.
    const text =
      envelope.message === undefined
        ? JSON.stringify(envelope)
        : `{"origin":${JSON.stringify(envelope.origin)},"room":${JSON.stringify(envelope.room)},"kind":${JSON.stringify(envelope.kind)},"message":${textOf(envelope.message)}${envelope.count === undefined ? '' : `,"count":${envelope.count}`}}`;
    await this.pub.publish(CHANNEL_PREFIX + envelope.room, text);
  }

  async subscribe(room: string, handler: (e: BusEnvelope) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(room);
    if (!set) {
      set = new Set();
      this.handlers.set(room, set);
      await this.sub.subscribe(CHANNEL_PREFIX + room);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(room) === set) {
        this.handlers.delete(room);
        await this.sub.unsubscribe(CHANNEL_PREFIX + room);
      }
    };
  }

  async ping(): Promise<boolean> {
    return (await this.pub.ping()) === 'PONG';
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}

export async function createBus(redisUrl: string | null): Promise<EventBus> {
  return redisUrl ? RedisBus.connect(redisUrl) : new MemoryBus();
}
