import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import type { Mail, Mailer } from '../src/lib/mailer.ts';
import { sweepDecisionReminders } from '../src/services/decision-notifications.service.ts';
import { sendNotificationEmails } from '../src/services/notifications-mailer.ts';
import { createOrg, ORIGIN, setupAdmin, type TestClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Msg = Record<string, unknown> & { type: string };

async function socket(url: string, cookie: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`, { headers: { cookie, origin: ORIGIN } });
  const messages: Msg[] = [];
  ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString()) as Msg));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waitFor = async (pred: (m: Msg) => boolean): Promise<Msg> => {
    for (const t0 = Date.now(); Date.now() - t0 < 5000; ) {
      const found = messages.find(pred);
      if (found) {
        return found;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('no matching message');
  };
  return {
    waitFor,
    send: (m: unknown) => ws.send(JSON.stringify(m)),
    async command(workshopId: string, command: Record<string, unknown>) {
      const commandId = randomUUID();
      ws.send(JSON.stringify({ type: 'live.command', workshopId, commandId, command }));
      return waitFor((m) => (m.type === 'live.ack' || m.type === 'live.reject') && m.commandId === commandId);
    },
    close: () => ws.close(),
  };
}

/** Live outcomes write the one DecisionRecord; reminder emails go through the configured mailer. */
describe.each(testDialects)('decisions from live workshops on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let url: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Atelier');
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('a closed fist-to-five writes a decision record with its histogram, anonymously', async () => {
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, {
      title: 'Atelier',
      request: 'Décider ensemble',
    });
    const engagementId = e.json<{ id: string }>().id;
    const w = (await owner.post(`/api/orgs/${orgId}/workshops`, { title: 'Séance', engagementId })).json<{
      id: string;
      code: string;
    }>();
    const f = await socket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await f.waitFor((m) => m.type === 'live.snapshot');
    await f.command(w.id, {
      type: 'activity.add',
      activity: { type: 'fistToFive', title: 'Mardi', config: { proposal: 'Se voir le mardi' } },
    });
    const added = await f.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('activity.added'),
    );
    const activityId = (added.events as { event: { type: string; activityId: string } }[]).find(
      (x) => x.event.type === 'activity.added',
    )!.event.activityId;
    expect((await f.command(w.id, { type: 'activity.start', activityId })).type).toBe('live.ack');
    const joined = await app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: w.code.toLowerCase(), displayName: 'Alice' },
      headers: { origin: ORIGIN },
    });
    const set = joined.headers['set-cookie'];
    const cookie = ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] as string;
    const p = await socket(url, cookie);
    p.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await p.waitFor((m) => m.type === 'live.snapshot');
    expect((await p.command(w.id, { type: 'fistToFive.show', activityId, value: 4 })).type).toBe('live.ack');
    expect((await f.command(w.id, { type: 'activity.close', activityId })).type).toBe('live.ack');
    let decisions: {
      source: string;
      rule: string;
      status: string;
      isAnonymous: boolean;
      participantCount: number;
      statement: string;
      positions: { participant: string | null }[];
    }[] = [];
    for (let i = 0; i < 100 && decisions.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      decisions = (
        await owner.get(`/api/orgs/${orgId}/engagements/${engagementId}/decisions?source=live_activity`)
      ).json<{ decisions: typeof decisions }>().decisions;
    }
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      rule: 'fistToFive',
      status: 'passed',
      isAnonymous: true,
      participantCount: 1,
      statement: 'Se voir le mardi',
    });
    expect(decisions[0]!.positions.every((x) => x.participant === null)).toBe(true);
    f.close();
    p.close();
  });

  it('takes an open consent proposal into a workshop and brings the integrated objection back', async () => {
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Aller-retour', request: 'x' });
    const engagementId = e.json<{ id: string }>().id;
    const base = `/api/orgs/${orgId}/engagements/${engagementId}/proposals`;
    const created = await owner.post(base, {
      title: 'Local partagé',
      text: 'Partager le local',
      rule: 'consent',
      deadline: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString(),
    });
    const proposalId = created.json<{ proposal: { id: string } }>().proposal.id;
    const taken = await owner.post(`${base}/${proposalId}/workshop`, {});
    expect(taken.status).toBe(200);
    const { workshopId, activityId } = taken.json<{ workshopId: string; activityId: string }>();
    const w = (await owner.get(`/api/orgs/${orgId}/workshops/${workshopId}`)).json<{ code: string }>();
    const f = await socket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId, lastSeq: 0 });
    await f.waitFor((m) => m.type === 'live.snapshot');
    expect((await f.command(workshopId, { type: 'activity.start', activityId })).type).toBe('live.ack');
    expect(
      (await f.command(workshopId, { type: 'consentRound.setStage', activityId, stage: 'objections' })).type,
    ).toBe('live.ack');
    const joined = await app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: w.code.toLowerCase(), displayName: 'Bob' },
      headers: { origin: ORIGIN },
    });
    const set = joined.headers['set-cookie'];
    const cookie = ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] as string;
    const p = await socket(url, cookie);
    p.send({ type: 'live.resume', workshopId, lastSeq: 0 });
    await p.waitFor((m) => m.type === 'live.snapshot');
    expect(
      (
        await p.command(workshopId, {
          type: 'consentRound.object',
          activityId,
          reason: 'Pas de clé pour le soir',
        })
      ).type,
    ).toBe('live.ack');
    const objected = await f.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('consentRound.objected'),
    );
    const objectionId = (objected.events as { event: { type: string; objectionId: string } }[]).find(
      (x) => x.event.type === 'consentRound.objected',
    )!.event.objectionId;
    expect(
      (await f.command(workshopId, { type: 'consentRound.setStage', activityId, stage: 'amendments' })).type,
    ).toBe('live.ack');
    expect(
      (
        await f.command(workshopId, {
          type: 'consentRound.integrate',
          activityId,
          objectionId,
          integration: 'Une boîte à clés',
          amendedProposal: 'Partager le local, avec une boîte à clés',
        })
      ).type,
    ).toBe('live.ack');
    expect(
      (await f.command(workshopId, { type: 'consentRound.setStage', activityId, stage: 'consent' })).type,
    ).toBe('live.ack');
    expect((await f.command(workshopId, { type: 'activity.close', activityId })).type).toBe('live.ack');
    type V = {
      version: number;
      text: string;
      live: { isReturned: boolean } | null;
      objections: { status: string; integration: string | null; objector: string | null }[];
    };
    let v: V | null = null;
    for (let i = 0; i < 100 && !v?.live?.isReturned; i++) {
      await new Promise((r) => setTimeout(r, 20));
      v = (await owner.get(`${base}/${proposalId}`)).json<V>();
    }
    expect(v?.live?.isReturned).toBe(true);
    expect(v?.version).toBe(2);
    expect(v?.text).toBe('Partager le local, avec une boîte à clés');
    expect(v?.objections).toEqual([
      expect.objectContaining({ status: 'integrated', integration: 'Une boîte à clés', objector: null }),
    ]);
    f.close();
    p.close();
  });

  it('takes a fist-to-five proposal into a workshop and brings the fingers back as anonymous positions', async () => {
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Poings', request: 'x' });
    const engagementId = e.json<{ id: string }>().id;
    const base = `/api/orgs/${orgId}/engagements/${engagementId}/proposals`;
    const created = await owner.post(base, {
      title: 'Jeudi',
      text: 'Se voir le jeudi',
      rule: 'fistToFive',
      deadline: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString(),
    });
    const proposalId = created.json<{ proposal: { id: string } }>().proposal.id;
    const taken = await owner.post(`${base}/${proposalId}/workshop`, {});
    expect(taken.status).toBe(200);
    const { workshopId, activityId } = taken.json<{ workshopId: string; activityId: string }>();
    const w = (await owner.get(`/api/orgs/${orgId}/workshops/${workshopId}`)).json<{ code: string }>();
    const f = await socket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId, lastSeq: 0 });
    await f.waitFor((m) => m.type === 'live.snapshot');
    expect((await f.command(workshopId, { type: 'activity.start', activityId })).type).toBe('live.ack');
    const sockets = [];
    for (const [name, value] of [
      ['Chloé', 4],
      ['Dan', 2],
    ] as const) {
      const joined = await app.inject({
        method: 'POST',
        url: '/api/workshops/join',
        payload: { code: w.code.toLowerCase(), displayName: name },
        headers: { origin: ORIGIN },
      });
      const set = joined.headers['set-cookie'];
      const cookie = ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] as string;
      const p = await socket(url, cookie);
      p.send({ type: 'live.resume', workshopId, lastSeq: 0 });
      await p.waitFor((m) => m.type === 'live.snapshot');
      expect((await p.command(workshopId, { type: 'fistToFive.show', activityId, value })).type).toBe(
        'live.ack',
      );
      sockets.push(p);
    }
    expect((await f.command(workshopId, { type: 'activity.close', activityId })).type).toBe('live.ack');
    type V = {
      live: { isReturned: boolean } | null;
      positions: { participant: string | null; value: string }[];
      tally: { outcome: string } | null;
    };
    let v: V | null = null;
    for (let i = 0; i < 100 && !v?.live?.isReturned; i++) {
      await new Promise((r) => setTimeout(r, 20));
      v = (await owner.get(`${base}/${proposalId}`)).json<V>();
    }
    expect(v?.live?.isReturned).toBe(true);
    expect(v?.positions.map((x) => x.value).sort()).toEqual(['2', '4']);
    expect(v?.positions.every((x) => x.participant === null)).toBe(true);
    // The proposal's own tally counts them: a 2 leaves it pending until the concern is addressed.
    expect(v?.tally?.outcome).toBe('pending');
    f.close();
    for (const p of sockets) {
      p.close();
    }
  });

  it('sends reminder emails through the mailer when SMTP is configured', async () => {
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Rappels', request: 'x' });
    const engagementId = e.json<{ id: string }>().id;
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/proposals`, {
      title: 'Horaires',
      text: 'Ouvrir à 8 h',
      rule: 'majority',
      deadline: new Date(Date.now() + 3600 * 1000).toISOString(),
    });
    const sent: Mail[] = [];
    const mailer: Mailer = { enabled: true, send: async (m) => void sent.push(m) };
    expect(await sweepDecisionReminders(app.deps.database.db)).toBeGreaterThan(0);
    await sendNotificationEmails(app.deps.database.db, mailer, 'http://localhost:4000');
    expect(sent.some((m) => m.subject.includes('Horaires'))).toBe(true);
  });

  // Last in the file: it breaks the register on purpose.
  it('reports a failure to record a live outcome instead of dropping it', async () => {
    const errors: string[] = [];
    app.deps.live.onBackgroundError((_error, message) => errors.push(message));
    await sql`alter table decision_records rename to decision_records_gone`.execute(handle.db);
    const w = (await owner.post(`/api/orgs/${orgId}/workshops`, { title: 'Panne' })).json<{ id: string }>();
    const f = await socket(url, owner.cookie ?? '');
    f.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await f.waitFor((m) => m.type === 'live.snapshot');
    await f.command(w.id, {
      type: 'activity.add',
      activity: { type: 'fistToFive', title: 'Panne', config: { proposal: 'Tester la panne' } },
    });
    const added = await f.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('activity.added'),
    );
    const activityId = (added.events as { event: { type: string; activityId: string } }[]).find(
      (x) => x.event.type === 'activity.added',
    )!.event.activityId;
    expect((await f.command(w.id, { type: 'activity.start', activityId })).type).toBe('live.ack');
    expect((await f.command(w.id, { type: 'activity.close', activityId })).type).toBe('live.ack');
    for (let i = 0; i < 100 && errors.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(errors).toEqual(['recording a live outcome as a decision failed']);
    f.close();
  });
});
