import type {
  CommunityCreateBody,
  CommunityItem,
  CommunityItemCreateBody,
  CommunityList,
  CommunityView,
} from '@essaim/contracts';
import { can } from '@essaim/core';
import { checkCommunityFile, mentionedMembers } from '@essaim/core/pollination';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type CommunityRow,
  communitiesRepository as repo,
} from '../db/repositories/communities.repository.ts';
import { AppError, forbidden, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { notify } from './notify.ts';

/**
 * Communities of practice: a space per practice or theme, hosted by one organisation. Its members come
 * from any collective of the host, and from another organisation only once the host's owner invited it
 * and that organisation's owner accepted (both owners agree). Reading needs `org.read` in an
 * organisation the community reaches; contributing needs to have joined. Moderators (the creator, and
 * the host's owners and facilitators) hide content with a reason written to the audit log; hidden
 * content is never sent to other members.
 */

type Community = CommunityRow & { host_name: string };

async function load(db: Db, scope: OrgScope, communityId: string): Promise<Community> {
  const community = await repo.accessible(db, scope, communityId);
  if (!community) {
    throw notFound('community');
  }
  return community;
}

async function moderates(db: Db, scope: OrgScope, community: Community): Promise<boolean> {
  if (community.org_id === scope.orgId && can(scope.role, 'methods.manage')) {
    return true;
  }
  return (await repo.member(db, community.id, scope.userId))?.role === 'moderator';
}

/** The caller's membership through this organisation; contributing needs one. */
async function requireMember(db: Db, scope: OrgScope, community: Community) {
  const member = await repo.member(db, community.id, scope.userId);
  if (!member || member.org_id !== scope.orgId) {
    throw new AppError('FORBIDDEN', 'join the community first', { reason: 'not-member' });
  }
  return member;
}

export async function listCommunities(db: Db, scope: OrgScope): Promise<CommunityList> {
  const rows = await repo.listAccessible(db, scope);
  const counts = await repo.memberCounts(
    db,
    rows.map((r) => r.id),
  );
  const mine = new Set(
    (await repo.membershipsOf(db, scope.userId))
      .filter((m) => m.org_id === scope.orgId)
      .map((m) => m.community_id),
  );
  const invitations = can(scope.role, 'org.update') ? await repo.pendingInvitations(db, scope) : [];
  return {
    communities: rows.map((r) => ({
      id: r.id,
      title: r.title,
      theme: r.theme,
      description: r.description,
      hostOrganisation: r.host_name,
      isHost: r.org_id === scope.orgId,
      memberCount: counts.get(r.id) ?? 0,
      isMember: mine.has(r.id),
    })),
    invitations: invitations.map((i) => ({
      communityId: i.id,
      title: i.title,
      theme: i.theme,
      hostOrganisation: i.host_name,
      invitedAt: i.invited_at,
    })),
  };
}

export async function createCommunity(db: Db, scope: OrgScope, body: CommunityCreateBody, actor: Actor) {
  if (!can(scope.role, 'methods.manage')) {
    throw forbidden();
  }
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertCommunity(trx, {
      id,
      org_id: scope.orgId,
      title: body.title,
      theme: body.theme,
      description: body.description,
      created_by: scope.userId,
      created_at: now,
    });
    await repo.insertMember(trx, {
      community_id: id,
      user_id: scope.userId,
      org_id: scope.orgId,
      role: 'moderator',
      digest: 1,
      joined_at: now,
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'community.create',
      objectKind: 'community',
      objectId: id,
    });
  });
  return readCommunity(db, scope, id);
}

export async function readCommunity(db: Db, scope: OrgScope, communityId: string): Promise<CommunityView> {
  const community = await load(db, scope, communityId);
  const member = await repo.member(db, community.id, scope.userId);
  const isHost = community.org_id === scope.orgId;
  const guests = await repo.guests(db, community.id);
  const counts = await repo.memberCounts(db, [community.id]);
  return {
    id: community.id,
    title: community.title,
    theme: community.theme,
    description: community.description,
    hostOrganisation: community.host_name,
    isHost,
    memberCount: counts.get(community.id) ?? 0,
    isMember: member?.org_id === scope.orgId,
    role: member?.org_id === scope.orgId ? (member.role as 'member' | 'moderator') : null,
    canModerate: await moderates(db, scope, community),
    digest: member?.org_id === scope.orgId && member.digest === 1,
    canInvite: isHost && can(scope.role, 'org.update'),
    // A guest sees the organisations taking part; only the host sees invitations still pending.
    organisations: [
      { name: community.host_name, host: true, accepted: true },
      ...guests
        .filter((g) => isHost || g.accepted_at !== null)
        .map((g) => ({ name: g.name, host: false, accepted: g.accepted_at !== null })),
    ],
  };
}

