import type { ServerMessage } from '@essaim/contracts';
import { describe, expect, it } from 'vitest';
import { type BusEnvelope, type EventBus, MemoryBus, RedisBus } from '../src/realtime/bus.ts';
import { type HubClient, RoomHub } from '../src/realtime/hub.ts';
import { redisTestUrl } from './test-db.ts';

/**
 * One contract, every bus: what the hub relies on holds for the in-process bus and for Redis alike.
 * `connect()` gives two buses on one backend (two server instances); for memory that is one object.
 */
interface BusFactory {
  name: string;
  enabled: boolean;
  connect(): Promise<[EventBus, EventBus, () => Promise<void>]>;
}

const factories: BusFactory[] = [
  {
    name: 'MemoryBus',
    enabled: true,
    async connect() {
      const bus = new MemoryBus();
      return [bus, bus, () => bus.close()];
    },
  },
  {
    name: 'RedisBus',
    enabled: redisTestUrl !== null,
    async connect() {
      const a = await RedisBus.connect(redisTestUrl!);
      const b = await RedisBus.connect(redisTestUrl!);
      return [a, b, async () => void (await Promise.all([a.close(), b.close()]))];
    },
  },
];

async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) {
        throw error;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** Give a bus time to deliver what it would (wrongly) deliver, before asserting absence. */
const settle = () => new Promise((r) => setTimeout(r, 100));
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

function client(id: string): HubClient & { inbox: ServerMessage[] } {
  const inbox: ServerMessage[] = [];
  return { id, inbox, send: (m) => inbox.push(m) };
}

for (const factory of factories) {
  describe.skipIf(!factory.enabled)(`bus contract: ${factory.name}`, () => {
    it('delivers an envelope, unchanged, to every subscriber of its room on every instance', async () => {
      const [a, b, close] = await factory.connect();
      try {
        const room = unique('workshop-live:r');
        const got: BusEnvelope[][] = [[], [], []];
        await a.subscribe(room, (e) => got[0]?.push(e));
        await b.subscribe(room, (e) => got[1]?.push(e));
        await b.subscribe(room, (e) => got[2]?.push(e));
        const envelope: BusEnvelope = {
          origin: 'A',
          room,
          kind: 'deliver',
          message: {
            type: 'event',
            room,
            event: 'vote',
            payload: { text: 'café ☕', n: 3, list: [1, null] },
          },
        };
        await a.publish(envelope);
        await eventually(() => {
          for (const inbox of got) {
            expect(inbox).toEqual([envelope]);
          }
        });
      } finally {
        await close();
      }
    });

    it('keeps rooms apart and stops delivering after unsubscribe', async () => {
      const [a, b, close] = await factory.connect();
      try {
        const room = unique('lobby:x');
        const other = unique('lobby:y');
        const inRoom: BusEnvelope[] = [];
        const inOther: BusEnvelope[] = [];
        const stop = await b.subscribe(room, (e) => inRoom.push(e));
        await b.subscribe(other, (e) => inOther.push(e));
        await a.publish({ origin: 'A', room, kind: 'presence', count: 2 });
        await eventually(() => expect(inRoom).toHaveLength(1));
        await settle();
        expect(inOther).toEqual([]);
        await stop();
        await a.publish({ origin: 'A', room, kind: 'presence', count: 3 });
        await settle();
        expect(inRoom).toHaveLength(1);
      } finally {
        await close();
      }
    });

    it('carries a hub: presence counted across instances, each broadcast delivered once', async () => {
      const [busA, busB, close] = await factory.connect();
      const a = new RoomHub(busA, 'A');
      const b = new RoomHub(busB, 'B');
      try {
        const room = unique('lobby:h');
        const [c1, c2, c3] = [client('1'), client('2'), client('3')];
        await a.join(room, c1);
        await b.join(room, c2);
        await b.join(room, c3);
        await eventually(() => {
          expect(a.presence(room)).toBe(3);
          expect(b.presence(room)).toBe(3);
        });
        await a.broadcast(room, { type: 'event', room, event: 'test', payload: 1 });
        await eventually(() => {
          for (const c of [c1, c2, c3]) {
            expect(c.inbox.filter((m) => m.type === 'event')).toHaveLength(1);
          }
        });
        await settle();
        for (const c of [c1, c2, c3]) {
          expect(c.inbox.filter((m) => m.type === 'event')).toHaveLength(1);
        }
      } finally {
        await a.close();
        await b.close();
        await close();
      }
    });
  });
}
