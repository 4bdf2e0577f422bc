/**
 * Respondent paths, reached by a capability token (no account): a personal link (participant
 * token of scope `campaign:<id>`) or a campaign's shared link, which hands each respondent their
 * own participant token after they declare their collective and attributes.
 *
 * Every write calls `assertEngagementAcceptsInput` and checks the campaign's status and dates
 * inside its transaction: a paused or stopped engagement, a draft, not-yet-open or closed campaign
 * answers a clear 409 and stores nothing. Submitting twice with the same token is idempotent (the
 * first submission stands). No submission is written to the timeline or audit log: the time of an
 * answer could single a person out.
 *
 * Whoever else holds a personal link (the facilitator who sent it, a forwarded e-mail) must not
 * read or change the respondent's answers: the browser that consents gets a resume key, stored
 * hashed; drafts are returned and saved only with that key.
 */
import type { RespondSession } from '@essaim/contracts';
import { type Instrument, type RawAnswer, validateSubmission } from '@essaim/core/diagnostics';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { type CampaignRow, surveysRepository } from '../db/repositories/surveys.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';
import { frozenInstrument, liveSnapshot, snapshotOf } from './campaigns-report.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { issueParticipant } from './participants.service.ts';

type Language = 'fr' | 'en';
type Answers = Record<string, RawAnswer>;

interface Resolved {
  mode: 'personal' | 'shared';
  campaign: CampaignRow;
  instrument: Instrument;
  participantId: string | null;
}

async function resolveToken(db: Db, token: string): Promise<Resolved> {
  const shared = await surveysRepository.campaignBySharedToken(db, token);
  if (shared) {
    const instrument = frozenInstrument(shared);
    if (instrument && shared.has_shared_link === 1) {
      return { mode: 'shared', campaign: shared, instrument, participantId: null };
    }
  }
  const participant = await surveysRepository.participantByToken(db, token);
  const campaign = participant
    ? await surveysRepository.campaignForParticipant(db, participant.scope_id)
    : undefined;
  const instrument = campaign ? frozenInstrument(campaign) : null;
  if (!participant || !campaign || !instrument) {
    throw new AppError('NOT_FOUND', 'this link is not valid');
  }
  return { mode: 'personal', campaign, instrument, participantId: participant.id };
}

/** What respondents may declare: the campaign's frozen tree and attributes (launched campaigns always have one). */
async function frozenSnapshot(db: Db, campaign: CampaignRow) {
  return snapshotOf(campaign) ?? (await liveSnapshot(db, campaign));
}

/** Why the campaign refuses answers right now (null when it accepts them). */
function campaignRefusal(campaign: CampaignRow, now = new Date()): string | null {
  if (campaign.status === 'draft') {
    return 'draft';
  }
  if (campaign.status === 'closed' || (campaign.closes_at && new Date(campaign.closes_at) <= now)) {
    return 'closed';
  }
  if (campaign.opens_at && new Date(campaign.opens_at) > now) {
    return 'not-yet-open';
  }
  return null;
}

async function assertAccepts(db: Db, campaign: CampaignRow): Promise<void> {
  await assertEngagementAcceptsInput(db, campaign.engagement_id);
  const refusal = campaignRefusal(campaign);
  if (refusal) {
    throw new AppError('CONFLICT', `this campaign does not accept answers (${refusal})`, { reason: refusal });
  }
}

