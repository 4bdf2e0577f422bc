/**
 * Issue 20 — notifications and calendars: in-app notifications with a read state, reminders written
 * once, emails through a real SMTP server in each recipient's language, the private calendar feed.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { sweepDecisionReminders } from '../src/services/decision-notifications.service.ts';
import { sendNotificationEmails } from '../src/services/notifications-mailer.ts';
import { sweepReminders } from '../src/services/notifications-reminders.ts';
import { addMember, createOrg, PASSWORD, setupAdmin, type TestClient } from './factories.ts';
import { startSmtp } from './smtp-server.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

interface NotificationView {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  orgId: string;
  params: Record<string, string>;
  readAt: string | null;
}

const HOUR = 3600 * 1000;

describe.each(testDialects)('notifications and calendars on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let owner: TestClient;
  let ownerEmail: string;
  let orgId: string;
  let member: { client: TestClient; email: string; userId: string };
  let other: { client: TestClient; email: string; userId: string };
  let eng: string;
  let engagementId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    handle = await dialect.open();
    app = await buildTestApp(handle, { smtpUrl: smtp.url });
    const admin = await setupAdmin(app);
    owner = admin.client;
    ownerEmail = admin.email;
    orgId = await createOrg(owner, 'Ruche du Nord');
    member = await addMember(app, owner, orgId, 'member');
    other = await addMember(app, owner, orgId, 'facilitator');
    // The member reads English, the owner keeps French (the default).
    expect((await member.client.patch('/api/me', { language: 'en' })).status).toBe(200);
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Cap 2027', request: 'Redessiner' })
    ).json<{ id: string }>().id;
    eng = `/api/orgs/${orgId}/engagements/${engagementId}`;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    await smtp.close();
  });

  const list = async (c: TestClient, query = '') =>
    (await c.get(`/api/me/notifications${query}`)).json<{
      notifications: NotificationView[];
      unread: number;
    }>();

  it('tells a person added to an engagement, with a read state only they can change', async () => {
    expect((await list(member.client)).unread).toBe(0);
    const added = await owner.post(`${eng}/stakeholders`, {
      kind: 'other',
      name: 'Member',
      userId: member.userId,
    });
    expect(added.status).toBe(200);
    const mine = await list(member.client);
    expect(mine.unread).toBe(1);
    expect(mine.notifications[0]).toMatchObject({
      kind: 'engagement.invited',
      title: 'Cap 2027',
      link: `/engagements/${engagementId}`,
      orgId,
      readAt: null,
    });
    expect((await member.client.get('/api/me/notifications/unread-count')).json()).toEqual({ unread: 1 });
    // The owner added them: the owner is not notified of their own action.
    expect((await list(owner)).notifications.some((n) => n.kind === 'engagement.invited')).toBe(false);

    const id = mine.notifications[0]!.id;
    // Someone else cannot mark it read (ids of others are ignored, not an error that confirms them).
    expect((await other.client.post('/api/me/notifications/read', { ids: [id] })).json()).toMatchObject({
      marked: 0,
    });
    expect((await list(member.client)).unread).toBe(1);
    // Bad input changes nothing.
    expect((await member.client.post('/api/me/notifications/read', { ids: [] })).status).toBe(400);
    expect((await member.client.post('/api/me/notifications/read', { ids: 'all' })).status).toBe(400);
    const read = await member.client.post('/api/me/notifications/read', { ids: [id] });
    expect(read.json()).toEqual({ marked: 1, unread: 0 });
    expect((await list(member.client)).notifications[0]!.readAt).not.toBeNull();
    expect((await list(member.client, '?unread=true')).notifications).toHaveLength(0);
    // Signed out, nothing.
    expect((await app.inject({ method: 'GET', url: '/api/me/notifications' })).statusCode).toBe(401);
  });

  it('tells the members of a collective that it takes part, and the leads when a decision is adopted', async () => {
    const collectiveId = (
      await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Atelier bois', kind: 'team' })
    ).json<{ id: string }>().id;
    const person = await owner.post(`/api/orgs/${orgId}/people`, {
      displayName: 'Other',
      collectiveIds: [collectiveId],
    });
    const personId = person.json<{ id: string }>().id;
    await handle.db.updateTable('people').set({ user_id: other.userId }).where('id', '=', personId).execute();
    await owner.post(`${eng}/stakeholders`, { kind: 'collective', name: 'Atelier bois', collectiveId });
    const theirs = await list(other.client);
    const invited = theirs.notifications.find((n) => n.kind === 'collective.invited');
    expect(invited?.params).toEqual({ collective: 'Atelier bois' });

    // The member is a stakeholder now (a lead): an adopted proposal reaches them.
    const p = await owner.post(`${eng}/proposals`, {
      title: 'Horaires souples',
      text: 'Ouvrir à 8 h',
      rule: 'majority',
      deadline: new Date(Date.now() + 3 * HOUR).toISOString(),
    });
    const proposalId = p.json<{ proposal: { id: string } }>().proposal.id;
    await owner.post(`${eng}/proposals/${proposalId}/positions`, { value: 'yes' });
    await member.client.post(`${eng}/proposals/${proposalId}/positions`, { value: 'yes' });
    const closed = await owner.post(`${eng}/proposals/${proposalId}/close`, { outcomeStatement: 'Oui' });
    expect(closed.status).toBe(200);
    const kinds = (await list(member.client)).notifications.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['proposal.opened', 'proposal.closed', 'decision.adopted']));
  });

  it('writes reminders once (campaign closing, charter review, proposal closing) and mails them in each language', async () => {
    smtp.received.length = 0;
    // A campaign open and closing within the day; an adopted charter whose review date has come.
    const campaignId = (
      await owner.post(`${eng}/campaigns`, {
        title: 'Pouls de décembre',
        instrumentRef: 'essaim-ic-pulse',
        collectiveIds: [],
      })
    ).json<{ id: string }>().id;
    const closesAt = new Date(Date.now() + 5 * HOUR).toISOString();
    await handle.db
      .updateTable('survey_campaigns')
      .set({ status: 'open', closes_at: closesAt })
      .where('id', '=', campaignId)
      .execute();
    const charterId = (
      await owner.post(`${eng}/charters`, { title: 'Charte de l’atelier', kind: 'team', locale: 'fr' })
    ).json<{ id: string }>().id;
    await handle.db
      .updateTable('charters')
      .set({ status: 'adopted', review_on: new Date(Date.now() - 24 * HOUR).toISOString().slice(0, 10) })
      .where('id', '=', charterId)
      .execute();
    await owner.post(`${eng}/proposals`, {
      title: 'Budget formation',
      text: 'Deux jours par personne',
      rule: 'majority',
      deadline: new Date(Date.now() + 2 * HOUR).toISOString(),
    });

    const db = app.deps.database.db;
    expect(await sweepReminders(db)).toBeGreaterThanOrEqual(4); // both reminders, owner and member
    expect(await sweepDecisionReminders(db)).toBeGreaterThan(0);
    // Idempotent: a second sweep (or another instance's) writes nothing.
    expect(await sweepReminders(db)).toBe(0);
    expect(await sweepDecisionReminders(db)).toBe(0);

    const memberKinds = (await list(member.client)).notifications.map((n) => n.kind);
    expect(memberKinds).toEqual(
      expect.arrayContaining(['campaign.closing_soon', 'charter.review_due', 'proposal.closing_soon']),
    );

    const publicUrl = 'https://essaim.example.org';
    const first = await sendNotificationEmails(db, app.deps.mailer, publicUrl);
    expect(first.sent).toBeGreaterThanOrEqual(6);
    expect(first.failed).toBe(0);
    // Sent once: the outbox has nothing left but news waiting for the digest.
    expect((await sendNotificationEmails(db, app.deps.mailer, publicUrl)).sent).toBe(0);

    const toMember = smtp.received.filter((m) => m.to === member.email);
    const toOwner = smtp.received.filter((m) => m.to === ownerEmail);
    const campaignEn = toMember.find((m) => m.subject.includes('Pouls de décembre'));
    expect(campaignEn?.subject).toBe('Essaim — The diagnostic "Pouls de décembre" closes soon');
    expect(campaignEn?.text).toContain(`${publicUrl}/diagnostics/campaigns/${campaignId}`);
    expect(campaignEn?.text).toContain('UTC');
    expect(campaignEn?.html).toContain(`href="${publicUrl}/diagnostics/campaigns/${campaignId}"`);
    const charterFr = toOwner.find((m) => m.subject.includes('Charte'));
    expect(charterFr?.subject).toBe('Essaim — Charte à relire\u00A0: Charte de l’atelier');
    expect(charterFr?.text).toContain('Réunissez le collectif');
    expect(toOwner.find((m) => m.subject.includes('Budget formation'))?.subject).toBe(
      'Essaim — Plus que quelques heures pour «\u00A0Budget formation\u00A0»',
    );
    // The engagement invitation, read already, was not mailed; only unread news is.
    expect(toMember.some((m) => m.subject.includes('joined the engagement'))).toBe(false);

    // A day later, the news that waited (opened, closed, adopted) goes out as one digest per person.
    const later = await sendNotificationEmails(
      db,
      app.deps.mailer,
      publicUrl,
      new Date(Date.now() + 25 * HOUR),
    );
    expect(later.digests).toBeGreaterThanOrEqual(1);
    const digest = smtp.received.find(
      (m) => m.to === member.email && m.subject.includes('since your last summary'),
    );
    expect(digest?.text).toContain('Decision adopted: Horaires souples');
    expect(digest?.text).toContain(`${publicUrl}/notifications`);
    expect(
      (await sendNotificationEmails(db, app.deps.mailer, publicUrl, new Date(Date.now() + 26 * HOUR)))
        .digests,
    ).toBe(0);
  });

  it('emails an organisation invitation in both languages, with its link', async () => {
    smtp.received.length = 0;
    const r = await owner.post(`/api/orgs/${orgId}/invitations`, {
      email: 'newcomer@example.org',
      role: 'member',
    });
    expect(r.json<{ emailed: boolean }>().emailed).toBe(true);
    const link = r.json<{ link: string }>().link;
    const mail = smtp.received.find((m) => m.to === 'newcomer@example.org');
    expect(mail?.subject).toBe('Essaim — Invitation\u00A0: Ruche du Nord / Invitation: Ruche du Nord');
    expect(mail?.text).toContain('vous invite à rejoindre «\u00A0Ruche du Nord\u00A0»');
    expect(mail?.text).toContain('invites you to join "Ruche du Nord"');
    expect(mail?.text).toContain(link);
    expect(mail?.html).toContain('<div lang="en">');
  });

  it('marks everything read at once', async () => {
    expect((await list(member.client)).unread).toBeGreaterThan(0);
    expect((await member.client.post('/api/me/notifications/read-all')).json()).toMatchObject({ unread: 0 });
    expect((await list(member.client)).unread).toBe(0);
    expect((await list(owner)).unread).toBeGreaterThan(0);
  });

  it('serves a private, revocable calendar feed that parses as iCalendar', async () => {
    expect((await member.client.get('/api/me/calendar-feed')).json()).toMatchObject({ active: false });
    // An agenda with a date, so the feed holds a timed workshop.
    const agenda = await owner.post(`/api/orgs/${orgId}/agendas`, {
      title: 'Atelier, vision; 2027',
      engagementId,
      date: '2027-01-14',
      start: '14:00',
      availableMinutes: 90,
    });
    expect(agenda.status).toBe(200);
    const created = (await member.client.post('/api/me/calendar-feed')).json<{ url: string }>();
    expect(created.url).toMatch(/^http:\/\/localhost:4000\/api\/calendar-feeds\/[A-Za-z0-9_-]+\.ics$/);
    const path = new URL(created.url).pathname;
    const r = await app.inject({ method: 'GET', url: path });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
    // RFC 5545: CRLF everywhere, no line over 75 octets.
    expect(r.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of r.body.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    const cal = new ICAL.Component(ICAL.parse(r.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const summaries = events.map((e) => e.summary);
    // The member reads English.
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Workshop — Atelier, vision; 2027',
        'Proposal closes — Budget formation',
        'Charter review — Charte de l’atelier',
      ]),
    );
    const workshop = events.find((e) => e.summary.startsWith('Workshop'))!;
    expect(workshop.startDate.toString()).toBe('2027-01-14T14:00:00');
    expect(workshop.endDate.toString()).toBe('2027-01-14T15:30:00');
    const charter = events.find((e) => e.summary.startsWith('Charter review'))!;
    expect(charter.startDate.isDate).toBe(true);
    // Same UIDs on the next fetch: calendars update events in place.
    const again = await app.inject({ method: 'GET', url: path });
    const uids = (body: string) =>
      new ICAL.Component(ICAL.parse(body))
        .getAllSubcomponents('vevent')
        .map((v) => v.getFirstPropertyValue('uid'));
    expect(uids(again.body)).toEqual(uids(r.body));
    expect((await member.client.get('/api/me/calendar-feed')).json()).toMatchObject({ active: true });

    // Another organisation's data never appears: a member of another org only sees theirs.
    const stranger = await setupStranger();
    const theirFeed = (await stranger.post('/api/me/calendar-feed')).json<{ url: string }>();
    const theirs = await app.inject({ method: 'GET', url: new URL(theirFeed.url).pathname });
    expect(theirs.body).not.toContain('Budget formation');

    // Revoked: 410 with a stable code; unknown: 404; a new link works and the old stays dead.
    expect((await member.client.del('/api/me/calendar-feed')).status).toBe(200);
    const gone = await app.inject({ method: 'GET', url: path });
    expect(gone.statusCode).toBe(410);
    expect(gone.json()).toMatchObject({ error: { code: 'LINK_REVOKED' } });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
        })
      ).statusCode,
    ).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/calendar-feeds/x.ics' })).statusCode).toBe(400);
    expect((await member.client.del('/api/me/calendar-feed')).status).toBe(404);
    const renewed = (await member.client.post('/api/me/calendar-feed')).json<{ url: string }>();
    expect((await app.inject({ method: 'GET', url: new URL(renewed.url).pathname })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(410);
  });

  async function setupStranger(): Promise<TestClient> {
    const outsider = await addMember(app, owner, await createOrg(owner, 'Autre maison'), 'member');
    await owner.del(`/api/orgs/${orgId}/members/${outsider.userId}`);
    return outsider.client;
  }

  it('exports and erases a person’s notifications and calendar links with their account', async () => {
    const exported = (await member.client.get('/api/me/export')).json<Record<string, unknown>>();
    const text = JSON.stringify(exported);
    expect(text).toContain('engagement.invited');
    expect(text).toContain('calendarFeeds');
    expect(text).not.toMatch(/token_hash|tokenHash/);
    // The facilitator holds notifications and a calendar link; deleting the account removes both.
    await other.client.post('/api/me/calendar-feed');
    const db = app.deps.database.db;
    const count = async (table: 'notifications' | 'calendar_feeds') =>
      (await db.selectFrom(table).select('id').where('user_id', '=', other.userId).execute()).length;
    expect(await count('notifications')).toBeGreaterThan(0);
    expect(await count('calendar_feeds')).toBe(1);
    const deleted = await other.client.request('DELETE', '/api/me', {
      password: PASSWORD,
      confirmEmail: other.email,
    });
    expect(deleted.status).toBe(200);
    expect(await count('notifications')).toBe(0);
    expect(await count('calendar_feeds')).toBe(0);
  });
});
