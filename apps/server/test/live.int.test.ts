import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createOrg, ORIGIN, setupAdmin, type TestClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Msg = Record<string, unknown> & { type: string };

/** A live socket with a cookie, recording messages. */
async function liveSocket(url: string, cookie: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`, { headers: { cookie, origin: ORIGIN } });
  const messages: Msg[] = [];
  ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString()) as Msg));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: Msg) => boolean, timeoutMs = 5000): Promise<Msg> => {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      const found = messages.find(pred);
      if (found) {
        return found;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no matching message in ${JSON.stringify(messages).slice(-800)}`);
  };
  return {
    ws,
    messages,
    waitFor,
    send: (m: unknown) => ws.send(JSON.stringify(m)),
    /** Send a command and wait for its ack or reject. */
    async command(workshopId: string, command: Record<string, unknown>, commandId: string = randomUUID()) {
      ws.send(JSON.stringify({ type: 'live.command', workshopId, commandId, command }));
      return waitFor((m) => (m.type === 'live.ack' || m.type === 'live.reject') && m.commandId === commandId);
    },
    close: () => ws.close(),
  };
}

describe.each(testDialects)('live workshops on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let url: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Atelier Org');
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  async function newWorkshop(engagementId?: string) {
    const r = await owner.post(`/api/orgs/${orgId}/workshops`, {
      title: 'Atelier coopération',
      engagementId,
    });
    expect(r.status).toBe(200);
    return r.json<{ id: string; code: string; joinPath: string }>();
  }

  async function join(target: AppInstance, code: string, displayName: string | null) {
    const r = await target.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: code.toLowerCase(), displayName },
      headers: { origin: ORIGIN },
    });
    expect(r.statusCode).toBe(200);
    const set = r.headers['set-cookie'];
    const cookie = ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] as string;
    return { cookie, ...(JSON.parse(r.body) as { participantId: string; workshopId: string }) };
  }

  /** Facilitator socket with a dot vote open: returns its activity id. */
  async function openDotVote(f: Awaited<ReturnType<typeof liveSocket>>, workshopId: string, dots = 3) {
    const items = ['a', 'b', 'c'].map((id) => ({ id, label: `Idée ${id}` }));
    f.send({ type: 'live.resume', workshopId, lastSeq: 0 });
    await f.waitFor((m) => m.type === 'live.snapshot' || m.type === 'live.events');
    const add = await f.command(workshopId, {
      type: 'activity.add',
      activity: {
        type: 'dotVote',
        title: 'Priorités',
        config: { items, dotsPerParticipant: dots, maxPerItem: dots },
      },
    });
    expect(add.type).toBe('live.ack');
    const events = await f.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('activity.added'),
    );
    const activityId = (events.events as { event: { type: string; activityId: string } }[]).find(
      (e) => e.event.type === 'activity.added',
    )!.event.activityId;
    expect((await f.command(workshopId, { type: 'activity.start', activityId })).type).toBe('live.ack');
    return activityId;
  }

  it('joins by code, counts a retried vote once, and resumes a reconnecting client from its last seq', async () => {
    const w = await newWorkshop();
    expect(w.code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    const info = await app.inject({ method: 'GET', url: `/api/workshops/by-code/${w.code}` });
    expect(JSON.parse(info.body)).toMatchObject({ title: 'Atelier coopération', status: 'running' });
    const f = await liveSocket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    expect(await f.waitFor((m) => m.type === 'live.snapshot')).toMatchObject({ seq: 0 });
    const activityId = await openDotVote(f, w.id);

    const alice = await join(app, w.code, 'Alice');
    const me = await app.inject({
      method: 'GET',
      url: `/api/workshops/${w.id}/me`,
      headers: { cookie: alice.cookie },
    });
    expect(JSON.parse(me.body)).toMatchObject({ participantId: alice.participantId, displayName: 'Alice' });
    const p = await liveSocket(url, alice.cookie);
    p.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    const snap = await p.waitFor((m) => m.type === 'live.snapshot');
    expect(JSON.stringify(snap)).not.toContain('facilitatorCommandIds":["');

    const vote = { type: 'dotVote.place', activityId, itemId: 'a' };
    const first = await p.command(w.id, vote, 'vote-1');
    expect(first.type).toBe('live.ack');
    // A retry with the same id (lost ack) is acknowledged with the same seq and not applied again.
    p.messages.length = 0;
    const retry = await p.command(w.id, vote, 'vote-1');
    expect(retry).toMatchObject({ type: 'live.ack', seq: first.seq });
    // The facilitator saw exactly one vote event.
    await f.waitFor((m) => m.type === 'live.events' && JSON.stringify(m).includes('dotVote.placed'));
    const placed = f.messages.flatMap((m) =>
      m.type === 'live.events'
        ? (m.events as { event: { type: string } }[]).filter((e) => e.event.type === 'dotVote.placed')
        : [],
    );
    expect(placed).toHaveLength(1);

    // Participant disconnects, votes happen meanwhile, it resumes from its last seq.
    const lastSeq = first.seq as number;
    p.close();
    const bob = await join(app, w.code, null);
    const pb = await liveSocket(url, bob.cookie);
    expect((await pb.command(w.id, { ...vote, itemId: 'b' })).type).toBe('live.ack');
    const back = await liveSocket(url, alice.cookie);
    back.send({ type: 'live.resume', workshopId: w.id, lastSeq });
    const missed = await back.waitFor((m) => m.type === 'live.events');
    expect(missed.afterSeq).toBe(lastSeq);
    expect(missed.throughSeq).toBeGreaterThan(lastSeq);
    // Results are hidden: Bob's vote is not sent to Alice, only his (anonymous) arrival.
    expect(JSON.stringify(missed)).toContain('participant.joined');
    expect(JSON.stringify(missed)).not.toContain('dotVote.placed');
    expect((await back.command(w.id, vote, 'vote-1')).seq).toBe(first.seq);

    // Export: both votes counted once.
    const exp = await owner.get(`/api/orgs/${orgId}/workshops/${w.id}/export?format=json`);
    const dot = exp.json<{ activities: { results: { items: { id: string; dots: number }[] } }[] }>()
      .activities[0]!;
    expect(dot.results.items.map((i) => [i.id, i.dots])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0],
    ]);
    const csv = await owner.get(`/api/orgs/${orgId}/workshops/${w.id}/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.body)).toContain('Idée a');
    const qr = await owner.get(`/api/orgs/${orgId}/workshops/${w.id}/qr.svg`);
    expect(String(qr.body)).toMatch(/^<svg[^>]+role="img"/);
    for (const s of [f, pb, back]) {
      s.close();
    }
  });

  it('keeps counting exactly once across a restart (fresh engine, state from snapshot and log)', async () => {
    const w = await newWorkshop();
    const f = await liveSocket(url, owner.cookie ?? '');
    const activityId = await openDotVote(f, w.id, 5);
    const carol = await join(app, w.code, 'Carol');
    const p = await liveSocket(url, carol.cookie);
    const acks = [];
    for (let i = 0; i < 3; i++) {
      acks.push(await p.command(w.id, { type: 'dotVote.place', activityId, itemId: 'c' }, `c-${i}`));
    }
    p.close();
    f.close();
    // A second application over the same database: nothing cached, replays from the log.
    const restarted = await buildTestApp(handle);
    const url2 = await restarted.listen({ port: 0, host: '127.0.0.1' });
    try {
      const p2 = await liveSocket(url2, carol.cookie);
      for (let i = 0; i < 3; i++) {
        expect(
          await p2.command(w.id, { type: 'dotVote.place', activityId, itemId: 'c' }, `c-${i}`),
        ).toMatchObject({
          type: 'live.ack',
          seq: acks[i]!.seq,
        });
      }
      const exported = await restarted.inject({
        method: 'GET',
        url: `/api/orgs/${orgId}/workshops/${w.id}/export`,
        headers: { cookie: owner.cookie ?? '' },
      });
      const items = (
        JSON.parse(exported.body) as { activities: { results: { items: { id: string; dots: number }[] } }[] }
      ).activities[0]!.results.items;
      expect(items.find((i) => i.id === 'c')?.dots).toBe(3);
      p2.close();
    } finally {
      await restarted.close();
    }
  });

  it('orders concurrent votes with gapless sequence numbers (group commit)', async () => {
    const w = await newWorkshop();
    const f = await liveSocket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    const activityId = await openDotVote(f, w.id, 2);
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => join(app, w.code, `P${i}`)));
    const sockets = await Promise.all(people.map((p) => liveSocket(url, p.cookie)));
    const acks = await Promise.all(
      sockets.flatMap((s, i) =>
        [0, 1].map((k) =>
          s.command(w.id, { type: 'dotVote.place', activityId, itemId: ['a', 'b', 'c'][(i + k) % 3] }),
        ),
      ),
    );
    expect(acks.every((a) => a.type === 'live.ack')).toBe(true);
    const seqs = acks.map((a) => a.seq as number).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(seqs.length);
    await expect
      .poll(() =>
        f.messages
          .filter((m) => m.type === 'live.events')
          .flatMap((m) => (m.events as { seq: number }[]).map((e) => e.seq)),
      )
      .toContain(seqs[seqs.length - 1]);
    const all = f.messages
      .filter((m) => m.type === 'live.events')
      .flatMap((m) => (m.events as { seq: number }[]).map((e) => e.seq));
    expect(all).toEqual([...all].sort((x, y) => x - y));
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => all[0]! + i));
    // Each facilitator message continues the previous one exactly.
    const ranges = f.messages.filter((m) => m.type === 'live.events' && m.afterSeq !== undefined);
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i]!.afterSeq).toBe(ranges[i - 1]!.throughSeq);
    }
    for (const s of [f, ...sockets]) {
      s.close();
    }
  });

  it('enforces pause and stop: the facilitator’s, and the engagement’s, instantly', async () => {
    const eng = await owner.post(`/api/orgs/${orgId}/engagements`, {
      title: 'Transformation',
      request: 'Coopérer',
    });
    const engagementId = eng.json<{ id: string }>().id;
    const w = await newWorkshop(engagementId);
    const f = await liveSocket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    const activityId = await openDotVote(f, w.id);
    const dan = await join(app, w.code, 'Dan');
    const p = await liveSocket(url, dan.cookie);
    p.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await p.waitFor((m) => m.type === 'live.snapshot');
    const vote = { type: 'dotVote.place', activityId, itemId: 'a' };
    // A participant cannot run the workshop.
    expect(await p.command(w.id, { type: 'workshop.pause' })).toMatchObject({
      type: 'live.reject',
      code: 'FORBIDDEN',
    });
    // Facilitator pause.
    expect((await f.command(w.id, { type: 'workshop.pause' })).type).toBe('live.ack');
    await p.waitFor((m) => m.type === 'live.events' && JSON.stringify(m).includes('workshop.paused'));
    expect(await p.command(w.id, vote)).toMatchObject({ type: 'live.reject', code: 'PAUSED' });
    expect((await f.command(w.id, { type: 'workshop.resume' })).type).toBe('live.ack');
    expect((await p.command(w.id, vote)).type).toBe('live.ack');
    // Engagement pause reaches the workshop and its participants.
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'paused',
      reason: 'Réorganisation',
    });
    await p.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('workshop.paused') && m !== p.messages[0],
      3000,
    );
    expect(await p.command(w.id, vote)).toMatchObject({ type: 'live.reject', code: 'PAUSED' });
    // Even the facilitator cannot feed a paused engagement.
    expect(await f.command(w.id, { type: 'activity.close', activityId })).toMatchObject({
      type: 'live.reject',
      code: 'PAUSED',
    });
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'active',
      reason: 'Reprise',
    });
    const lastVote = await p.command(w.id, vote, 'last-vote');
    expect(lastVote.type).toBe('live.ack');
    // Engagement stop stops the workshop for good.
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'stopped',
      reason: 'CSE',
    });
    await p.waitFor((m) => m.type === 'live.events' && JSON.stringify(m).includes('workshop.stopped'));
    expect(await p.command(w.id, vote)).toMatchObject({ type: 'live.reject', code: 'STOPPED' });
    // A retry of a vote counted before the stop (its ack was lost) still learns that it counted.
    p.messages.length = 0;
    expect(await p.command(w.id, vote, 'last-vote')).toMatchObject({ type: 'live.ack', seq: lastVote.seq });
    const row = await owner.get(`/api/orgs/${orgId}/workshops/${w.id}`);
    expect(row.json()).toMatchObject({ status: 'stopped' });
    const late = await app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: w.code, displayName: 'Late' },
      headers: { origin: ORIGIN },
    });
    expect(late.statusCode).toBe(409);
    // The facilitator cannot resume a workshop whose engagement is stopped.
    expect(await f.command(w.id, { type: 'workshop.resume' })).toMatchObject({
      type: 'live.reject',
      code: 'STOPPED',
    });
    p.close();
    f.close();
  });

  it('resumes a stopped workshop: joining and input work again, the list and join page say running', async () => {
    const w = await newWorkshop();
    const f = await liveSocket(url, owner.cookie ?? '');
    const activityId = await openDotVote(f, w.id);
    const eve = await join(app, w.code, 'Eve');
    const p = await liveSocket(url, eve.cookie);
    p.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await p.waitFor((m) => m.type === 'live.snapshot');
    const vote = { type: 'dotVote.place', activityId, itemId: 'a' };
    expect((await p.command(w.id, vote)).type).toBe('live.ack');
    expect((await f.command(w.id, { type: 'workshop.stop', reason: 'Fin de séance' })).type).toBe('live.ack');
    await p.waitFor((m) => m.type === 'live.events' && JSON.stringify(m).includes('workshop.stopped'));
    // Stopped: the participant cannot resume it, nor vote; nobody joins; the facilitator only resumes.
    expect(await p.command(w.id, { type: 'workshop.resume' })).toMatchObject({
      type: 'live.reject',
      code: 'STOPPED',
    });
    expect(await p.command(w.id, vote)).toMatchObject({ type: 'live.reject', code: 'STOPPED' });
    expect(await f.command(w.id, { type: 'activity.close', activityId })).toMatchObject({
      type: 'live.reject',
      code: 'STOPPED',
    });
    const byCode = await app.inject({ method: 'GET', url: `/api/workshops/by-code/${w.code}` });
    expect(JSON.parse(byCode.body)).toMatchObject({ status: 'stopped' });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: w.code, displayName: 'Late' },
      headers: { origin: ORIGIN },
    });
    expect(refused.statusCode).toBe(409);
    // Resume: everyone learns it, the mirror row and the join page say running, input counts again.
    expect((await f.command(w.id, { type: 'workshop.resume' })).type).toBe('live.ack');
    await p.waitFor((m) => m.type === 'live.events' && JSON.stringify(m).includes('workshop.resumed'));
    expect((await owner.get(`/api/orgs/${orgId}/workshops/${w.id}`)).json()).toMatchObject({
      status: 'running',
    });
    const again = await app.inject({ method: 'GET', url: `/api/workshops/by-code/${w.code}` });
    expect(JSON.parse(again.body)).toMatchObject({ status: 'running' });
    expect((await p.command(w.id, vote)).type).toBe('live.ack');
    const late = await join(app, w.code, 'Late');
    expect(late.participantId).toBeTruthy();
    // The state served after a reload (from the stored log) has no stop reason left.
    const snapshot = new Promise<Msg>((resolve) => {
      void liveSocket(url, owner.cookie ?? '').then(async (g) => {
        g.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
        resolve(await g.waitFor((m) => m.type === 'live.snapshot'));
        g.close();
      });
    });
    expect((await snapshot).state).toMatchObject({ status: 'running', stopReason: null });
    p.close();
    f.close();
  });

  it('removes a participant, hides a card and sends the top ideas to the engagement with a trace link', async () => {
    const eng = await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Idées', request: 'Idées' });
    const engagementId = eng.json<{ id: string }>().id;
    const w = await newWorkshop(engagementId);
    const f = await liveSocket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await f.command(w.id, {
      type: 'activity.add',
      activity: {
        type: 'brainstorm',
        title: 'Idées',
        config: { anonymity: 'optional', maxCardsPerParticipant: 5 },
      },
    });
    const added = await f.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('activity.added'),
    );
    const activityId = (added.events as { event: { activityId: string } }[])[0]!.event.activityId;
    await f.command(w.id, { type: 'activity.start', activityId });
    const eve = await join(app, w.code, 'Eve');
    const p = await liveSocket(url, eve.cookie);
    p.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await p.waitFor((m) => m.type === 'live.snapshot');
    for (const text of ['Binômes inter-services', 'Café mensuel', 'Hors sujet']) {
      expect((await p.command(w.id, { type: 'brainstorm.addCard', activityId, text })).type).toBe('live.ack');
    }
    const cards = await f.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('Hors sujet'),
    );
    const cardId = (cards.events as { event: { cardId: string } }[])[0]!.event.cardId;
    expect((await f.command(w.id, { type: 'brainstorm.hideCard', activityId, cardId })).type).toBe(
      'live.ack',
    );
    const out = await owner.post(`/api/orgs/${orgId}/workshops/${w.id}/outputs`, { activityId, top: 5 });
    expect(out.status).toBe(200);
    expect(out.json<{ optionTitles: string[] }>().optionTitles).toEqual([
      'Binômes inter-services',
      'Café mensuel',
    ]);
    const links = await owner.get(`/api/orgs/${orgId}/engagements/${engagementId}/links`);
    expect(links.json<{ links: { from: { kind: string; label: string } }[] }>().links[0]!.from).toMatchObject(
      {
        kind: 'workshop',
        label: 'Atelier coopération',
      },
    );
    expect(
      (await f.command(w.id, { type: 'participant.remove', participantId: eve.participantId })).type,
    ).toBe('live.ack');
    expect(await p.command(w.id, { type: 'brainstorm.addCard', activityId, text: 'encore' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    p.close();
    f.close();
  });

  it('refuses strangers: no identity, no events', async () => {
    const w = await newWorkshop();
    const s = await liveSocket(url, '');
    s.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    expect(await s.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.command(w.id, { type: 'workshop.pause' })).toMatchObject({
      type: 'live.reject',
      code: 'FORBIDDEN',
    });
    s.send({ type: 'subscribe', room: `workshop:${w.id}` });
    await s.waitFor((m) => m.type === 'error' && String(m.message).includes('workshop:'));
    s.close();
  });
  it('keeps the projector empty until reveal, even when the facilitator’s session opens it', async () => {
    const w = await newWorkshop();
    const f = await liveSocket(url, owner.cookie ?? '');
    const activityId = await openDotVote(f, w.id);
    // The projector runs in the facilitator's browser: same cookie, but it resumes as a screen.
    const screen = await liveSocket(url, owner.cookie ?? '');
    screen.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0, as: 'screen' });
    await screen.waitFor((m) => m.type === 'live.snapshot');
    const people = await Promise.all(['Alice', 'Bruno', 'Chloé'].map((n) => join(app, w.code, n)));
    for (const [i, person] of people.entries()) {
      const p = await liveSocket(url, person.cookie);
      p.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
      await p.waitFor((m) => m.type === 'live.snapshot');
      for (const itemId of ['a', 'a', i === 0 ? 'b' : 'c']) {
        expect((await p.command(w.id, { type: 'dotVote.place', activityId, itemId })).type).toBe('live.ack');
      }
      p.close();
    }
    // The facilitator's console saw the nine dots live…
    await f.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).split('dotVote.placed').length - 1 >= 1,
    );
    const placed = () =>
      f.messages
        .filter((m) => m.type === 'live.events')
        .flatMap((m) => m.events as { event: { type: string } }[])
        .filter((e) => e.event.type === 'dotVote.placed').length;
    const t0 = Date.now();
    while (placed() < 9 && Date.now() - t0 < 5000) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(placed()).toBe(9);
    // …the projector got joins but not one vote, and cannot act.
    const feed = JSON.stringify(screen.messages);
    expect(feed).toContain('participant.joined');
    expect(feed).not.toContain('dotVote.placed');
    expect(await screen.command(w.id, { type: 'activity.revealResults', activityId })).toMatchObject({
      type: 'live.reject',
      code: 'FORBIDDEN',
    });
    // A fresh projector snapshot holds no totals either.
    screen.messages.length = 0;
    screen.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0, as: 'screen' });
    const hidden = await screen.waitFor((m) => m.type === 'live.snapshot');
    const data = (hidden.state as { activities: Record<string, { data: { totals: object } }> }).activities[
      activityId
    ]?.data;
    expect(data?.totals).toEqual({});
    // Once revealed, the projector's snapshot carries the totals.
    expect((await f.command(w.id, { type: 'activity.revealResults', activityId })).type).toBe('live.ack');
    await screen.waitFor((m) => m.type === 'live.events' && JSON.stringify(m).includes('resultsRevealed'));
    screen.messages.length = 0;
    screen.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0, as: 'screen' });
    const shown = await screen.waitFor((m) => m.type === 'live.snapshot');
    expect(
      (shown.state as { activities: Record<string, { data: { totals: object } }> }).activities[activityId]
        ?.data.totals,
    ).toEqual({ a: 6, b: 1, c: 2 });
    screen.close();
    f.close();
  });

  it('keeps fist-to-five authors out of the facilitator’s feed unless names were chosen before the vote', async () => {
    const w = await newWorkshop();
    const f = await liveSocket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await f.waitFor((m) => m.type === 'live.snapshot');
    const ids: string[] = [];
    for (const [title, showNames] of [
      ['Sans noms', undefined],
      ['Avec noms', true],
    ] as const) {
      const config = showNames ? { proposal: 'On y va ?', showNames } : { proposal: 'On y va ?' };
      await f.command(w.id, { type: 'activity.add', activity: { type: 'fistToFive', title, config } });
      const added = await f.waitFor((m) => m.type === 'live.events' && JSON.stringify(m).includes(title));
      const activityId = (added.events as { event: { activityId: string } }[])[0]!.event.activityId;
      await f.command(w.id, { type: 'activity.start', activityId });
      ids.push(activityId);
    }
    const alice = await join(app, w.code, 'Alice');
    const p = await liveSocket(url, alice.cookie);
    p.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await p.waitFor((m) => m.type === 'live.snapshot');
    for (const activityId of ids) {
      await p.command(w.id, { type: 'fistToFive.show', activityId, value: 1 });
      await p.command(w.id, { type: 'fistToFive.explain', activityId, text: `trop tôt ${activityId}` });
    }
    const eventsOf = (activityId: string) =>
      f.messages
        .filter((m) => m.type === 'live.events')
        .flatMap((m) => m.events as { event: { type: string; activityId?: string } }[])
        .filter((e) => e.event.type.startsWith('fistToFive.') && e.event.activityId === activityId)
        .map((e) => e.event);
    const t0 = Date.now();
    while (eventsOf(ids[1]!).length < 2 && Date.now() - t0 < 5000) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(eventsOf(ids[0]!)).toHaveLength(2);
    expect(JSON.stringify(eventsOf(ids[0]!))).not.toContain(alice.participantId);
    expect(JSON.stringify(eventsOf(ids[1]!))).toContain(alice.participantId);
    // A facilitator snapshot keeps the counts and texts, not who.
    f.messages.length = 0;
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    const snap = await f.waitFor((m) => m.type === 'live.snapshot');
    const activities = (snap.state as { activities: Record<string, { data: unknown }> }).activities;
    expect(JSON.stringify(activities[ids[0]!]?.data)).not.toContain(alice.participantId);
    expect(JSON.stringify(activities[ids[0]!]?.data)).toContain(`trop tôt ${ids[0]}`);
    expect(JSON.stringify(activities[ids[1]!]?.data)).toContain(alice.participantId);
    p.close();
    f.close();
  });
});
