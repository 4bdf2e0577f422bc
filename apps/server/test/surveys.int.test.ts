import type { Campaign, CampaignReport, RespondSession } from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { answersFor } from './survey-answers.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('diagnostic surveys on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let engagementId: string;
  let dept: string;
  let teamA: string;
  /** A respondent's browser: keeps the resume key it is given, like the web app does. */
  const anon = () => {
    const c = testClient(app);
    let key: string | null = null;
    const headers = (): Record<string, string> => (key ? { 'x-resume-key': key } : {});
    return {
      get: (url: string) => c.get(url, headers()),
      post: async (url: string, body?: unknown) => {
        const r = await c.post(url, body, headers());
        const k = (r.body as { resumeKey?: unknown } | null)?.resumeKey;
        if (typeof k === 'string') {
          key = k;
        }
        return r;
      },
    };
  };

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Surveys org');
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Diagnose', request: 'Help us see' })
    ).json<{ id: string }>().id;
    dept = (await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Dept', kind: 'department' })).json<{
      id: string;
    }>().id;
    teamA = (
      await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Team A', kind: 'team', parentId: dept })
    ).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  async function sharedCampaign(title: string, extra: Record<string, unknown> = {}) {
    const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
      title,
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [dept],
      hasMemberLinks: false,
      hasSharedLink: true,
      attributes: [{ name: 'site', values: ['Lyon', 'Nantes'] }],
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const launched = await owner.post(`/api/orgs/${orgId}/campaigns/${created.json<Campaign>().id}/launch`);
    expect(launched.status, JSON.stringify(launched.body)).toBe(200);
    const campaign = launched.json<{ campaign: Campaign }>().campaign;
    return { campaign, shared: campaign.sharedLink!.split('/respond/')[1]! };
  }

  async function respond(
    shared: string,
    collectiveId: string | null,
    value: number,
    text?: string,
    site = 'Lyon',
  ) {
    const client = anon();
    const start = await client.post(`/api/respond/${shared}/start`, {
      collectiveId,
      attributes: { site },
      language: 'fr',
    });
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const { token } = start.json<{ token: string }>();
    const session = (await client.get(`/api/respond/${token}`)).json<RespondSession>();
    const submit = await client.post(`/api/respond/${token}/submit`, {
      answers: answersFor(session, (min, max) => Math.min(max, Math.max(min, value)), text),
      language: 'fr',
    });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    return token;
  }

  const report = async (campaignId: string, query = '') =>
    (await owner.get(`/api/orgs/${orgId}/campaigns/${campaignId}/report${query}`)).json<CampaignReport>();

  it('shows the consent screen content, saves and resumes, and submits idempotently', async () => {
    const { shared } = await sharedCampaign('Flow');
    const client = anon();
    const first = (await client.get(`/api/respond/${shared}`)).json<RespondSession>();
    expect(first.mode).toBe('shared');
    expect(first.consent.agreement).toContain('5');
    // Through the shared link membership is self-declared: groups need 10.
    expect(first.consent.minRespondents).toBe(10);
    expect(first.selfDeclare.collectives.map((c) => c.name).sort()).toEqual(['Dept', 'Team A']);
    const start = await client.post(`/api/respond/${shared}/start`, { collectiveId: teamA, language: 'en' });
    const token = start.json<{ token: string }>().token;
    const session = (await client.get(`/api/respond/${token}`)).json<RespondSession>();
    expect(session.mode).toBe('personal');
    const all = answersFor(session, () => 4);
    const firstItem = session.instrument.items[0]!.id;
    expect(
      (await client.post(`/api/respond/${token}/save`, { answers: { [firstItem]: 2 }, language: 'en' }))
        .status,
    ).toBe(200);
    const resumed = (await client.get(`/api/respond/${token}`)).json<RespondSession>();
    expect(resumed.draft?.answers).toEqual({ [firstItem]: 2 });
    expect(resumed.draft?.language).toBe('en');
    // Someone else holding the link (without the respondent's key) reads and changes nothing.
    const other = (await anon().get(`/api/respond/${token}`)).json<RespondSession>();
    expect(other.draft).toBeNull();
    expect(other.isClaimed).toBe(true);
    const hijack = await anon().post(`/api/respond/${token}/save`, {
      answers: { [firstItem]: 5 },
      language: 'en',
    });
    expect(hijack.status).toBe(409);
    expect(JSON.stringify(hijack.body)).toContain('link-claimed');
    expect((await anon().post(`/api/respond/${token}/submit`, { answers: all, language: 'en' })).status).toBe(
      409,
    );
    // Out of range and unknown items are refused with the item named.
    const bad = await client.post(`/api/respond/${token}/submit`, {
      answers: { ...all, [firstItem]: 9, nope: 1 },
      language: 'en',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('out-of-range');
    const missing = await client.post(`/api/respond/${token}/submit`, {
      answers: { [firstItem]: 3 },
      language: 'en',
    });
    expect(missing.status).toBe(400);
    const ok = await client.post(`/api/respond/${token}/submit`, { answers: all, language: 'en' });
    expect(ok.json<{ isRepeat: boolean }>().isRepeat).toBe(false);
    const again = await client.post(`/api/respond/${token}/submit`, {
      answers: { ...all, [firstItem]: 1 },
      language: 'en',
    });
    expect(again.status).toBe(200);
    expect(again.json<{ isRepeat: boolean; submittedAt: string }>()).toEqual({
      isRepeat: true,
      submittedAt: ok.json<{ submittedAt: string }>().submittedAt,
    });
    const after = (await client.get(`/api/respond/${token}`)).json<RespondSession>();
    expect(after.draft).toBeNull();
    expect(after.submittedAt).not.toBeNull();
    expect((await client.post(`/api/respond/${token}/save`, { answers: {}, language: 'en' })).status).toBe(
      409,
    );
  });

  it('issues one personal link per roster member, consent first, and never says who answered', async () => {
    const names = ['Ana', 'Bo', 'Cy'];
    for (const displayName of names) {
      await owner.post(`/api/orgs/${orgId}/people`, { displayName, collectiveIds: [teamA] });
    }
    const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
      title: 'Members',
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [teamA],
    });
    const id = created.json<Campaign>().id;
    const launched = await owner.post(`/api/orgs/${orgId}/campaigns/${id}/launch`);
    // No link is shown at launch: without e-mail, handing them out is a deliberate, audited step.
    const atLaunch = launched.json<{ invitations: { personName: string; link: string | null }[] }>();
    expect(atLaunch.invitations.map((i) => i.personName).sort()).toEqual(names);
    expect(atLaunch.invitations.every((i) => i.link === null)).toBe(true);
    expect((await owner.post(`/api/orgs/${orgId}/campaigns/${id}/invitations/hand-out`, {})).status).toBe(
      400,
    );
    const handed = await owner.post(`/api/orgs/${orgId}/campaigns/${id}/invitations/hand-out`, {
      acknowledged: true,
    });
    expect(handed.status).toBe(200);
    const invitations = handed.json<{ invitations: { personName: string; link: string; id: string }[] }>()
      .invitations;
    expect(invitations.map((i) => i.personName).sort()).toEqual(names);
    const audit = await owner.get(`/api/orgs/${orgId}/audit`);
    expect(JSON.stringify(audit.body)).toContain('survey.links_handed_out');
    const token = invitations[0]!.link.split('/respond/')[1]!;
    const client = anon();
    const session = (await client.get(`/api/respond/${token}`)).json<RespondSession>();
    const answers = answersFor(session, () => 3);
    const early = await client.post(`/api/respond/${token}/submit`, { answers, language: 'fr' });
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.body)).toContain('consent-required');
    expect(
      (await client.post(`/api/respond/${token}/consent`, { accepted: true, language: 'fr' })).status,
    ).toBe(200);
    expect((await client.post(`/api/respond/${token}/submit`, { answers, language: 'fr' })).status).toBe(200);
    const list = await owner.get(`/api/orgs/${orgId}/campaigns/${id}/invitations`);
    expect(JSON.stringify(list.body)).not.toMatch(/submitted|responded|answered/i);
    const campaign = (await owner.get(`/api/orgs/${orgId}/campaigns/${id}`)).json<Campaign>();
    expect(campaign.invited).toBe(3);
    expect(campaign.responded).toBeNull();
    expect(campaign.collectives[0]).toMatchObject({
      invited: 3,
      responded: null,
      reason: 'not-released',
      progress: 'not-yet',
    });
    expect(campaign.distribution).toEqual({ email: 0, hand: 3, pending: 0 });
    // A reissued link replaces the old one.
    const re = await owner.post(
      `/api/orgs/${orgId}/campaigns/${id}/invitations/${invitations[1]!.id}/reissue`,
    );
    expect(re.status).toBe(200);
    expect((await anon().get(invitations[1]!.link.replace('/respond/', '/api/respond/'))).status).toBe(404);
    expect(
      (await anon().get(re.json<{ link: string }>().link.replace('/respond/', '/api/respond/'))).status,
    ).toBe(200);
  });

  it('refuses answers with a clear error and stores nothing when closed, paused or stopped', async () => {
    const { campaign, shared } = await sharedCampaign('Guarded');
    const client = anon();
    const token = (
      await client.post(`/api/respond/${shared}/start`, { collectiveId: dept, language: 'fr' })
    ).json<{
      token: string;
    }>().token;
    const session = (await client.get(`/api/respond/${token}`)).json<RespondSession>();
    const answers = answersFor(session, () => 5);
    const base = `/api/orgs/${orgId}/engagements/${engagementId}`;
    await owner.post(`${base}/status`, { status: 'paused', reason: 'Pause de réflexion' });
    const paused = await client.post(`/api/respond/${token}/submit`, { answers, language: 'fr' });
    expect(paused.status).toBe(409);
    expect(paused.json<{ error: { code: string } }>().error.code).toBe('ENGAGEMENT_PAUSED');
    expect((await client.get(`/api/respond/${token}`)).json<RespondSession>().campaign.refusal).toBe(
      'engagement-paused',
    );
    expect((await client.post(`/api/respond/${shared}/start`, { language: 'fr' })).status).toBe(409);
    await owner.post(`${base}/status`, { status: 'active', reason: 'Reprise' });
    await owner.post(`/api/orgs/${orgId}/campaigns/${campaign.id}/close`);
    const closed = await client.post(`/api/respond/${token}/submit`, { answers, language: 'fr' });
    expect(closed.status).toBe(409);
    expect(JSON.stringify(closed.body)).toContain('closed');
    const r = await report(campaign.id);
    expect(r.cuts[0]).toMatchObject({ status: 'suppressed', reason: 'no-respondents', n: null });
  });

  it('needs 10 through the shared link, shows no count while open, withholds open text below 10, and guards against differencing', async () => {
    const { campaign, shared } = await sharedCampaign('Thresholds');
    const secret = 'zanzibar-unique-comment';
    for (let i = 0; i < 9; i++) {
      await respond(shared, teamA, 2 + (i % 3), `${secret} ${i}`);
    }
    let r = await report(campaign.id);
    expect(r.cuts.every((c) => c.n === null && c.constructs.length === 0 && c.progress === 'not-yet')).toBe(
      true,
    );
    await respond(shared, teamA, 4);
    // Threshold met, but while open the report says only "reached": no score, no count.
    r = await report(campaign.id);
    expect(r.isReleased).toBe(false);
    expect(r.cuts.find((c) => c.collectiveId === teamA)).toMatchObject({
      progress: 'reached',
      n: null,
      reason: 'not-released',
      constructs: [],
    });
    expect(JSON.stringify(r.cuts)).not.toMatch(/"n":\d/);
    const open = (await owner.get(`/api/orgs/${orgId}/campaigns/${campaign.id}`)).json<Campaign>();
    expect(open.responded).toBeNull();
    expect(open.collectives.every((c) => c.responded === null)).toBe(true);
    expect(open.collectives.find((c) => c.collectiveId === teamA)?.progress).toBe('reached');
    expect(r.cuts.every((c) => c.items.length === 0 && c.interpretation === null)).toBe(true);
    expect((await owner.get(`/api/orgs/${orgId}/campaigns/${campaign.id}/export.csv`)).status).toBe(409);
    // One more person directly in Dept: Dept (11) minus Team A (10) would be one person.
    await respond(shared, dept, 1);
    expect((await owner.post(`/api/orgs/${orgId}/campaigns/${campaign.id}/close`)).status).toBe(200);
    r = await report(campaign.id);
    expect(r.isReleased).toBe(true);
    expect(r.cuts.every((c) => c.progress === null)).toBe(true);
    const shownSizes = r.cuts.filter((c) => c.status === 'shown').map((c) => c.n);
    expect(shownSizes).not.toEqual(expect.arrayContaining([10, 11]));
    expect(r.cuts.some((c) => c.reason === 'differencing-risk')).toBe(true);
    const shown = r.cuts.find((c) => c.status === 'shown')!;
    expect(shown.constructs.length).toBeGreaterThan(0);
    // Every answer came through the shared link, and the report says so.
    expect(shown.channels).toEqual({ sharedLink: shown.n, handLinks: 0 });
    expect(shown.interpretation?.effectiveness.level).toBeGreaterThanOrEqual(1);
    expect(shown.openText.every((o) => o.status === 'suppressed' && o.reason === 'below-minimum')).toBe(true);
    // Filtered cut requests go through the same plan; unknown filters are refused.
    const filtered = await owner.get(`/api/orgs/${orgId}/campaigns/${campaign.id}/report?filter=site%3DLyon`);
    expect(filtered.status).toBe(200);
    expect(
      (await owner.get(`/api/orgs/${orgId}/campaigns/${campaign.id}/report?filter=age%3D40`)).status,
    ).toBe(400);
    // Nothing anywhere carries a comment below the open-text threshold.
    for (const path of ['', '/report', '/export.csv', '/invitations']) {
      const res = await owner.get(`/api/orgs/${orgId}/campaigns/${campaign.id}${path}`);
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    const csv = await owner.get(`/api/orgs/${orgId}/campaigns/${campaign.id}/export.csv`);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.body)).toContain('differencing-risk');
  });

  it('shows open-text themes from 10 answers and compares two campaigns before/after', async () => {
    const before = await sharedCampaign('Before');
    const after = await sharedCampaign('After');
    for (let i = 0; i < 10; i++) {
      await respond(before.shared, teamA, 2, 'la réunion hebdomadaire aide beaucoup');
      await respond(after.shared, teamA, 4, 'les réunions courtes aident');
    }
    for (const c of [before, after]) {
      await owner.post(`/api/orgs/${orgId}/campaigns/${c.campaign.id}/close`);
    }
    const r = await report(after.campaign.id);
    const whole = r.cuts[0]!;
    expect(whole.status).toBe('shown');
    expect(whole.openText.some((o) => o.status === 'shown' && o.themes.length > 0)).toBe(true);
    expect(r.comparable.map((c) => c.id)).toContain(before.campaign.id);
    const cmp = await owner.get(
      `/api/orgs/${orgId}/campaigns/${after.campaign.id}/compare/${before.campaign.id}`,
    );
    expect(cmp.status).toBe(200);
    const cut = cmp
      .json<{ cuts: { key: string; status: string; constructs: { delta: number }[] }[] }>()
      .cuts.find((c) => c.key === 'collective=*')!;
    expect(cut.status).toBe('compared');
    expect(cut.constructs[0]!.delta).toBeGreaterThan(0);
  });

  it('builds a custom instrument from the bank and own items, frozen into the campaign at launch', async () => {
    const created = await owner.post(`/api/orgs/${orgId}/survey-instruments`, {
      name: { fr: 'Mon pouls', en: 'My pulse' },
      bankItemIds: ['safety-speaking-up', 'trust-hard-times'],
      ownConstructs: [
        {
          id: 'own-questions',
          family: 'climate',
          name: { fr: 'Questions propres', en: 'Own questions' },
          description: { fr: 'Nos questions', en: 'Our questions' },
        },
      ],
      ownItems: [
        {
          id: 'own-1',
          constructId: 'own-questions',
          text: { fr: 'Les réunions finissent à l’heure.', en: 'Meetings end on time.' },
          scale: 'frequency5',
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const entry = created.json<{ ref: string; instrument: { items: { id: string }[] } }>();
    expect(entry.instrument.items.map((i) => i.id)).toEqual([
      'safety-speaking-up',
      'trust-hard-times',
      'own-1',
    ]);
    const bad = await owner.post(`/api/orgs/${orgId}/survey-instruments`, {
      name: { fr: 'X', en: 'X' },
      bankItemIds: ['no-such-item'],
    });
    expect(bad.status).toBe(400);
    const list = (await owner.get(`/api/orgs/${orgId}/survey-instruments`)).json<{
      instruments: { ref: string; kind: string }[];
    }>();
    expect(list.instruments.map((i) => i.kind)).toEqual(['full', 'pulse', 'custom']);
    const { campaign, shared } = await sharedCampaign('Custom', { instrumentRef: entry.ref });
    expect(campaign.itemCount).toBe(3);
    const session = (await anon().get(`/api/respond/${shared}`)).json<RespondSession>();
    expect(session.instrument.items.map((i) => i.id)).toContain('own-1');
  });

  it('refuses the report to members and observers', async () => {
    const { campaign } = await sharedCampaign('Roles');
    const { addMember } = await import('./factories.ts');
    const member = await addMember(app, owner, orgId, 'member');
    expect((await member.client.get(`/api/orgs/${orgId}/campaigns/${campaign.id}/report`)).status).toBe(403);
  });
});
