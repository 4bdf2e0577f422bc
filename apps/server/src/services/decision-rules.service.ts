import type { DecisionRuleChoiceBody, DecisionRuleRecommendBody } from '@essaim/contracts';
import { recommendRules } from '@essaim/core/decisions';
import type { OrgScope } from '../db/org-scope.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import type { Actor } from './audit.service.ts';
import { announceDecision, writeDecisionRecord } from './decision-records.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';

/**
 * The group chooses its decision rule before deciding content (sociocracy: by consent, a circle may
 * delegate other decision methods). The recommender explains at least three rules and never chooses;
 * the choice is written as a decision of its own (source `rule_choice`).
 *
 * Trust is declared in the request for now (`trustSource: 'declared'`): the recommender is ready for a
 * measured level once diagnostics publish one per engagement.
 */
export async function recommendDecisionRules(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: DecisionRuleRecommendBody,
) {
  await loadEngagement(db, scope, engagementId);
  const r = recommendRules({ ...body, trustSource: 'declared' }, 5);
  return {
    options: r.options.map((o) => ({
      ...o,
      advantages: [...o.advantages],
      drawbacks: [...o.drawbacks],
      warnings: [...o.warnings],
    })),
    isChoiceForGroup: true as const,
    notices: [...r.notices],
    trustSource: 'declared' as const,
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
