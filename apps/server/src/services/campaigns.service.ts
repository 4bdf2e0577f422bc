/**
 * Diagnostic campaigns: attached to an engagement and collectives, drafted, launched (the
 * instrument is frozen into the campaign, invitations issued), closed. Response counts are shown
 * per collective only where the core planner would show that cut's scores (same thresholds, same
 * anti-differencing universe), so counts never reveal what the report hides.
 */
import type { Campaign, CreateCampaignBody } from '@essaim/contracts';
import { can } from '@essaim/core';
import { cutKey } from '@essaim/core/diagnostics';
import type { OrgScope } from '../db/org-scope.ts';
import { type CampaignRow, surveysRepository } from '../db/repositories/surveys.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, newToken, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { emailIssuedLinks, type LinkDeps } from './campaigns-links.service.ts';
import {
  aggregate,
  type CampaignAttributeDef,
  campaignTree,
  defaultCuts,
  frozenInstrument,
  liveSnapshot,
  loadCampaignData,
  progressOf,
  releaseCampaign,
  releasedCuts,
  snapshotOf,
} from './campaigns-report.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { issueParticipant } from './participants.service.ts';
import { resolveInstrument } from './surveys.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { emitCampaignClosed } from './webhooks-emitters.ts';

export const respondPath = (token: string) => `/respond/${token}`;

export async function loadCampaign(db: Db, scope: OrgScope, id: string): Promise<CampaignRow> {
  const row = await surveysRepository.campaign(db, scope, id);
  if (!row) {
    throw notFound('campaign');
  }
  return row;
}

/**
 * A campaign with its counts. A draft reads the organisation as it is; a launched campaign its
 * frozen snapshot. While open, each collective gets "threshold reached / not yet", never a count
 * (a count tells who answered and when); once closed, counts come from the stored release.
 */
export async function presentCampaign(
  db: Db,
  scope: OrgScope,
  row: CampaignRow,
  options: { canEmail?: boolean } = {},
): Promise<Campaign> {
  const instrument = frozenInstrument(row) ?? (await resolveInstrument(db, scope, row.instrument_ref));
  const snapshot = snapshotOf(row) ?? (await liveSnapshot(db, row));
  const invitations = await surveysRepository.invitations(db, row.id);
  const keys = [cutKey({}), ...snapshot.tree.map((c) => cutKey({ collectiveId: c.id }))];
  const byKey = new Map<string, { n: number | null; reason: Campaign['collectives'][number]['reason'] }>();
  let progress = (_key: string): 'reached' | 'not-yet' | null => null;
  if (row.status === 'closed') {
    for (const [key, cut] of await releasedCuts(db, row, keys)) {
      byKey.set(key, { n: cut.n, reason: cut.reason });
    }
  } else if (row.status === 'open') {
    const data = await loadCampaignData(db, row, instrument);
    const reached = new Map(
      aggregate(data, defaultCuts(data)).cuts.map((c) => [c.key, progressOf(c.reason)] as const),
    );
    progress = (key) => reached.get(key) ?? 'not-yet';
  }
  const invitedIn = (collectiveId: string) => {
    const below = new Set(
      campaignTree(
        snapshot.tree.map((c) => ({ id: c.id, name: c.name, parent_id: c.parentId })),
        [collectiveId],
      ).map((c) => c.id),
    );
    return invitations.filter((i) => i.collective_ids.some((c) => below.has(c))).length;
  };
  const released = (key: string) =>
    byKey.get(key) ?? {
      n: null,
      reason: row.status === 'draft' ? ('no-respondents' as const) : ('not-released' as const),
    };
  return {
    id: row.id,
    engagementId: row.engagement_id,
    title: row.title,
    status: row.status as Campaign['status'],
    instrumentRef: row.instrument_ref,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    instrumentName: instrument.name,
    itemCount: instrument.items.length,
    collectiveIds: row.collective_ids,
    hasMemberLinks: row.has_member_links === 1,
    hasSharedLink: row.has_shared_link === 1,
    attributes: snapshot.attributes,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    launchedAt: row.launched_at,
    closedAt: row.closed_at,
    // The shared link lets anyone answer: only those who run the survey see it.
    sharedLink: row.shared_token && can(scope.role, 'survey.manage') ? respondPath(row.shared_token) : null,
    responded: released(cutKey({})).n,
    progress: progress(cutKey({})),
    invited: invitations.length,
    collectives: snapshot.tree.map((c) => {
      const key = cutKey({ collectiveId: c.id });
      return {
        collectiveId: c.id,
        name: c.name,
        parentId: c.parentId,
        invited: invitedIn(c.id),
        responded: released(key).n,
        reason: released(key).reason,
        progress: progress(key),
      };
    }),
    thresholds: snapshot.thresholds,
    sharedCap: row.shared_cap,
    distribution: {
      email: invitations.filter((i) => i.channel === 'email').length,
      hand: invitations.filter((i) => i.channel === 'hand').length,
      pending: invitations.filter((i) => i.channel === null).length,
    },
    canEmail: options.canEmail === true,
    createdAt: row.created_at,
  };
}