/** The host's owner invites another organisation; it takes part once that organisation's owner accepts. */
export async function inviteOrganisation(
  db: Db,
  scope: OrgScope,
  communityId: string,
  orgId: string,
  actor: Actor,
) {
  const community = await load(db, scope, communityId);
  if (community.org_id !== scope.orgId || !can(scope.role, 'org.update')) {
    throw forbidden('only an owner of the host organisation invites');
  }
  if (orgId === scope.orgId || !(await repo.organisationName(db, orgId))) {
    throw new AppError('VALIDATION_FAILED', 'unknown organisation', { field: 'orgId' });
  }
  await db.transaction().execute(async (trx) => {
    await repo.invite(trx, community.id, orgId, scope.userId, nowIso());
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'community.invite',
      objectKind: 'community',
      objectId: community.id,
      details: { invitedOrgId: orgId },
    });
  });
  return readCommunity(db, scope, communityId);
}

export async function acceptInvitation(db: Db, scope: OrgScope, communityId: string, actor: Actor) {
  if (!can(scope.role, 'org.update')) {
    throw forbidden('only an owner accepts for the organisation');
  }
  if (!(await repo.pendingInvitation(db, scope, communityId))) {
    throw notFound('invitation');
  }
  await db.transaction().execute(async (trx) => {
    await repo.accept(trx, scope, communityId, nowIso());
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'community.accept',
      objectKind: 'community',
      objectId: communityId,
    });
  });
  return readCommunity(db, scope, communityId);
}

export async function joinCommunity(db: Db, scope: OrgScope, communityId: string) {
  const community = await load(db, scope, communityId);
  const existing = await repo.member(db, community.id, scope.userId);
  if (existing && existing.org_id !== scope.orgId) {
    throw new AppError('CONFLICT', 'already a member through another organisation', { reason: 'other-org' });
  }
  await repo.insertMember(db, {
    community_id: community.id,
    user_id: scope.userId,
    org_id: scope.orgId,
    role: 'member',
    digest: 1,
    joined_at: nowIso(),
  });
  return readCommunity(db, scope, communityId);
}

export async function leaveCommunity(db: Db, scope: OrgScope, communityId: string) {
  const community = await load(db, scope, communityId);
  await requireMember(db, scope, community);
  await repo.deleteMember(db, community.id, scope.userId);
  return readCommunity(db, scope, communityId);
}

export async function listMembers(db: Db, scope: OrgScope, communityId: string) {
  const community = await load(db, scope, communityId);
  const rows = await repo.members(db, community.id);
  return {
    members: rows.map((m) => ({
      userId: m.user_id,
      name: m.display_name,
      organisation: m.org_name,
      role: m.role as 'member' | 'moderator',
      joinedAt: m.joined_at,
    })),
  };
}

export async function listItems(
  db: Db,
  scope: OrgScope,
  communityId: string,
): Promise<{ items: CommunityItem[] }> {
  const community = await load(db, scope, communityId);
  const moderator = await moderates(db, scope, community);
  // Hidden items are filtered in the query for everyone but moderators, so no client can see them.
  const rows = await repo.items(db, community.id, moderator);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as CommunityItem['kind'],
      parentId: r.parent_id,
      title: r.title,
      body: r.body,
      url: r.url,
      startsAt: r.starts_at,
      place: r.place,
      author: r.author_name,
      authorOrganisation: r.author_org_name,
      mine: r.author_id === scope.userId,
      useful: r.useful_at !== null,
      file:
        r.file_name !== null && r.file_mime !== null
          ? { name: r.file_name, mime: r.file_mime, size: Number(r.file_size) }
          : null,
      createdAt: r.created_at,
      hidden: moderator && r.hidden_at ? { reason: r.hidden_reason ?? '', at: r.hidden_at } : null,
      reports: moderator ? Number(r.report_count ?? 0) : null,
    })),
  };
}

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

