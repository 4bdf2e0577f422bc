import type {
  CompetencyAssessment,
  CompetencyAssessmentList,
  CompetencyCoverage,
  CompetencyEvidenceItem,
  CompetencyFacilitatorLevel,
  CompetencyGoal,
  CompetencyRatingBody,
} from '@essaim/contracts';
import {
  facilitatorLevelFrom,
  goalProgress,
  isCompetencyId,
  isCompetencyLevel,
} from '@essaim/core/competencies';
import { METHOD_CATALOGUE } from '@essaim/core/methods';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type AssessmentRow,
  type GoalRow,
  competenciesRepository as repo,
} from '../db/repositories/competencies.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import type { StoredRating } from '../db/stored-json-competencies.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { requireScope } from './access.service.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { gatherFacts, listEvidence, practisedMethods } from './competencies-evidence.service.ts';
import { registerPersonalData } from './personal-data.ts';

/**
 * Self-assessments, their sharing with an organisation, development goals and the facilitator level
 * the method recommender may use. Everything is keyed by the author's user id (never an organisation):
 * a self-assessment is private unless its author shares it, and a share can be withdrawn at any time.
 */

function invalid(message: string, details?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', message, details);
}

async function checkRatings(
  db: Db,
  userId: string,
  ratings: readonly CompetencyRatingBody[],
): Promise<StoredRating[]> {
  const seen = new Set<string>();
  const needsEvidence = ratings.some((r) => r.evidenceKeys.length > 0);
  const known = needsEvidence
    ? new Set((await listEvidence(db, userId)).map((e) => e.key))
    : new Set<string>();
  return ratings.map((r) => {
    if (!isCompetencyId(r.competencyId)) {
      throw invalid(`unknown competency ${r.competencyId}`, { competencyId: r.competencyId });
    }
    if (seen.has(r.competencyId)) {
      throw invalid(`competency ${r.competencyId} rated twice`, { competencyId: r.competencyId });
    }
    seen.add(r.competencyId);
    const unknown = r.evidenceKeys.filter((k) => !known.has(k));
    if (unknown.length > 0) {
      throw invalid('evidence not found among your platform evidence', { evidenceKeys: unknown });
    }
    return {
      competencyId: r.competencyId,
      level: r.level,
      evidenceKeys: [...new Set(r.evidenceKeys)],
      ownEvidence: r.ownEvidence,
      note: r.note,
    };
  });
}

export function ratingsOf(row: Pick<AssessmentRow, 'ratings'>): StoredRating[] {
  return row.ratings;
}

export function levelsOf(row: Pick<AssessmentRow, 'ratings'>): Record<string, number> {
  return Object.fromEntries(ratingsOf(row).map((r) => [r.competencyId, r.level]));
}

export async function presentAssessment(
  db: Db,
  row: AssessmentRow,
  evidence?: CompetencyEvidenceItem[],
): Promise<CompetencyAssessment> {
  const items = evidence ?? (await listEvidence(db, row.user_id));
  const byKey = new Map(items.map((e) => [e.key, e]));
  const ratings = ratingsOf(row);
  const shares = await repo.shares(db, [row.id]);
  const supervisions = await repo.supervisions(db, row.id);
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ratings: ratings.map((r) => ({
      ...r,
      evidence: r.evidenceKeys.flatMap((k) => {
        const item = byKey.get(k);
        return item ? [item] : [];
      }),
    })),
    facilitatorLevel: facilitatorLevelFrom(levelsOf(row)),
    shares: shares.map((s) => ({ orgId: s.org_id, orgName: s.org_name, sharedAt: s.shared_at })),
    supervisions: supervisions.map((s) => ({
      id: s.id,
      peerName: s.peer_name,
      message: s.message,
      review: s.review,
      reviewedAt: s.reviewed_at,
      createdAt: s.created_at,
    })),
  };
}

export async function requireAssessment(db: Db, userId: string, id: string): Promise<AssessmentRow> {
  const row = await repo.findAssessment(db, userId, id);
  if (!row) {
    throw notFound('self-assessment');
  }
  return row;
}

export async function listAssessments(db: Db, userId: string): Promise<CompetencyAssessmentList> {
  const rows = await repo.listAssessments(db, userId);
  const shares = await repo.shares(
    db,
    rows.map((r) => r.id),
  );
  return {
    assessments: rows.map((r) => ({
      id: r.id,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      levels: levelsOf(r),
      sharedWith: shares.filter((s) => s.assessment_id === r.id).length,
    })),
  };
}

