import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Joined = {
  joinCode: string;
  token: string;
  displayName: string | null;
  conversation: { title: string; isInputClosed: boolean; statements: number };
};
type Link = {
  conversation: {
    id: string;
    workshopId: string | null;
    engagementId: string | null;
    joinCode: string | null;
    participants: number;
    statements: { id: string; text: string; agree: number }[];
  } | null;
};
type Me = { next: { id: string; text: string } | null; voted: number; remaining: number };
type ErrorBody = { error: { code: string } };

/** The opinion map as a workshop activity: opened by the facilitator, reached with the workshop cookie. */
describe.each(testDialects)('conversations in a workshop on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
  let orgId: string;
  let engagementId: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Mairie');
    member = (await addMember(app, owner, orgId, 'member')).client;
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Coopérer', request: 'Se parler' });
    engagementId = e.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  async function newWorkshop(withEngagement = true) {
    const r = await owner.post(`/api/orgs/${orgId}/workshops`, {
      title: 'Atelier coopération',
      ...(withEngagement ? { engagementId } : {}),
    });
    expect(r.status).toBe(200);
    return r.json<{ id: string; code: string }>();
  }
  const mapUrl = (workshopId: string) => `/api/orgs/${orgId}/workshops/${workshopId}/conversation`;

  /** A person who joined the workshop by its code (HttpOnly participant cookie), then enters the map. */
  async function workshopParticipant(code: string, displayName: string | null) {
    const client = testClient(app);
    const joined = await client.post('/api/workshops/join', { code, displayName });
    expect(joined.status).toBe(200);
    const set = joined.headers['set-cookie'];
    const cookie = String((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^essaim_wp_/);
    return {
      cookie,
      enter: (workshopId = joined.json<{ workshopId: string }>().workshopId) =>
        client.post(`/api/workshops/${workshopId}/conversation/join`, {}, { cookie }),
      as(j: Joined) {
        const headers = { 'x-participant-token': j.token };
        const url = `/api/conversations/join/${j.joinCode}`;
        return {
          me: async () => (await client.get(`${url}/me`, headers)).json<Me>(),
          vote: (statementId: string, vote: number) =>
            client.post(`${url}/votes`, { statementId, vote }, headers),
        };
      },
    };
  }

  it('opens one map per workshop, in its engagement, idempotently and only for those who run it', async () => {
    const w = await newWorkshop();
    expect((await owner.get(mapUrl(w.id))).json<Link>().conversation).toBeNull();
    expect((await member.post(mapUrl(w.id), { topic: 'Non' })).status).toBe(403);
    const opened = await owner.post(mapUrl(w.id), {
      topic: 'Comment mieux coopérer ?',
      statements: ['On se parle trop peu', 'On se parle trop peu', 'Les réunions sont utiles'],
    });
    expect(opened.status).toBe(200);
    const c = opened.json<Link>().conversation!;
    expect(c).toMatchObject({ workshopId: w.id, engagementId });
    expect(c.statements.map((s) => s.text)).toEqual(['On se parle trop peu', 'Les réunions sont utiles']);
    const again = await owner.post(mapUrl(w.id), { topic: 'Autre', statements: ['Ignorée'] });
    expect(again.json<Link>().conversation!.id).toBe(c.id);
    expect(again.json<Link>().conversation!.statements).toHaveLength(2);
    const seen = await member.get(mapUrl(w.id));
    expect(seen.status).toBe(200);
    expect(seen.json<Link>().conversation).toMatchObject({ id: c.id, joinCode: null });
  });

  it('lets a workshop participant in without joining again, once, and votes count', async () => {
    const w = await newWorkshop();
    const camille = await workshopParticipant(w.code, 'Camille');
    expect((await camille.enter()).status).toBe(404); // no map yet
    const c = (await owner.post(mapUrl(w.id), { statements: ['Une affirmation', 'Une autre'] })).json<Link>()
      .conversation!;
    const first = await camille.enter();
    expect(first.status).toBe(200);
    const j = first.json<Joined>();
    expect(j).toMatchObject({
      displayName: 'Camille',
      conversation: { statements: 2, isInputClosed: false },
    });
    // Another tab, a reload: the same participation, not a new voter.
    expect((await camille.enter()).json<Joined>().token).toBe(j.token);
    const anonymous = await workshopParticipant(w.code, null);
    const aj = (await anonymous.enter()).json<Joined>();
    expect(aj.displayName).toBeNull();
    expect(aj.token).not.toBe(j.token);

    const p = camille.as(j);
    const next = (await p.me()).next!;
    expect((await p.vote(next.id, 1)).status).toBe(200);
    expect(await p.me()).toMatchObject({ voted: 1, remaining: 1 });
    const after = (await owner.get(mapUrl(w.id))).json<Link>().conversation!;
    expect(after.participants).toBe(2);
    expect(after.statements.find((s) => s.id === next.id)!.agree).toBe(1);
    expect(c.id).toBe(after.id);
  });

  it('tells a participant whether the map is open with a 200 either way (no failing request to poll)', async () => {
    const w = await newWorkshop();
    const ana = await workshopParticipant(w.code, 'Ana');
    const client = testClient(app);
    const status = async (cookie: string) => {
      const r = await client.get(`/api/workshops/${w.id}/conversation`, { cookie });
      return [r.status, r.status === 200 ? r.json<{ isOpen: boolean }>().isOpen : null];
    };
    expect(await status(ana.cookie)).toEqual([200, false]);
    await owner.post(mapUrl(w.id), { statements: ['Une affirmation'] });
    expect(await status(ana.cookie)).toEqual([200, true]);
    expect(await status('')).toEqual([404, null]);
  });

  it('refuses people outside the workshop', async () => {
    const w = await newWorkshop();
    const other = await newWorkshop();
    await owner.post(mapUrl(w.id), { statements: ['Une affirmation'] });
    const stranger = testClient(app);
    const r = await stranger.post(`/api/workshops/${w.id}/conversation/join`, {});
    expect([r.status, r.json<ErrorBody>().error.code]).toEqual([404, 'NOT_FOUND']);
    // A participant of another workshop: their cookie is for that workshop only.
    const elsewhere = await workshopParticipant(other.code, 'Dominique');
    const cross = await elsewhere.enter(w.id);
    expect(cross.status).toBe(404);
    expect((await testClient(app).get(mapUrl(w.id))).status).toBe(401);
  });

  it('refuses input once the engagement is stopped, but still lets a participant see where they stand', async () => {
    const w = await newWorkshop();
    await owner.post(mapUrl(w.id), { statements: ['Une affirmation', 'Une autre'] });
    const early = await workshopParticipant(w.code, 'Alix');
    const late = await workshopParticipant(w.code, 'Bao');
    const j = (await early.enter()).json<Joined>();
    const p = early.as(j);
    const next = (await p.me()).next!;
    const stop = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'stopped',
      reason: 'Fin',
    });
    expect(stop.status).toBe(200);
    const vote = await p.vote(next.id, 1);
    expect([vote.status, vote.json<ErrorBody>().error.code]).toEqual([409, 'ENGAGEMENT_STOPPED']);
    const newcomer = await late.enter();
    expect([newcomer.status, newcomer.json<ErrorBody>().error.code]).toEqual([409, 'ENGAGEMENT_STOPPED']);
    const back = await early.enter();
    expect(back.status).toBe(200);
    expect(back.json<Joined>()).toMatchObject({ token: j.token, conversation: { isInputClosed: true } });
    expect((await p.me()).next).toBeNull();
    const opening = await owner.post(mapUrl((await newWorkshop()).id), {});
    expect(opening.status).toBe(409);
  });
});
