/**
 * How personal links reach people (docs/diagnostics.md, "Threat model"). Links are stored hashed
 * and shown to nobody at launch: when SMTP is configured Essaim e-mails each invitee their own
 * link; otherwise (or for invitees without an address) the facilitator hands links out by hand,
 * a deliberate step recorded in the audit log, and the report says per cell how many answers came
 * through hand-distributed links. A facilitator holding a link could answer for its holder: this
 * is what the count makes visible.
 *
 * Reminders go to invitees who have not submitted, and tell the facilitator nothing back (no
 * count, no names). An invitee who already started keeps their link (replacing it would lose
 * their draft); others get a new link, which also retires any copy handed out earlier.
 */

import type { OrgScope } from '../db/org-scope.ts';
import type { CampaignRow } from '../db/repositories/surveys.repository.ts';
import { surveysRepository } from '../db/repositories/surveys.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import type { Mailer } from '../lib/mailer.ts';
import { newToken } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { qrSvg } from './workshops-qr.ts';

export interface LinkDeps {
  mailer: Mailer;
  publicUrl: string;
}

const respondUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/respond/${token}`;

function linkMail(campaign: CampaignRow, url: string, isReminder: boolean) {
  const fr = isReminder
    ? `Rappel : le questionnaire « ${campaign.title} » attend encore votre réponse.`
    : `Vous êtes invité·e à répondre au questionnaire « ${campaign.title} ».`;
  const en = isReminder
    ? `Reminder: the survey "${campaign.title}" is still waiting for your answers.`
    : `You are invited to answer the survey "${campaign.title}".`;
  return {
    subject: `${isReminder ? 'Rappel / Reminder' : 'Questionnaire / Survey'} — ${campaign.title}`,
    text:
      `${fr}\nCe lien est personnel : ne le transférez pas. Vos réponses ne sont montrées que regroupées.\n\n` +
      `${en}\nThis link is yours alone: do not forward it. Your answers are only shown in groups.\n\n${url}\n`,
  };
}

function startedMail(campaign: CampaignRow) {
  return {
    subject: `Rappel / Reminder — ${campaign.title}`,
    text:
      `Rappel : vous avez commencé le questionnaire « ${campaign.title} » sans l’envoyer. ` +
      `Reprenez-le sur l’appareil où vous l’avez commencé, avec le lien reçu.\n\n` +
      `Reminder: you started the survey "${campaign.title}" but have not submitted it. ` +
      `Continue on the device where you started, with the link you received.\n`,
  };
}

function assertCanEmail(deps: LinkDeps): void {
  if (!deps.mailer.enabled) {
    throw new AppError('CONFLICT', 'e-mail is not configured on this instance (SMTP_URL)', {
      reason: 'no-smtp',
    });
  }
}

function assertOpen(campaign: CampaignRow): void {
  if (campaign.status !== 'open') {
    throw new AppError('CONFLICT', 'only an open campaign distributes links', { reason: campaign.status });
  }
}

/** Send each given invitee their link; mark the ones sent as `email`. Returns how many were sent. */
async function sendLinks(
  db: Db,
  campaign: CampaignRow,
  links: readonly { invitationId: string; email: string; token: string }[],
  deps: LinkDeps,
): Promise<number> {
  const sent: string[] = [];
  for (const l of links) {
    try {
      await deps.mailer.send({
        to: l.email,
        ...linkMail(campaign, respondUrl(deps.publicUrl, l.token), false),
      });
      sent.push(l.invitationId);
    } catch {
      // Left pending: the facilitator sees it in the distribution counts and can retry or hand it out.
    }
  }
  await surveysRepository.setInvitationChannel(db, campaign.id, sent, 'email');
  return sent.length;
}

/** At launch, after the commit: e-mail the links just issued to invitees with an address. */
export async function emailIssuedLinks(
  db: Db,
  scope: OrgScope,
  campaign: CampaignRow,
  issued: readonly { id: string; token: string }[],
  actor: Actor,
  deps: LinkDeps,
): Promise<number> {
  if (!deps.mailer.enabled || issued.length === 0) {
    return 0;
  }
  const emailOf = new Map(
    (await surveysRepository.invitationsWithEmail(db, campaign.id)).map((i) => [i.id, i.email]),
  );
  const links = issued.flatMap((i) => {
    const email = emailOf.get(i.id);
    return email ? [{ invitationId: i.id, email, token: i.token }] : [];
  });
  const emailed = await sendLinks(db, campaign, links, deps);
  await recordEngagementEvent(db, actor, {
    orgId: scope.orgId,
    engagementId: campaign.engagement_id,
    kind: 'survey.links_emailed',
    objectKind: 'survey',
    objectId: campaign.id,
    data: { invitations: emailed },
  });
  return emailed;
}

/** The campaign of this organisation (404 otherwise, before anything else is said), open, able to e-mail if asked. */
async function loadOpen(db: Db, scope: OrgScope, campaignId: string, deps?: LinkDeps): Promise<CampaignRow> {
  const campaign = await surveysRepository.campaign(db, scope, campaignId);
  if (!campaign) {
    throw notFound('campaign');
  }
  if (deps) {
    assertCanEmail(deps);
  }
  assertOpen(campaign);
  return campaign;
}

/** E-mail a new link to every invitee with an address whose link was not distributed yet. */
export async function emailPendingLinks(
  db: Db,
  scope: OrgScope,
  campaignId: string,
  actor: Actor,
  deps: LinkDeps,
): Promise<{ emailed: number }> {
  const campaign = await loadOpen(db, scope, campaignId, deps);
  const pending = (await surveysRepository.invitationsWithEmail(db, campaign.id)).filter(
    (i) => i.channel === null && i.email,
  );
  const links = [];
  for (const i of pending) {
    const token = newToken();
    await surveysRepository.replaceParticipantToken(db, i.participant_id, token);
    links.push({ invitationId: i.id, email: i.email!, token });
  }
  const emailed = await sendLinks(db, campaign, links, deps);
  await recordEngagementEvent(db, actor, {
    orgId: scope.orgId,
    engagementId: campaign.engagement_id,
    kind: 'survey.links_emailed',
    objectKind: 'survey',
    objectId: campaign.id,
    data: { invitations: emailed },
  });
  return { emailed };
}

/**
 * Remind invitees who have not submitted. Answers `{ ok: true }` whatever happened: how many were
 * reminded would tell the facilitator how many answered.
 */
export async function remindNonRespondents(
  db: Db,
  scope: OrgScope,
  campaignId: string,
  actor: Actor,
  deps: LinkDeps,
): Promise<{ ok: true }> {
  const campaign = await loadOpen(db, scope, campaignId, deps);
  const [invitations, submitted, claimed] = await Promise.all([
    surveysRepository.invitationsWithEmail(db, campaign.id),
    surveysRepository.submittedParticipants(db, campaign.id),
    surveysRepository.claimedParticipants(db, campaign.id),
  ]);
  const resent: string[] = [];
  for (const i of invitations) {
    if (!i.email || submitted.has(i.participant_id)) {
      continue;
    }
    try {
      if (claimed.has(i.participant_id)) {
        await deps.mailer.send({ to: i.email, ...startedMail(campaign) });
      } else {
        const token = newToken();
        await surveysRepository.replaceParticipantToken(db, i.participant_id, token);
        await deps.mailer.send({
          to: i.email,
          ...linkMail(campaign, respondUrl(deps.publicUrl, token), true),
        });
        resent.push(i.id);
      }
    } catch {
      // A failed reminder is not reported per person (that would say who has not answered).
    }
  }
  await surveysRepository.setInvitationChannel(db, campaign.id, resent, 'email');
  await recordEngagementEvent(db, actor, {
    orgId: scope.orgId,
    engagementId: campaign.engagement_id,
    kind: 'survey.reminder_sent',
    objectKind: 'survey',
    objectId: campaign.id,
  });
  return { ok: true };
}

/**
 * Hand distribution: new links for the chosen invitations (by default those not distributed yet),
 * returned once, recorded in the audit log; answers through them are counted as `hand`.
 */
export async function handOutLinks(
  db: Db,
  scope: OrgScope,
  campaignId: string,
  body: { invitationIds?: string[] | undefined },
  actor: Actor,
  publicUrl: string,
) {
  return db.transaction().execute(async (trx) => {
    const campaign = await loadOpen(trx, scope, campaignId);
    const all = await surveysRepository.invitationsWithEmail(trx, campaign.id);
    const wanted = body.invitationIds ? new Set(body.invitationIds) : null;
    const chosen = wanted ? all.filter((i) => wanted.has(i.id)) : all.filter((i) => i.channel === null);
    if (wanted && chosen.length !== wanted.size) {
      throw new AppError('VALIDATION_FAILED', 'unknown invitation');
    }
    const out = [];
    for (const i of chosen) {
      const token = newToken();
      await surveysRepository.replaceParticipantToken(trx, i.participant_id, token);
      out.push({
        id: i.id,
        personName: i.person_name,
        email: i.email,
        channel: 'hand' as const,
        link: `/respond/${token}`,
        qrSvg: qrSvg(respondUrl(publicUrl, token), i.person_name),
        issuedAt: i.issued_at,
      });
    }
    await surveysRepository.setInvitationChannel(
      trx,
      campaign.id,
      chosen.map((i) => i.id),
      'hand',
    );
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId: campaign.engagement_id,
      kind: 'survey.links_handed_out',
      objectKind: 'survey',
      objectId: campaign.id,
      data: { invitations: chosen.length },
    });
    return { invitations: out };
  });
}
