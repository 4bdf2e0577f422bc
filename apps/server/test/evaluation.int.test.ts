import type { EvaluationView } from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, ORIGIN, setupAdmin, type TestClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('evaluation on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
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
    member = (await addMember(app, owner, orgId, 'member')).client;
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
});
