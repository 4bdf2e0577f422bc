import type {
  CompetencyFeedbackAnswerBody,
  CompetencyFeedbackForm,
  CompetencyFeedbackReport,
  CompetencySupervisionView,
} from '@essaim/contracts';
import { aggregateFeedback, type FeedbackAnswer, type FeedbackRelation } from '@essaim/core/competencies';
import { resolveThresholds } from '@essaim/core/diagnostics';
import { competenciesRepository as repo } from '../db/repositories/competencies.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { AppError, conflict, notFound } from '../lib/app-error.ts';
import { hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { presentAssessment, requireAssessment } from './competencies.service.ts';

/**
 * Feedback on a consultant's competencies, by link and without accounts (the participant-token
 * pattern of participants.service.ts: 256 random bits, stored hashed, valid for one invitation), and
 * peer supervision of a self-assessment. Answers are stored without the invitation they came from
 * and only with their day; the consultant sees aggregates of closed rounds only, planned by the
 * diagnostics disclosure planner (core competencies/feedback.ts) with k = 5 for scores and 10 for
 * comments — the consultant never sees an individual answer.
 */

export const feedbackPath = (token: string) => `/feedback/${token}`;
export const supervisionPath = (token: string) => `/supervision/${token}`;

type RoundRow = Awaited<ReturnType<typeof repo.listRounds>>[number];

function presentRound(r: RoundRow) {
  return {
    id: r.id,
    title: r.title,
    status: r.status as 'open' | 'closed',
    competencyIds: r.competency_ids,
    invited: Number(r.invited ?? 0),
    answered: Number(r.answered ?? 0),
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

async function requireRound(db: Db, userId: string, id: string): Promise<RoundRow> {
  const row = (await repo.listRounds(db, userId)).find((r) => r.id === id);
  if (!row) {
    throw notFound('feedback round');
  }
  return row;
}

export async function listRounds(db: Db, userId: string) {
  return { rounds: (await repo.listRounds(db, userId)).map(presentRound) };
}

export async function createRound(
  db: Db,
  userId: string,
  body: {
    title: string;
    message: string;
    competencyIds: string[];
    invitees: { label: string; relation: FeedbackRelation }[];
  },
  actor: Actor,
  isCompetencyId: (id: string) => boolean,
) {
  const unknown = body.competencyIds.filter((id) => !isCompetencyId(id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'unknown competencies', { competencyIds: unknown });
  }
  const competencyIds = [...new Set(body.competencyIds)];
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const now = nowIso();
    await repo.insertRound(trx, {
      id,
      user_id: userId,
      title: body.title,
      message: body.message,
      competency_ids: competencyIds,
      status: 'open',
      created_at: now,
      closed_at: null,
    });
    const links = [];
    for (const invitee of body.invitees) {
      const token = newToken();
      await repo.insertInvitation(trx, {
        id: newId(),
        round_id: id,
        label: invitee.label,
        relation: invitee.relation,
        token_hash: hashToken(token),
        is_answered: 0,
        created_at: now,
      });
      links.push({ label: invitee.label, relation: invitee.relation, link: feedbackPath(token) });
    }
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.feedback_requested',
      objectKind: 'competency_feedback_round',
      objectId: id,
      details: { invited: body.invitees.length },
    });
    return { round: presentRound(await requireRound(trx, userId, id)), links };
  });
}

export async function closeRound(db: Db, userId: string, id: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const round = await requireRound(trx, userId, id);
    if (round.status === 'closed') {
      throw conflict('this feedback round is already closed', { reason: 'closed' });
    }
    await repo.closeRound(trx, userId, id, nowIso());
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.feedback_closed',
      objectKind: 'competency_feedback_round',
      objectId: id,
    });
    return presentRound(await requireRound(trx, userId, id));
  });
}

/**
 * Aggregates of one closed round, whole and per relation. An open round has no report: an
 * aggregate that moves with each new answer would give that answer away.
 */
