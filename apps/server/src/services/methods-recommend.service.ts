import type { RecommendationBody, RecommendationView } from '@essaim/contracts';
import { type CynefinDomain, type Recommendation, recommendMethods } from '@essaim/core/methods';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { type MethodChoiceRow, methodsRepository } from '../db/repositories/methods.repository.ts';
import { notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { writeDecisionRecord } from './decision-records.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { measuredTrustOf } from './measured-trust.service.ts';
import { libraryOf, presentMethod, requireMethod } from './methods.service.ts';
import { registerPersonalData } from './personal-data.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { registerTraceKind } from './trace.service.ts';

/**
 * Recommendations for an engagement's essential question, and the record of the method the group or
 * sponsor chose. The recommender (packages/core/src/methods/recommend.ts, rules in docs/methods.md §4)
 * proposes several explained options and never picks one: Essaim writes down a choice made by people.
 *
 * Inputs: the Cynefin domain comes from the question's complexity check when it was assessed (else the
 * declared one); trust is the level measured by the engagement's latest closed diagnostic when its
 * released whole-campaign cut shows it (`trustSource: 'measured'`), else the declared one.
 */

async function resolveQuestion(db: Db, engagementId: string, questionId: string | undefined) {
  if (!questionId) {
    return null;
  }
  const q = await engagementsRepository.findQuestion(db, engagementId, questionId);
  if (!q) {
    throw notFound('question');
  }
  return q;
}

async function compute(db: Db, scope: OrgScope, engagementId: string, body: RecommendationBody) {
  await loadEngagement(db, scope, engagementId);
  const question = await resolveQuestion(db, engagementId, body.questionId);
  const assessed = question?.complexity?.domain ?? null;
  const cynefin: CynefinDomain | null = assessed ?? body.cynefin ?? null;
  const cynefinSource = assessed ? 'question' : body.cynefin ? 'declared' : 'none';
  const measured = await measuredTrustOf(db, scope, engagementId);
  const trustLevel = measured?.level ?? body.trustLevel;
  const library = await libraryOf(db, scope);
  const result: Recommendation = recommendMethods(
    library,
    {
      ...(body.family ? { family: body.family } : {}),
      ...(body.icForms?.length ? { icForms: body.icForms } : {}),
      groupSize: body.groupSize,
      minutesAvailable: body.minutesAvailable,
      mode: body.mode,
      trustLevel,
      trustSource: measured ? 'measured' : 'declared',
      facilitatorLevel: body.facilitatorLevel,
      ...(cynefin ? { cynefin } : {}),
      ...(body.urgency ? { urgency: body.urgency } : {}),
    },
    { limit: body.limit ?? 5 },
  );
  return {
    result,
    question,
    cynefin,
    cynefinSource: cynefinSource as 'question' | 'declared' | 'none',
    trustLevel,
    measured,
  };
}

export async function recommendForEngagement(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: RecommendationBody,
): Promise<RecommendationView> {
  const { result, question, cynefin, cynefinSource, trustLevel, measured } = await compute(
    db,
    scope,
    engagementId,
    body,
  );
  return {
    options: result.options.map((o) => ({
      rank: o.rank,
      method: presentMethod(o.method),
      score: o.score,
      breakdown: o.breakdown.map((b) => ({ ...b })),
      warnings: o.warnings.map((w) => ({ ...w })),
    })),
    notices: result.notices.map((n) => ({ ...n })),
    isChoiceForGroup: true,
    appliedRules: [...result.appliedRules],
    eligibleCount: result.eligibleCount,
    excludedCount: result.excluded.length,
    cynefin,
    cynefinSource,
    trustSource: measured ? 'measured' : 'declared',
    trustLevel,
    trustCampaign: measured ? { id: measured.campaignId, title: measured.campaignTitle } : null,
    question: question ? { id: question.id, text: question.text } : null,
  };
}

function presentChoice(r: MethodChoiceRow) {
  const proposed = r.proposed;
  const rank = proposed.indexOf(r.method_id);
  return {
    id: r.id,
    engagementId: r.engagement_id,
    questionId: r.question_id,
    methodId: r.method_id,
    methodName: r.method_name,
    reason: r.reason,
    decidedBy: r.decided_by as 'group' | 'sponsor',
    recordedBy: r.recorder_name ?? null,
    proposedRank: rank < 0 ? null : rank + 1,
    proposedIds: proposed,
    at: r.at,
  };
}

export async function listMethodChoices(db: Db, scope: OrgScope, engagementId: string) {
  await loadEngagement(db, scope, engagementId);
  return { choices: (await methodsRepository.choices(db, engagementId)).map(presentChoice) };
}

/**
 * Write down the method the group or the sponsor chose, with why, on the engagement's timeline. The
 * chosen method may be one that was not proposed: the recommendation never binds anyone.
 */
export async function recordMethodChoice(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: {
    methodId: string;
    reason: string;
    decidedBy: 'group' | 'sponsor';
    request?: RecommendationBody | undefined;
  },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const method = await requireMethod(trx, scope, body.methodId);
    const computed = body.request ? await compute(trx, scope, engagementId, body.request) : null;
    const proposed = computed ? computed.result.options.map((o) => o.methodId) : [];
    const id = newId();
    await methodsRepository.insertChoice(trx, {
      id,
      engagement_id: engagementId,
      question_id: computed?.question?.id ?? null,
      method_id: method.id,
      method_name: method.name,
      reason: body.reason,
      decided_by: body.decidedBy,
      recorded_by: scope.userId,
      proposed,
      request: body.request ?? null,
      at: nowIso(),
    });
    const rank = proposed.indexOf(method.id);
    await writeDecisionRecord(trx, {
      orgId: scope.orgId,
      engagementId,
      source: 'method_choice',
      sourceId: id,
      title: method.name.fr === method.name.en ? method.name.fr : `${method.name.fr} / ${method.name.en}`,
      statement: body.reason,
      rule: null,
      decidedBy: body.decidedBy,
      status: 'passed',
      links: [{ kind: 'method', id, relation: 'chooses' }],
      recordedBy: scope.userId,
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'methods.choice_recorded',
      objectKind: 'method',
      objectId: id,
      data: {
        methodId: method.id,
        method: method.name,
        decidedBy: body.decidedBy,
        reason: body.reason,
        proposedRank: rank < 0 ? null : rank + 1,
        questionId: computed?.question?.id ?? null,
        // Stated on the record itself: the platform proposed, people decided.
        statement: 'CHOICE_BELONGS_TO_GROUP',
      },
    });
    return listMethodChoices(trx, scope, engagementId);
  });
}

// A chosen method can be trace-linked (question → method → workshop…): the id is the choice's id.
registerTraceKind('method', async (db, engagementId, id) => {
  const row = await methodsRepository.findChoice(db, engagementId, id);
  if (!row) {
    return null;
  }
  const name = row.method_name;
  return name.fr === name.en ? name.fr : `${name.fr} / ${name.en}`;
});

registerPersonalData({
  name: 'method-choices',
  async export(db, userId) {
    return db
      .selectFrom('method_choices')
      .select(['engagement_id', 'method_id', 'reason', 'decided_by', 'at'])
      .where('recorded_by', '=', userId)
      .execute();
  },
  async erase(db, userId, orgId) {
    // The decision belongs to the engagement's record; only who wrote it down is detached.
    await db
      .updateTable('method_choices')
      .set({ recorded_by: null })
      .where('recorded_by', '=', userId)
      .where('engagement_id', 'in', db.selectFrom('engagements').select('id').where('org_id', '=', orgId))
      .execute();
  },
});