export async function listCampaigns(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  options: { canEmail?: boolean } = {},
): Promise<Campaign[]> {
  await loadEngagement(db, scope, engagementId);
  const rows = await surveysRepository.campaignsOf(db, scope, engagementId);
  const out: Campaign[] = [];
  for (const row of rows) {
    out.push(await presentCampaign(db, scope, row, options));
  }
  return out;
}

async function checkCollectives(db: Db, scope: OrgScope, ids: readonly string[]): Promise<void> {
  const known = new Set((await surveysRepository.collectives(db, scope)).map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'unknown collective', { collectiveIds: unknown });
  }
}

function checkDates(opensAt: string | null, closesAt: string | null): void {
  if (opensAt && closesAt && new Date(closesAt) <= new Date(opensAt)) {
    throw new AppError('VALIDATION_FAILED', 'the campaign must close after it opens', { closesAt });
  }
}

function checkAttributes(attributes: readonly CampaignAttributeDef[]): void {
  const names = attributes.map((a) => a.name);
  if (
    new Set(names).size !== names.length ||
    attributes.some((a) => new Set(a.values).size !== a.values.length)
  ) {
    throw new AppError('VALIDATION_FAILED', 'attribute names and values must be unique');
  }
}

export async function createCampaign(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: CreateCampaignBody,
  actor: Actor,
): Promise<Campaign> {
  return db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await resolveInstrument(trx, scope, body.instrumentRef);
    await checkCollectives(trx, scope, body.collectiveIds);
    checkDates(body.opensAt ?? null, body.closesAt ?? null);
    checkAttributes(body.attributes ?? []);
    const now = nowIso();
    const row: Omit<CampaignRow, 'org_id'> = {
      id: newId(),
      engagement_id: engagementId,
      title: body.title,
      status: 'draft',
      instrument_ref: body.instrumentRef,
      instrument: null,
      collective_ids: [...new Set(body.collectiveIds)],
      attributes: body.attributes ?? [],
      has_member_links: body.hasMemberLinks ? 1 : 0,
      has_shared_link: body.hasSharedLink ? 1 : 0,
      shared_token: null,
      frozen: null,
      shared_cap: body.sharedCap ?? null,
      opens_at: body.opensAt ?? null,
      closes_at: body.closesAt ?? null,
      launched_at: null,
      closed_at: null,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    };
    await surveysRepository.insertCampaign(trx, scope, row);
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'survey.campaign_created',
      objectKind: 'survey',
      objectId: row.id,
      data: { title: row.title },
    });
    return presentCampaign(trx, scope, { ...row, org_id: scope.orgId });
  });
}

