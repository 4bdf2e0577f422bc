import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Agenda = {
  id: string;
  start: string;
  end: string;
  totalMinutes: number;
  isOverTime: boolean;
  remainingMinutes: number | null;
  hasFacilitatorNotes: boolean;
  items: {
    id: string;
    kind: string;
    title: { fr: string; en: string };
    start: string;
    notes: string;
    liveActivity: string | null;
    workshopActivity: { workshopId: string; activityId: string } | null;
  }[];
  warnings: { code: string }[];
};

describe.each(testDialects)('agendas on $name', (dialect) => {
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
    orgId = await createOrg(owner, 'Atelier');
    member = (await addMember(app, owner, orgId, 'member')).client;
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Séminaire', request: 'Préparer' })
    ).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('builds an agenda with times, totals and warnings, then reorders it', async () => {
    const r = await owner.post(`/api/orgs/${orgId}/agendas`, {
      title: 'Matinée',
      engagementId,
      start: '09:00',
      availableMinutes: 60,
      items: [
        { kind: 'method', methodId: 'check-in-round', durationMinutes: 10, notes: 'Météo en un mot' },
        { kind: 'method', methodId: 'ls-1-2-4-all', durationMinutes: 20 },
        { kind: 'break', durationMinutes: 10 },
        { kind: 'custom', title: 'Synthèse', durationMinutes: 30, materials: ['Paperboard'] },
      ],
    });
    expect(r.status).toBe(200);
    const a = r.json<Agenda>();
    expect(a.totalMinutes).toBe(70);
    expect(a.end).toBe('10:10');
    expect(a.isOverTime).toBe(true);
    expect(a.remainingMinutes).toBe(-10);
    expect(a.warnings.map((w) => w.code)).toContain('OVER_AVAILABLE');
    expect(a.items[1]!.start).toBe('09:10');
    expect(a.items[0]!.title.en).toBe('Check-in round');

    const ids = a.items.map((i) => i.id);
    const reordered = await owner.post(`/api/orgs/${orgId}/agendas/${a.id}/reorder`, {
      itemIds: [ids[1], ids[0], ids[2], ids[3]],
    });
    expect(reordered.json<Agenda>().items.map((i) => i.id)).toEqual([ids[1], ids[0], ids[2], ids[3]]);
    expect(
      (await owner.post(`/api/orgs/${orgId}/agendas/${a.id}/reorder`, { itemIds: [ids[0]] })).status,
    ).toBe(400);

    const updated = await owner.request('PUT', `/api/orgs/${orgId}/agendas/${a.id}`, {
      availableMinutes: 90,
      start: '14:00',
    });
    expect(updated.json<Agenda>()).toMatchObject({ isOverTime: false, start: '14:00', end: '15:10' });
    expect(updated.json<Agenda>().items).toHaveLength(4);

    const timeline = (await owner.get(`/api/orgs/${orgId}/engagements/${engagementId}/timeline`)).json<{
      entries: { kind: string }[];
    }>();
    expect(timeline.entries.map((e) => e.kind)).toContain('agenda.reordered');
  });

  it('starts from a template scaled to the time available and rejects unknown methods', async () => {
    const templates = (await member.get(`/api/orgs/${orgId}/agenda-templates`)).json<{
      templates: { id: string }[];
    }>();
    expect(templates.templates.map((t) => t.id)).toContain('diverge-converge-decide');
    const r = await owner.post(`/api/orgs/${orgId}/agendas`, {
      title: 'Décider ensemble',
      start: '09:30',
      availableMinutes: 180,
      templateId: 'diverge-converge-decide',
      language: 'en',
    });
    expect(r.status).toBe(200);
    const a = r.json<Agenda>();
    expect(a.items.length).toBe(7);
    expect(a.items.some((i) => i.kind === 'break')).toBe(true);
    expect(Math.abs(a.totalMinutes - 180)).toBeLessThanOrEqual(5);
    const bad = await owner.post(`/api/orgs/${orgId}/agendas`, {
      title: 'X',
      start: '09:00',
      items: [{ kind: 'method', methodId: 'not-a-method', durationMinutes: 10 }],
    });
    expect(bad.status).toBe(400);
  });

  it('exports JSON, and gives members the participant version only', async () => {
    const a = (
      await owner.post(`/api/orgs/${orgId}/agendas`, {
        title: 'Après-midi',
        start: '13:30',
        items: [
          { kind: 'method', methodId: 'world-cafe', durationMinutes: 60, notes: 'Note animateur secrète' },
        ],
      })
    ).json<Agenda>();
    const fac = (
      await owner.get(`/api/orgs/${orgId}/agendas/${a.id}/export?version=facilitator&lang=en`)
    ).json<{
      format: string;
      version: number;
      items: { title: string; notes: string; materials: string[] }[];
      audience: string;
    }>();
    expect(fac).toMatchObject({ format: 'essaim.agenda', version: 1, audience: 'facilitator' });
    expect(fac.items[0]).toMatchObject({ title: 'World Café', notes: 'Note animateur secrète' });
    const part = await owner.get(`/api/orgs/${orgId}/agendas/${a.id}/export?version=participant`);
    expect(JSON.stringify(part.body)).not.toContain('Note animateur secrète');

    const asMember = await member.get(`/api/orgs/${orgId}/agendas/${a.id}`);
    expect(asMember.json<Agenda>().hasFacilitatorNotes).toBe(false);
    expect(JSON.stringify(asMember.body)).not.toContain('Note animateur secrète');
    const memberExport = await member.get(`/api/orgs/${orgId}/agendas/${a.id}/export?version=facilitator`);
    expect(JSON.stringify(memberExport.body)).not.toContain('Note animateur secrète');
    expect((await member.request('PUT', `/api/orgs/${orgId}/agendas/${a.id}`, { title: 'Non' })).status).toBe(
      403,
    );

    expect((await owner.del(`/api/orgs/${orgId}/agendas/${a.id}`)).status).toBe(200);
    expect((await owner.get(`/api/orgs/${orgId}/agendas/${a.id}`)).status).toBe(404);
  });

  it('refuses changes to an agenda of a stopped engagement', async () => {
    const e = (await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Arrêté', request: 'x' })).json<{
      id: string;
    }>();
    const a = (
      await owner.post(`/api/orgs/${orgId}/agendas`, {
        title: 'Plan',
        engagementId: e.id,
        start: '10:00',
        items: [],
      })
    ).json<Agenda>();
    await owner.post(`/api/orgs/${orgId}/engagements/${e.id}/status`, { status: 'stopped', reason: 'Fin' });
    const r = await owner.request('PUT', `/api/orgs/${orgId}/agendas/${a.id}`, { title: 'Plan 2' });
    expect(r.status).toBe(409);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('ENGAGEMENT_STOPPED');
  });

  it('turns a 1-2-4-All item into its whole sequence (pairs, fours, everyone, with timers), once', async () => {
    const e = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Atelier 1-2-4', request: 'x' })
    ).json<{ id: string }>();
    const a = (
      await owner.post(`/api/orgs/${orgId}/agendas`, {
        title: 'Ouverture',
        engagementId: e.id,
        start: '09:00',
        items: [
          { kind: 'method', methodId: 'check-in-round', durationMinutes: 10 },
          { kind: 'method', methodId: 'ls-1-2-4-all', durationMinutes: 15 },
          { kind: 'method', methodId: 'impact-effort-matrix', durationMinutes: 20 },
          { kind: 'method', methodId: 'hundred-points', durationMinutes: 10 },
        ],
      })
    ).json<Agenda & { items: { liveSequence: string[] }[] }>();
    expect(a.items.map((i) => i.liveActivity)).toEqual(['checkIn', 'groups', 'matrix', 'budget']);
    expect(a.items[1]!.liveSequence).toEqual(['timer', 'groups', 'timer', 'groups', 'timer', 'brainstorm']);
    const url = (itemId: string | undefined) =>
      `/api/orgs/${orgId}/agendas/${a.id}/items/${itemId}/workshop-activity`;
    const checkIn = (await owner.post(url(a.items[0]!.id), {})).json<{ workshopId: string }>();
    const body = { workshopId: checkIn.workshopId };
    const made = (await owner.post(url(a.items[1]!.id), body)).json<{
      activityId: string;
      activityIds: string[];
      isNewActivity: boolean;
    }>();
    expect(made.activityIds).toHaveLength(6);
    expect(made.activityId).toBe(made.activityIds[0]);
    expect(made.isNewActivity).toBe(true);
    // Twice: every step applied once.
    const again = (await owner.post(url(a.items[1]!.id), body)).json<typeof made>();
    expect(again).toMatchObject({ activityIds: made.activityIds, isNewActivity: false });
    expect((await owner.post(url(a.items[2]!.id), { ...body, items: ['A', 'B', 'C'] })).status).toBe(200);
    expect((await owner.post(url(a.items[3]!.id), { ...body, items: ['A', 'B'] })).status).toBe(200);

    const exported = (await owner.get(`/api/orgs/${orgId}/workshops/${checkIn.workshopId}/export`)).json<{
      activities: { id: string; type: string; title: string; config?: Record<string, unknown> }[];
    }>();
    expect(exported.activities.map((x) => x.type)).toEqual([
      'checkIn',
      'timer',
      'groups',
      'timer',
      'groups',
      'timer',
      'brainstorm',
      'matrix',
      'budget',
    ]);
    expect(exported.activities.map((x) => x.title).slice(1, 7)).toEqual([
      '1 — Chacun pour soi',
      '2 — Par deux',
      '2 — Échange par deux',
      '4 — Par quatre',
      '4 — Échange par quatre',
      'Tous — Ce qui ressort',
    ]);
  });

  it('turns an item whose method has a live activity into a workshop activity, once', async () => {
    const e = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Atelier live', request: 'x' })
    ).json<{
      id: string;
    }>();
    const a = (
      await owner.post(`/api/orgs/${orgId}/agendas`, {
        title: 'Atelier du matin',
        engagementId: e.id,
        start: '09:00',
        items: [
          { kind: 'method', methodId: 'brainstorming', durationMinutes: 20 },
          { kind: 'method', methodId: 'dot-voting', durationMinutes: 15 },
          { kind: 'method', methodId: 'affinity-mapping', durationMinutes: 15 },
          { kind: 'custom', title: 'Pause café', durationMinutes: 15 },
          { kind: 'method', methodId: 'fist-to-five', durationMinutes: 5, notes: 'Adopter le plan' },
        ],
      })
    ).json<Agenda>();
    expect(a.items.map((i) => i.liveActivity)).toEqual([
      'brainstorm',
      'dotVote',
      'cluster',
      null,
      'fistToFive',
    ]);
    const [brainstorm, vote, cluster, custom, fist] = a.items.map((i) => i.id);
    const url = (itemId: string | undefined) =>
      `/api/orgs/${orgId}/agendas/${a.id}/items/${itemId}/workshop-activity`;

    expect((await member.post(url(brainstorm), {})).status).toBe(403);
    expect((await owner.post(url(custom), {})).status).toBe(409);

    const first = await owner.post(url(brainstorm), {});
    expect(first.status).toBe(200);
    const made = first.json<{
      workshopId: string;
      activityId: string;
      isNewWorkshop: boolean;
      isNewActivity: boolean;
      consolePath: string;
    }>();
    expect(made).toMatchObject({ activityType: 'brainstorm', isNewWorkshop: true, isNewActivity: true });
    expect(made.consolePath).toBe(`/workshops/${made.workshopId}`);
    // Twice: the same command, applied once, in the same workshop.
    const again = (await owner.post(url(brainstorm), {})).json<typeof made>();
    expect(again).toMatchObject({
      workshopId: made.workshopId,
      activityId: made.activityId,
      isNewActivity: false,
    });

    // Later items go to the workshop named; the cluster sorts the brainstorm's cards.
    const body = { workshopId: made.workshopId };
    expect((await owner.post(url(vote), { ...body, items: ['Idée A', 'Idée B', 'Idée C'] })).status).toBe(
      200,
    );
    expect((await owner.post(url(cluster), body)).status).toBe(200);
    expect((await owner.post(url(fist), body)).status).toBe(200);

    const exported = (await owner.get(`/api/orgs/${orgId}/workshops/${made.workshopId}/export`)).json<{
      activities: { id: string; type: string; title: string }[];
    }>();
    expect(exported.activities.map((x) => x.type)).toEqual([
      'brainstorm',
      'dotVote',
      'cluster',
      'fistToFive',
    ]);
    expect(exported.activities[0]).toMatchObject({ id: made.activityId, title: 'Remue-méninges' });

    const view = (await owner.get(`/api/orgs/${orgId}/agendas/${a.id}`)).json<{
      items: { workshopActivity: { workshopId: string; activityId: string } | null }[];
    }>();
    expect(view.items[0]!.workshopActivity).toEqual({
      workshopId: made.workshopId,
      activityId: made.activityId,
    });
    // An edit that keeps the item keeps its link.
    const edited = (
      await owner.request('PUT', `/api/orgs/${orgId}/agendas/${a.id}`, {
        items: a.items
          .map((i) => ({ id: i.id, kind: 'custom', title: 'x', durationMinutes: 5 }))
          .slice(3, 4)
          .concat([
            { id: brainstorm, kind: 'method', methodId: 'brainstorming', durationMinutes: 25 } as never,
          ]),
      })
    ).json<{ items: { id: string; workshopActivity: unknown }[] }>();
    expect(edited.items.find((i) => i.id === brainstorm)?.workshopActivity).toMatchObject({
      workshopId: made.workshopId,
    });

    const timeline = (await owner.get(`/api/orgs/${orgId}/engagements/${e.id}/timeline`)).json<{
      entries: { kind: string }[];
    }>();
    expect(timeline.entries.filter((x) => x.kind === 'agenda.item-to-workshop')).toHaveLength(4);
    expect(timeline.entries.map((x) => x.kind)).toContain('workshop.created');

    await owner.post(`/api/orgs/${orgId}/engagements/${e.id}/status`, { status: 'paused', reason: 'Pause' });
    const paused = await owner.post(url(fist), {});
    expect(paused.status).toBe(409);
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('ENGAGEMENT_PAUSED');
  });

  it('asks for a brainstorm before a cluster', async () => {
    const a = (
      await owner.post(`/api/orgs/${orgId}/agendas`, {
        title: 'Tri',
        engagementId,
        start: '09:00',
        items: [{ kind: 'method', methodId: 'affinity-mapping', durationMinutes: 15 }],
      })
    ).json<Agenda>();
    const r = await owner.post(
      `/api/orgs/${orgId}/agendas/${a.id}/items/${a.items[0]!.id}/workshop-activity`,
      {},
    );
    expect(r.status).toBe(409);
    expect(r.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('noBrainstorm');
  });
});