export async function respondSession(
  db: Db,
  token: string,
  resumeKey: string | null,
): Promise<RespondSession> {
  const r = await resolveToken(db, token);
  const [engagement, snapshot] = await Promise.all([
    surveysRepository.engagementOf(db, r.campaign.engagement_id),
    frozenSnapshot(db, r.campaign),
  ]);
  const status = await engagementsRepository.statusOf(db, r.campaign.engagement_id);
  const refusal =
    status?.status === 'stopped'
      ? 'engagement-stopped'
      : status?.status === 'paused'
        ? 'engagement-paused'
        : campaignRefusal(r.campaign);
  const response = r.participantId ? await surveysRepository.responseOf(db, r.participantId) : undefined;
  const { tree, thresholds } = snapshot;
  return {
    mode: r.mode,
    campaign: {
      title: r.campaign.title,
      status: r.campaign.status as RespondSession['campaign']['status'],
      acceptsAnswers: refusal === null,
      refusal,
      opensAt: r.campaign.opens_at,
      closesAt: r.campaign.closes_at,
    },
    instrument: r.instrument as RespondSession['instrument'],
    consent: {
      agreement: engagement?.confidentiality_text ?? '',
      agreementVersion: engagement?.confidentiality_version ?? 1,
      engagementTitle: engagement?.title ?? '',
      // Through the shared link a group's membership is self-declared: its threshold is higher.
      minRespondents: r.mode === 'shared' ? thresholds.minSelfDeclared : thresholds.minRespondents,
      minOpenText: thresholds.minOpenText,
    },
    selfDeclare: {
      collectives: r.mode === 'shared' ? tree.map((c) => ({ id: c.id, name: c.name })) : [],
      attributes: r.mode === 'shared' ? snapshot.attributes : [],
    },
    // The respondent's own progress, for resuming; only with their key, never after submission.
    draft:
      response && response.submitted_at === null && holdsKey(response, resumeKey)
        ? {
            answers: response.answers,
            language: response.language === 'en' ? 'en' : 'fr',
            consentedAt: response.consented_at,
          }
        : null,
    isClaimed: response !== undefined && response.resume_hash !== null && !holdsKey(response, resumeKey),
    submittedAt: response?.submitted_at ?? null,
  };
}

function holdsKey(response: { resume_hash: string | null }, resumeKey: string | null): boolean {
  return response.resume_hash !== null && resumeKey !== null && hashToken(resumeKey) === response.resume_hash;
}

function assertHoldsKey(response: { resume_hash: string | null }, resumeKey: string | null): void {
  if (response.resume_hash !== null && !holdsKey(response, resumeKey)) {
    throw new AppError('CONFLICT', 'this link was already opened on another device', {
      reason: 'link-claimed',
    });
  }
}

/** Shared link: declare collective and attributes, consent, and get a personal token. */
export async function startShared(
  db: Db,
  token: string,
  body: {
    collectiveId?: string | null | undefined;
    attributes?: Record<string, string> | undefined;
    language: Language;
  },
): Promise<{ token: string; resumeKey: string; campaignId: string }> {
  return db.transaction().execute(async (trx) => {
    const r = await resolveToken(trx, token);
    if (r.mode !== 'shared') {
      throw new AppError('CONFLICT', 'this is a personal link', { reason: 'personal-link' });
    }
    await assertAccepts(trx, r.campaign);
    if (
      r.campaign.shared_cap !== null &&
      (await surveysRepository.sharedStarts(trx, r.campaign.id)) >= r.campaign.shared_cap
    ) {
      throw new AppError('CONFLICT', 'this shared link has reached the number of answers it accepts', {
        reason: 'shared-cap-reached',
      });
    }
    const { tree, attributes: defs } = await frozenSnapshot(trx, r.campaign);
    const collectiveId = body.collectiveId ?? null;
    if (collectiveId !== null && !tree.some((c) => c.id === collectiveId)) {
      throw new AppError('VALIDATION_FAILED', 'unknown collective', { collectiveId });
    }
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(body.attributes ?? {})) {
      if (value === '') {
        continue;
      }
      const def = defs.find((d) => d.name === name);
      if (!def?.values.includes(value)) {
        throw new AppError('VALIDATION_FAILED', 'unknown attribute value', { attribute: name });
      }
      attributes[name] = value;
    }
    const issued = await issueParticipant(trx, {
      orgId: r.campaign.org_id,
      scopeKind: 'campaign',
      scopeId: r.campaign.id,
    });
    const now = nowIso();
    const resumeKey = newToken();
    await surveysRepository.insertResponse(trx, {
      id: newId(),
      campaign_id: r.campaign.id,
      participant_id: issued.participant.id,
      collective_ids: collectiveId ? [collectiveId] : [],
      attributes,
      answers: {},
      language: body.language,
      resume_hash: hashToken(resumeKey),
      consented_at: now,
      submitted_at: null,
      updated_at: now,
      channel: 'shared',
    });
    return { token: issued.token, resumeKey, campaignId: r.campaign.id };
  });
}

async function personal(trx: Db, token: string): Promise<Resolved & { participantId: string }> {
  const r = await resolveToken(trx, token);
  if (r.mode !== 'personal' || r.participantId === null) {
    throw new AppError('CONFLICT', 'start from the shared link first', { reason: 'shared-link' });
  }
  return { ...r, participantId: r.participantId };
}