export async function updateCampaign(
  db: Db,
  scope: OrgScope,
  id: string,
  body: Partial<CreateCampaignBody>,
  actor: Actor,
): Promise<Campaign> {
  return db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, scope, id);
    if (
      row.status !== 'draft' &&
      (body.instrumentRef !== undefined ||
        body.collectiveIds !== undefined ||
        body.attributes !== undefined ||
        body.hasMemberLinks !== undefined ||
        body.hasSharedLink !== undefined ||
        (body.sharedCap !== undefined && row.status === 'closed'))
    ) {
      throw new AppError('CONFLICT', 'a launched campaign keeps its instrument, collectives and links', {
        reason: 'launched',
      });
    }
    if (row.status === 'closed') {
      throw new AppError('CONFLICT', 'this campaign is closed', { reason: 'closed' });
    }
    if (body.instrumentRef !== undefined) {
      await resolveInstrument(trx, scope, body.instrumentRef);
    }
    if (body.collectiveIds !== undefined) {
      await checkCollectives(trx, scope, body.collectiveIds);
    }
    if (body.attributes !== undefined) {
      checkAttributes(body.attributes);
    }
    const opensAt = body.opensAt !== undefined ? body.opensAt : row.opens_at;
    const closesAt = body.closesAt !== undefined ? body.closesAt : row.closes_at;
    checkDates(opensAt, closesAt);
    await surveysRepository.updateCampaign(trx, scope, id, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.instrumentRef !== undefined ? { instrument_ref: body.instrumentRef } : {}),
      ...(body.collectiveIds !== undefined ? { collective_ids: [...new Set(body.collectiveIds)] } : {}),
      ...(body.attributes !== undefined ? { attributes: body.attributes } : {}),
      ...(body.hasMemberLinks !== undefined ? { has_member_links: body.hasMemberLinks ? 1 : 0 } : {}),
      ...(body.hasSharedLink !== undefined ? { has_shared_link: body.hasSharedLink ? 1 : 0 } : {}),
      ...(body.sharedCap !== undefined ? { shared_cap: body.sharedCap } : {}),
      opens_at: opensAt,
      closes_at: closesAt,
      updated_at: nowIso(),
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId: row.engagement_id,
      kind: 'survey.campaign_updated',
      objectKind: 'survey',
      objectId: id,
    });
    return presentCampaign(trx, scope, await loadCampaign(trx, scope, id));
  });
}

/**
 * Issue one personal link per roster member of the campaign's (frozen) collectives. The tokens
 * are never returned here: they are e-mailed by the caller, or replaced when handed out by hand.
 */
async function issueMemberLinks(
  trx: Db,
  scope: OrgScope,
  row: CampaignRow,
  tree: readonly { id: string }[],
  attributes: CampaignAttributeDef[],
) {
  const inTree = new Set(tree.map((c) => c.id));
  const roster = await surveysRepository.rosterOf(trx, scope, [...inTree]);
  const names = new Set(attributes.map((a) => a.name));
  const issued = [];
  for (const person of roster) {
    const { participant, token } = await issueParticipant(trx, {
      orgId: scope.orgId,
      scopeKind: 'campaign',
      scopeId: row.id,
    });
    const personAttributes = Object.fromEntries(
      Object.entries(person.attributes).filter(([k]) => names.has(k)),
    );
    const invitation = {
      id: newId(),
      campaign_id: row.id,
      person_id: person.id,
      person_name: person.name,
      participant_id: participant.id,
      collective_ids: person.collectiveIds.filter((c) => inTree.has(c)),
      attributes: personAttributes,
      issued_at: nowIso(),
      channel: null,
    };
    await surveysRepository.insertInvitation(trx, invitation);
    issued.push({ id: invitation.id, personName: person.name, token, issuedAt: invitation.issued_at });
  }
  return issued;
}

/**
 * Launch: freeze the instrument and everything the report depends on (collective tree with names,
 * attribute definitions, thresholds), issue personal links and, when SMTP is configured, e-mail
 * them. Links are never shown here: without e-mail they are handed out by a deliberate step.
 */
