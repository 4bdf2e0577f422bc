import type { DecisionRuleChoiceBody, DecisionRuleRecommendBody } from '@essaim/contracts';
import { recommendRules } from '@essaim/core/decisions';
import type { OrgScope } from '../db/org-scope.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import type { Actor } from './audit.service.ts';
import { announceDecision, writeDecisionRecord } from './decision-records.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { measuredTrustOf } from './measured-trust.service.ts';

/**
 * The group chooses its decision rule before deciding content (sociocracy: by consent, a circle may
 * delegate other decision methods). The recommender explains at least three rules and never chooses;
 * the choice is written as a decision of its own (source `rule_choice`).
 *
 * Trust is the level measured by the engagement's latest closed diagnostic when its released
 * whole-campaign cut was shown (`trustSource: 'measured'`), otherwise the level declared in the request.
 */
export async function recommendDecisionRules(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: DecisionRuleRecommendBody,
) {
  await loadEngagement(db, scope, engagementId);
  const measured = await measuredTrustOf(db, scope, engagementId);
  const trustSource = measured ? ('measured' as const) : ('declared' as const);
  const trustLevel = measured?.level ?? body.trustLevel;
  const r = recommendRules({ ...body, trustLevel, trustSource }, 5);
  return {
    options: r.options.map((o) => ({
      ...o,
      advantages: [...o.advantages],
      drawbacks: [...o.drawbacks],
      warnings: [...o.warnings],
    })),
    isChoiceForGroup: true as const,
    notices: [...r.notices],
    trustSource,
    trustLevel,
    trustCampaign: measured ? { id: measured.campaignId, title: measured.campaignTitle } : null,
  };
}

export async function chooseDecisionRule(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: DecisionRuleChoiceBody,
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const id = await writeDecisionRecord(trx, {
      orgId: scope.orgId,
      engagementId,
      source: 'rule_choice',
      sourceId: null,
      title: `rule:${body.rule}`,
      statement: body.reason,
      // The rule the group used to make this choice (usually consent), not the rule chosen.
      rule: body.chosenWith ?? 'consent',
      decidedBy: body.decidedBy,
      status: 'passed',
      outcome: body.rule,
      recordedBy: scope.userId,
    });
    await announceDecision(trx, actor, scope.orgId, engagementId, id, {
      source: 'rule_choice',
      rule: body.rule,
    });
    return { id, rule: body.rule };
  });
}