export async function createAssessment(
  db: Db,
  userId: string,
  body: { title: string; ratings: CompetencyRatingBody[] },
  actor: Actor,
): Promise<CompetencyAssessment> {
  return db.transaction().execute(async (trx) => {
    const ratings = await checkRatings(trx, userId, body.ratings);
    const now = nowIso();
    const row: AssessmentRow = {
      id: newId(),
      user_id: userId,
      title: body.title,
      ratings,
      created_at: now,
      updated_at: now,
    };
    await repo.insertAssessment(trx, row);
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.assessment_created',
      objectKind: 'competency_assessment',
      objectId: row.id,
      details: { competencies: ratings.length },
    });
    return presentAssessment(trx, row);
  });
}

export async function updateAssessment(
  db: Db,
  userId: string,
  id: string,
  body: { title: string; ratings: CompetencyRatingBody[] },
  actor: Actor,
): Promise<CompetencyAssessment> {
  return db.transaction().execute(async (trx) => {
    await requireAssessment(trx, userId, id);
    const ratings = await checkRatings(trx, userId, body.ratings);
    await repo.updateAssessment(trx, userId, id, {
      title: body.title,
      ratings,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.assessment_updated',
      objectKind: 'competency_assessment',
      objectId: id,
    });
    return presentAssessment(trx, await requireAssessment(trx, userId, id));
  });
}

export async function deleteAssessment(db: Db, userId: string, id: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await requireAssessment(trx, userId, id);
    await repo.deleteAssessment(trx, userId, id);
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.assessment_deleted',
      objectKind: 'competency_assessment',
      objectId: id,
    });
  });
}

/** Share with an organisation the author belongs to (an explicit, recorded choice). */
export async function shareAssessment(
  db: Db,
  userId: string,
  id: string,
  orgId: string,
  actor: Actor,
): Promise<CompetencyAssessment> {
  return db.transaction().execute(async (trx) => {
    const row = await requireAssessment(trx, userId, id);
    await requireScope(trx, userId, orgId, 'org.read');
    await repo.share(trx, { assessment_id: id, org_id: orgId, user_id: userId, shared_at: nowIso() });
    await recordAudit(trx, actor, {
      orgId,
      action: 'competencies.assessment_shared',
      objectKind: 'competency_assessment',
      objectId: id,
    });
    return presentAssessment(trx, row);
  });
}

export async function withdrawShare(
  db: Db,
  userId: string,
  id: string,
  orgId: string,
  actor: Actor,
): Promise<CompetencyAssessment> {
  return db.transaction().execute(async (trx) => {
    const row = await requireAssessment(trx, userId, id);
    if ((await repo.unshare(trx, userId, id, orgId)) === 0) {
      throw notFound('share');
    }
    await recordAudit(trx, actor, {
      orgId,
      action: 'competencies.assessment_share_withdrawn',
      objectKind: 'competency_assessment',
      objectId: id,
    });
    return presentAssessment(trx, row);
  });
}

/** Who in the organisation can lead what, from shared self-assessments only (latest per person). */
export async function teamCoverage(db: Db, scope: OrgScope): Promise<CompetencyCoverage> {
  const rows = await repo.sharedWithOrg(db, scope.orgId);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    if (!latest.has(r.user_id)) {
      latest.set(r.user_id, r);
    }
  }
  return {
    members: [...latest.values()]
      .map((r) => ({
        userId: r.user_id,
        displayName: r.display_name,
        assessedAt: r.created_at,
        facilitatorLevel: facilitatorLevelFrom(levelsOf(r)),
        levels: levelsOf(r),
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}

export async function getSettings(db: Db, userId: string) {
  const row = await repo.getSettings(db, userId);
  return { useLevelInRecommender: row?.use_level_in_recommender === 1 };
}

export async function putSettings(db: Db, userId: string, useLevel: boolean, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    await repo.putSettings(trx, userId, useLevel, nowIso());
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.settings_updated',
      details: { useLevelInRecommender: useLevel },
    });
  });
  return getSettings(db, userId);
}

/** The level the recommender and agenda builder may use: only with the consultant's permission. */
export async function facilitatorLevel(db: Db, userId: string): Promise<CompetencyFacilitatorLevel> {
  const { useLevelInRecommender } = await getSettings(db, userId);
  const latest = (await repo.listAssessments(db, userId))[0];
  if (!useLevelInRecommender || !latest) {
    return { permitted: useLevelInRecommender, level: null, assessedAt: null };
  }
  return { permitted: true, level: facilitatorLevelFrom(levelsOf(latest)), assessedAt: latest.created_at };
}

const CATALOGUE_IDS = new Set(METHOD_CATALOGUE.map((m) => m.id));

