/**
 * Issue 17 — the plan's pacing rules, construct indicators and the specification's diagnosis section read
 * only released results: the whole-campaign cut of closed campaigns, when shown. A suppressed cut (too few
 * answers) or an open campaign contributes nothing.
 */
import type { Campaign, RespondSession } from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { samplePlan } from './fixtures/plans.fixture.ts';
import { answersFor } from './survey-answers.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type View = {
  version: number;
  measured: { effectivenessLevel: number | null; trustLevel: number | null; campaignTitle: string | null };
  warnings: { rule: string; data: Record<string, unknown> }[];
  indicators: { indicatorId: string; series: { value: number; label: string }[] }[];
};

describe.each(testDialects)('plans read released results only on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let engagementId: string;
  let collectiveId: string;
  let base: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Measured org');
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, {
        title: 'Paced',
        request: 'Plan at the right pace',
      })
    ).json<{ id: string }>().id;
    collectiveId = (
      await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Team', kind: 'team', parentId: null })
    ).json<{ id: string }>().id;
    for (let i = 0; i < 10; i++) {
      await owner.post(`/api/orgs/${orgId}/people`, { displayName: `P-${i}`, collectiveIds: [collectiveId] });
    }
    base = `/api/orgs/${orgId}/engagements/${engagementId}/plan`;
    const doc = samplePlan({ collectiveId });
    doc.indicators.push({
      id: 'i-trust',
      workstreamId: 'ws1',
      name: 'Trust',
      source: 'construct',
      constructId: 'trust-care',
      baseline: null,
      target: 70,
      points: [],
    });
    expect((await owner.request('PUT', base, { version: 0, document: doc })).status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  async function campaign(title: string, answering: number, value: (min: number, max: number) => number) {
    const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
      title,
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [collectiveId],
    });
    const id = created.json<Campaign>().id;
    expect((await owner.post(`/api/orgs/${orgId}/campaigns/${id}/launch`)).status).toBe(200);
    const links = (
      await owner.post(`/api/orgs/${orgId}/campaigns/${id}/invitations/hand-out`, { acknowledged: true })
    ).json<{ invitations: { link: string }[] }>().invitations;
    for (const inv of links.slice(0, answering)) {
      const token = inv.link.split('/respond/')[1]!;
      const client = testClient(app);
      const consent = await client.post(`/api/respond/${token}/consent`, { accepted: true, language: 'fr' });
      const key = { 'x-resume-key': consent.json<{ resumeKey: string }>().resumeKey };
      const session = (await client.get(`/api/respond/${token}`, key)).json<RespondSession>();
      const submit = await client.post(
        `/api/respond/${token}/submit`,
        { answers: answersFor(session, value), language: 'fr' },
        key,
      );
      expect(submit.status, String(submit.body)).toBe(200);
    }
    return id;
  }
  const close = async (id: string) =>
    expect((await owner.post(`/api/orgs/${orgId}/campaigns/${id}/close`)).status).toBe(200);
  const view = async () => (await owner.get(base)).json<View>();
  const diagnosisText = async () =>
    (await owner.get(`${base}/specification`))
      .json<{ sections: { key: string; current: { text: string } }[] }>()
      .sections.find((s) => s.key === 'diagnosis')!.current.text;

  it('warns on maturity only from a closed, shown campaign', { timeout: 90_000 }, async () => {
    const empty = await view();
    expect(empty.measured).toEqual({ effectivenessLevel: null, trustLevel: null, campaignTitle: null });
    expect(empty.warnings.filter((w) => w.rule === 'beyond-maturity')).toEqual([]);

    // Three answers: suppressed at close — nothing measured, no point on the indicator.
    await close(await campaign('Too small', 3, (min) => min));
    const suppressed = await view();
    expect(suppressed.measured.effectivenessLevel).toBeNull();
    expect(suppressed.indicators.find((i) => i.indicatorId === 'i-trust')!.series).toEqual([]);
    expect(await diagnosisText()).not.toContain('Too small');

    // Everyone answers the lowest value: level 1, so a workstream asking for level 3 is beyond reach.
    await close(await campaign('Everyone', 10, (min) => min));
    const measured = await view();
    expect(measured.measured).toMatchObject({
      effectivenessLevel: 1,
      trustLevel: 1,
      campaignTitle: 'Everyone',
    });
    expect(measured.warnings.filter((w) => w.rule === 'beyond-maturity')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ demandLevel: 3, supportedLevel: 1 }) }),
    ]);
    expect(measured.indicators.find((i) => i.indicatorId === 'i-trust')!.series).toEqual([
      expect.objectContaining({ value: 0, label: 'Everyone' }),
    ]);
    expect(await diagnosisText()).toContain('Everyone');

    // An open campaign answered with the highest values is not released: nothing changes.
    await campaign('Still open', 10, (_min, max) => max);
    const still = await view();
    expect(still.measured).toEqual(measured.measured);
    expect(still.indicators).toEqual(measured.indicators);
    expect(await diagnosisText()).not.toContain('Still open');
  });
});
