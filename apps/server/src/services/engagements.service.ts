import type { ComplexityAnswers, Engagement, StatusInfo } from '@essaim/contracts';
import { PHASES } from '@essaim/contracts';
import { assessCynefin } from '@essaim/core/engagements';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { type EngagementRow, engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import { peopleRepository } from '../db/repositories/people.repository.ts';
import { usersRepository } from '../db/repositories/users.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { notifyStakeholderAdded } from './notifications-triggers.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { emitEngagementStopped } from './webhooks-emitters.ts';

type PhaseState = {
  key: (typeof PHASES)[number];
  status: 'not_started' | 'active' | 'done' | 'skipped';
  notes: string;
  updatedAt: string | null;
};

/** Default agreement text; each engagement adapts it with the sponsor and the collectives. */
export const DEFAULT_CONFIDENTIALITY = {
  fr: "Les réponses individuelles aux questionnaires de diagnostic ne sont vues par personne, animateur compris : seuls des résultats agrégés sont montrés, pour des groupes d'au moins 5 personnes (10 pour les réponses libres). Les réponses au questionnaire de réseau sont visibles par l'animateur seulement, jamais par le commanditaire ni par les autres membres. Chacun peut retirer son consentement à tout moment. Les données servent uniquement à cet accompagnement, jamais à évaluer des personnes.",
  en: 'Nobody, facilitator included, sees individual answers to diagnostic surveys: only aggregated results are shown, for groups of at least 5 people (10 for open answers). Network survey answers are visible to the facilitator only, never to the sponsor or to other members. Everyone may withdraw consent at any time. The data serve this engagement only, never to evaluate individuals.',
};

export async function loadEngagement(db: Db, scope: OrgScope, id: string): Promise<EngagementRow> {
  const row = await engagementsRepository.get(db, scope, id);
  if (!row) {
    throw notFound('engagement');
  }
  return row;
}

async function statusInfo(db: Db, row: EngagementRow): Promise<StatusInfo> {
  const by = row.status_by ? await usersRepository.findById(db, row.status_by) : undefined;
  return {
    status: row.status as StatusInfo['status'],
    reason: row.status_reason,
    changedBy: by?.display_name ?? null,
    changedAt: row.status_at,
  };
}

export async function presentEngagement(db: Db, row: EngagementRow): Promise<Engagement> {
  const [questions, stakeholders] = await Promise.all([
    engagementsRepository.questions(db, row.id),
    engagementsRepository.stakeholders(db, row.id),
  ]);
  return {
    id: row.id,
    orgId: row.org_id,
    title: row.title,
    request: row.request,
    context: row.context,
    intention: row.intention,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: await statusInfo(db, row),
    phases: row.phases,
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      text: q.text,
      status: q.status as 'open',
      answer: q.answer,
      complexity: q.complexity,
    })),
    stakeholders: stakeholders.map((s) => ({
      id: s.id,
      kind: s.kind as 'other',
      name: s.name,
      userId: s.user_id,
      collectiveId: s.collective_id,
      note: s.note,
    })),
    confidentiality: {
      text: row.confidentiality_text,
      version: row.confidentiality_version,
      updatedAt: row.confidentiality_updated_at,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listEngagements(db: Db, scope: OrgScope) {
  const rows = await engagementsRepository.list(db, scope);
  const open = new Map(
    (
      await engagementsRepository.openQuestionCounts(
        db,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.engagement_id, Number(c.n)]),
  );
  const out = [];
  for (const r of rows) {
    const phases = r.phases;
    out.push({
      id: r.id,
      title: r.title,
      request: r.request,
      status: await statusInfo(db, r),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      currentPhase: phases.find((p) => p.status === 'active')?.key ?? null,
      openQuestions: open.get(r.id) ?? 0,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

export async function createEngagement(
  db: Db,
  scope: OrgScope,
  input: {
    title: string;
    request: string;
    context?: string | undefined;
    intention?: string | undefined;
    startsOn?: string | undefined;
    endsOn?: string | undefined;
  },
  actor: Actor,
  language: 'fr' | 'en',
): Promise<Engagement> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const phases: PhaseState[] = PHASES.map((key) => ({
      key,
      status: key === 'listen' ? 'active' : 'not_started',
      notes: '',
      updatedAt: null,
    }));
    const row = {
      id: newId(),
      title: input.title,
      request: input.request,
      context: input.context ?? '',
      intention: input.intention ?? '',
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      status: 'active',
      status_reason: null,
      status_by: null,
      status_at: null,
      confidentiality_text: DEFAULT_CONFIDENTIALITY[language],
      confidentiality_version: 1,
      confidentiality_updated_at: now,
      phases,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    };
    await engagementsRepository.insert(trx, scope, row);
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId: row.id,
      kind: 'engagement.created',
      data: { title: row.title },
    });
    return presentEngagement(trx, { ...row, org_id: scope.orgId });
  });
}

