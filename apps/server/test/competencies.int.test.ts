import type {
  CompetencyAssessment,
  CompetencyEvidenceItem,
  CompetencyFeedbackReport,
  CompetencyGoal,
} from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/** Consultant self-assessment (issue 19) through the HTTP API, on every dialect. */
describe.each(testDialects)('competencies on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let consultant: TestClient;
  let colleague: TestClient;
  let orgId: string;
  let engagementId: string;
  let evidence: CompetencyEvidenceItem[];

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    consultant = (await setupAdmin(app)).client;
    orgId = await createOrg(consultant, 'Cabinet Trame');
    colleague = (await addMember(app, consultant, orgId, 'facilitator')).client;
    engagementId = (
      await consultant.post(`/api/orgs/${orgId}/engagements`, { title: 'Coopérer', request: 'Les services' })
    ).json<{ id: string }>().id;
    const base = `/api/orgs/${orgId}/engagements/${engagementId}`;
    expect((await consultant.request('PUT', `${base}/phases/listen`, { status: 'done' })).status).toBe(200);
    expect(
      (
        await consultant.post(`${base}/method-choices`, {
          methodId: 'world-cafe',
          reason: 'Le groupe',
          decidedBy: 'group',
        })
      ).status,
    ).toBe(200);
    expect((await consultant.post(`${base}/status`, { status: 'paused', reason: 'Tensions' })).status).toBe(
      200,
    );
    expect((await consultant.post(`${base}/status`, { status: 'active', reason: 'Reprise' })).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('pulls evidence from the engagements the consultant facilitated, and only theirs', async () => {
    const r = await consultant.get('/api/me/competencies/evidence');
    expect(r.status).toBe(200);
    evidence = r.json<{ items: CompetencyEvidenceItem[] }>().items;
    const kinds = evidence.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['engagement-led', 'phases-completed', 'method-used', 'stop-control']),
    );
    const stop = evidence.find((e) => e.kind === 'stop-control')!;
    expect(stop.figures.status).toBe('paused');
    expect(stop.orgName).toBe('Cabinet Trame');
    const chosen = evidence.find((e) => e.kind === 'method-used')!;
    expect(chosen.competencyIds).toContain('method-choice');
    // The colleague led nothing: no evidence.
    expect((await colleague.get('/api/me/competencies/evidence')).json<{ items: unknown[] }>().items).toEqual(
      [],
    );
  });

  let assessmentId: string;

  it('stores a self-assessment citing evidence, refuses unknown competencies or evidence, changes nothing then', async () => {
    const bad = await consultant.post('/api/me/competencies/assessments', {
      ratings: [{ competencyId: 'juggling', level: 2 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    const forged = await consultant.post('/api/me/competencies/assessments', {
      ratings: [{ competencyId: 'presence', level: 2, evidenceKeys: ['engagement:not-mine'] }],
    });
    expect(forged.status).toBe(400);
    const twice = await consultant.post('/api/me/competencies/assessments', {
      ratings: [
        { competencyId: 'presence', level: 2 },
        { competencyId: 'presence', level: 3 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(
      (await consultant.get('/api/me/competencies/assessments')).json<{ assessments: unknown[] }>()
        .assessments,
    ).toEqual([]);
    const stopKey = evidence.find((e) => e.kind === 'stop-control')!.key;
    const created = await consultant.post('/api/me/competencies/assessments', {
      title: 'Décembre',
      ratings: [
        { competencyId: 'stop-and-adapt', level: 3, evidenceKeys: [stopKey], note: 'Pause pour tensions' },
        {
          competencyId: 'method-choice',
          level: 2,
          ownEvidence: [{ kind: 'certificate', text: 'Formation ToP' }],
        },
        { competencyId: 'process-design', level: 3 },
      ],
    });
    expect(created.status).toBe(200);
    const a = created.json<CompetencyAssessment>();
    assessmentId = a.id;
    expect(a.ratings[0]!.evidence.map((e) => e.key)).toEqual([stopKey]);
    expect(a.facilitatorLevel).toBe(2);
  });

  it('keeps a self-assessment private to its author until shared, and the share can be withdrawn', async () => {
    expect((await colleague.get(`/api/me/competencies/assessments/${assessmentId}`)).status).toBe(404);
    expect(
      (
        await colleague.request('PUT', `/api/me/competencies/assessments/${assessmentId}`, {
          ratings: [{ competencyId: 'presence', level: 1 }],
        })
      ).status,
    ).toBe(404);
    expect(
      (await colleague.get('/api/me/competencies/assessments')).json<{ assessments: unknown[] }>()
        .assessments,
    ).toEqual([]);
    const coverage = () => colleague.get(`/api/orgs/${orgId}/competencies/coverage`);
    expect((await coverage()).json<{ members: unknown[] }>().members).toEqual([]);
    const shared = await consultant.post(`/api/me/competencies/assessments/${assessmentId}/shares`, {
      orgId,
    });
    expect(shared.status).toBe(200);
    const members = (await coverage()).json<{
      members: { facilitatorLevel: number; levels: Record<string, number> }[];
    }>().members;
    expect(members).toHaveLength(1);
    expect(members[0]!.facilitatorLevel).toBe(2);
    expect(members[0]!.levels['stop-and-adapt']).toBe(3);
    // Coverage shows levels, never the notes or evidence.
    expect(JSON.stringify(members)).not.toContain('Pause pour tensions');
    // Sharing with an organisation one does not belong to is refused (404: its existence is not confirmed).
    const otherOrg = await createOrg(colleague, 'Other firm');
    expect(
      (await consultant.post(`/api/me/competencies/assessments/${assessmentId}/shares`, { orgId: otherOrg }))
        .status,
    ).toBe(404);
    expect(
      (await consultant.del(`/api/me/competencies/assessments/${assessmentId}/shares/${orgId}`)).status,
    ).toBe(200);
    expect((await coverage()).json<{ members: unknown[] }>().members).toEqual([]);
  });

  it('gives the recommender a facilitator level only with the consultant’s permission', async () => {
    const level = () => consultant.get('/api/me/competencies/facilitator-level');
    expect((await level()).json()).toEqual({ permitted: false, level: null, assessedAt: null });
    expect(
      (await consultant.request('PUT', '/api/me/competencies/settings', { useLevelInRecommender: true }))
        .status,
    ).toBe(200);
    expect((await level()).json()).toMatchObject({ permitted: true, level: 2 });
  });

  it('aggregates feedback by link only once a round is closed, with k = 5 for scores and 10 for comments', async () => {
    const created = await consultant.post('/api/me/competencies/feedback-rounds', {
      title: 'Retours séminaire',
      competencyIds: ['presence', 'method-choice'],
      invitees: Array.from({ length: 6 }, (_, i) => ({
        label: `Personne ${i}`,
        relation: i < 2 ? 'client' : 'participant',
      })),
    });
    expect(created.status).toBe(200);
    const { round, links } = created.json<{ round: { id: string }; links: { link: string }[] }>();
    expect(links).toHaveLength(6);
    const anonymous = testClient(app);
    const tokens = links.map((l) => l.link.split('/feedback/')[1]!);
    const form = await anonymous.get(`/api/feedback/${tokens[0]}`);
    expect(form.json()).toMatchObject({
      status: 'open',
      relation: 'client',
      competencyIds: ['presence', 'method-choice'],
    });
    expect(
      (await anonymous.post(`/api/feedback/${tokens[0]}`, { ratings: { juggling: 3 }, comment: '' })).status,
    ).toBe(400);
    for (let i = 0; i < 5; i++) {
      const r = await anonymous.post(`/api/feedback/${tokens[i]}`, {
        ratings: { presence: 2 + (i % 2), 'method-choice': i === 0 ? null : 3 },
        comment: `Commentaire individuel ${i}`,
      });
      expect(r.status).toBe(200);
    }
    expect((await anonymous.post(`/api/feedback/${tokens[0]}`, { ratings: { presence: 1 } })).status).toBe(
      409,
    );
    expect((await anonymous.get(`/api/feedback/${tokens[0]}`)).json()).toMatchObject({ status: 'answered' });
    const path = `/api/me/competencies/feedback-rounds/${round.id}`;
    const open = (await consultant.get(path)).json<CompetencyFeedbackReport>();
    expect(open.round).toMatchObject({ status: 'open', invited: 6, answered: 5 });
    expect(open.cuts).toEqual([]);
    expect((await colleague.get(path)).status).toBe(404);
    expect((await consultant.post(`${path}/close`)).status).toBe(200);
    expect((await anonymous.post(`/api/feedback/${tokens[5]}`, { ratings: { presence: 4 } })).status).toBe(
      409,
    );
    const report = (await consultant.get(path)).json<CompetencyFeedbackReport>();
    const whole = report.cuts[0]!;
    expect(whole).toMatchObject({ relation: null, status: 'shown', n: 5 });
    expect(whole.competencies[0]).toMatchObject({
      competencyId: 'presence',
      status: 'shown',
      n: 5,
      mean: 2.4,
    });
    expect(whole.competencies[1]).toMatchObject({
      competencyId: 'method-choice',
      status: 'suppressed',
      n: null,
    });
    expect(whole.comments).toMatchObject({ status: 'suppressed', reason: 'below-minimum', n: null });
    expect(report.cuts.find((c) => c.relation === 'client')).toMatchObject({ status: 'suppressed', n: null });
    // Participants (3) are below k, so the whole minus clients cannot reveal anything either.
    expect(report.cuts.find((c) => c.relation === 'participant')).toMatchObject({ status: 'suppressed' });
    expect(JSON.stringify(report)).not.toContain('Commentaire individuel');
  });

  it('lets a chosen peer review the self-assessment with its evidence, once', async () => {
    const r = await consultant.post(`/api/me/competencies/assessments/${assessmentId}/supervisions`, {
      peerName: 'Marc',
      message: 'Peux-tu relire ?',
    });
    const token = r.json<{ link: string }>().link.split('/supervision/')[1]!;
    const peer = testClient(app);
    const view = await peer.get(`/api/supervision/${token}`);
    expect(view.status).toBe(200);
    expect(view.json<{ assessment: CompetencyAssessment }>().assessment.ratings[0]!.evidence).toHaveLength(1);
    expect((await peer.post(`/api/supervision/${token}`, { review: 'Preuves solides.' })).status).toBe(200);
    expect((await peer.post(`/api/supervision/${token}`, { review: 'Encore.' })).status).toBe(409);
    const mine = (
      await consultant.get(`/api/me/competencies/assessments/${assessmentId}`)
    ).json<CompetencyAssessment>();
    expect(mine.supervisions[0]).toMatchObject({ peerName: 'Marc', review: 'Preuves solides.' });
    expect((await peer.get(`/api/supervision/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('tracks development goals against the latest level and the methods practised', async () => {
    const r = await consultant.post('/api/me/competencies/goals', {
      competencyId: 'method-choice',
      targetLevel: 3,
      practiceMethodIds: ['world-cafe', 'open-space-technology'],
      dueOn: '2027-06-30',
    });
    expect(r.status).toBe(200);
    const goal = r.json<{ goals: CompetencyGoal[] }>().goals[0]!;
    expect(goal.progress).toMatchObject({
      currentLevel: 2,
      isLevelReached: false,
      practised: ['world-cafe'],
    });
    expect(goal.progress.ratio).toBeCloseTo(1 / 3);
    expect(
      (
        await consultant.post('/api/me/competencies/goals', {
          competencyId: 'method-choice',
          targetLevel: 3,
          practiceMethodIds: ['no-such'],
        })
      ).status,
    ).toBe(400);
    expect(
      (await colleague.patch(`/api/me/competencies/goals/${goal.id}`, { status: 'dropped' })).status,
    ).toBe(404);
    const done = await consultant.patch(`/api/me/competencies/goals/${goal.id}`, { status: 'achieved' });
    expect(done.json<{ goals: CompetencyGoal[] }>().goals[0]!.status).toBe('achieved');
  });

  it('exports a PDF portfolio', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/me/competencies/portfolio.pdf?lang=fr',
      headers: { cookie: consultant.cookie ?? '' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.rawPayload.length).toBeGreaterThan(2000);
  });
});
