import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Pulses = {
  pulses: { id: string; answers: number; threshold: number; distribution: Record<string, number> | null }[];
};

describe.each(testDialects)('adoption pulse on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
  let orgId: string;
  let planId: string;
  let collectiveId: string;
  const plans = () => `/api/orgs/${orgId}/pollination/plans`;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Coopérative Alpha');
    member = (await addMember(app, owner, orgId, 'member')).client;
    collectiveId = (
      await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Accueil', kind: 'team' })
    ).json<{
      id: string;
    }>().id;
    planId = (
      await owner.post(plans(), {
        title: 'Binômes',
        practice: 'Binômes entre services',
        collectiveIds: [collectiveId],
      })
    ).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const answer = (token: string, stage: string) => testClient(app).post(`/api/pulse/${token}`, { stage });

  it('asks one question without an account and shows nothing below the group threshold', async () => {
    expect((await member.post(`${plans()}/${planId}/pulses`, { collectiveId })).status).toBe(403);
    expect((await owner.post(`${plans()}/${planId}/pulses`, { collectiveId: orgId })).status).toBe(400);
    const created = await owner.post(`${plans()}/${planId}/pulses`, { collectiveId });
    expect(created.status).toBe(200);
    const { id, token, url, qrSvg } = created.json<{
      id: string;
      token: string;
      url: string;
      qrSvg: string;
    }>();
    // The link is shown once, with its QR code: the code is the link's, an SVG drawn on the server.
    expect(url.endsWith(`/pulse/${token}`)).toBe(true);
    expect(qrSvg.startsWith('<svg')).toBe(true);
    expect(qrSvg).toContain('role="img"');
    const anonymous = testClient(app);
    const q = await anonymous.get(`/api/pulse/${token}`);
    expect(q.json()).toEqual({ practice: 'Binômes entre services', collective: 'Accueil', open: true });
    expect((await anonymous.get(`/api/pulse/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await answer(token, 'maybe')).status).toBe(400);
    for (const stage of ['trying', 'trying', 'aware', 'adopted']) {
      expect((await answer(token, stage)).status).toBe(200);
    }
    const list = (await owner.get(`${plans()}/${planId}/pulses`)).json<Pulses>();
    expect(list.pulses).toEqual([
      expect.objectContaining({ id, answers: 4, threshold: 5, distribution: null }),
    ]);
    // Closing below the threshold records no stage.
    const closed = await owner.post(`${plans()}/${planId}/pulses/${id}/close`);
    expect(closed.json()).toEqual({ answers: 4, threshold: 5, recordedStage: null });
    expect((await answer(token, 'aware')).status).toBe(409);
    const plan = (await owner.get(`${plans()}/${planId}`)).json<{ reports: unknown[] }>();
    expect(plan.reports).toEqual([]);
  });

  it('feeds adoption tracking and the curve once enough people answered', async () => {
    const { id, token } = (await owner.post(`${plans()}/${planId}/pulses`, { collectiveId })).json<{
      id: string;
      token: string;
    }>();
    for (const stage of ['trying', 'trying', 'trying', 'aware', 'aware']) {
      await answer(token, stage);
    }
    const list = (await owner.get(`${plans()}/${planId}/pulses`)).json<Pulses>();
    expect(list.pulses.find((p) => p.id === id)?.distribution).toEqual({
      not_aware: 0,
      aware: 2,
      trying: 3,
      adopted: 0,
      abandoned: 0,
    });
    const closed = await owner.post(`${plans()}/${planId}/pulses/${id}/close`);
    expect(closed.json()).toMatchObject({ answers: 5, recordedStage: 'trying' });
    const plan = (await owner.get(`${plans()}/${planId}`)).json<{
      collectives: { id: string; stage: string }[];
      curve: { reached: number }[];
    }>();
    expect(plan.collectives).toEqual([expect.objectContaining({ id: collectiveId, stage: 'trying' })]);
    expect(plan.curve.at(-1)?.reached).toBe(1);
  });
});
