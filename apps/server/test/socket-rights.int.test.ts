import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, PASSWORD, setupAdmin, type TestClient, testClient } from './factories.ts';
import { liveSocket } from './live-socket.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/**
 * Issue 12 §5: a WebSocket keeps no right its session or membership has lost. Sign-out, revocation,
 * demotion and removal close the person's sockets at once; and every command re-reads the
 * membership (cached a few seconds at most), even when nothing closed the socket.
 */
describe.each(testDialects)('socket rights on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let url: string;
  let engagementId: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Socket Org');
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Engagement', request: 'Request' })
    ).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  /** A facilitator with a socket that runs a workshop with one open dot vote. */
  async function facilitatorWithWorkshop() {
    const f = await addMember(app, owner, orgId, 'facilitator');
    const w = (await owner.post(`/api/orgs/${orgId}/workshops`, { title: 'Atelier' })).json<{ id: string }>();
    const s = await liveSocket(url, f.client.cookie ?? '');
    s.send({ type: 'subscribe', room: `engagement:${engagementId}` });
    await s.waitFor((m) => m.type === 'subscribed');
    s.send({ type: 'live.resume', workshopId: w.id, lastSeq: 0 });
    await s.waitFor((m) => m.type === 'live.snapshot' || m.type === 'live.events');
    const add = await s.command(w.id, {
      type: 'activity.add',
      activity: {
        type: 'dotVote',
        title: 'Priorités',
        config: { items: [{ id: 'a', label: 'A' }], dotsPerParticipant: 1, maxPerItem: 1 },
      },
    });
    expect(add.type).toBe('live.ack');
    const added = await s.waitFor(
      (m) => m.type === 'live.events' && JSON.stringify(m).includes('activity.added'),
    );
    const activityId = (added.events as { event: { type: string; activityId: string } }[]).find(
      (e) => e.event.type === 'activity.added',
    )!.event.activityId;
    return { f, s, workshopId: w.id, activityId };
  }

  it('closes the socket of a session that signs out', async () => {
    const { f, s } = await facilitatorWithWorkshop();
    expect((await f.client.post('/api/auth/sign-out')).status).toBe(200);
    expect(await s.waitClosed()).toBe(true);
    expect(s.ws.readyState).not.toBe(s.ws.OPEN);
  });

  it('closes the socket of a revoked session, not the other sessions', async () => {
    const { f, s } = await facilitatorWithWorkshop();
    const other = testClient(app);
    expect((await other.post('/api/auth/sign-in', { email: f.email, password: PASSWORD })).status).toBe(200);
    const otherSocket = await liveSocket(url, other.cookie ?? '');
    const sessions = (await other.get('/api/me/sessions')).json<{
      sessions: { id: string; current: boolean }[];
    }>();
    const target = sessions.sessions.find((x) => !x.current)!;
    expect((await other.del(`/api/me/sessions/${target.id}`)).status).toBe(200);
    expect(await s.waitClosed()).toBe(true);
    expect(otherSocket.closed).toBe(false);
    otherSocket.close();
  });

  it('closes the sockets of a person demoted to observer; a new socket cannot lock an activity', async () => {
    const { f, s, workshopId, activityId } = await facilitatorWithWorkshop();
    const demote = await owner.patch(`/api/orgs/${orgId}/members/${f.userId}`, { role: 'observer' });
    expect(demote.status).toBe(200);
    expect(await s.waitClosed()).toBe(true);
    const again = await liveSocket(url, f.client.cookie ?? '');
    again.send({ type: 'live.resume', workshopId, lastSeq: 0 });
    await again.waitFor((m) => m.type === 'live.snapshot' || m.type === 'live.events');
    const lock = await again.command(workshopId, { type: 'activity.lock', activityId });
    expect(lock).toMatchObject({ type: 'live.reject', code: 'FORBIDDEN' });
    again.close();
  });

  it('re-reads the membership for every command (a demotion nobody announced counts within seconds)', async () => {
    const { f, s, workshopId, activityId } = await facilitatorWithWorkshop();
    // Straight in the database: no route ran, so nothing closed the socket.
    await handle.db
      .updateTable('memberships')
      .set({ role: 'observer' })
      .where('user_id', '=', f.userId)
      .where('org_id', '=', orgId)
      .execute();
    await new Promise((r) => setTimeout(r, 3200));
    expect(s.closed).toBe(false);
    const lock = await s.command(workshopId, { type: 'activity.lock', activityId });
    expect(lock).toMatchObject({ type: 'live.reject', code: 'FORBIDDEN' });
    s.close();
  });

  it('closes the sockets of a removed person', async () => {
    const { f, s } = await facilitatorWithWorkshop();
    expect((await owner.del(`/api/orgs/${orgId}/members/${f.userId}`)).status).toBe(200);
    expect(await s.waitClosed()).toBe(true);
    // Reconnected, the former member may not subscribe to the engagement any more.
    const again = await liveSocket(url, f.client.cookie ?? '');
    again.send({ type: 'subscribe', room: `engagement:${engagementId}` });
    await again.waitFor((m) => m.type === 'error' && m.code === 'FORBIDDEN');
    again.close();
  });
});
