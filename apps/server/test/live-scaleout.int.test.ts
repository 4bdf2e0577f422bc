import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { spawnServer } from './spawn-server.ts';
import { pgTestUrl, redisTestUrl } from './test-db.ts';

type Msg = Record<string, unknown> & { type: string };

async function socket(httpUrl: string, cookie: string) {
  const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/ws`, { headers: { cookie, origin: httpUrl } });
  const messages: Msg[] = [];
  ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString()) as Msg));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: Msg) => boolean, timeoutMs = 8000) => {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      const found = messages.find(pred);
      if (found) {
        return found;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching message in ${JSON.stringify(messages).slice(-600)}`);
  };
  const command = async (workshopId: string, cmd: Record<string, unknown>) => {
    const commandId = randomUUID();
    ws.send(JSON.stringify({ type: 'live.command', workshopId, commandId, command: cmd }));
    return waitFor((m) => (m.type === 'live.ack' || m.type === 'live.reject') && m.commandId === commandId);
  };
  return { ws, messages, waitFor, command, send: (m: unknown) => ws.send(JSON.stringify(m)) };
}

async function call(base: string, method: string, path: string, body?: unknown, cookie = '') {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const setCookie = r.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  return { status: r.status, body: (await r.json()) as Record<string, unknown>, setCookie };
}

/**
 * Two server processes on one PostgreSQL database and one Redis: a participant on instance A and the
 * facilitator on instance B see each other's actions, with one gapless sequence.
 */
describe.skipIf(!pgTestUrl || !redisTestUrl)('live workshop across two instances', () => {
  it('relays commands both ways through Redis, one sequence for the workshop', async () => {
    const dbName = `essaim_live_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgTestUrl! });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const dbUrl = pgTestUrl!.replace(/\/[^/]*$/, `/${dbName}`);
    // Two processes starting under tsx on a shared machine: side by side, with room to start.
    const [a, b] = (await Promise.all(
      [0, 1].map(() =>
        spawnServer(['--database-url', dbUrl, '--redis-url', redisTestUrl!], { timeoutMs: 120_000 }),
      ),
    )) as [Awaited<ReturnType<typeof spawnServer>>, Awaited<ReturnType<typeof spawnServer>>];
    try {
      const setup = await call(a.url, 'POST', '/api/setup', {
        email: 'lead@example.org',
        password: 'correct horse battery',
        displayName: 'Lead',
      });
      expect(setup.status).toBe(200);
      const session = setup.setCookie;
      const org = await call(a.url, 'POST', '/api/orgs', { name: 'Scale' }, session);
      const orgId = org.body.id as string;
      const w = await call(a.url, 'POST', `/api/orgs/${orgId}/workshops`, { title: 'Plénière' }, session);
      const workshopId = w.body.id as string;
      const joined = await call(a.url, 'POST', '/api/workshops/join', {
        code: w.body.code,
        displayName: 'Ana',
      });
      expect(joined.status).toBe(200);

      const facilitator = await socket(b.url, session);
      facilitator.send({ type: 'live.resume', workshopId, lastSeq: 0 });
      await facilitator.waitFor((m) => m.type === 'live.snapshot');
      const participant = await socket(a.url, joined.setCookie);
      participant.send({ type: 'live.resume', workshopId, lastSeq: 0 });
      await participant.waitFor((m) => m.type === 'live.snapshot');

      // Facilitator on B opens a vote: the participant on A receives it.
      const items = [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
      ];
      expect(
        (
          await facilitator.command(workshopId, {
            type: 'activity.add',
            activity: {
              type: 'dotVote',
              title: 'Vote',
              config: { items, dotsPerParticipant: 2, maxPerItem: 2 },
            },
          })
        ).type,
      ).toBe('live.ack');
      const added = await participant.waitFor(
        (m) => m.type === 'live.events' && JSON.stringify(m).includes('activity.added'),
      );
      const activityId = (added.events as { event: { activityId: string } }[])[0]!.event.activityId;
      expect((await facilitator.command(workshopId, { type: 'activity.start', activityId })).type).toBe(
        'live.ack',
      );
      await participant.waitFor(
        (m) => m.type === 'live.events' && JSON.stringify(m).includes('activity.started'),
      );

      // Participant on A votes: the facilitator on B sees it, in sequence.
      const ack = await participant.command(workshopId, { type: 'dotVote.place', activityId, itemId: 'y' });
      expect(ack.type).toBe('live.ack');
      const seen = await facilitator.waitFor(
        (m) => m.type === 'live.events' && JSON.stringify(m).includes('dotVote.placed'),
      );
      expect((seen.events as { seq: number }[])[0]!.seq).toBe(ack.seq);
      const seqs = facilitator.messages
        .filter((m) => m.type === 'live.events')
        .flatMap((m) => (m.events as { seq: number }[]).map((e) => e.seq));
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
      facilitator.ws.close();
      participant.ws.close();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await admin.end();
    }
  }, 240_000);
});
