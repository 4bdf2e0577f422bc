import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { customMethodBody } from './fixtures/methods.fixture.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type MethodList = { methods: { id: string; origin: string; noteCount: number }[]; total: number };
type Reco = {
  options: {
    rank: number;
    method: { id: string };
    score: number;
    breakdown: unknown[];
    warnings: { code: string }[];
  }[];
  notices: { code: string }[];
  isChoiceForGroup: boolean;
  cynefin: string | null;
  cynefinSource: string;
  trustSource: string;
};

describe.each(testDialects)('method library and recommendations on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let sponsor: TestClient;
  let member: TestClient;
  let orgId: string;
  let engagementId: string;
  let questionId: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Bibliothèque');
    sponsor = (await addMember(app, owner, orgId, 'sponsor')).client;
    member = (await addMember(app, owner, orgId, 'member')).client;
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Coopérer', request: 'Se parler' });
    engagementId = e.json<{ id: string }>().id;
    const q = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/questions`, {
      text: 'Comment coopérer entre services ?',
    });
    questionId = q.json<{ questions: { id: string }[] }>().questions[0]!.id;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('lists the whole catalogue and searches it without accents, in French and English', async () => {
    const all = (await member.get(`/api/orgs/${orgId}/methods`)).json<MethodList>();
    expect(all.total).toBeGreaterThanOrEqual(80);
    const fr = (await member.get(`/api/orgs/${orgId}/methods?q=debat`)).json<MethodList>();
    expect(fr.methods.map((m) => m.id)).toContain('debat-mouvant');
    const en = (await member.get(`/api/orgs/${orgId}/methods?q=cafe&lang=en`)).json<MethodList>();
    expect(en.methods.map((m) => m.id)).toContain('world-cafe');
    const filtered = (
      await member.get(
        `/api/orgs/${orgId}/methods?families=decide,converge&mode=online&maxSkill=1&groupSize=8`,
      )
    ).json<MethodList>();
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(all.total);
    const bad = await member.get(`/api/orgs/${orgId}/methods?families=nonsense`);
    expect(bad.status).toBe(400);
  });

  it('shows one method with source and credit, and 404 for an unknown one', async () => {
    const r = await member.get(`/api/orgs/${orgId}/methods/ls-1-2-4-all`);
    expect(r.status).toBe(200);
    const d = r.json<{
      method: { name: { fr: string; en: string }; credit: string };
      canSeeNotes: boolean;
    }>();
    expect(d.method.credit).toMatch(/Lipmanowicz/);
    expect(d.canSeeNotes).toBe(false);
    expect((await member.get(`/api/orgs/${orgId}/methods/no-such-method`)).status).toBe(404);
  });

  it('keeps custom methods and private notes inside the organisation, managed by facilitators', async () => {
    expect((await member.post(`/api/orgs/${orgId}/methods`, customMethodBody)).status).toBe(403);
    const created = await owner.post(`/api/orgs/${orgId}/methods`, {
      ...customMethodBody,
      name: { fr: 'Cercle des réussites', en: '' },
    });
    expect(created.status).toBe(200);
    const id = created.json<{ method: { id: string; name: { en: string }; origin: string } }>().method.id;
    const shown = created.json<{ method: { name: { en: string }; origin: string } }>().method;
    expect(shown.origin).toBe('custom');
    expect(shown.name.en).toBe('Cercle des réussites');
    const search = (await member.get(`/api/orgs/${orgId}/methods?q=reussites`)).json<MethodList>();
    expect(search.methods[0]?.id).toBe(id);

    const patched = await owner.patch(`/api/orgs/${orgId}/methods/${id}`, { trustRequired: 4 });
    expect(
      patched.json<{ method: { trustRequired: number; purpose: { fr: string } } }>().method,
    ).toMatchObject({
      trustRequired: 4,
      purpose: { fr: 'Un usage interne.' },
    });

    const note = await owner.post(`/api/orgs/${orgId}/methods/world-cafe/notes`, {
      kind: 'variant',
      title: 'En ligne',
      body: 'Salles de sous-groupes de 4, 3 tours de 12 minutes.',
    });
    expect(note.status).toBe(200);
    const noteId = note.json<{ notes: { id: string }[] }>().notes[0]!.id;
    const asOwner = (await owner.get(`/api/orgs/${orgId}/methods/world-cafe`)).json<{ notes: unknown[] }>();
    expect(asOwner.notes).toHaveLength(1);
    const asMember = (await member.get(`/api/orgs/${orgId}/methods/world-cafe`)).json<{ notes: unknown[] }>();
    expect(asMember.notes).toHaveLength(0);
    expect(
      (
        await owner.patch(`/api/orgs/${orgId}/methods/world-cafe/notes/${noteId}`, {
          body: 'Tours de 10 min.',
        })
      ).json<{
        notes: { body: string }[];
      }>().notes[0]!.body,
    ).toBe('Tours de 10 min.');
    // A note id only works with its own method.
    expect((await owner.del(`/api/orgs/${orgId}/methods/ls-1-2-4-all/notes/${noteId}`)).status).toBe(404);
    expect((await owner.del(`/api/orgs/${orgId}/methods/world-cafe/notes/${noteId}`)).status).toBe(200);

    // Another organisation never sees them.
    const other = await createOrg(owner, 'Autre');
    expect((await owner.get(`/api/orgs/${other}/methods/${id}`)).status).toBe(404);
    expect((await owner.get(`/api/orgs/${other}/methods?origin=custom`)).json<MethodList>().total).toBe(0);
    expect((await owner.del(`/api/orgs/${orgId}/methods/${id}`)).status).toBe(200);
    expect((await owner.get(`/api/orgs/${orgId}/methods/${id}`)).status).toBe(404);
  });

  it('recommends several explained options, using the question’s assessed Cynefin domain', async () => {
    const request = {
      questionId,
      cynefin: 'clear',
      groupSize: 12,
      minutesAvailable: 60,
      mode: 'onsite',
      trustLevel: 2,
      facilitatorLevel: 1,
      urgency: 'medium',
    };
    const before = (
      await sponsor.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-recommendations`, request)
    ).json<Reco>();
    expect(before.cynefin).toBe('clear');
    expect(before.cynefinSource).toBe('declared');
    expect(before.trustSource).toBe('declared');
    expect(before.options.length).toBeGreaterThanOrEqual(3);
    expect(before.isChoiceForGroup).toBe(true);
    expect(before.notices.map((n) => n.code)).toContain('CHOICE_BELONGS_TO_GROUP');

    await owner.request(
      'PUT',
      `/api/orgs/${orgId}/engagements/${engagementId}/questions/${questionId}/complexity`,
      {
        answers: { causeEffect: 'hindsight', agreement: 'low', precedent: 'never', urgency: 'normal' },
      },
    );
    const after = (
      await sponsor.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-recommendations`, request)
    ).json<Reco>();
    expect(after.cynefinSource).toBe('question');
    expect(after.cynefin).toBe('complex');
    for (const o of after.options) {
      expect(o.breakdown.length).toBe(8);
    }
    // Trust 2 declared: methods that need more carry the warning.
    const trusting = after.options.filter((o) => o.warnings.some((w) => w.code === 'TRUST_ABOVE_COLLECTIVE'));
    expect(trusting.every((o) => o.warnings.length > 0)).toBe(true);
    const unknownQ = await sponsor.post(
      `/api/orgs/${orgId}/engagements/${engagementId}/method-recommendations`,
      {
        ...request,
        questionId: 'nope',
      },
    );
    expect(unknownQ.status).toBe(404);
  });

  it('records the choice on the timeline as the group’s or sponsor’s, and guards a paused engagement', async () => {
    const request = {
      questionId,
      groupSize: 12,
      minutesAvailable: 60,
      mode: 'onsite',
      trustLevel: 3,
      facilitatorLevel: 2,
    };
    const reco = (
      await sponsor.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-recommendations`, request)
    ).json<Reco>();
    const second = reco.options[1]!.method.id;
    expect(
      (
        await member.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-choices`, {
          methodId: second,
          reason: 'x',
          decidedBy: 'group',
        })
      ).status,
    ).toBe(403);
    const r = await sponsor.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-choices`, {
      methodId: second,
      reason: 'Le groupe préfère commencer en petits groupes.',
      decidedBy: 'sponsor',
      request,
    });
    expect(r.status).toBe(200);
    const choice = r.json<{ choices: { id: string; proposedRank: number | null; recordedBy: string }[] }>()
      .choices[0]!;
    expect(choice.proposedRank).toBe(2);
    expect(choice.recordedBy).toBe('sponsor person');

    // The group may choose a method that was not proposed at all.
    const offList = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-choices`, {
      methodId: 'citizens-assembly',
      reason: 'Décision du groupe',
      decidedBy: 'group',
      request,
    });
    expect(
      offList.json<{ choices: { proposedRank: number | null }[] }>().choices[0]!.proposedRank,
    ).toBeNull();

    const timeline = (await member.get(`/api/orgs/${orgId}/engagements/${engagementId}/timeline`)).json<{
      entries: { kind: string; objectKind: string; data: Record<string, unknown> }[];
    }>();
    const entry = timeline.entries.find(
      (e) => e.kind === 'methods.choice_recorded' && e.data.decidedBy === 'sponsor',
    );
    expect(entry?.data).toMatchObject({
      methodId: second,
      statement: 'CHOICE_BELONGS_TO_GROUP',
      reason: 'Le groupe préfère commencer en petits groupes.',
    });

    // A chosen method can be trace-linked.
    const link = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/links`, {
      from: { kind: 'question', id: questionId },
      to: { kind: 'method', id: choice.id },
      relation: 'informs',
    });
    expect(link.status).toBe(200);
    expect(link.json<{ links: { to: { label: string } }[] }>().links[0]!.to.label).toBeTruthy();

    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'paused',
      reason: 'Pause',
    });
    const paused = await sponsor.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-choices`, {
      methodId: second,
      reason: 'Encore',
      decidedBy: 'sponsor',
    });
    expect(paused.status).toBe(409);
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('ENGAGEMENT_PAUSED');
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'active',
      reason: 'Reprise',
    });
  });
});
