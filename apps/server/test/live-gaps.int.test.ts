import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import { connectDatabase, type DbHandle } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createDeps } from '../src/deps.ts';
import { registerFeatures } from '../src/features.ts';
import { buildApp } from '../src/http/app.ts';
import { type BusEnvelope, type EventBus, RedisBus } from '../src/realtime/bus.ts';
import { RoomHub } from '../src/realtime/hub.ts';
import { createOrg, ORIGIN, setupAdmin } from './factories.ts';
import { liveSocket, type Msg } from './live-socket.ts';
import { testConfig } from './test-app.ts';
import { freshSchemaName, pgTestUrl, redisTestUrl } from './test-db.ts';

/**
 * A real Redis bus whose deliveries of live batches arrive out of order and sometimes not at all:
 * every third batch is dropped, and every other one is held back until the next one has passed.
 * The batches come from the other instance; the last one of the run is dropped too (30 is a multiple
 * of 3), so no later batch reveals that gap: the feed's head check must.
 */
class FaultyBus implements EventBus {
  readonly kind = 'redis' as const;
  dropped = 0;
  reordered = 0;
  private count = 0;
  constructor(private readonly inner: RedisBus) {}
  publish(envelope: BusEnvelope) {
    return this.inner.publish(envelope);
  }
  async subscribe(room: string, handler: (e: BusEnvelope) => void) {
    let held: BusEnvelope | null = null;
    return this.inner.subscribe(room, (e) => {
      if (!room.startsWith('workshop-live:') || e.kind !== 'deliver') {
        handler(e);
        return;
      }
      this.count += 1;
      if (this.count % 3 === 0) {
        this.dropped += 1;
        return;
      }
      if (held === null && this.count % 2 === 0) {
        held = e;
        return;
      }
      handler(e);
      if (held !== null) {
        const late = held;
        held = null;
        this.reordered += 1;
        handler(late);
      }
    });
  }
  close() {
    return this.inner.close();
  }
}

/** A client that follows the protocol: apply events past its seq, resume on a gap. */
function replica(socket: Awaited<ReturnType<typeof liveSocket>>, workshopId: string) {
  const r = { seq: 0, gaps: 0, applied: [] as number[] };
  socket.ws.on('message', (raw: Buffer) => {
    const m = JSON.parse(raw.toString()) as Msg;
    if (m.type === 'live.snapshot') {
      r.seq = m.seq as number;
    }
    if (m.type === 'live.events') {
      if ((m.afterSeq as number) > r.seq) {
        r.gaps += 1;
        socket.send({ type: 'live.resume', workshopId, lastSeq: r.seq });
        return;
      }
      for (const { seq } of m.events as { seq: number }[]) {
        if (seq > r.seq) {
          r.applied.push(seq);
        }
      }
      r.seq = Math.max(r.seq, m.throughSeq as number);
    }
  });
  return r;
}

async function until(check: () => boolean, timeoutMs = 15_000) {
  const t0 = Date.now();
  while (!check() && Date.now() - t0 < timeoutMs) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A real Redis bus whose relayed live batches all arrive {@link RELAY_DELAY_MS} late, in order: as
 * under load, an instance commits its own next batch before the other's previous one reaches it.
 */
class SlowBus implements EventBus {
  readonly kind = 'redis' as const;
  delayed = 0;
  constructor(private readonly inner: RedisBus) {}
  publish(envelope: BusEnvelope) {
    return this.inner.publish(envelope);
  }
  subscribe(room: string, handler: (e: BusEnvelope) => void) {
    return this.inner.subscribe(room, (e) => {
      if (!room.startsWith('workshop-live:') || e.kind !== 'deliver') {
        handler(e);
        return;
      }
      this.delayed += 1;
      setTimeout(() => handler(e), RELAY_DELAY_MS);
    });
  }
  close() {
    return this.inner.close();
  }
}
const RELAY_DELAY_MS = 150;

/** Two in-process instances on one fresh PostgreSQL schema, each with its own (wrapped) Redis bus. */
async function twoInstances<B extends EventBus>(
  wrap: (bus: RedisBus) => B,
  body: (ctx: {
    apps: [AppInstance, AppInstance];
    urls: [string, string];
    buses: B[];
    owner: Awaited<ReturnType<typeof setupAdmin>>['client'];
    w: { id: string; code: string };
    join: (app: AppInstance, name: string) => Promise<string>;
  }) => Promise<void>,
) {
  const schema = freshSchemaName();
  const handles: DbHandle[] = [];
  const apps: AppInstance[] = [];
  const buses: B[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const handle = await connectDatabase(
        { dialect: 'postgres', url: pgTestUrl! },
        { pgSchema: schema, pgPoolSize: 4 },
      );
      if (i === 0) {
        await migrateToLatest(handle.db);
      }
      handles.push(handle);
      const bus = wrap(await RedisBus.connect(redisTestUrl!));
      buses.push(bus);
      const deps = createDeps(testConfig(), handle, bus, new RoomHub(bus, randomUUID()));
      const app = await buildApp(deps, { logger: false, plugins: registerFeatures() });
      await app.ready();
      apps.push(app);
    }
    const [a, b] = apps as [AppInstance, AppInstance];
    const urls: [string, string] = [
      await a.listen({ port: 0, host: '127.0.0.1' }),
      await b.listen({ port: 0, host: '127.0.0.1' }),
    ];
    const { client: owner } = await setupAdmin(a);
    const orgId = await createOrg(owner);
    const w = (await owner.post(`/api/orgs/${orgId}/workshops`, { title: 'Plénière' })).json<{
      id: string;
      code: string;
    }>();
    const join = async (app: AppInstance, name: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/workshops/join',
        payload: { code: w.code, displayName: name },
        headers: { origin: ORIGIN },
      });
      expect(r.statusCode).toBe(200);
      const set = r.headers['set-cookie'];
      return ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] as string;
    };
    await body({ apps: [a, b], urls, buses, owner, w, join });
  } finally {
    for (const app of apps) {
      await app.close();
    }
    for (const bus of buses) {
      await bus.close();
    }
    if (handles[0]) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handles[0].db);
    }
    for (const h of handles) {
      await h.close();
    }
  }
}

