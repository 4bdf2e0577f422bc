import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { verifyWebhook } from '../src/lib/webhook-signature.ts';
import { emitWebhook } from '../src/services/webhooks-outbox.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A real HTTP receiver on a local port; `answer` decides the status of each request (n counts from 1). */
async function startReceiver(answer: (n: number, body: string) => number) {
  const received: Received[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      n += 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const status = answer(n, body);
      received.push({ headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end('internal detail never stored');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const FAST = { baseDelayMs: 30, maxDelayMs: 200, maxAttempts: 4, disableAfterFailures: 6 };

async function until<T>(fn: () => Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) {
      return v;
    }
    if (Date.now() > end) {
      throw new Error('timed out waiting');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testDialects)('webhooks on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let facilitator: TestClient;
  let orgId: string;
  const receivers: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    app.deps.webhooks.configure({ policy: FAST, pollMs: 10 });
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Crochets');
    facilitator = (await addMember(app, owner, orgId, 'facilitator')).client;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const drain = () => app.deps.webhooks.drain();

  it('lets only owners manage endpoints and refuses non-http(s) URLs without changing anything', async () => {
    const base = `/api/orgs/${orgId}/webhooks`;
    expect(
      (await facilitator.post(base, { url: 'https://example.org/h', eventTypes: ['campaign.closed'] }))
        .status,
    ).toBe(403);
    expect((await facilitator.get(base)).status).toBe(403);
    for (const url of ['file:///etc/passwd', 'gopher://example.org/', 'https://u:p@example.org/', 'nope']) {
      const r = await owner.post(base, { url, eventTypes: ['campaign.closed'] });
      expect(r.status, url).toBe(400);
    }
    expect((await owner.post(base, { url: 'https://example.org/h', eventTypes: ['no.such'] })).status).toBe(
      400,
    );
    const list = (await owner.get(base)).json<{
      endpoints: unknown[];
      eventTypes: { type: string; isEmitted: boolean }[];
    }>();
    expect(list.endpoints).toEqual([]);
    expect(list.eventTypes).toContainEqual({ type: 'charter.adopted', isEmitted: true });
    expect(list.eventTypes).toContainEqual({ type: 'plan.milestone.changed', isEmitted: true });
    expect(list.eventTypes).toContainEqual({ type: 'engagement.stopped', isEmitted: true });
  });

  it('signs engagement.stopped and decision.adopted over timestamp.body, without the participants’ words', async () => {
    const receiver = await startReceiver(() => 204);
    receivers.push(receiver);
    const created = await owner.post(`/api/orgs/${orgId}/webhooks`, {
      url: receiver.url,
      description: 'ERP',
      eventTypes: ['engagement.stopped', 'decision.adopted', 'workshop.ended'],
    });
    expect(created.status).toBe(201);
    const endpoint = created.json<{ id: string; secret: string }>();
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await owner.get(`/api/orgs/${orgId}/webhooks`)).body).not.toContain(endpoint.secret);

    const e = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Signal', request: 'Décider' })
    ).json<{ id: string }>();
    const eng = `/api/orgs/${orgId}/engagements/${e.id}`;
    const workshop = await owner.post(`/api/orgs/${orgId}/workshops`, {
      title: 'Atelier',
      engagementId: e.id,
    });
    expect(workshop.status).toBe(200);
    const chosen = await owner.post(`${eng}/decision-rules/choice`, {
      rule: 'consent',
      reason: 'Raison personnelle très précise',
      decidedBy: 'group',
    });
    expect(chosen.status).toBe(200);
    expect((await owner.post(`${eng}/status`, { status: 'stopped', reason: 'Fin du mandat' })).status).toBe(
      200,
    );
    await drain();
    // The engagement's stop stops its live workshop (a live event, committed by the engine): workshop.ended.
    const got = await until(async () => {
      await drain();
      return receiver.received.length >= 3 ? receiver.received : false;
    });
    const types = got.map((r) => r.headers['essaim-event']);
    expect(types.sort()).toEqual(['decision.adopted', 'engagement.stopped', 'workshop.ended']);
    for (const r of got) {
      const ts = Number(r.headers['essaim-timestamp']);
      const sig = String(r.headers['essaim-signature']).replace(/^v1=/, '');
      expect(verifyWebhook(endpoint.secret, ts, r.body, sig)).toBe(true);
      expect(verifyWebhook(endpoint.secret, ts, `${r.body} `, sig)).toBe(false);
      expect(verifyWebhook('whsec_other', ts, r.body, sig)).toBe(false);
      expect(verifyWebhook(endpoint.secret, ts, r.body, sig, ts + 3600)).toBe(false);
      expect(r.body).not.toContain('Raison personnelle');
      expect(r.body).not.toContain('Fin du mandat');
    }
    const payload = JSON.parse(
      got.find((r) => r.headers['essaim-event'] === 'engagement.stopped')?.body ?? '{}',
    ) as {
      type: string;
      engagementId: string;
      resource: unknown;
    };
    expect(payload).toMatchObject({
      type: 'engagement.stopped',
      engagementId: e.id,
      resource: { kind: 'engagement', id: e.id },
    });

    const log = (await owner.get(`/api/orgs/${orgId}/webhooks/${endpoint.id}/deliveries`)).json<{
      deliveries: { status: string; lastStatusCode: number; log: { statusCode: number }[] }[];
    }>();
    expect(log.deliveries.map((d) => [d.status, d.lastStatusCode, d.log.length])).toEqual([
      ['delivered', 204, 1],
      ['delivered', 204, 1],
      ['delivered', 204, 1],
    ]);
    await owner.del(`/api/orgs/${orgId}/webhooks/${endpoint.id}`);
  });

  it('retries with back-off and keeps the order of events about one resource', async () => {
    // The first request fails twice: the second event of the same resource must wait behind it.
    let refusals = 0;
    const receiver = await startReceiver((_n, body) =>
      body.includes('"step":1') && refusals++ < 2 ? 503 : 200,
    );
    receivers.push(receiver);
    const endpoint = (
      await owner.post(`/api/orgs/${orgId}/webhooks`, {
        url: receiver.url,
        eventTypes: ['plan.milestone.changed'],
      })
    ).json<{ id: string; secret: string }>();
    for (const [i, resource] of [
      [1, 'm1'],
      [2, 'm1'],
      [3, 'm2'],
      [4, 'm1'],
    ] as const) {
      await emitWebhook(app.deps.database.db, {
        orgId,
        type: 'plan.milestone.changed',
        engagementId: null,
        resource: { kind: 'milestone', id: resource },
        data: { step: i },
      });
    }
    await until(async () => {
      await drain();
      return receiver.received.filter((r) => r.status === 200).length >= 4;
    });
    const steps = (res: string) =>
      receiver.received
        .filter((r) => r.status === 200)
        .map((r) => JSON.parse(r.body) as { resource: { id: string }; data: { step: number } })
        .filter((p) => p.resource.id === res)
        .map((p) => p.data.step);
    expect(steps('m1')).toEqual([1, 2, 4]);
    expect(steps('m2')).toEqual([3]);
    // m1's first event was refused twice, then delivered; its log shows the codes in order.
    const deliveries = (await owner.get(`/api/orgs/${orgId}/webhooks/${endpoint.id}/deliveries`)).json<{
      deliveries: { resource: string; attempts: number; log: { statusCode: number; at: string }[] }[];
    }>().deliveries;
    const first = deliveries.find((d) => d.attempts === 3);
    expect(first?.log.map((l) => l.statusCode)).toEqual([503, 503, 200]);
    // Back-off: 30 ms then 60 ms (FAST policy) at least between the attempts.
    const at = (first?.log ?? []).map((l) => Date.parse(l.at));
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(25);
    expect((at[2] ?? 0) - (at[1] ?? 0)).toBeGreaterThanOrEqual(55);
    await owner.del(`/api/orgs/${orgId}/webhooks/${endpoint.id}`);
  });

  it('gives up after the last attempt, replays on demand, and disables an endpoint that keeps failing', async () => {
    let healthy = false;
    const receiver = await startReceiver(() => (healthy ? 200 : 500));
    receivers.push(receiver);
    const endpoint = (
      await owner.post(`/api/orgs/${orgId}/webhooks`, { url: receiver.url, eventTypes: ['charter.adopted'] })
    ).json<{ id: string }>();
    const emit = (id: string) =>
      emitWebhook(app.deps.database.db, {
        orgId,
        type: 'charter.adopted',
        engagementId: null,
        resource: { kind: 'charter', id },
        data: { title: id },
      });
    await emit('c1');
    type D = { id: string; status: string; attempts: number; lastStatusCode: number | null };
    const deliveriesOf = async () =>
      (await owner.get(`/api/orgs/${orgId}/webhooks/${endpoint.id}/deliveries`)).json<{ deliveries: D[] }>()
        .deliveries;
    const failed = await until(async () => {
      await drain();
      const d = (await deliveriesOf())[0];
      return d?.status === 'failed' ? d : false;
    });
    expect(failed).toMatchObject({ attempts: 4, lastStatusCode: 500 });

    healthy = true;
    const replay = await owner.post(`/api/orgs/${orgId}/webhook-deliveries/${failed.id}/replay`, {});
    expect(replay.status).toBe(201);
    await until(async () => {
      await drain();
      return (await deliveriesOf()).some((d) => d.status === 'delivered');
    });

    healthy = false;
    await emit('c2');
    await emit('c3');
    const disabled = await until(async () => {
      await drain();
      const list = (await owner.get(`/api/orgs/${orgId}/webhooks`)).json<{
        endpoints: {
          id: string;
          enabled: boolean;
          disabledReason: string | null;
          consecutiveFailures: number;
        }[];
      }>();
      const e = list.endpoints.find((x) => x.id === endpoint.id);
      return e && !e.enabled ? e : false;
    });
    expect(disabled.disabledReason).toMatch(/6 consecutive failed attempts/);
    // Disabled: nothing is sent any more, and new events are not queued for it.
    const before = receiver.received.length;
    await emit('c4');
    await new Promise((r) => setTimeout(r, 150));
    await drain();
    expect(receiver.received.length).toBe(before);
    expect((await deliveriesOf()).some((d) => d.status === 'pending')).toBe(true);

    // Re-enabled: the pending deliveries go out.
    healthy = true;
    expect((await owner.patch(`/api/orgs/${orgId}/webhooks/${endpoint.id}`, { enabled: true })).status).toBe(
      200,
    );
    await until(async () => {
      await drain();
      return (await deliveriesOf()).every((d) => d.status === 'delivered' || d.status === 'failed');
    });
    expect(receiver.received.length).toBeGreaterThan(before);
  });

  it('replays nothing of another organisation', async () => {
    const other = await createOrg(owner, 'Autre');
    const r = await owner.post(
      `/api/orgs/${other}/webhook-deliveries/00000000-0000-4000-8000-000000000000/replay`,
      {},
    );
    expect(r.status).toBe(404);
  });
});