/** Shape rules per kind, beyond the request schema. */
function checkShape(body: CommunityItemCreateBody): void {
  if (body.kind !== 'answer' && body.title.length === 0) {
    throw invalid('title', 'a title is needed');
  }
  if ((body.kind === 'answer' || body.kind === 'post') && body.body.length === 0) {
    throw invalid('body', 'a text is needed');
  }
  if (body.kind === 'answer' && !body.parentId) {
    throw invalid('parentId', 'an answer answers a question');
  }
  if (body.kind === 'resource' && !body.url === !body.file) {
    throw invalid('url', 'a resource is a link or a file');
  }
  if (body.kind !== 'resource' && body.file) {
    throw invalid('file', 'files are shared as resources');
  }
  if (body.kind === 'event' && !body.startsAt) {
    throw invalid('startsAt', 'an event has a date');
  }
}

function decodeFile(file: NonNullable<CommunityItemCreateBody['file']>) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.contentBase64)) {
    throw invalid('file', 'the content is not base64');
  }
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const check = checkCommunityFile(file.name, bytes);
  if (!check.ok) {
    if (check.reason === 'file-too-large') {
      throw new AppError('PAYLOAD_TOO_LARGE', 'the file is too large', { reason: check.reason });
    }
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'this type of file is not accepted', {
      reason: check.reason,
    });
  }
  return { bytes, mime: check.mime };
}

export async function createItem(
  db: Db,
  scope: OrgScope,
  communityId: string,
  body: CommunityItemCreateBody,
  actor: Actor,
) {
  const community = await load(db, scope, communityId);
  await requireMember(db, scope, community);
  checkShape(body);
  const file = body.file ? decodeFile(body.file) : null;
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    let question: Awaited<ReturnType<typeof repo.item>>;
    if (body.kind === 'answer') {
      question = await repo.item(trx, community.id, body.parentId ?? '');
      if (question?.kind !== 'question' || question.hidden_at) {
        throw invalid('parentId', 'unknown question');
      }
    }
    await repo.insertItem(trx, {
      id,
      community_id: community.id,
      kind: body.kind,
      parent_id: body.kind === 'answer' ? body.parentId : null,
      title: body.title,
      body: body.body,
      url: body.kind === 'resource' || body.kind === 'event' ? body.url : null,
      starts_at: body.kind === 'event' ? body.startsAt : null,
      place: body.kind === 'event' ? body.place : null,
      author_id: scope.userId,
      author_org_id: scope.orgId,
      useful_at: null,
      useful_by: null,
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
      created_at: now,
    });
    if (file && body.file) {
      await repo.insertFile(trx, {
        id: newId(),
        item_id: id,
        name: body.file.name,
        mime: file.mime,
        size_bytes: file.bytes.length,
        data: file.bytes,
      });
    }
    // Mentions reach members of this community only: a name nobody here bears notifies nobody.
    const members = await repo.members(trx, community.id);
    const notified = new Map<string, 'community.mentioned' | 'community.answered'>();
    const named = mentionedMembers(
      `${body.title}\n${body.body}`,
      members.map((m) => ({ id: m.user_id, name: m.display_name })),
    );
    for (const m of named) {
      notified.set(m.id, 'community.mentioned');
    }
    if (question?.author_id && !notified.has(question.author_id)) {
      notified.set(question.author_id, 'community.answered');
    }
    notified.delete(scope.userId);
    const author = members.find((m) => m.user_id === scope.userId)?.display_name;
    for (const [userId, kind] of notified) {
      const member = members.find((m) => m.user_id === userId);
      if (!member) {
        continue; // the asker left the community: nothing reaches them from it any more
      }
      // The title is the community's name, never the item's text (a moderator may hide it later).
      await notify(trx, {
        userId,
        orgId: member.org_id,
        kind,
        objectId: id,
        title: community.title,
        params: author ? { author, communityId: community.id } : { communityId: community.id },
        link: `/pollination/communities/${community.id}`,
        noEmail: member.digest !== 1,
      });
    }
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'community.contribute',
      objectKind: 'community_item',
      objectId: id,
      details: { communityId: community.id, kind: body.kind },
    });
  });
  return { id };
}