/** Every event of the sequence after the viewer's snapshot, in order, none twice, and no gap seen. */
function expectWholeSequence(viewers: { name: string; r: ReturnType<typeof replica> }[], head: number) {
  for (const v of viewers) {
    expect({ viewer: v.name, seq: v.r.seq }).toEqual({ viewer: v.name, seq: head });
    // The instance repaired the feed before delivering: no viewer ever saw a gap.
    expect({ viewer: v.name, gaps: v.r.gaps }).toEqual({ viewer: v.name, gaps: 0 });
    const first = v.r.applied[0] ?? head;
    expect(v.r.applied).toEqual(Array.from({ length: head - first + 1 }, (_, k) => first + k));
  }
}

describe.skipIf(!pgTestUrl || !redisTestUrl)(
  'live batches relayed out of order or lost between instances',
  () => {
    it('every viewer on the other instance converges on the whole sequence, each event once', async () => {
      await twoInstances(
        (bus) => new FaultyBus(bus),
        async ({ apps: [a], urls: [urlA, urlB], buses, owner, w, join }) => {
          // On A: the facilitator's console, a projector and a participant. On B: the one who acts.
          const fA = await liveSocket(urlA, owner.cookie ?? '');
          const screenA = await liveSocket(urlA, owner.cookie ?? '');
          const pA = await liveSocket(urlA, await join(a, 'Ana'));
          const fB = await liveSocket(urlB, owner.cookie ?? '');
          const viewers = [
            { name: 'facilitator', r: replica(fA, w.id) },
            { name: 'projector', r: replica(screenA, w.id) },
            { name: 'participant', r: replica(pA, w.id) },
          ];
          fA.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
          screenA.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0, as: 'screen' });
          pA.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
          fB.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
          for (const s of [fA, screenA, pA, fB]) {
            await s.waitFor((m) => m.type === 'live.snapshot');
          }

          // Thirty batches committed on B, each visible to everyone (pause, resume…).
          let head = 0;
          for (let i = 0; i < 15; i++) {
            for (const type of ['workshop.pause', 'workshop.resume']) {
              const ack = await fB.command(w.id, { type });
              expect(ack.type).toBe('live.ack');
              head = ack.seq as number;
            }
          }
          expect(buses[0]!.dropped).toBeGreaterThan(0);
          expect(buses[0]!.reordered).toBeGreaterThan(0);

          await until(() => viewers.every((v) => v.r.seq >= head));
          expectWholeSequence(viewers, head);
          for (const s of [fA, screenA, pA, fB]) {
            s.close();
          }
        },
      );
    });

    it("an instance's own batch overtaking the other's relay is no gap: nothing is read again from the store", async () => {
      await twoInstances(
        (bus) => new SlowBus(bus),
        async ({ apps: [a, b], urls: [urlA, urlB], buses, owner, w }) => {
          const fA = await liveSocket(urlA, owner.cookie ?? '');
          const fB = await liveSocket(urlB, owner.cookie ?? '');
          const viewers = [
            { name: 'facilitator on A', r: replica(fA, w.id) },
            { name: 'facilitator on B', r: replica(fB, w.id) },
          ];
          for (const s of [fA, fB]) {
            s.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
            await s.waitFor((m) => m.type === 'live.snapshot');
          }
          // The instances take turns, each committing before the other's last batch is relayed to it.
          let head = 0;
          for (let i = 0; i < 10; i++) {
            head = (await fB.command(w.id, { type: 'workshop.pause' })).seq as number;
            head = (await fA.command(w.id, { type: 'workshop.resume' })).seq as number;
          }
          expect(head).toBe(20);
          expect(buses[0]!.delayed).toBeGreaterThan(0);
          await until(() => viewers.every((v) => v.r.seq >= head));
          // Let the late relays arrive: they are trimmed as duplicates.
          await new Promise((r) => setTimeout(r, RELAY_DELAY_MS + 50));
          expectWholeSequence(viewers, head);
          // Each instance learnt the other's events when it caught up to commit its own (engine), not
          // by a store read per batch (before: one repair for each of its batches).
          expect(a.deps.live.feedRepairs).toBe(0);
          expect(b.deps.live.feedRepairs).toBe(0);
          fA.close();
          fB.close();
        },
      );
    });
  },
);
