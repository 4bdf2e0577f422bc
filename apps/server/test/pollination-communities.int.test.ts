import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { sendNotificationEmails } from '../src/services/notifications-mailer.ts';
import { personalDataContributors } from '../src/services/personal-data.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient, uniqueEmail } from './factories.ts';
import { startSmtp } from './smtp-server.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Item = {
  id: string;
  kind: string;
  title: string;
  body: string;
  author: string | null;
  useful: boolean;
  hidden: { reason: string } | null;
  reports: number | null;
  file: { name: string; mime: string; size: number } | null;
};
type Notice = {
  id: string;
  kind: string;
  orgId: string;
  objectId: string;
  title: string;
  link: string | null;
  params: Record<string, string>;
  readAt: string | null;
};
type Notifications = { notifications: Notice[]; unread: number };
const bell = async (client: TestClient) => (await client.get('/api/me/notifications')).json<Notifications>();
const HOUR = 3600 * 1000;

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

describe.each(testDialects)('communities of practice on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let owner: TestClient;
  let member: TestClient;
  let memberId: string;
  let memberEmail: string;
  let orgA: string;
  let bOwner: TestClient;
  let bOwnerId: string;
  let orgB: string;
  let communityId: string;
  let questionId: string;
  let answerId: string;
  const community = () => `/api/orgs/${orgA}/pollination/communities/${communityId}`;
  const items = async (client: TestClient, org = orgA) =>
    (await client.get(`/api/orgs/${org}/pollination/communities/${communityId}/items`)).json<{
      items: Item[];
    }>().items;

  beforeAll(async () => {
    smtp = await startSmtp();
    handle = await dialect.open();
    app = await buildTestApp(handle, { smtpUrl: smtp.url });
    owner = (await setupAdmin(app)).client;
    orgA = await createOrg(owner, 'Coopérative Alpha');
    const m = await addMember(app, owner, orgA, 'member');
    member = m.client;
    memberId = m.userId;
    memberEmail = m.email;
    // Organisation B, whose owner is not a member of A.
    const throwaway = await createOrg(owner, 'Throwaway');
    const b = await addMember(app, owner, throwaway, 'observer', uniqueEmail('bravo'));
    bOwner = testClient(app);
    bOwner.cookie = b.client.cookie;
    bOwnerId = b.userId;
    await owner.del(`/api/orgs/${throwaway}/members/${b.userId}`);
    orgB = await createOrg(bOwner, 'Bravo');
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    await smtp.close();
  });

  it('creates a community whose creator moderates; members join to contribute', async () => {
    expect(
      (await member.post(`/api/orgs/${orgA}/pollination/communities`, { title: 'Binômes' })).status,
    ).toBe(403);
    const r = await owner.post(`/api/orgs/${orgA}/pollination/communities`, {
      title: 'Binômes entre services',
      theme: 'coopération',
    });
    expect(r.status).toBe(200);
    communityId = r.json<{ id: string }>().id;
    expect(r.json()).toMatchObject({ isMember: true, role: 'moderator', canModerate: true, memberCount: 1 });
    const refused = await member.post(`${community()}/items`, {
      kind: 'post',
      title: 'Bonjour',
      body: 'Salut',
    });
    expect(refused.status).toBe(403);
    expect(refused.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'not-member',
    );
    expect((await member.post(`${community()}/join`)).json()).toMatchObject({
      isMember: true,
      role: 'member',
    });
    const list = (await member.get(`/api/orgs/${orgA}/pollination/communities`)).json<{
      communities: { id: string; memberCount: number }[];
    }>();
    expect(list.communities).toEqual([expect.objectContaining({ id: communityId, memberCount: 2 })]);
  });

  it('asks, answers with a mention, and lets the asker mark the answer useful', async () => {
    const q = await member.post(`${community()}/items`, {
      kind: 'question',
      title: 'Comment lancer des binômes ?',
      body: 'Par où commencer ?',
    });
    expect(q.status).toBe(200);
    questionId = q.json<{ id: string }>().id;
    const bad = await owner.post(`${community()}/items`, { kind: 'answer', body: 'Sans question' });
    expect(bad.status).toBe(400);
    const a = await owner.post(`${community()}/items`, {
      kind: 'answer',
      parentId: questionId,
      body: 'Commencez petit, @Member Person, avec deux volontaires.',
    });
    expect(a.status).toBe(200);
    answerId = a.json<{ id: string }>().id;
    // The asker is both mentioned and answered: one notification, the mention, in the platform's bell.
    const n = await bell(member);
    expect(n.unread).toBe(1);
    expect(n.notifications).toEqual([
      expect.objectContaining({
        kind: 'community.mentioned',
        orgId: orgA,
        objectId: answerId,
        title: 'Binômes entre services',
        link: `/pollination/communities/${communityId}`,
        params: expect.objectContaining({ author: 'Admin Person' }),
      }),
    ]);
    expect((await bell(owner)).notifications.some((x) => x.kind.startsWith('community.'))).toBe(false);
    // Only the asker (or a moderator) marks an answer useful.
    const other = await addMember(app, owner, orgA, 'member', uniqueEmail('other'));
    await other.client.post(`${community()}/join`);
    expect(
      (await other.client.post(`${community()}/items/${answerId}/useful`, { useful: true })).status,
    ).toBe(403);
    expect((await member.post(`${community()}/items/${answerId}/useful`, { useful: true })).status).toBe(200);
    expect((await items(member)).find((i) => i.id === answerId)?.useful).toBe(true);
    const read = await member.post('/api/me/notifications/read', { ids: n.notifications.map((x) => x.id) });
    expect(read.json<{ unread: number }>().unread).toBe(0);
    expect((await bell(member)).notifications[0]?.readAt).not.toBeNull();
    // The old community-only list is gone.
    expect((await member.get(`/api/orgs/${orgA}/pollination/community-notifications`)).status).toBe(404);
  });

  it('shares links, files whose bytes match their type, and events', async () => {
    const link = await member.post(`${community()}/items`, {
      kind: 'resource',
      title: 'Guide',
      url: 'https://example.org/guide',
    });
    expect(link.status).toBe(200);
    const pdf = await member.post(`${community()}/items`, {
      kind: 'resource',
      title: 'Trame',
      file: { name: 'trame.pdf', contentBase64: b64('%PDF-1.7\n% trame\n') },
    });
    expect(pdf.status).toBe(200);
    const pdfId = pdf.json<{ id: string }>().id;
    const file = await member.get(`${community()}/items/${pdfId}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');

    const before = (await items(member)).length;
    const disguised = await member.post(`${community()}/items`, {
      kind: 'resource',
      title: 'Pas une image',
      file: { name: 'photo.png', contentBase64: b64('%PDF-1.7') },
    });
    expect(disguised.status).toBe(415);
    expect(disguised.json<{ error: { code: string; details: { reason: string } } }>().error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { reason: 'file-extension' },
    });
    const exe = await member.post(`${community()}/items`, {
      kind: 'resource',
      title: 'Programme',
      file: { name: 'notes.txt', contentBase64: b64(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0])) },
    });
    expect(exe.status).toBe(415);
    expect(exe.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('file-type');
    const big = await member.post(`${community()}/items`, {
      kind: 'resource',
      title: 'Trop gros',
      file: { name: 'gros.txt', contentBase64: b64('a'.repeat(2 * 1024 * 1024 + 1)) },
    });
    expect(big.status).toBe(413);
    expect(big.json<{ error: { code: string; details: { reason: string } } }>().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { reason: 'file-too-large' },
    });
    expect(await items(member)).toHaveLength(before);

    const event = await member.post(`${community()}/items`, {
      kind: 'event',
      title: 'Visite chez Instruction',
      startsAt: '2027-03-01T09:00:00.000Z',
      place: 'Salle 2',
    });
    expect(event.status).toBe(200);
    expect((await member.post(`${community()}/items`, { kind: 'event', title: 'Sans date' })).status).toBe(
      400,
    );
  });

  it('reports, hides with a reason in the audit log, and never serves hidden content to members', async () => {
    const post = await owner.post(`${community()}/items`, {
      kind: 'post',
      title: 'Hors sujet',
      body: 'Texte déplacé à masquer, @Member Person',
    });
    const postId = post.json<{ id: string }>().id;
    // The notice names the community, never the item's text; hiding the item removes it.
    const notice = (await bell(member)).notifications.find((x) => x.objectId === postId);
    expect(notice).toMatchObject({ kind: 'community.mentioned', title: 'Binômes entre services' });
    expect(JSON.stringify(notice)).not.toContain('Texte déplacé');
    expect(JSON.stringify(notice)).not.toContain('Hors sujet');
    expect(
      (await member.post(`${community()}/items/${postId}/report`, { reason: 'Hors sujet' })).status,
    ).toBe(200);
    expect(
      (await member.post(`${community()}/items/${postId}/hide`, { hidden: true, reason: 'x' })).status,
    ).toBe(403);
    expect(
      (await owner.post(`${community()}/items/${postId}/hide`, { hidden: true, reason: '' })).status,
    ).toBe(400);
    const hide = await owner.post(`${community()}/items/${postId}/hide`, {
      hidden: true,
      reason: 'Hors charte',
    });
    expect(hide.status).toBe(200);

    const seen = await member.get(`${community()}/items`);
    expect(JSON.stringify(seen.body)).not.toContain('Texte déplacé à masquer');
    expect((await bell(member)).notifications.some((x) => x.objectId === postId)).toBe(false);
    expect((await member.post(`${community()}/items/${postId}/report`, { reason: 'encore' })).status).toBe(
      404,
    );
    const modView = (await items(owner)).find((i) => i.id === postId);
    expect(modView).toMatchObject({ hidden: { reason: 'Hors charte' }, reports: 1 });

    const audit = await owner.get(`/api/orgs/${orgA}/audit?action=community.hide`);
    expect(audit.json<{ entries: { objectId: string; details: { reason: string } }[] }>().entries).toEqual([
      expect.objectContaining({
        objectId: postId,
        details: expect.objectContaining({ reason: 'Hors charte' }),
      }),
    ]);
  });

  it('opens to another organisation only after both owners agree', async () => {
    const orgBCommunity = `/api/orgs/${orgB}/pollination/communities/${communityId}`;
    expect((await bOwner.get(orgBCommunity)).status).toBe(404);
    expect((await bOwner.post(`${orgBCommunity}/accept`)).status).toBe(404);
    // A plain member of the host cannot invite; the host's owner can.
    expect((await member.post(`${community()}/invitations`, { orgId: orgB })).status).toBe(403);
    const invited = await owner.post(`${community()}/invitations`, { orgId: orgB });
    expect(invited.status).toBe(200);
    expect(invited.json<{ organisations: unknown[] }>().organisations).toContainEqual({
      name: 'Bravo',
      host: false,
      accepted: false,
    });
    // Invited is not agreed: B still reaches nothing.
    expect((await bOwner.get(orgBCommunity)).status).toBe(404);
    expect((await bOwner.get(`${orgBCommunity}/items`)).status).toBe(404);
    const pending = (await bOwner.get(`/api/orgs/${orgB}/pollination/communities`)).json<{
      communities: unknown[];
      invitations: { communityId: string }[];
    }>();
    expect(pending.communities).toEqual([]);
    expect(pending.invitations).toEqual([expect.objectContaining({ communityId })]);

    expect((await bOwner.post(`${orgBCommunity}/accept`)).status).toBe(200);
    expect((await bOwner.post(`${orgBCommunity}/join`)).status).toBe(200);
    const seen = await items(bOwner, orgB);
    expect(seen.some((i) => i.id === questionId)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('Texte déplacé à masquer');
    expect(
      (await bOwner.post(`${orgBCommunity}/items`, { kind: 'post', title: 'Bonjour', body: 'De Bravo' }))
        .status,
    ).toBe(200);
    const members = (await owner.get(`${community()}/members`)).json<{
      members: { organisation: string }[];
    }>();
    expect(members.members.map((x) => x.organisation)).toContain('Bravo');
    // B's owner does not moderate A's community.
    const bView = (await bOwner.get(orgBCommunity)).json<{ canModerate: boolean }>();
    expect(bView.canModerate).toBe(false);
  });

  it('mails community notices once, in the daily digest, unless the member turned the digest off', async () => {
    const db = app.deps.database.db;
    const publicUrl = 'https://essaim.example.org';
    const quiet = await addMember(app, owner, orgA, 'facilitator', uniqueEmail('quiet'));
    await quiet.client.post(`${community()}/join`);
    await owner.post(`${community()}/items`, {
      kind: 'post',
      title: 'Retour',
      body: 'Merci @Member Person et @Facilitator Person pour le texte confidentiel',
    });
    // Turning the digest off drops what was waiting, and what comes next is never mailed.
    expect((await quiet.client.request('PUT', `${community()}/digest`, { digest: false })).status).toBe(200);
    await owner.post(`${community()}/items`, { kind: 'post', title: 'Encore', body: '@Facilitator Person' });
    expect(
      (await bell(quiet.client)).notifications.filter((x) => x.kind === 'community.mentioned'),
    ).toHaveLength(2);

    smtp.received.length = 0;
    // News waits for the daily digest: nothing goes out at once.
    await sendNotificationEmails(db, app.deps.mailer, publicUrl);
    expect(smtp.received.filter((m) => m.to === memberEmail)).toEqual([]);
    const later = new Date(Date.now() + 25 * HOUR);
    await sendNotificationEmails(db, app.deps.mailer, publicUrl, later);
    const toMember = smtp.received.filter((m) => m.to === memberEmail);
    expect(toMember).toHaveLength(1);
    expect(toMember[0]?.subject).toContain('depuis votre dernier résumé');
    expect(toMember[0]?.text).toContain('On parle de vous dans «\u00A0Binômes entre services\u00A0»');
    expect(toMember[0]?.text).toContain(`${publicUrl}/pollination/communities/${communityId}`);
    // The item's text is not in the mail (it may be hidden later; an email cannot be taken back).
    expect(toMember[0]?.text).not.toContain('confidentiel');
    expect(smtp.received.filter((m) => m.to === quiet.email)).toEqual([]);
    // Once: a later sweep sends nothing more.
    smtp.received.length = 0;
    await sendNotificationEmails(db, app.deps.mailer, publicUrl, new Date(Date.now() + 26 * HOUR));
    expect(smtp.received.filter((m) => m.to === memberEmail || m.to === quiet.email)).toEqual([]);
  });

  it('exports and erases a person’s contributions', async () => {
    const contributor = personalDataContributors().find((c) => c.name === 'pollination-communities')!;
    const db = app.deps.database.db;
    const exported = (await contributor.export(db, memberId)) as {
      memberships: unknown[];
      contributions: { title: string; body: string }[];
      reports: unknown[];
    };
    expect(exported.memberships).toHaveLength(1);
    expect(exported.contributions.map((c) => c.title)).toContain('Comment lancer des binômes ?');
    expect(exported.reports).toHaveLength(1);
    // The owner is told about something the member wrote: that notice names them, so it goes too.
    const thanks = (
      await member.post(`${community()}/items`, { kind: 'post', title: 'Merci', body: 'Merci @Admin Person' })
    ).json<{ id: string }>().id;
    expect((await bell(owner)).notifications.some((x) => x.objectId === thanks)).toBe(true);
    const notices = personalDataContributors().find((c) => c.name === 'notifications')!;
    const mine = (await notices.export(db, memberId)) as { notifications: { kind: string }[] };
    expect(mine.notifications.map((x) => x.kind)).toContain('community.mentioned');
    await contributor.erase(db, memberId, orgA, 'delete');
    await notices.erase(db, memberId, orgA, 'delete');
    expect(((await notices.export(db, memberId)) as typeof mine).notifications).toEqual([]);
    // Notices about what they wrote (and the answers gone with their question) go too.
    expect((await bell(owner)).notifications.some((x) => x.objectId === thanks)).toBe(false);
    const about = await db
      .selectFrom('notifications')
      .select('id')
      .where('object_id', 'in', [thanks, questionId, answerId])
      .execute();
    expect(about).toEqual([]);
    const after = (await contributor.export(db, memberId)) as typeof exported;
    expect(after).toEqual({ memberships: [], contributions: [], reports: [] });
    // The question went, and its answer with it.
    expect((await items(owner)).some((i) => i.id === questionId || i.id === answerId)).toBe(false);

    await contributor.erase(db, bOwnerId, orgB, 'anonymise');
    const bravoPost = (await items(owner)).find((i) => i.body === 'De Bravo');
    expect(bravoPost?.author).toBeNull();
  });
});