/** Run `fn` on a checked engagement in a transaction, record the event, and return the fresh engagement. */
async function mutate(
  db: Db,
  scope: OrgScope,
  id: string,
  actor: Actor,
  fn: (
    trx: Db,
    row: EngagementRow,
  ) => Promise<{
    kind: string;
    objectKind?: string;
    objectId?: string;
    data?: Record<string, unknown>;
  } | null>,
): Promise<Engagement> {
  return db.transaction().execute(async (trx) => {
    const row = await loadEngagement(trx, scope, id);
    const event = await fn(trx, row);
    await engagementsRepository.update(trx, scope, id, { updated_at: nowIso() });
    if (event) {
      await recordEngagementEvent(trx, actor, { orgId: scope.orgId, engagementId: id, ...event });
    }
    return presentEngagement(trx, await loadEngagement(trx, scope, id));
  });
}

export function updateEngagement(
  db: Db,
  scope: OrgScope,
  id: string,
  patch: {
    title?: string | undefined;
    request?: string | undefined;
    context?: string | undefined;
    intention?: string | undefined;
    startsOn?: string | null | undefined;
    endsOn?: string | null | undefined;
    confidentialityText?: string | undefined;
  },
  actor: Actor,
) {
  return mutate(db, scope, id, actor, async (trx, row) => {
    const set: Partial<EngagementRow> = {};
    if (patch.title !== undefined) {
      set.title = patch.title;
    }
    if (patch.request !== undefined) {
      set.request = patch.request;
    }
    if (patch.context !== undefined) {
      set.context = patch.context;
    }
    if (patch.intention !== undefined) {
      set.intention = patch.intention;
    }
    if (patch.startsOn !== undefined) {
      set.starts_on = patch.startsOn;
    }
    if (patch.endsOn !== undefined) {
      set.ends_on = patch.endsOn;
    }
    const changed = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    if (patch.confidentialityText !== undefined && patch.confidentialityText !== row.confidentiality_text) {
      // A new version: participants see (and consent to) the version current when they answer.
      set.confidentiality_text = patch.confidentialityText;
      set.confidentiality_version = row.confidentiality_version + 1;
      set.confidentiality_updated_at = nowIso();
    }
    await engagementsRepository.update(trx, scope, id, set);
    return {
      kind: 'engagement.updated',
      data: {
        fields: changed,
        confidentialityVersion: set.confidentiality_version ?? row.confidentiality_version,
      },
    };
  });
}

export function updatePhase(
  db: Db,
  scope: OrgScope,
  id: string,
  key: PhaseState['key'],
  body: { status: PhaseState['status']; notes?: string | undefined },
  actor: Actor,
) {
  return mutate(db, scope, id, actor, async (trx, row) => {
    const phases = row.phases.map((p) =>
      p.key === key ? { ...p, status: body.status, notes: body.notes ?? p.notes, updatedAt: nowIso() } : p,
    );
    await engagementsRepository.update(trx, scope, id, { phases });
    return { kind: 'engagement.phase_changed', data: { phase: key, status: body.status } };
  });
}

/** Pause, stop or resume. Always with a reason, who and when; the caller broadcasts to live clients. */
export function changeStatus(
  db: Db,
  scope: OrgScope,
  id: string,
  body: { status: 'active' | 'paused' | 'stopped'; reason: string },
  actor: Actor,
) {
  return mutate(db, scope, id, actor, async (trx, row) => {
    if (row.status === body.status) {
      throw new AppError('CONFLICT', `the engagement is already ${body.status}`);
    }
    await engagementsRepository.update(trx, scope, id, {
      status: body.status,
      status_reason: body.reason,
      status_by: scope.userId,
      status_at: nowIso(),
    });
    if (body.status === 'stopped') {
      await emitEngagementStopped(trx, row, row.status);
    }
    const kind =
      body.status === 'active'
        ? 'engagement.resumed'
        : body.status === 'paused'
          ? 'engagement.paused'
          : 'engagement.stopped';
    return { kind, data: { reason: body.reason, from: row.status } };
  });
}

export function addQuestion(db: Db, scope: OrgScope, id: string, text: string, actor: Actor) {
  return mutate(db, scope, id, actor, async (trx) => {
    const existing = await engagementsRepository.questions(trx, id);
    const qid = newId();
    await engagementsRepository.insertQuestion(trx, {
      id: qid,
      engagement_id: id,
      position: existing.length === 0 ? 1 : Math.max(...existing.map((q) => q.position)) + 1,
      text,
      status: 'open',
      answer: '',
      complexity: null,
      created_at: nowIso(),
    });
    return { kind: 'question.added', objectKind: 'question', objectId: qid, data: { text } };
  });
}

async function requireQuestion(trx: Db, engagementId: string, questionId: string) {
  const q = await engagementsRepository.findQuestion(trx, engagementId, questionId);
  if (!q) {
    throw notFound('question');
  }
  return q;
}

