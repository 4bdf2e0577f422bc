import type { EvaluationView } from '@essaim/contracts';
import { can } from '@essaim/core';
import { type EvaluationInput, evaluateEngagement, summariseFeedback } from '@essaim/core/evaluation';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { evaluationRepository } from '../db/repositories/evaluation.repository.ts';
import { surveysRepository } from '../db/repositories/surveys.repository.ts';
import { workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { forbidden, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { compareCampaignReports, frozenInstrument } from './campaigns-report.service.ts';
import { listDecisions } from './decision-records.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { outcomeFindings, outcomesOf } from './evaluation-outcomes.ts';
import { registerPersonalData } from './personal-data.ts';

// Feedback is found through the participation's link to an account, which the workshops contributor
// drops on erasure: this one runs first.
registerPersonalData({
  name: 'workshop-feedback',
  before: ['workshops'],
  export: (db, userId) => evaluationRepository.feedbackOfUser(db, userId),
  erase: (db, userId, orgId, policy) => evaluationRepository.eraseFeedbackOfUser(db, userId, orgId, policy),
});

/**
 * A participant's feedback after a workshop (usefulness 1–5 and one open answer). The participant is
 * the holder of the workshop's participant cookie (identified by the live runtime); answering again
 * replaces the previous answer. Only aggregates leave the server (summariseFeedback's thresholds).
 */
export async function submitWorkshopFeedback(
  db: Db,
  workshopId: string,
  participantId: string,
  body: { usefulness: number; comment?: string | undefined },
): Promise<void> {
  const w = await workshopsRepository.byId(db, workshopId);
  if (!w) {
    throw notFound('workshop');
  }
  if (w.engagement_id) {
    await assertEngagementAcceptsInput(db, w.engagement_id);
  }
  const now = nowIso();
  await evaluationRepository.upsertFeedback(db, {
    id: newId(),
    org_id: w.org_id,
    workshop_id: workshopId,
    participant_id: participantId,
    usefulness: body.usefulness,
    comment: body.comment && body.comment.length > 0 ? body.comment : null,
    created_at: now,
    updated_at: now,
  });
}

/** The participant's own answer (null before they answer), so the form shows what they said. */
export async function myWorkshopFeedback(db: Db, workshopId: string, participantId: string) {
  const [workshop, row] = await Promise.all([
    workshopsRepository.byId(db, workshopId),
    evaluationRepository.feedbackOf(db, workshopId, participantId),
  ]);
  if (!workshop) {
    throw notFound('workshop');
  }
  return {
    workshopTitle: workshop.title,
    workshopStatus: workshop.status,
    answer: row
      ? { usefulness: row.usefulness, comment: row.comment ?? '', updatedAt: row.updated_at }
      : null,
  };
}

/** A workshop's feedback in aggregate, with the organisation's thresholds (never one person's answer). */
export async function workshopFeedbackSummary(db: Db, scope: OrgScope, workshopId: string) {
  // Facilitators read it beside the workshop's results (open answers included, from the text threshold).
  if (!can(scope.role, 'workshop.run')) {
    throw forbidden();
  }
  if (!(await workshopsRepository.get(db, scope, workshopId))) {
    throw notFound('workshop');
  }
  const [answers, org] = await Promise.all([
    evaluationRepository.feedbackOfWorkshop(db, scope, workshopId),
    surveysRepository.thresholdsOf(db, scope.orgId),
  ]);
  return summariseFeedback(answers, org?.min_group_size, org?.min_text_group_size);
}

/** The evaluation inputs of an engagement, read through the same services (and rights) as the screens. */
async function inputsOf(db: Db, scope: OrgScope, engagementId: string) {
  const campaigns = (await surveysRepository.campaignsOf(db, scope, engagementId))
    .filter((c) => c.status === 'closed')
    .sort((a, b) => (a.closed_at ?? '').localeCompare(b.closed_at ?? ''));
  // Before/after: the first and the last closed campaigns of the same instrument version.
  let pair: { before: (typeof campaigns)[number]; after: (typeof campaigns)[number] } | null = null;
  for (let i = campaigns.length - 1; i > 0 && !pair; i -= 1) {
    const after = campaigns[i]!;
    const inst = frozenInstrument(after);
    const before = campaigns.find((c) => {
      const other = frozenInstrument(c);
      return (
        c.id !== after.id &&
        other !== null &&
        inst !== null &&
        other.id === inst.id &&
        other.version === inst.version
      );
    });
    if (before) {
      pair = { before, after };
    }
  }
  const comparison = pair ? await compareCampaignReports(db, scope, pair.before.id, pair.after.id) : null;
  const names = new Map<string, string>();
  const inst = pair ? frozenInstrument(pair.after) : null;
  for (const c of inst?.constructs ?? []) {
    names.set(c.id, (c.name as { fr?: string; en?: string }).en ?? c.id);
  }
  const { decisions } = await listDecisions(db, scope, {}, engagementId);
  const feedback = summariseFeedback(
    await evaluationRepository.feedbackOfEngagement(db, scope, engagementId),
  );
  return { campaigns, comparison, decisions, feedback, inst };
}

export async function engagementEvaluation(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  lang: 'fr' | 'en' = 'en',
): Promise<EvaluationView> {
  if (!can(scope.role, 'survey.readReport')) {
    throw forbidden();
  }
  await loadEngagement(db, scope, engagementId);
  const { campaigns, comparison, decisions, feedback, inst } = await inputsOf(db, scope, engagementId);
  const constructName = (id: string) => {
    const c = inst?.constructs.find((k) => k.id === id);
    return (c?.name as Record<string, string> | undefined)?.[lang] ?? id;
  };
  const input: EvaluationInput = {
    comparison: comparison
      ? {
          before: comparison.before.title,
          after: comparison.after.title,
          cuts: comparison.cuts.map((c) => ({
            label: c.label,
            status: c.status,
            reason: c.reason,
            constructs: c.constructs.map((k) => ({ ...k, name: constructName(k.constructId) })),
          })),
        }
      : null,
    closedCampaigns: campaigns.length,
    decisions: {
      taken: decisions.length,
      adopted: decisions.filter((d) => d.status === 'passed').length,
      reviewed: decisions.filter((d) => d.status === 'review').length,
      dueForReview: decisions.filter((d) => d.isDueForReview).length,
    },
    feedback,
  };
  const outcomes = await outcomesOf(db, scope, engagementId);
  const findings: EvaluationView['findings'] = evaluateEngagement(input);
  // The outcomes' statements go before the closing "no causal claim", which stays last.
  findings.splice(findings.length - 1, 0, ...outcomeFindings(outcomes));
  return {
    engagementId,
    closedCampaigns: input.closedCampaigns,
    comparison: comparison ? { before: comparison.before, after: comparison.after } : null,
    decisions: input.decisions,
    feedback,
    ...outcomes,
    findings,
  };
}