function checkGoal(competencyId: string | undefined, methodIds: readonly string[] | undefined) {
  if (competencyId !== undefined && !isCompetencyId(competencyId)) {
    throw invalid(`unknown competency ${competencyId}`, { competencyId });
  }
  const unknown = (methodIds ?? []).filter((id) => !CATALOGUE_IDS.has(id));
  if (unknown.length > 0) {
    throw invalid('unknown methods', { methodIds: unknown });
  }
}

export async function listGoals(db: Db, userId: string): Promise<{ goals: CompetencyGoal[] }> {
  const rows = await repo.listGoals(db, userId);
  const latest = (await repo.listAssessments(db, userId))[0];
  const levels = latest ? levelsOf(latest) : {};
  const { facts } = await gatherFacts(db, userId);
  const practised = practisedMethods(facts);
  const today = nowIso();
  return {
    goals: rows.map((g) => {
      const practiceMethodIds = g.practice_method_ids;
      const targetLevel = isCompetencyLevel(g.target_level) ? g.target_level : 4;
      const progress = goalProgress(
        { competencyId: g.competency_id, targetLevel, practiceMethodIds, dueOn: g.due_on },
        levels,
        practised,
        today,
      );
      return {
        id: g.id,
        competencyId: g.competency_id,
        targetLevel: g.target_level,
        practiceMethodIds,
        resources: g.resources,
        dueOn: g.due_on,
        status: g.status as CompetencyGoal['status'],
        createdAt: g.created_at,
        progress: { ...progress, practised: [...progress.practised], remaining: [...progress.remaining] },
      };
    }),
  };
}

export async function createGoal(
  db: Db,
  userId: string,
  body: {
    competencyId: string;
    targetLevel: number;
    practiceMethodIds: string[];
    resources: string;
    dueOn: string | null;
  },
  actor: Actor,
) {
  checkGoal(body.competencyId, body.practiceMethodIds);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row: GoalRow = {
      id: newId(),
      user_id: userId,
      competency_id: body.competencyId,
      target_level: body.targetLevel,
      practice_method_ids: [...new Set(body.practiceMethodIds)],
      resources: body.resources,
      due_on: body.dueOn,
      status: 'open',
      created_at: now,
      updated_at: now,
    };
    await repo.insertGoal(trx, row);
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.goal_created',
      objectKind: 'competency_goal',
      objectId: row.id,
    });
  });
  return listGoals(db, userId);
}

export async function updateGoal(
  db: Db,
  userId: string,
  id: string,
  body: {
    targetLevel?: number | undefined;
    practiceMethodIds?: string[] | undefined;
    resources?: string | undefined;
    dueOn?: string | null | undefined;
    status?: string | undefined;
  },
  actor: Actor,
) {
  checkGoal(undefined, body.practiceMethodIds);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.findGoal(trx, userId, id))) {
      throw notFound('goal');
    }
    const patch: Partial<GoalRow> = { updated_at: nowIso() };
    if (body.targetLevel !== undefined) {
      patch.target_level = body.targetLevel;
    }
    if (body.practiceMethodIds !== undefined) {
      patch.practice_method_ids = [...new Set(body.practiceMethodIds)];
    }
    if (body.resources !== undefined) {
      patch.resources = body.resources;
    }
    if (body.dueOn !== undefined) {
      patch.due_on = body.dueOn;
    }
    if (body.status !== undefined) {
      patch.status = body.status;
    }
    await repo.updateGoal(trx, userId, id, patch);
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.goal_updated',
      objectKind: 'competency_goal',
      objectId: id,
    });
  });
  return listGoals(db, userId);
}

export async function deleteGoal(db: Db, userId: string, id: string, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.findGoal(trx, userId, id))) {
      throw notFound('goal');
    }
    await repo.deleteGoal(trx, userId, id);
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'competencies.goal_deleted',
      objectKind: 'competency_goal',
      objectId: id,
    });
  });
  return listGoals(db, userId);
}

registerPersonalData({
  name: 'competencies',
  async export(db, userId) {
    const assessments = await repo.listAssessments(db, userId);
    return {
      assessments: assessments.map((a) => ({
        title: a.title,
        createdAt: a.created_at,
        ratings: ratingsOf(a),
      })),
      goals: await repo.listGoals(db, userId),
      feedbackRounds: (await repo.listRounds(db, userId)).map((r) => ({
        title: r.title,
        createdAt: r.created_at,
      })),
    };
  },
  async erase(db, userId) {
    // Personal to the author, never the organisation's: removed whatever the organisation's policy.
    await repo.eraseUser(db, userId);
  },
});