export function updateQuestion(
  db: Db,
  scope: OrgScope,
  id: string,
  questionId: string,
  patch: {
    text?: string | undefined;
    status?: 'open' | 'explored' | 'answered' | undefined;
    answer?: string | undefined;
  },
  actor: Actor,
) {
  return mutate(db, scope, id, actor, async (trx) => {
    const q = await requireQuestion(trx, id, questionId);
    const set: { text?: string; status?: string; answer?: string } = {};
    if (patch.text !== undefined) {
      set.text = patch.text;
    }
    if (patch.status !== undefined) {
      set.status = patch.status;
    }
    if (patch.answer !== undefined) {
      set.answer = patch.answer;
    }
    await engagementsRepository.updateQuestion(trx, id, questionId, set);
    return {
      kind: patch.status && patch.status !== q.status ? 'question.status_changed' : 'question.updated',
      objectKind: 'question',
      objectId: questionId,
      data: { status: patch.status ?? q.status },
    };
  });
}

export function deleteQuestion(db: Db, scope: OrgScope, id: string, questionId: string, actor: Actor) {
  return mutate(db, scope, id, actor, async (trx) => {
    const q = await requireQuestion(trx, id, questionId);
    await engagementsRepository.deleteQuestion(trx, id, questionId);
    return { kind: 'question.removed', objectKind: 'question', objectId: questionId, data: { text: q.text } };
  });
}

export function reorderQuestions(db: Db, scope: OrgScope, id: string, ids: string[], actor: Actor) {
  return mutate(db, scope, id, actor, async (trx) => {
    const existing = await engagementsRepository.questions(trx, id);
    const known = new Set(existing.map((q) => q.id));
    if (
      ids.length !== existing.length ||
      new Set(ids).size !== ids.length ||
      !ids.every((q) => known.has(q))
    ) {
      throw new AppError('VALIDATION_FAILED', 'give every question of the engagement exactly once');
    }
    for (const [i, qid] of ids.entries()) {
      await engagementsRepository.updateQuestion(trx, id, qid, { position: i + 1 });
    }
    return { kind: 'question.reordered' };
  });
}

export function assessQuestionComplexity(
  db: Db,
  scope: OrgScope,
  id: string,
  questionId: string,
  body: { answers: ComplexityAnswers; reasoning?: string | undefined },
  actor: Actor,
  assessorName: string,
) {
  return mutate(db, scope, id, actor, async (trx) => {
    await requireQuestion(trx, id, questionId);
    const a = assessCynefin(body.answers);
    const complexity = {
      answers: body.answers,
      domain: a.domain,
      scores: a.scores,
      reasoning: body.reasoning ?? '',
      assessedAt: nowIso(),
      assessedBy: assessorName,
    };
    await engagementsRepository.updateQuestion(trx, id, questionId, { complexity });
    return {
      kind: 'question.complexity_assessed',
      objectKind: 'question',
      objectId: questionId,
      data: { domain: a.domain },
    };
  });
}

export function addStakeholder(
  db: Db,
  scope: OrgScope,
  id: string,
  body: {
    kind: 'sponsor' | 'facilitator' | 'collective' | 'other';
    name: string;
    userId?: string | undefined;
    collectiveId?: string | undefined;
    note?: string | undefined;
  },
  actor: Actor,
) {
  return mutate(db, scope, id, actor, async (trx, engagement) => {
    if (body.userId && !(await organisationsRepository.findMember(trx, scope, body.userId))) {
      throw notFound('member');
    }
    if (body.collectiveId && !(await peopleRepository.findCollective(trx, scope, body.collectiveId))) {
      throw notFound('collective');
    }
    const sid = newId();
    await engagementsRepository.insertStakeholder(trx, {
      id: sid,
      engagement_id: id,
      kind: body.kind,
      name: body.name,
      user_id: body.userId ?? null,
      collective_id: body.collectiveId ?? null,
      note: body.note ?? '',
      created_at: nowIso(),
    });
    await notifyStakeholderAdded(trx, {
      orgId: scope.orgId,
      engagement: { id, title: engagement.title },
      userId: body.userId ?? null,
      collectiveId: body.collectiveId ?? null,
      actorUserId: scope.userId,
    });
    return {
      kind: 'stakeholder.added',
      objectKind: 'stakeholder',
      objectId: sid,
      data: { kind: body.kind, name: body.name },
    };
  });
}

export function removeStakeholder(db: Db, scope: OrgScope, id: string, stakeholderId: string, actor: Actor) {
  return mutate(db, scope, id, actor, async (trx) => {
    if ((await engagementsRepository.deleteStakeholder(trx, id, stakeholderId)) === 0) {
      throw notFound('stakeholder');
    }
    return { kind: 'stakeholder.removed', objectKind: 'stakeholder', objectId: stakeholderId };
  });
}
