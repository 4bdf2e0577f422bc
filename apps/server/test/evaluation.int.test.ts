import type { EvaluationView, MyWorkshopFeedback, WorkshopFeedbackSummary } from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { personalDataContributors } from '../src/services/personal-data.ts';
import { addMember, createOrg, ORIGIN, setupAdmin, type TestClient } from './factories.ts';
import { samplePlan } from './fixtures/plans.fixture.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('evaluation on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
  let memberId: string;
  let orgId: string;
  let engagementId: string;
  let workshop: { id: string; code: string };

  const join = async (name: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: workshop.code.toLowerCase(), displayName: name },
      headers: { origin: ORIGIN },
    });
    expect(r.statusCode).toBe(200);
    const set = r.headers['set-cookie'];
    return ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] as string;
  };
  const feedback = (cookie: string, body: unknown) =>
    app.inject({
      method: 'POST',
      url: `/api/workshops/${workshop.id}/feedback`,
      payload: body as Record<string, unknown>,
      headers: { origin: ORIGIN, cookie },
    });
  const evaluation = async () =>
    (
      await owner.get(`/api/orgs/${orgId}/engagements/${engagementId}/evaluation?lang=fr`)
    ).json<EvaluationView>();

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Évaluer');
    ({ client: member, userId: memberId } = await addMember(app, owner, orgId, 'member'));
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Mesurer', request: 'Savoir' })
    ).json<{ id: string }>().id;
    workshop = (await owner.post(`/api/orgs/${orgId}/workshops`, { title: 'Atelier', engagementId })).json<{
      id: string;
      code: string;
    }>();
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('takes feedback from participants only, one per participant, and validates it', async () => {
    const cookie = await join('Ana');
    expect((await feedback(cookie, { usefulness: 6 })).statusCode).toBe(400);
    expect((await feedback('', { usefulness: 4 })).statusCode).toBe(403);
    expect((await feedback(cookie, { usefulness: 2, comment: 'bof' })).statusCode).toBe(204);
    expect((await feedback(cookie, { usefulness: 4, comment: 'utile' })).statusCode).toBe(204);
    const rows = await app.deps.database.db.selectFrom('workshop_feedback').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ usefulness: 4, comment: 'utile' });
  });

  it('shows feedback only from five answers, open answers only from ten, and says what cannot be concluded', async () => {
    let view = await evaluation();
    expect(view.feedback).toMatchObject({
      status: 'suppressed',
      respondents: null,
      mean: null,
      comments: [],
    });
    expect(view.findings.map((f) => f.code)).toEqual([
      'no-baseline',
      'feedback-below-threshold',
      'no-causal-claim',
    ]);
    for (let i = 0; i < 4; i++) {
      expect(
        (await feedback(await join(`P${i}`), { usefulness: 5, comment: `secret-${i}` })).statusCode,
      ).toBe(204);
    }
    view = await evaluation();
    expect(view.feedback).toMatchObject({
      status: 'shown',
      respondents: 5,
      mean: 4.8,
      commentsStatus: 'suppressed',
      comments: [],
    });
    expect(JSON.stringify(view)).not.toContain('secret-');
    expect(view.findings.map((f) => f.code)).toEqual(['no-baseline', 'no-causal-claim']);
    // Members do not read the evaluation (it carries the diagnostics' results).
    expect((await member.get(`/api/orgs/${orgId}/engagements/${engagementId}/evaluation`)).status).toBe(403);
  });

  it('gives a participant back their own answer and facilitators the workshop aggregate only', async () => {
    const cookie = await join('Bea');
    const mine = async () =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/workshops/${workshop.id}/feedback`,
          headers: { cookie },
        })
      ).json<MyWorkshopFeedback>();
    expect(await mine()).toMatchObject({ workshopTitle: 'Atelier', answer: null });
    expect((await feedback(cookie, { usefulness: 3, comment: 'moyen' })).statusCode).toBe(204);
    expect((await mine()).answer).toMatchObject({ usefulness: 3, comment: 'moyen' });
    const noCookie = await app.inject({ method: 'GET', url: `/api/workshops/${workshop.id}/feedback` });
    expect(noCookie.statusCode).toBe(403);

    const url = `/api/orgs/${orgId}/workshops/${workshop.id}/feedback`;
    const summary = (await owner.get(url)).json<WorkshopFeedbackSummary>();
    // Six answers so far (the first test's five and Bea's), only four with an open answer of the ten needed.
    expect(summary).toMatchObject({
      status: 'shown',
      respondents: 6,
      commentsStatus: 'suppressed',
      comments: [],
    });
    expect(summary.distribution.find((d) => d.value === 3)?.count).toBe(1);
    expect(JSON.stringify(summary)).not.toContain('moyen');
    // Members see workshop results but not the feedback (a facilitator's reading); other ids are 404.
    expect((await member.get(url)).status).toBe(403);
    expect((await owner.get(`/api/orgs/${orgId}/workshops/nope/feedback`)).status).toBe(404);
  });

  it('puts feedback given through a linked participation in the export, and erases it', async () => {
    const cookie = await join('Cléo');
    expect((await feedback(cookie, { usefulness: 1, comment: 'trop long pour moi' })).statusCode).toBe(204);
    const db = app.deps.database.db;
    // The participation is linked to the member's account (the person asked for it).
    const row = await db
      .selectFrom('participants')
      .select('id')
      .where('scope_id', '=', workshop.id)
      .where('display_name', '=', 'Cléo')
      .executeTakeFirstOrThrow();
    await db.updateTable('participants').set({ linked_user_id: memberId }).where('id', '=', row.id).execute();

    const exported = (await member.get('/api/me/export')).json<{ features: Record<string, unknown> }>();
    expect(exported.features['workshop-feedback']).toEqual([
      expect.objectContaining({ workshop: 'Atelier', usefulness: 1, comment: 'trop long pour moi' }),
    ]);

    // Erasure runs every contributor in order: the feedback is found before the link is dropped.
    const names = personalDataContributors().map((c) => c.name);
    expect(names.indexOf('workshop-feedback')).toBeLessThan(names.indexOf('workshops'));
    await db.transaction().execute(async (trx) => {
      for (const c of personalDataContributors()) {
        await c.erase(trx, memberId, orgId, 'anonymise');
      }
    });
    const kept = await db
      .selectFrom('workshop_feedback')
      .select(['usefulness', 'comment'])
      .where('participant_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ usefulness: 1, comment: null });

    await db.updateTable('participants').set({ linked_user_id: memberId }).where('id', '=', row.id).execute();
    await db.transaction().execute((trx) =>
      personalDataContributors()
        .find((c) => c.name === 'workshop-feedback')!
        .erase(trx, memberId, orgId, 'delete'),
    );
    expect(
      await db.selectFrom('workshop_feedback').select('id').where('participant_id', '=', row.id).execute(),
    ).toEqual([]);
  });

  it('puts adopted charters with commitment counts, plan progress and spread practices side by side', async () => {
    const eng = `/api/orgs/${orgId}/engagements/${engagementId}`;
    let view = await evaluation();
    expect(view).toMatchObject({ charters: [], plan: null, practices: [] });

    // A charter adopted, one member committed (a count only: no name leaves).
    const charterId = (await owner.post(`${eng}/charters`, { title: 'Charte d’équipe', kind: 'team' })).json<{
      id: string;
    }>().id;
    const adoption = (
      await owner.post(`${eng}/charters/${charterId}/adoption`, {
        name: 'Signée',
        rule: 'consent',
        participantCount: 4,
      })
    ).json<{ contentHash: string }>();
    expect(
      (
        await member.post(`${eng}/charters/${charterId}/commitments`, {
          state: 'committed',
          versionHash: adoption.contentHash,
        })
      ).status,
    ).toBe(200);

    // A plan: one milestone done, one indicator re-measured (40 → 50 of 60), one measured once only.
    const doc = samplePlan();
    doc.milestones[0]!.status = 'done';
    doc.indicators.push({
      ...doc.indicators[0]!,
      id: 'i2',
      name: 'Remesuré',
      points: [
        { at: '2027-01-01', value: 40 },
        { at: '2027-03-01', value: 50 },
      ],
    });
    expect((await owner.request('PUT', `${eng}/plan`, { version: 0, document: doc })).status).toBe(200);

    // A practice spread to two collectives, adopted by one.
    const collectives: string[] = [];
    for (const name of ['Équipe A', 'Équipe B']) {
      collectives.push(
        (await owner.post(`/api/orgs/${orgId}/collectives`, { name, kind: 'team' })).json<{ id: string }>()
          .id,
      );
    }
    const plan = (
      await owner.post(`/api/orgs/${orgId}/pollination/plans`, {
        title: 'Diffuser les binômes',
        practice: 'Binômes',
        engagementId,
        collectiveIds: collectives,
      })
    ).json<{ id: string }>();
    const report = (collectiveId: string, stage: string, date: string) =>
      owner.post(`/api/orgs/${orgId}/pollination/plans/${plan.id}/adoption`, { collectiveId, stage, date });
    expect((await report(collectives[0]!, 'trying', '2027-01-20')).status).toBe(200);
    expect((await report(collectives[0]!, 'adopted', '2027-03-01')).status).toBe(200);

    view = await evaluation();
    expect(view.charters).toEqual([
      expect.objectContaining({
        title: 'Charte d’équipe',
        version: 1,
        committed: 1,
        declined: 0,
        withdrawn: 0,
      }),
    ]);
    expect(view.plan?.milestones).toEqual(
      expect.arrayContaining([
        { status: 'done', count: 1 },
        { status: 'planned', count: 1 },
      ]),
    );
    expect(view.plan?.indicators).toEqual([
      expect.objectContaining({ id: 'i1', baseline: 40, target: 60, latest: 40, measures: 1, progress: 0 }),
      expect.objectContaining({ id: 'i2', latest: 50, measures: 2, progress: 0.5 }),
    ]);
    expect(view.practices).toEqual([expect.objectContaining({ practice: 'Binômes', collectives: 2 })]);
    const stages = Object.fromEntries(view.practices[0]!.stages.map((s) => [s.stage, s.count]));
    expect(stages).toMatchObject({ adopted: 1, not_aware: 1, trying: 0 });
    expect(view.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'indicator-not-remeasured', subject: 'Alpha secret indicator' }),
        expect.objectContaining({ code: 'indicator-progressed', subject: 'Remesuré', delta: 0.5 }),
        expect.objectContaining({ code: 'practice-adopted', subject: 'Binômes', delta: 1 }),
      ]),
    );
    expect(view.findings.at(-1)?.code).toBe('no-causal-claim');
    // Counts only: the member who committed is not named.
    expect(JSON.stringify(view)).not.toContain(memberId);
  });
});
