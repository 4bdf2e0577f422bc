/**
 * Issue 12 §1 — a closed campaign's report is a frozen release. The reproduction: P = {D1: 9
 * people, D2: 1 person} and Q: 10 people; everyone answers; close; read P (n = 10); re-parent D2
 * under Q; read again (n = 9); rawMean × n subtracted between the two reads gives D2's one person.
 * Every later organisation change must leave the released report (and comparisons) byte for byte
 * identical, and changes made while the campaign is open must not move answers between cells.
 */
import type { Campaign, RespondSession } from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { personalDataContributors } from '../src/services/personal-data.ts';
import { createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { answersFor } from './survey-answers.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('frozen survey releases on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let ownerId: string;
  let orgId: string;
  let engagementId: string;
  const ids: Record<string, string> = {};
  const people: Record<string, string[]> = {};

  const raw = async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie: owner.cookie ?? '' } });
    expect(r.statusCode, r.body).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    const admin = await setupAdmin(app);
    owner = admin.client;
    ownerId = admin.userId;
    orgId = await createOrg(owner, 'Frozen org');
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Frozen', request: 'Keep promises' })
    ).json<{ id: string }>().id;
    const add = async (name: string, parentId: string | null) => {
      const r = await owner.post(`/api/orgs/${orgId}/collectives`, { name, kind: 'team', parentId });
      ids[name] = r.json<{ id: string }>().id;
    };
    await add('P', null);
    await add('Q', null);
    await add('D1', ids.P!);
    await add('D2', ids.P!);
    for (const [collective, count] of [
      ['D1', 9],
      ['D2', 1],
      ['Q', 10],
    ] as const) {
      people[collective] = [];
      for (let i = 0; i < count; i++) {
        const r = await owner.post(`/api/orgs/${orgId}/people`, {
          displayName: `${collective}-${i}`,
          attributes: { site: i % 2 === 0 ? 'Lyon' : 'Nantes' },
          collectiveIds: [ids[collective]!],
        });
        people[collective]!.push(r.json<{ id: string }>().id);
      }
    }
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  /** Launch a campaign on P and Q, hand out links, let everyone answer (D2's person answers 1s). */
  async function answeredCampaign(title: string) {
    const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
      title,
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [ids.P!, ids.Q!],
      attributes: [{ name: 'site', values: ['Lyon', 'Nantes'] }],
    });
    const id = created.json<Campaign>().id;
    expect((await owner.post(`/api/orgs/${orgId}/campaigns/${id}/launch`)).status).toBe(200);
    const handed = await owner.post(`/api/orgs/${orgId}/campaigns/${id}/invitations/hand-out`, {
      acknowledged: true,
    });
    const links = handed.json<{ invitations: { personName: string; link: string }[] }>().invitations;
    expect(links).toHaveLength(20);
    const tokens: string[] = [];
    for (const [i, inv] of links.entries()) {
      const token = inv.link.split('/respond/')[1]!;
      const client = testClient(app);
      const consent = await client.post(`/api/respond/${token}/consent`, { accepted: true, language: 'fr' });
      const key = { 'x-resume-key': consent.json<{ resumeKey: string }>().resumeKey };
      const session = (await client.get(`/api/respond/${token}`, key)).json<RespondSession>();
      const value = inv.personName === 'D2-0' ? 1 : 2 + (i % 4);
      const submit = await client.post(
        `/api/respond/${token}/submit`,
        { answers: answersFor(session, (min, max) => Math.min(max, Math.max(min, value))), language: 'fr' },
        key,
      );
      expect(submit.status).toBe(200);
      tokens.push(token);
    }
    return { id, tokens };
  }

  it('serves a closed report byte for byte whatever the organisation does afterwards', {
    timeout: 60_000,
  }, async () => {
    const before = await answeredCampaign('Before');
    const after = await answeredCampaign('After');
    for (const c of [before, after]) {
      expect((await owner.post(`/api/orgs/${orgId}/campaigns/${c.id}/close`)).status).toBe(200);
    }
    const base = `/api/orgs/${orgId}/campaigns/${after.id}`;
    const urls = [
      `${base}/report`,
      `${base}/report?collectiveId=${ids.P}`,
      `${base}/report?collectiveId=${ids.Q}&filter=site%3DLyon`,
      `${base}/report?filter=site%3DNantes`,
      `${base}/compare/${before.id}`,
      `${base}/export.csv`,
      base,
    ];
    const read = async () => Promise.all(urls.map(raw));
    const released = await read();
    const p = JSON.parse(released[0]!).cuts.find((c: { collectiveId: string }) => c.collectiveId === ids.P);
    expect(p).toMatchObject({ status: 'shown', n: 10 });

    const changes: [string, () => Promise<unknown>][] = [
      // The reproduction of the issue: D2 (one person) moves under Q.
      [
        're-parent D2 under Q',
        () => owner.patch(`/api/orgs/${orgId}/collectives/${ids.D2}`, { parentId: ids.Q }),
      ],
      [
        'move a person from D1 to Q',
        () => owner.patch(`/api/orgs/${orgId}/people/${people.D1![0]}`, { collectiveIds: [ids.Q] }),
      ],
      ['rename P', () => owner.patch(`/api/orgs/${orgId}/collectives/${ids.P}`, { name: 'P renamed' })],
      [
        'edit a person’s attributes',
        () => owner.patch(`/api/orgs/${orgId}/people/${people.Q![0]}`, { attributes: { site: 'Nantes' } }),
      ],
      ['raise the organisation’s thresholds', () => owner.patch(`/api/orgs/${orgId}`, { minGroupSize: 8 })],
      ['delete the person of D2 (GDPR)', () => owner.del(`/api/orgs/${orgId}/people/${people.D2![0]}`)],
      ['delete collective D2', () => owner.del(`/api/orgs/${orgId}/collectives/${ids.D2}`)],
      [
        'erase answers linked to an account (GDPR)',
        async () => {
          const participant = await handle.db
            .selectFrom('survey_responses')
            .select('participant_id')
            .where('campaign_id', '=', after.id)
            .executeTakeFirstOrThrow();
          await handle.db
            .updateTable('participants')
            .set({ linked_user_id: ownerId })
            .where('id', '=', participant.participant_id)
            .execute();
          const eraser = personalDataContributors().find((c) => c.name === 'survey-responses')!;
          await eraser.erase(handle.db, ownerId, orgId, 'delete');
        },
      ],
    ];
    for (const [what, change] of changes) {
      const r = (await change()) as { status?: number } | undefined;
      if (r?.status !== undefined) {
        expect(r.status, what).toBeLessThan(300);
      }
      const now = await read();
      for (const [i, body] of now.entries()) {
        expect(body, `${what}: ${urls[i]}`).toBe(released[i]);
      }
    }
  });

  it('computes a release from the tree frozen at launch, not the one at close', async () => {
    // Put the organisation back as it was at the start for this campaign.
    const d2 = (
      await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'D2b', kind: 'team', parentId: ids.P })
    ).json<{ id: string }>().id;
    const solo = (
      await owner.post(`/api/orgs/${orgId}/people`, { displayName: 'D2b-0', collectiveIds: [d2] })
    ).json<{ id: string }>().id;
    const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
      title: 'Moved while open',
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [ids.P!, ids.Q!],
    });
    const id = created.json<Campaign>().id;
    await owner.post(`/api/orgs/${orgId}/campaigns/${id}/launch`);
    const links = (
      await owner.post(`/api/orgs/${orgId}/campaigns/${id}/invitations/hand-out`, { acknowledged: true })
    ).json<{ invitations: { link: string }[] }>().invitations;
    for (const inv of links) {
      const token = inv.link.split('/respond/')[1]!;
      const client = testClient(app);
      const consent = await client.post(`/api/respond/${token}/consent`, { accepted: true, language: 'fr' });
      const key = { 'x-resume-key': consent.json<{ resumeKey: string }>().resumeKey };
      const session = (await client.get(`/api/respond/${token}`, key)).json<RespondSession>();
      await client.post(
        `/api/respond/${token}/submit`,
        { answers: answersFor(session, (min) => min + 1), language: 'fr' },
        key,
      );
    }
    const frozenP = (await owner.get(`/api/orgs/${orgId}/campaigns/${id}`)).json<Campaign>();
    const pInvited = frozenP.collectives.find((c) => c.collectiveId === ids.P)!.invited;
    // While open, D2b moves under Q and is renamed; the campaign keeps its launch-time tree.
    await owner.patch(`/api/orgs/${orgId}/collectives/${d2}`, { parentId: ids.Q, name: 'Moved' });
    await owner.patch(`/api/orgs/${orgId}/people/${solo}`, { collectiveIds: [ids.Q] });
    await owner.post(`/api/orgs/${orgId}/campaigns/${id}/close`);
    const report = JSON.parse(await raw(`/api/orgs/${orgId}/campaigns/${id}/report`)) as {
      cuts: { collectiveId: string | null; n: number | null; label: string }[];
      requestable: { collectives: { id: string; name: string; parentId: string | null }[] };
    };
    expect(report.requestable.collectives.find((c) => c.id === d2)).toEqual({
      id: d2,
      name: 'D2b',
      parentId: ids.P,
    });
    expect(report.cuts.find((c) => c.collectiveId === ids.P)?.n).toBe(pInvited);
  });
});