export async function launchCampaign(db: Db, scope: OrgScope, id: string, actor: Actor, deps: LinkDeps) {
  const { issued, launched } = await db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, scope, id);
    await assertEngagementAcceptsInput(trx, row.engagement_id);
    if (row.status !== 'draft') {
      throw new AppError('CONFLICT', 'this campaign was already launched', { reason: 'launched' });
    }
    if (row.has_member_links !== 1 && row.has_shared_link !== 1) {
      throw new AppError('VALIDATION_FAILED', 'choose personal links, a shared link, or both');
    }
    const instrument = await resolveInstrument(trx, scope, row.instrument_ref);
    const snapshot = await liveSnapshot(trx, row);
    const now = nowIso();
    const launched: CampaignRow = {
      ...row,
      status: 'open',
      instrument,
      frozen: snapshot,
      shared_token: row.has_shared_link === 1 ? newToken() : null,
      launched_at: now,
      updated_at: now,
    };
    await surveysRepository.updateCampaign(trx, scope, id, {
      status: launched.status,
      instrument: launched.instrument,
      frozen: launched.frozen,
      shared_token: launched.shared_token,
      launched_at: now,
      updated_at: now,
    });
    const issued =
      row.has_member_links === 1
        ? await issueMemberLinks(trx, scope, launched, snapshot.tree, snapshot.attributes)
        : [];
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId: row.engagement_id,
      kind: 'survey.campaign_launched',
      objectKind: 'survey',
      objectId: id,
      data: { instrument: `${instrument.id}@${instrument.version}`, invitations: issued.length },
    });
    return { issued, launched };
  });
  // After the commit: a failed launch sends nothing.
  const emailed = await emailIssuedLinks(db, scope, launched, issued, actor, deps);
  return {
    campaign: await presentCampaign(db, scope, await loadCampaign(db, scope, id), {
      canEmail: deps.mailer.enabled,
    }),
    invitations: issued.map((i) => ({
      id: i.id,
      personName: i.personName,
      link: null,
      issuedAt: i.issuedAt,
    })),
    emailed,
  };
}

/** Close: no more answers, and the report is released — planned once, stored, served as stored. */
export async function closeCampaign(
  db: Db,
  scope: OrgScope,
  id: string,
  actor: Actor,
  options: { canEmail?: boolean } = {},
): Promise<Campaign> {
  return db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, scope, id);
    if (row.status !== 'open') {
      throw new AppError('CONFLICT', 'only an open campaign can be closed', { reason: row.status });
    }
    const now = nowIso();
    await surveysRepository.updateCampaign(trx, scope, id, {
      status: 'closed',
      closed_at: now,
      updated_at: now,
    });
    const closed = { ...row, status: 'closed', closed_at: now, updated_at: now };
    await releaseCampaign(trx, closed);
    await emitCampaignClosed(trx, closed);
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId: row.engagement_id,
      kind: 'survey.campaign_closed',
      objectKind: 'survey',
      objectId: id,
    });
    return presentCampaign(trx, scope, closed, options);
  });
}

/** Invitees by name and how their link reached them, without any sign of who has answered. */
export async function listInvitations(db: Db, scope: OrgScope, id: string) {
  const row = await loadCampaign(db, scope, id);
  return (await surveysRepository.invitationsWithEmail(db, row.id)).map((i) => ({
    id: i.id,
    personName: i.person_name,
    email: i.email,
    channel: i.channel as 'email' | 'hand' | null,
    link: null,
    issuedAt: i.issued_at,
  }));
}

/** A new personal link for one invitee (the previous one stops working); progress is kept. */
export async function reissueInvitation(
  db: Db,
  scope: OrgScope,
  id: string,
  invitationId: string,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, scope, id);
    if (row.status === 'closed') {
      throw new AppError('CONFLICT', 'this campaign is closed', { reason: 'closed' });
    }
    const invitation = await surveysRepository.invitation(trx, row.id, invitationId);
    if (!invitation) {
      throw notFound('invitation');
    }
    const token = newToken();
    await surveysRepository.replaceParticipantToken(trx, invitation.participant_id, token);
    // A link shown to the facilitator is a link handed out by hand (audited, counted in the report).
    await surveysRepository.setInvitationChannel(trx, row.id, [invitation.id], 'hand');
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId: row.engagement_id,
      kind: 'survey.link_reissued',
      objectKind: 'survey',
      objectId: id,
      data: { channel: 'hand', invitations: 1 },
    });
    return {
      id: invitation.id,
      personName: invitation.person_name,
      link: respondPath(token),
      issuedAt: nowIso(),
    };
  });
}