/** Visible item of a community the caller reaches (hidden ones only for moderators). */
async function loadItem(db: Db, scope: OrgScope, community: Community, itemId: string) {
  const item = await repo.item(db, community.id, itemId);
  if (!item || (item.hidden_at && !(await moderates(db, scope, community)))) {
    throw notFound('item');
  }
  return item;
}

/** The asker (or a moderator) marks an answer useful, or takes the mark back. */
export async function markUseful(
  db: Db,
  scope: OrgScope,
  communityId: string,
  itemId: string,
  useful: boolean,
) {
  const community = await load(db, scope, communityId);
  const answer = await loadItem(db, scope, community, itemId);
  if (answer.kind !== 'answer' || !answer.parent_id) {
    throw invalid('itemId', 'only answers are marked useful');
  }
  const question = await repo.item(db, community.id, answer.parent_id);
  if (question?.author_id !== scope.userId && !(await moderates(db, scope, community))) {
    throw forbidden('the person who asked marks an answer useful');
  }
  await repo.updateItem(db, community.id, answer.id, {
    useful_at: useful ? nowIso() : null,
    useful_by: useful ? scope.userId : null,
  });
  return { useful };
}

export async function reportItem(
  db: Db,
  scope: OrgScope,
  communityId: string,
  itemId: string,
  reason: string,
  actor: Actor,
) {
  const community = await load(db, scope, communityId);
  await requireMember(db, scope, community);
  const item = await loadItem(db, scope, community, itemId);
  await db.transaction().execute(async (trx) => {
    await repo.insertReport(trx, {
      id: newId(),
      item_id: item.id,
      reporter_id: scope.userId,
      reason,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'community.report',
      objectKind: 'community_item',
      objectId: item.id,
      details: { communityId: community.id },
    });
  });
  return { reported: true };
}

/** A moderator hides an item (the reason goes to the host's audit log) or shows it again. */
export async function hideItem(
  db: Db,
  scope: OrgScope,
  communityId: string,
  itemId: string,
  body: { hidden: boolean; reason: string },
  actor: Actor,
) {
  const community = await load(db, scope, communityId);
  if (!(await moderates(db, scope, community))) {
    throw forbidden('only moderators hide content');
  }
  if (body.hidden && body.reason.length === 0) {
    throw invalid('reason', 'say why the content is hidden');
  }
  const item = await loadItem(db, scope, community, itemId);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, community.id, item.id, {
      hidden_at: body.hidden ? now : null,
      hidden_by: body.hidden ? scope.userId : null,
      hidden_reason: body.hidden ? body.reason : null,
    });
    if (body.hidden) {
      // Its notices go with it: hidden text is never sent, nor announced, to other members.
      await repo.deleteNotices(trx, [item.id]);
    }
    await recordAudit(trx, actor, {
      orgId: community.org_id,
      action: body.hidden ? 'community.hide' : 'community.unhide',
      objectKind: 'community_item',
      objectId: item.id,
      details: { communityId: community.id, reason: body.reason },
    });
  });
  return { hidden: body.hidden };
}

export async function readFile(db: Db, scope: OrgScope, communityId: string, itemId: string) {
  const community = await load(db, scope, communityId);
  const item = await loadItem(db, scope, community, itemId);
  const file = await repo.file(db, item.id);
  if (!file) {
    throw notFound('file');
  }
  return { name: file.name, mime: file.mime, data: Buffer.from(file.data) };
}

/**
 * Community notices are the platform's notifications (the bell, the daily digest of news). The
 * per-community `digest` switch says whether they are also emailed: off, new notices are written as
 * already mailed and those still waiting are dropped from the outbox.
 */
export async function setDigest(db: Db, scope: OrgScope, communityId: string, digest: boolean) {
  const community = await load(db, scope, communityId);
  const member = await requireMember(db, scope, community);
  await db.transaction().execute(async (trx) => {
    await repo.setDigest(trx, community.id, member.user_id, digest);
    if (!digest) {
      await repo.skipPendingEmails(trx, community.id, member.user_id, nowIso());
    }
  });
  return { digest };
}