export async function roundReport(db: Db, userId: string, id: string): Promise<CompetencyFeedbackReport> {
  const round = presentRound(await requireRound(db, userId, id));
  const thresholds = resolveThresholds();
  if (round.status !== 'closed') {
    return { round, thresholds, cuts: [] };
  }
  const answers: FeedbackAnswer[] = (await repo.answers(db, [id])).map((a) => ({
    roundId: a.round_id,
    relation: a.relation as FeedbackRelation,
    ratings: a.ratings,
    comment: a.comment,
  }));
  const relations: (FeedbackRelation | null)[] = [null, 'client', 'co-facilitator', 'participant', 'peer'];
  const reports = aggregateFeedback({
    answers,
    rounds: [{ id }],
    competencyIds: round.competencyIds,
    requestedCuts: relations.map((relation) => (relation ? { roundId: id, relation } : { roundId: id })),
    thresholds,
  });
  return {
    round,
    thresholds,
    cuts: reports.map((r, i) => ({
      relation: relations[i]!,
      status: r.status,
      reason: r.reason,
      n: r.n,
      competencies: r.competencies.map((c) => ({
        competencyId: c.competencyId,
        status: c.status,
        reason: c.reason,
        n: c.n,
        ...(c.mean === undefined ? {} : { mean: c.mean }),
        ...(c.histogram === undefined ? {} : { histogram: [...c.histogram] }),
      })),
      comments: {
        status: r.comments.status,
        reason: r.comments.reason,
        n: r.comments.n,
        ...(r.comments.texts ? { texts: [...r.comments.texts] } : {}),
      },
    })),
  };
}

async function invitationOf(db: Db, token: string) {
  const row =
    token.length >= 20 && token.length <= 128
      ? await repo.invitationByToken(db, hashToken(token))
      : undefined;
  if (!row) {
    throw notFound('feedback request');
  }
  return row;
}

export async function feedbackForm(db: Db, token: string): Promise<CompetencyFeedbackForm> {
  const row = await invitationOf(db, token);
  return {
    consultantName: row.display_name,
    title: row.title,
    message: row.message,
    relation: row.relation as FeedbackRelation,
    competencyIds: row.competency_ids,
    status: row.status === 'closed' ? 'closed' : row.is_answered === 1 ? 'answered' : 'open',
  };
}

/** One answer per link, while the round is open; stored apart from the link, with its day only. */
export async function submitFeedback(db: Db, token: string, body: Required<CompetencyFeedbackAnswerBody>) {
  await db.transaction().execute(async (trx) => {
    const row = await invitationOf(trx, token);
    if (row.status === 'closed') {
      throw conflict('this feedback request is closed', { reason: 'closed' });
    }
    const competencyIds = new Set(row.competency_ids);
    const extra = Object.keys(body.ratings).filter((id) => !competencyIds.has(id));
    if (extra.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'competencies not asked about', { competencyIds: extra });
    }
    const comment = body.comment.trim();
    if (Object.values(body.ratings).every((v) => v === null) && comment === '') {
      throw new AppError('VALIDATION_FAILED', 'rate at least one competency or leave a comment');
    }
    // Claim the link first: a concurrent second submission updates no row and is refused.
    if (!(await repo.claimInvitation(trx, row.id))) {
      throw conflict('this link has already been used', { reason: 'answered' });
    }
    await repo.insertAnswer(trx, {
      id: newId(),
      round_id: row.round_id,
      relation: row.relation,
      ratings: body.ratings,
      comment,
      submitted_on: nowIso().slice(0, 10),
    });
  });
  return { ok: true as const };
}

export async function requestSupervision(
  db: Db,
  userId: string,
  assessmentId: string,
  body: { peerName: string; message: string },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await requireAssessment(trx, userId, assessmentId);
    const token = newToken();
    const id = newId();
    await repo.insertSupervision(trx, {
      id,
      assessment_id: assessmentId,
      user_id: userId,
      peer_name: body.peerName,
      message: body.message,
      token_hash: hashToken(token),
      review: null,
      reviewed_at: null,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.supervision_requested',
      objectKind: 'competency_assessment',
      objectId: assessmentId,
    });
    return { id, link: supervisionPath(token) };
  });
}

async function supervisionOf(db: Db, token: string) {
  const row =
    token.length >= 20 && token.length <= 128
      ? await repo.supervisionByToken(db, hashToken(token))
      : undefined;
  if (!row) {
    throw notFound('supervision request');
  }
  return row;
}

/** What the chosen peer sees: the self-assessment with its evidence, as the consultant sent it. */
export async function supervisionView(db: Db, token: string): Promise<CompetencySupervisionView> {
  const row = await supervisionOf(db, token);
  const assessment = await presentAssessment(db, await requireAssessment(db, row.user_id, row.assessment_id));
  return {
    consultantName: row.display_name,
    peerName: row.peer_name,
    message: row.message,
    assessment: { title: assessment.title, createdAt: assessment.createdAt, ratings: assessment.ratings },
    review: row.review,
  };
}

export async function submitReview(db: Db, token: string, review: string) {
  await db.transaction().execute(async (trx) => {
    const row = await supervisionOf(trx, token);
    if (row.review !== null) {
      throw conflict('this review has already been given', { reason: 'reviewed' });
    }
    await repo.reviewSupervision(trx, row.id, review, nowIso());
  });
  return { ok: true as const };
}
