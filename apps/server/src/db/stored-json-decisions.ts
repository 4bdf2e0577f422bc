/** Shapes of the decision feature's JSON columns (see stored-json.ts for why they are checked). */
import type {
  DecisionObjection,
  DecisionPosition,
  DecisionTraceLink,
  GovernanceMap,
  ObjectionTests,
  RuleConfig,
  StoredPosition,
} from '@essaim/core/decisions';
import { z } from 'zod';
import { objectWith } from './stored-json.ts';

/** proposals.state: what a proposal's run has added (fallback, conditions, nominee, live round). */
export interface ProposalState {
  fallbackInvoked?: boolean;
  minorityAsked?: boolean;
  conditions?: { text: string; isAdded: boolean }[];
  nominee?: string | null;
  live?: { workshopId: string; activityId: string; version?: number; returnedAt?: string; recordId?: string };
}

const nullableString = z.string().nullable();

export const DecisionsJson = {
  /** decision_records.positions */
  positions: z.array(
    z.object({
      participant: nullableString,
      value: z.string(),
      reason: nullableString,
      version: z.number(),
    }) satisfies z.ZodType<DecisionPosition>,
  ),
  /** decision_records.objections */
  objections: z.array(
    z.object({
      id: z.string(),
      participant: nullableString,
      reason: z.string(),
      version: z.number(),
      status: z.enum(['open', 'integrated', 'withdrawn', 'invalid']),
      integration: nullableString,
      integratedInVersion: z.number().nullable(),
    }) satisfies z.ZodType<DecisionObjection>,
  ),
  /** decision_records.links */
  links: z.array(
    z.object({
      kind: z.string(),
      id: z.string(),
      relation: z.string(),
    }) satisfies z.ZodType<DecisionTraceLink>,
  ),
  /** proposals.config (checked against the rule's contract when written) */
  ruleConfig: objectWith<RuleConfig>(),
  /** proposals.eligible_roles */
  roles: z.array(z.string()),
  /** proposals.state */
  proposalState: objectWith<ProposalState>(),
  /** proposal_positions.ballot: grades, scores or dots by option, or a ranking */
  ballot: z.union([z.record(z.string(), z.number()), z.array(z.string())]) satisfies z.ZodType<
    NonNullable<StoredPosition['ballot']>
  >,
  /** proposal_positions.response: the decider's answer to an advice */
  response: z.object({ isFollowed: z.boolean(), why: z.string() }),
  /** proposal_objections.tests */
  objectionTests: z.object({
    reducesCapacity: z.boolean(),
    createdByProposal: z.boolean(),
    cannotAdaptInTime: z.boolean(),
    limitsObjectorRole: z.boolean(),
    breachesRules: z.boolean(),
  }) satisfies z.ZodType<ObjectionTests>,
  /** governance_maps.data (validated by validateMap when written) */
  governanceMap: objectWith<GovernanceMap>('circles', 'roles', 'links', 'areas'),
};