/** The draft row of a personal link, created on first use with the invitation's cut signature. */
async function ensureDraft(trx: Db, r: Resolved & { participantId: string }, language: Language) {
  const existing = await surveysRepository.responseOf(trx, r.participantId);
  if (existing) {
    return existing;
  }
  const invitation = await surveysRepository.invitationOfParticipant(trx, r.participantId);
  const row = {
    id: newId(),
    campaign_id: r.campaign.id,
    participant_id: r.participantId,
    collective_ids: invitation?.collective_ids ?? [],
    attributes: invitation?.attributes ?? {},
    answers: {},
    language,
    resume_hash: null,
    consented_at: null,
    submitted_at: null,
    updated_at: nowIso(),
    // How this link reached its holder when they first used it (e-mailed by Essaim or handed out).
    channel: invitation?.channel === 'email' ? 'email' : 'hand',
  };
  await surveysRepository.insertResponse(trx, row);
  return row;
}

/** Consent on a personal link: the first browser to consent claims the link and gets its resume key. */
export async function giveConsent(
  db: Db,
  token: string,
  language: Language,
  resumeKey: string | null,
): Promise<{ resumeKey: string }> {
  return db.transaction().execute(async (trx) => {
    const r = await personal(trx, token);
    const existing = await surveysRepository.responseOf(trx, r.participantId);
    if (existing?.submitted_at) {
      throw new AppError('CONFLICT', 'your answers were already submitted', { reason: 'already-submitted' });
    }
    await assertAccepts(trx, r.campaign);
    const draft = await ensureDraft(trx, r, language);
    if (draft.resume_hash !== null) {
      assertHoldsKey(draft, resumeKey);
      return { resumeKey: resumeKey ?? '' };
    }
    const key = newToken();
    await surveysRepository.updateResponse(trx, r.participantId, {
      consented_at: nowIso(),
      resume_hash: hashToken(key),
      language,
    });
    return { resumeKey: key };
  });
}

/** Keep only answers to known items with a plausible type; ranges are checked at submission. */
function checkPartial(instrument: Instrument, answers: Answers): void {
  const result = validateSubmission(instrument, {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
  });
  if (!result.ok) {
    const errors = result.errors.filter((e) => e.code !== 'missing-required');
    if (errors.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'some answers are not valid', { errors });
    }
  }
}

export async function saveDraft(
  db: Db,
  token: string,
  answers: Answers,
  language: Language,
  resumeKey: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await personal(trx, token);
    const draft = await surveysRepository.responseOf(trx, r.participantId);
    if (draft?.submitted_at) {
      throw new AppError('CONFLICT', 'your answers were already submitted', { reason: 'already-submitted' });
    }
    await assertAccepts(trx, r.campaign);
    checkPartial(r.instrument, answers);
    const row = await ensureDraft(trx, r, language);
    if (row.consented_at === null) {
      throw new AppError('CONFLICT', 'agree to the consent screen first', { reason: 'consent-required' });
    }
    assertHoldsKey(row, resumeKey);
    await surveysRepository.updateResponse(trx, r.participantId, {
      answers,
      language,
      updated_at: nowIso(),
    });
  });
}

export async function submitAnswers(
  db: Db,
  token: string,
  answers: Answers,
  language: Language,
  resumeKey: string | null,
): Promise<{ submittedAt: string; isRepeat: boolean }> {
  return db.transaction().execute(async (trx) => {
    const r = await personal(trx, token);
    const existing = await surveysRepository.responseOf(trx, r.participantId);
    if (existing?.submitted_at) {
      // Idempotent: the first submission stands and nothing is stored.
      return { submittedAt: existing.submitted_at, isRepeat: true };
    }
    await assertAccepts(trx, r.campaign);
    const result = validateSubmission(r.instrument, {
      instrumentId: r.instrument.id,
      instrumentVersion: r.instrument.version,
      answers,
    });
    if (!result.ok) {
      throw new AppError('VALIDATION_FAILED', 'some answers are missing or not valid', {
        errors: result.errors,
      });
    }
    const row = await ensureDraft(trx, r, language);
    if (row.consented_at === null) {
      throw new AppError('CONFLICT', 'agree to the consent screen first', { reason: 'consent-required' });
    }
    assertHoldsKey(row, resumeKey);
    const submittedAt = nowIso();
    await surveysRepository.updateResponse(trx, r.participantId, {
      answers: result.value,
      language,
      submitted_at: submittedAt,
      updated_at: submittedAt,
    });
    return { submittedAt, isRepeat: false };
  });
}
