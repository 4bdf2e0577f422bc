import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { sweepDecisionReminders } from '../src/services/decision-notifications.service.ts';
import { personalDataContributors } from '../src/services/personal-data.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { sampleMap } from './fixtures/decisions.fixture.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type View = {
  id: string;
  recordId: string;
  version: number;
  status: string;
  tally: { outcome: string; counts: Record<string, number>; winners: string[] } | null;
  positions: { id: string; participant: string | null; value: string; reason: string | null }[];
  objections: {
    id: string;
    objector: string | null;
    status: string;
    reason: string;
    integration: string | null;
  }[];
  me: { canTakePosition: boolean };
};
type Record_ = {
  id: string;
  source: string;
  status: string;
  rule: string | null;
  version: number;
  reviewOn: string | null;
  objections: { status: string; integration: string | null; participant: string | null }[];
  positions: { participant: string | null }[];
};

const inDays = (d: number) => new Date(Date.now() + d * 24 * 3600 * 1000).toISOString();

describe.each(testDialects)('decisions and governance on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
  let observer: TestClient;
  let orgId: string;
  let engagementId: string;
  let eng: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Cercle');
    member = (await addMember(app, owner, orgId, 'member')).client;
    observer = (await addMember(app, owner, orgId, 'observer')).client;
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, {
      title: 'Gouvernance',
      request: 'Décider mieux',
    });
    engagementId = e.json<{ id: string }>().id;
    eng = `/api/orgs/${orgId}/engagements/${engagementId}`;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('recommends at least three rules and records the group’s choice of rule as a decision', async () => {
    const reco = await member.post(`${eng}/decision-rules/recommendations`, {
      groupSize: 8,
      trustLevel: 1,
      urgency: 'low',
      reversibility: 'irreversible',
      stakes: 'high',
    });
    expect(reco.status).toBe(200);
    const body = reco.json<{ options: { rule: string; warnings: string[] }[]; isChoiceForGroup: boolean }>();
    expect(body.options.length).toBeGreaterThanOrEqual(3);
    expect(body.isChoiceForGroup).toBe(true);
    expect(
      (
        await member.post(`${eng}/decision-rules/choice`, {
          rule: 'consent',
          reason: 'x',
          decidedBy: 'group',
        })
      ).status,
    ).toBe(403);
    const chosen = await owner.post(`${eng}/decision-rules/choice`, {
      rule: 'consent',
      reason: 'Safe enough to try',
      decidedBy: 'group',
    });
    expect(chosen.status).toBe(200);
    const list = (await owner.get(`${eng}/proposals`)).json<{ currentRule: string }>();
    expect(list.currentRule).toBe('consent');
    const reg = (await owner.get(`${eng}/decisions?source=rule_choice`)).json<{ decisions: Record_[] }>();
    expect(reg.decisions).toHaveLength(1);
  });

  it('runs the consent loop: reasoned objection → amendment → consent → review date, with history', async () => {
    const created = await owner.post(`${eng}/proposals`, {
      title: 'Budget autonome',
      text: 'Chaque équipe gère 5 k€.',
      rule: 'consent',
      deadline: inDays(3),
    });
    expect(created.status).toBe(200);
    const p = created.json<{ proposal: View }>().proposal;
    const url = `${eng}/proposals/${p.id}`;
    // An objection without its reason is refused and changes nothing.
    const unreasoned = await member.post(`${url}/positions`, { value: 'object' });
    expect(unreasoned.status).toBe(400);
    const objected = await member.post(`${url}/positions`, {
      value: 'object',
      reason: 'Pas de garde-fou pour les achats',
    });
    expect(objected.status).toBe(200);
    // Observers cannot take a position (not eligible).
    expect((await observer.post(`${url}/positions`, { value: 'consent' })).status).toBe(403);
    await owner.post(`${url}/positions`, { value: 'consent' });
    let v = (await owner.get(url)).json<View>();
    expect(v.tally?.outcome).toBe('pending');
    const objection = v.objections.find((o) => o.status === 'open')!;
    expect(objection.objector).not.toBeNull();
    // Closing with an open objection never passes.
    const amended = await owner.post(`${url}/amendments`, {
      text: 'Chaque équipe gère 5 k€, achats > 1 k€ avec deux signatures.',
      note: 'Intègre le garde-fou',
      integrates: [{ objectionId: objection.id, integration: 'Deux signatures au-delà de 1 k€' }],
    });
    expect(amended.status).toBe(200);
    v = amended.json<View>();
    expect(v.version).toBe(2);
    expect(v.positions).toHaveLength(0); // the round re-opened
    expect(v.objections[0]!.status).toBe('integrated');
    await member.post(`${url}/positions`, { value: 'consent' });
    await owner.post(`${url}/positions`, { value: 'consent' });
    const noReview = await owner.post(`${url}/close`, { outcomeStatement: 'Adopté' });
    expect(noReview.status).toBe(400);
    const closed = await owner.post(`${url}/close`, { outcomeStatement: 'Adopté', reviewOn: '2027-03-01' });
    expect(closed.status).toBe(200);
    const record = (await owner.get(`/api/orgs/${orgId}/decisions/${p.recordId}`)).json<{
      decision: Record_;
      history: { version: number }[];
    }>();
    expect(record.decision.status).toBe('passed');
    expect(record.decision.version).toBe(2);
    expect(record.decision.reviewOn).toBe('2027-03-01');
    expect(record.decision.objections[0]!.integration).toBe('Deux signatures au-delà de 1 k€');
    expect(record.history.map((h) => h.version)).toEqual([1, 2]);
    // Re-open for review: a new round, record marked as under review.
    const review = await owner.post(`${url}/review`, { note: 'Bilan', deadline: inDays(2) });
    expect(review.json<View>().status).toBe('open');
    const again = (await owner.get(`/api/orgs/${orgId}/decisions/${p.recordId}`)).json<{
      decision: Record_;
    }>();
    expect(again.decision.status).toBe('review');
  });

  it('never returns who voted what on an anonymous proposal, and hides results until close', async () => {
    const created = await owner.post(`${eng}/proposals`, {
      title: 'Vote secret',
      text: 'Garder le local ?',
      rule: 'consensus',
      deadline: inDays(3),
      isAnonymous: true,
      hideResults: true,
      invitees: ['Invitée Zoé'],
    });
    const { proposal, invites } = created.json<{
      proposal: View;
      invites: { name: string; token: string }[];
    }>();
    const url = `${eng}/proposals/${proposal.id}`;
    await member.post(`${url}/positions`, { value: 'block', reason: 'Trop cher pour nous' });
    const token = invites[0]!.token;
    const ballot = `/api/proposals/${proposal.id}/ballot`;
    expect((await owner.get(ballot, { 'x-participant-token': 'y'.repeat(43) })).status).toBe(401);
    const phone = await owner.post(ballot, { value: 'agree' }, { 'x-participant-token': token });
    expect(phone.status).toBe(200);
    expect(phone.json<{ tally: unknown }>().tally).toBeNull();
    let v = (await owner.get(url)).json<View>();
    expect(v.tally).toBeNull();
    expect(v.positions).toEqual([]);
    expect(v.objections.every((o) => o.objector === null)).toBe(true);
    await owner.post(`${url}/close`, { outcomeStatement: 'Bloqué' });
    v = (await owner.get(url)).json<View>();
    expect(v.tally?.outcome).toBe('rejected');
    expect(v.positions.every((p) => p.participant === null)).toBe(true);
    // Who was invited is known to the facilitator; who voted what is never returned.
    const text = JSON.stringify([
      { ...v, invitees: [] },
      (await owner.get(`/api/orgs/${orgId}/decisions/${proposal.recordId}`)).body,
      (await owner.get(`/api/orgs/${orgId}/decisions/export?format=json&rule=consensus`)).body,
      (await owner.get(`/api/orgs/${orgId}/decisions/export?rule=consensus`)).body,
    ]);
    expect(text).not.toContain('Invitée Zoé');
    const memberName = (await member.get('/api/me')).json<{ user: { displayName: string } }>().user
      .displayName;
    expect(text).not.toContain(memberName);
  });

  it('erasure removes the person’s name from the stored decision record, keeping counts and reasons', async () => {
    const created = await owner.post(`${eng}/proposals`, {
      title: 'Horaires souples',
      text: 'Plages fixes de 10 h à 16 h.',
      rule: 'consent',
      deadline: inDays(3),
    });
    const p = created.json<{ proposal: View }>().proposal;
    const url = `${eng}/proposals/${p.id}`;
    expect(
      (await member.post(`${url}/positions`, { value: 'object', reason: 'Trop tôt pour les parents' }))
        .status,
    ).toBe(200);
    expect((await owner.post(`${url}/positions`, { value: 'consent' })).status).toBe(200);
    const recordUrl = `/api/orgs/${orgId}/decisions/${p.recordId}`;
    const before = (await owner.get(recordUrl)).json<{ decision: Record_ }>().decision;
    const memberName = before.objections[0]!.participant;
    expect(memberName).not.toBeNull();
    expect(before.positions.filter((x) => x.participant === memberName)).toHaveLength(1);
    const memberId = (await member.get('/api/me')).json<{ user: { id: string } }>().user.id;
    const eraser = personalDataContributors().find((c) => c.name === 'decisions')!;
    await handle.db.transaction().execute((trx) => eraser.erase(trx, memberId, orgId, 'anonymise'));
    const after = (await owner.get(recordUrl)).json<{
      decision: Record_ & { participantCount: number; objections: { reason: string }[] };
    }>().decision;
    expect(JSON.stringify(after)).not.toContain(memberName!);
    expect(after.participantCount).toBe(before.positions.length);
    expect(after.positions).toHaveLength(before.positions.length);
    expect(after.positions.filter((x) => x.participant === null)).toHaveLength(1);
    expect(after.positions.some((x) => x.participant !== null)).toBe(true); // the owner stays named
    expect(after.objections[0]!.participant).toBeNull();
    expect(after.objections[0]!.reason).toBe('Trop tôt pour les parents');
  });

  it('refuses positions while the engagement is paused or stopped', async () => {
    const created = await owner.post(`${eng}/proposals`, {
      title: 'Pause',
      text: 'x',
      rule: 'majority',
      deadline: inDays(3),
    });
    const { proposal, invites } = created.json<{ proposal: View; invites: unknown[] }>();
    expect(invites).toEqual([]);
    const url = `${eng}/proposals/${proposal.id}`;
    expect((await owner.post(`${eng}/status`, { status: 'paused', reason: 'On souffle' })).status).toBe(200);
    const refused = await member.post(`${url}/positions`, { value: 'yes' });
    expect(refused.status).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('ENGAGEMENT_PAUSED');
    await owner.post(`${eng}/status`, { status: 'active', reason: 'On reprend' });
    expect((await member.post(`${url}/positions`, { value: 'yes' })).status).toBe(200);
  });

  it('counts ranked ballots by instant runoff at close', async () => {
    const created = await owner.post(`${eng}/proposals`, {
      title: 'Nom du projet',
      text: 'Choisir un nom',
      rule: 'rankedChoice',
      deadline: inDays(1),
      config: {
        options: [
          { id: 'ruche', label: 'Ruche' },
          { id: 'nid', label: 'Nid' },
        ],
      },
    });
    const url = `${eng}/proposals/${created.json<{ proposal: View }>().proposal.id}`;
    expect(
      (await member.post(`${url}/positions`, { value: 'ballot', ballot: ['ruche', 'ruche'] })).status,
    ).toBe(400);
    await member.post(`${url}/positions`, { value: 'ballot', ballot: ['ruche', 'nid'] });
    await owner.post(`${url}/positions`, { value: 'ballot', ballot: ['ruche'] });
    const v = (await owner.post(`${url}/close`, { outcomeStatement: 'Ruche' })).json<View>();
    expect(v.tally?.winners).toEqual(['ruche']);
    expect(v.tally?.outcome).toBe('passed');
  });

  it('sends closing-soon and review-due reminders once', async () => {
    const n = await sweepDecisionReminders(app.deps.database.db, new Date(Date.now() + 2 * 24 * 3600 * 1000));
    expect(n).toBeGreaterThan(0);
    expect(
      await sweepDecisionReminders(app.deps.database.db, new Date(Date.now() + 2 * 24 * 3600 * 1000)),
    ).toBe(0);
    const notes = (await member.get(`/api/orgs/${orgId}/notifications`)).json<{
      notifications: { kind: string }[];
      unread: number;
    }>();
    expect(notes.notifications.map((x) => x.kind)).toEqual(
      expect.arrayContaining(['opened', 'closing_soon', 'closed']),
    );
    expect(notes.unread).toBeGreaterThan(0);
  });

  it('options boards and method choices write the same decision record', async () => {
    const board = await owner.post(`${eng}/options-boards`, { title: 'Scénarios' });
    const boardId = board.json<{ id: string }>().id;
    const withO = await owner.post(`${eng}/options-boards/${boardId}/options`, { title: 'Scénario B' });
    const optionId = withO.json<{ options: { id: string }[] }>().options[0]!.id;
    expect(
      (
        await owner.post(`${eng}/options-boards/${boardId}/choice`, {
          optionId,
          reason: 'Le plus sobre',
          decidedBy: 'sponsor',
        })
      ).status,
    ).toBe(200);
    await owner.post(`${eng}/method-choices`, {
      methodId: 'world-cafe',
      reason: 'Pour écouter',
      decidedBy: 'group',
    });
    const reg = (await owner.get(`/api/orgs/${orgId}/decisions`)).json<{ decisions: Record_[] }>();
    const sources = reg.decisions.map((d) => d.source);
    expect(sources).toContain('options_board');
    expect(sources).toContain('method_choice');
    const csv = (await owner.get(`/api/orgs/${orgId}/decisions/export?source=options_board`)).body as string;
    expect(csv.split('\r\n')[1]).toContain('Scénario B');
  });

  it('compares a proposed governance map with the current one and adopts it through a decision', async () => {
    const current = await owner.post(`/api/orgs/${orgId}/governance/maps`, {
      title: 'Aujourd’hui',
      data: sampleMap,
    });
    expect(current.json<{ status: string }>().status).toBe('current');
    const proposed = await owner.post(`/api/orgs/${orgId}/governance/maps`, { title: 'Demain' });
    const mapId = proposed.json<{ id: string }>().id;
    const data = structuredClone(sampleMap);
    data.circles.push({ id: 'care', name: 'Soin', purpose: 'Prendre soin', parentId: 'general' });
    data.areas[0]!.level = 'consult';
    const updated = await owner.request('PUT', `/api/orgs/${orgId}/governance/maps/${mapId}`, { data });
    expect(updated.status).toBe(200);
    const changes = updated.json<{ changes: { id: string; change: string }[] }>().changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'care', change: 'added' }),
        expect.objectContaining({ id: 'budget', change: 'changed' }),
      ]),
    );
    const bad = structuredClone(data);
    bad.roles[0]!.circleId = 'nowhere';
    expect(
      (await owner.request('PUT', `/api/orgs/${orgId}/governance/maps/${mapId}`, { data: bad })).status,
    ).toBe(400);
    const svg = await owner.get(`/api/orgs/${orgId}/governance/maps/${mapId}/export.svg`);
    expect(String(svg.body)).toContain('<svg');
    const adoption = await owner.post(`/api/orgs/${orgId}/governance/maps/${mapId}/adoption`, {
      engagementId,
      rule: 'consent',
      deadline: inDays(2),
      reviewOn: '2027-09-01',
    });
    expect(adoption.status).toBe(200);
    const pid = adoption.json<{ proposal: View }>().proposal.id;
    await owner.post(`${eng}/proposals/${pid}/positions`, { value: 'consent' });
    await member.post(`${eng}/proposals/${pid}/positions`, { value: 'consent' });
    expect(
      (await owner.post(`${eng}/proposals/${pid}/close`, { outcomeStatement: 'Carte adoptée' })).status,
    ).toBe(200);
    const overview = (await owner.get(`/api/orgs/${orgId}/governance`)).json<{
      current: { id: string; decisionId: string };
    }>();
    expect(overview.current.id).toBe(mapId);
    expect(overview.current.decisionId).not.toBeNull();
    const agenda = await owner.post(`/api/orgs/${orgId}/governance/meeting-agenda`, {
      engagementId,
      language: 'en',
    });
    expect(agenda.status).toBe(200);
    expect(JSON.stringify(agenda.body)).toContain('Check-in round');
  });
});
