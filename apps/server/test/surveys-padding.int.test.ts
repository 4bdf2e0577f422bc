/**
 * Issue 12 §2 and §3 — padding a small group through the shared link, counts while open, and how
 * personal links reach people. Each reproduction is written as the attacker would run it.
 */
import type { Campaign, CampaignReport, RespondSession } from '@essaim/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { sharedLinkLimits } from '../src/http/respond.routes.ts';
import type { Mail, Mailer } from '../src/lib/mailer.ts';
import { createOrg, ORIGIN, setupAdmin, type TestClient } from './factories.ts';
import { answersFor } from './survey-answers.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/** An SMTP stand-in that keeps what Essaim sends (the transport is nodemailer's; the content is ours). */
class OutboxMailer implements Mailer {
  readonly enabled = true;
  readonly sent: Mail[] = [];
  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
  }
}

describe.each(testDialects)('shared-link padding and personal links on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let engagementId: string;
  let team: string;
  let other: string;
  let address = 0;
  const defaults = { ...sharedLinkLimits };

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Padding org');
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Padding', request: 'Try to pad' })
    ).json<{ id: string }>().id;
    team = (await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Small team', kind: 'team' })).json<{
      id: string;
    }>().id;
    other = (await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Big team', kind: 'team' })).json<{
      id: string;
    }>().id;
  });
  afterEach(() => {
    Object.assign(sharedLinkLimits, defaults);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  /** A scripted respondent: no cookie jar, an address of its choosing. */
  async function post(url: string, body: unknown, headers: Record<string, string> = {}, ip = '10.0.0.1') {
    const r = await app.inject({
      method: 'POST',
      url,
      payload: body as Record<string, unknown>,
      headers: { origin: ORIGIN, ...headers },
      remoteAddress: ip,
    });
    return { status: r.statusCode, body: r.json() as Record<string, unknown>, headers: r.headers };
  }

  async function answerShared(
    shared: string,
    collectiveId: string,
    value: number,
    ip = `10.1.0.${++address}`,
  ) {
    const start = await post(`/api/respond/${shared}/start`, { collectiveId, language: 'fr' }, {}, ip);
    if (start.status !== 200) {
      return start.status;
    }
    const { token, resumeKey } = start.body as { token: string; resumeKey: string };
    const key = { 'x-resume-key': resumeKey };
    const session = (
      await app.inject({ method: 'GET', url: `/api/respond/${token}`, headers: key })
    ).json<RespondSession>();
    const submit = await post(
      `/api/respond/${token}/submit`,
      { answers: answersFor(session, (min, max) => Math.min(max, Math.max(min, value))), language: 'fr' },
      key,
      ip,
    );
    return submit.status;
  }

  async function sharedCampaign(title: string, extra: Record<string, unknown> = {}) {
    const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
      title,
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [team, other],
      hasMemberLinks: false,
      hasSharedLink: true,
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const launched = await owner.post(`/api/orgs/${orgId}/campaigns/${created.json<Campaign>().id}/launch`);
    const campaign = launched.json<{ campaign: Campaign }>().campaign;
    return { id: campaign.id, shared: campaign.sharedLink!.split('/respond/')[1]! };
  }

  it('4 scripted answers plus 1 real one do not reveal the real answer (self-declared cells need 10)', async () => {
    const { id, shared } = await sharedCampaign('Padded');
    for (let i = 0; i < 4; i++) {
      expect(await answerShared(shared, team, 5)).toBe(200);
    }
    expect(await answerShared(shared, team, 1)).toBe(200); // the real person
    for (let i = 0; i < 12; i++) {
      await answerShared(shared, other, 3);
    }
    await owner.post(`/api/orgs/${orgId}/campaigns/${id}/close`);
    const report = (await owner.get(`/api/orgs/${orgId}/campaigns/${id}/report`)).json<CampaignReport>();
    const small = report.cuts.find((c) => c.collectiveId === team)!;
    expect(small).toMatchObject({ status: 'suppressed', n: null, constructs: [], items: [] });
    expect(small.reason).toBe('below-self-declared-minimum');
    expect(report.thresholds.minSelfDeclared).toBe(10);
    // The whole (17) minus the big team (12) would be the padded team: the planner withholds one.
    const whole = report.cuts.find((c) => c.collectiveId === null)!;
    const big = report.cuts.find((c) => c.collectiveId === other)!;
    expect(whole.status === 'shown' && big.status === 'shown').toBe(false);
    const shown = [whole, big].find((c) => c.status === 'shown')!;
    expect(shown.channels).toEqual({ sharedLink: shown.n, handLinks: 0 });
  });

  it('limits starts per address and per link, with Retry-After', async () => {
    Object.assign(sharedLinkLimits, { perAddress: 3, perLink: 6 });
    const limited = await buildTestApp(handle);
    try {
      const { shared } = await sharedCampaign('Flood');
      const start = (ip: string) =>
        limited.inject({
          method: 'POST',
          url: `/api/respond/${shared}/start`,
          payload: { collectiveId: other, language: 'fr' },
          headers: { origin: ORIGIN },
          remoteAddress: ip,
        });
      const fromOne = [];
      for (let i = 0; i < 4; i++) {
        fromOne.push((await start('10.9.9.9')).statusCode);
      }
      expect(fromOne).toEqual([200, 200, 200, 429]);
      const refused = await start('10.9.9.9');
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Rotating addresses: the link itself stops after its allowance.
      const rotating = [];
      for (let i = 0; i < 4; i++) {
        rotating.push((await start(`10.8.0.${i}`)).statusCode);
      }
      expect(rotating).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('accepts one response per browser and stops at the facilitator’s cap', async () => {
    const { id, shared } = await sharedCampaign('Capped', { sharedCap: 2 });
    expect((await owner.get(`/api/orgs/${orgId}/campaigns/${id}`)).json<Campaign>().sharedCap).toBe(2);
    const first = await post(`/api/respond/${shared}/start`, { collectiveId: other, language: 'fr' });
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^essaim_shared_/);
    const again = await post(
      `/api/respond/${shared}/start`,
      { collectiveId: other, language: 'fr' },
      { cookie },
    );
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('already-started');
    expect((await post(`/api/respond/${shared}/start`, { collectiveId: other, language: 'fr' })).status).toBe(
      200,
    );
    const capped = await post(`/api/respond/${shared}/start`, { collectiveId: other, language: 'fr' });
    expect(capped.status).toBe(409);
    expect(JSON.stringify(capped.body)).toContain('shared-cap-reached');
  });

  it('gives no count before close: only "threshold reached / not yet" per cut', async () => {
    const { id, shared } = await sharedCampaign('Counting');
    const progress = async () => {
      const r = (await owner.get(`/api/orgs/${orgId}/campaigns/${id}/report`)).json<CampaignReport>();
      const c = (await owner.get(`/api/orgs/${orgId}/campaigns/${id}`)).json<Campaign>();
      expect(r.cuts.every((cut) => cut.n === null && cut.openText.every((o) => o.n === null))).toBe(true);
      expect(c.responded).toBeNull();
      expect(c.collectives.every((k) => k.responded === null)).toBe(true);
      return r.cuts.find((cut) => cut.collectiveId === other)!.progress;
    };
    for (let i = 0; i < 9; i++) {
      await answerShared(shared, other, 4);
    }
    expect(await progress()).toBe('not-yet');
    await answerShared(shared, other, 4);
    expect(await progress()).toBe('reached');
    await answerShared(shared, other, 4);
    expect(await progress()).toBe('reached');
  });

  it('e-mails personal links when SMTP is configured, reminds without telling who answered, and counts hand-distributed answers', async () => {
    const outbox = new OutboxMailer();
    const mailing = await buildTestApp(handle);
    (mailing.deps as { mailer: Mailer }).mailer = outbox;
    try {
      const crew = (await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Crew', kind: 'team' })).json<{
        id: string;
      }>().id;
      for (let i = 0; i < 6; i++) {
        await owner.post(`/api/orgs/${orgId}/people`, {
          displayName: `Crew ${i}`,
          ...(i < 5 ? { email: `crew${i}@example.org` } : {}),
          collectiveIds: [crew],
        });
      }
      const as = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
        mailing.inject({
          method,
          url,
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
          headers: { cookie: owner.cookie ?? '', ...(method === 'POST' ? { origin: ORIGIN } : {}) },
        });
      const created = await as('POST', `/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
        title: 'Mailed',
        instrumentRef: 'essaim-ic-pulse',
        collectiveIds: [crew],
      });
      const id = created.json<Campaign>().id;
      const launched = await as('POST', `/api/orgs/${orgId}/campaigns/${id}/launch`);
      const result = launched.json<{
        emailed: number;
        invitations: { link: string | null }[];
        campaign: Campaign;
      }>();
      expect(result.emailed).toBe(5);
      expect(result.invitations.every((i) => i.link === null)).toBe(true);
      expect(result.campaign).toMatchObject({
        canEmail: true,
        distribution: { email: 5, hand: 0, pending: 1 },
      });
      expect(outbox.sent.map((m) => m.to).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `crew${i}@example.org`));
      const tokenOf = (mail: Mail) => /\/respond\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      expect(outbox.sent[0]!.text).toContain('http://localhost:4000/respond/');
      // The one without an address gets a link by hand: a deliberate, audited step.
      const handed = await as('POST', `/api/orgs/${orgId}/campaigns/${id}/invitations/hand-out`, {
        acknowledged: true,
      });
      const handLinks = handed.json<{ invitations: { personName: string; link: string }[] }>().invitations;
      expect(handLinks.map((i) => i.personName)).toEqual(['Crew 5']);
      const answer = async (token: string) => {
        const consent = await as('POST', `/api/respond/${token}/consent`, { accepted: true, language: 'fr' });
        const key = { 'x-resume-key': consent.json<{ resumeKey: string }>().resumeKey };
        const session = (
          await mailing.inject({ method: 'GET', url: `/api/respond/${token}`, headers: key })
        ).json<RespondSession>();
        const r = await mailing.inject({
          method: 'POST',
          url: `/api/respond/${token}/submit`,
          payload: { answers: answersFor(session, () => 3), language: 'fr' },
          headers: { origin: ORIGIN, ...key },
        });
        expect(r.statusCode).toBe(200);
      };
      const emailedTokens = outbox.sent.map(tokenOf);
      for (const token of emailedTokens.slice(0, 4)) {
        await answer(token);
      }
      await answer(handLinks[0]!.link.split('/respond/')[1]!);
      // Reminder: goes to the one who has not answered; the facilitator learns nothing back.
      outbox.sent.length = 0;
      const remind = await as('POST', `/api/orgs/${orgId}/campaigns/${id}/remind`);
      expect(remind.json()).toEqual({ ok: true });
      expect(outbox.sent.map((m) => m.to)).toEqual(['crew4@example.org']);
      const audit = JSON.stringify((await as('GET', `/api/orgs/${orgId}/audit`)).json());
      expect(audit).toContain('survey.links_handed_out');
      expect(audit).toContain('survey.reminder_sent');
      expect(audit).not.toMatch(/crew4@example\.org/);
      await answer(tokenOf(outbox.sent[0]!));
      await as('POST', `/api/orgs/${orgId}/campaigns/${id}/close`);
      const report = (await as('GET', `/api/orgs/${orgId}/campaigns/${id}/report`)).json<CampaignReport>();
      const cut = report.cuts.find((c) => c.collectiveId === crew)!;
      expect(cut).toMatchObject({ status: 'shown', n: 6, channels: { sharedLink: 0, handLinks: 1 } });
      // Without SMTP, reminders and e-mailing are refused with a clear reason.
      expect((await owner.post(`/api/orgs/${orgId}/campaigns/${id}/remind`)).status).toBe(409);
    } finally {
      await mailing.close();
    }
  });
});
