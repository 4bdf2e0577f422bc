/**
 * Issue 22 — the method recommender uses the trust measured by the engagement's closed diagnostic
 * (its released whole-campaign cut), never one that was suppressed or not yet released.
 */
import type { Campaign, RecommendationView, RespondSession } from '@essaim/contracts';
import { measuredTrustLevel } from '@essaim/core/methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { answersFor } from './survey-answers.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('measured trust in method recommendations on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let engagementId: string;
  let collectiveId: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Trust org');
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Trust', request: 'Choose a method' })
    ).json<{ id: string }>().id;
    collectiveId = (
      await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Team', kind: 'team', parentId: null })
    ).json<{ id: string }>().id;
    for (let i = 0; i < 10; i++) {
      await owner.post(`/api/orgs/${orgId}/people`, { displayName: `P-${i}`, collectiveIds: [collectiveId] });
    }
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  /** Launch a pulse campaign; the first `answering` people answer every item with `value` (1–5). */
  async function campaign(title: string, answering: number, value: (min: number, max: number) => number) {
    const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
      title,
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [collectiveId],
    });
    expect(created.status, String(created.body)).toBe(200);
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

  const recommend = async () => {
    const r = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/method-recommendations`, {
      groupSize: 10,
      minutesAvailable: 90,
      mode: 'onsite',
      trustLevel: 3,
      facilitatorLevel: 2,
    });
    expect(r.status, String(r.body)).toBe(200);
    return r.json<RecommendationView>();
  };
  // The decision-rule recommender reads the same measured trust (issue 15).
  const recommendRules = async () => {
    const r = await owner.post(
      `/api/orgs/${orgId}/engagements/${engagementId}/decision-rules/recommendations`,
      { groupSize: 10, trustLevel: 3, urgency: 'medium', reversibility: 'easy', stakes: 'medium' },
    );
    expect(r.status, String(r.body)).toBe(200);
    return r.json<{ trustSource: string; trustLevel: number; trustCampaign: unknown }>();
  };
  const close = async (id: string) =>
    expect((await owner.post(`/api/orgs/${orgId}/campaigns/${id}/close`)).status).toBe(200);

  it('uses a closed campaign’s released trust, never a suppressed or unreleased one', {
    timeout: 60_000,
  }, async () => {
    expect(await recommend()).toMatchObject({ trustSource: 'declared', trustLevel: 3, trustCampaign: null });

    // Three answers: the whole-campaign cut is suppressed at close, so nothing is measured.
    const small = await campaign('Too small', 3, (_min, max) => max);
    await close(small);
    const smallReport = (await owner.get(`/api/orgs/${orgId}/campaigns/${small}/report`)).json<{
      cuts: { collectiveId: string | null; filters: object; status: string }[];
    }>();
    expect(smallReport.cuts.find((c) => c.collectiveId === null)?.status).toBe('suppressed');
    expect(await recommend()).toMatchObject({ trustSource: 'declared', trustLevel: 3, trustCampaign: null });
    expect(await recommendRules()).toMatchObject({
      trustSource: 'declared',
      trustLevel: 3,
      trustCampaign: null,
    });

    // Everyone answers the highest value: the released trust is used.
    const full = await campaign('Everyone', 10, (_min, max) => max);
    await close(full);
    const report = (await owner.get(`/api/orgs/${orgId}/campaigns/${full}/report`)).json<{
      cuts: {
        collectiveId: string | null;
        status: string;
        constructs: { constructId: string; score: number | null }[];
      }[];
    }>();
    const whole = report.cuts.find((c) => c.collectiveId === null)!;
    expect(whole.status).toBe('shown');
    const expected = measuredTrustLevel(whole.constructs);
    expect(expected).not.toBeNull();
    expect(expected).not.toBe(3);
    const measured = await recommend();
    expect(measured).toMatchObject({
      trustSource: 'measured',
      trustLevel: expected,
      trustCampaign: { id: full, title: 'Everyone' },
    });
    expect(await recommendRules()).toMatchObject({
      trustSource: 'measured',
      trustLevel: expected,
      trustCampaign: { id: full, title: 'Everyone' },
    });

    // An open campaign answered with the lowest values is not released: the closed one still counts.
    await campaign('Still open', 10, (min) => min);
    expect(await recommend()).toMatchObject({ trustSource: 'measured', trustLevel: expected });
    expect(await recommendRules()).toMatchObject({ trustSource: 'measured', trustLevel: expected });
  });
});
