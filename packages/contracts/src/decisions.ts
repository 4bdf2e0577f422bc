/**
 * REST schemas of the decisions feature: rule recommendation and choice, asynchronous proposals and
 * positions (members and invited participants), the decision register, notifications and the
 * governance map. Names are prefixed (`Decision…`, `Proposal…`, `Governance…`).
 */
import { z } from 'zod';
import { EngagementParamsSchema } from './engagements.ts';
import { IdSchema, IsoDateSchema, OrgParamsSchema, RoleSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);
const Required = (max: number) => z.string().trim().min(1).max(max);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const DecisionRuleSchema = z.enum([
  'consent',
  'integrative',
  'consensus',
  'fistToFive',
  'gradients',
  'majority',
  'majorityJudgment',
  'rankedChoice',
  'score',
  'advice',
  'deepDemocracy',
  'election',
]);
export type DecisionRuleId = z.infer<typeof DecisionRuleSchema>;
export const DecisionStatusSchema = z.enum(['open', 'passed', 'rejected', 'withdrawn', 'review']);
export const DecisionSourceSchema = z.enum([
  'proposal',
  'options_board',
  'method_choice',
  'live_activity',
  'governance_map',
  'rule_choice',
  'charter',
]);
export const DecidedBySchema = z.enum(['group', 'sponsor', 'decider']);
export const DelegationLevelSchema = z.enum([
  'tell',
  'sell',
  'consult',
  'agree',
  'advise',
  'inquire',
  'delegate',
]);

export const ProposalParamsSchema = EngagementParamsSchema.extend({ proposalId: IdSchema });
export const ProposalObjectionParamsSchema = ProposalParamsSchema.extend({ objectionId: IdSchema });
export const ProposalPositionParamsSchema = ProposalParamsSchema.extend({ positionId: IdSchema });
export const DecisionParamsSchema = OrgParamsSchema.extend({ decisionId: IdSchema });
export const GovernanceMapParamsSchema = OrgParamsSchema.extend({ mapId: IdSchema });
export const ProposalPublicParamsSchema = z.object({ proposalId: IdSchema });

// ---- rule recommendation and choice ---------------------------------------------------

const Level3 = z.enum(['low', 'medium', 'high']);
export const DecisionRuleRecommendBodySchema = z.object({
  groupSize: z.number().int().min(1).max(100000),
  trustLevel: z.number().int().min(1).max(5),
  urgency: Level3,
  reversibility: z.enum(['easy', 'costly', 'irreversible']),
  stakes: Level3,
  hasSeveralOptions: z.boolean().optional(),
});
export type DecisionRuleRecommendBody = z.infer<typeof DecisionRuleRecommendBodySchema>;

export const DecisionRuleRecommendationSchema = z.object({
  options: z.array(
    z.object({
      rank: z.number().int(),
      rule: DecisionRuleSchema,
      score: z.number(),
      advantages: z.array(z.string()),
      drawbacks: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  ),
  isChoiceForGroup: z.literal(true),
  notices: z.array(z.string()),
  trustSource: z.enum(['measured', 'declared']),
  /** The trust level used: measured by a closed diagnostic's released report, or as declared. */
  trustLevel: z.number().int().min(1).max(5),
  trustCampaign: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type DecisionRuleRecommendation = z.infer<typeof DecisionRuleRecommendationSchema>;

export const DecisionRuleChoiceBodySchema = z.object({
  rule: DecisionRuleSchema,
  reason: Required(2000),
  decidedBy: z.enum(['group', 'sponsor']),
  /** The rule the group used to choose its rule (usually consent). */
  chosenWith: DecisionRuleSchema.optional(),
});
export type DecisionRuleChoiceBody = z.infer<typeof DecisionRuleChoiceBodySchema>;

// ---- proposals ------------------------------------------------------------------------

export const DecisionRuleConfigSchema = z
  .object({
    majorityKind: z.enum(['simple', 'absolute', 'twoThirds', 'threeQuarters']).optional(),
    quorum: z.number().min(0).max(1).optional(),
    gradientsCutoff: z.number().int().min(1).max(7).optional(),
    gradientsMinShare: z.number().min(0).max(1).optional(),
    consensusFallback: z
      .object({ num: z.number().int().min(1).max(99), den: z.number().int().min(1).max(100) })
      .refine((f) => f.num <= f.den, 'a fraction at most 1')
      .nullable()
      .optional(),
    options: z
      .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: Required(200) }))
      .max(30)
      .optional(),
    gradeCount: z.number().int().min(2).max(10).optional(),
    scoreMax: z.number().int().min(1).max(100).optional(),
    rankedMethod: z.enum(['irv', 'borda']).optional(),
    scoreMethod: z.enum(['score', 'dots']).optional(),
    dotBudget: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type DecisionRuleConfig = z.infer<typeof DecisionRuleConfigSchema>;

export const ProposalCreateBodySchema = z.object({
  title: Required(200),
  text: Required(10000),
  rule: DecisionRuleSchema,
  config: DecisionRuleConfigSchema.optional(),
  deadline: z.iso.datetime({ offset: true }),
  isAnonymous: z.boolean().optional(),
  hideResults: z.boolean().optional(),
  collectiveId: IdSchema.optional(),
  eligibleRoles: z.array(RoleSchema).max(5).optional(),
  invitees: z.array(Required(120)).max(200).optional(),
  reviewOn: DateOnly.optional(),
  questionId: IdSchema.optional(),
});
export type ProposalCreateBody = z.infer<typeof ProposalCreateBodySchema>;

export const ProposalPositionBodySchema = z.object({
  value: Required(40),
  reason: Text(4000).optional(),
  ballot: z
    .union([
      z.record(z.string().max(40), z.number().int().min(0).max(100)),
      z.array(z.string().max(40)).max(30),
    ])
    .optional(),
});
export type ProposalPositionBody = z.infer<typeof ProposalPositionBodySchema>;

export const ProposalAmendBodySchema = z.object({
  text: Required(10000),
  note: Text(2000),
  /** Objections this amendment integrates, with how. */
  integrates: z.array(z.object({ objectionId: IdSchema, integration: Required(2000) })).max(100),
});
export type ProposalAmendBody = z.infer<typeof ProposalAmendBodySchema>;

export const ObjectionTestsSchema = z.object({
  reducesCapacity: z.boolean(),
  createdByProposal: z.boolean(),
  cannotAdaptInTime: z.boolean(),
  limitsObjectorRole: z.boolean(),
  breachesRules: z.boolean(),
});

export const ProposalObjectionUpdateBodySchema = z.object({
  status: z.enum(['integrated', 'withdrawn', 'tested']),
  integration: Text(2000).optional(),
  tests: ObjectionTestsSchema.optional(),
});

export const ProposalCloseBodySchema = z.object({
  outcomeStatement: Required(4000),
  reviewOn: DateOnly.optional(),
  fallbackInvoked: z.boolean().optional(),
  minorityAsked: z.boolean().optional(),
  conditions: z
    .array(z.object({ text: Required(1000), isAdded: z.boolean() }))
    .max(50)
    .optional(),
  nominee: Text(120).optional(),
});
export type ProposalCloseBody = z.infer<typeof ProposalCloseBodySchema>;

export const ProposalReviewBodySchema = z.object({
  note: Text(2000),
  deadline: z.iso.datetime({ offset: true }),
});
export const ProposalAdviceResponseBodySchema = z.object({ isFollowed: z.boolean(), why: Required(2000) });
export const ProposalInviteBodySchema = z.object({ names: z.array(Required(120)).min(1).max(200) });

export const ProposalToWorkshopBodySchema = z.object({ workshopId: IdSchema.optional() });
export const ProposalToWorkshopResultSchema = z.object({
  workshopId: z.string(),
  activityId: z.string(),
  consolePath: z.string(),
});

export const ProposalInviteTokensSchema = z.object({
  invites: z.array(z.object({ name: z.string(), token: z.string() })),
});

export const ProposalTallySchema = z.object({
  outcome: z.enum(['passed', 'rejected', 'pending']),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  winners: z.array(z.string()),
  participantCount: z.number().int(),
});

export const ProposalObjectionSchema = z.object({
  id: z.string(),
  /** Null on anonymous proposals: never who objected. */
  objector: z.string().nullable(),
  isMine: z.boolean(),
  reason: z.string(),
  version: z.number().int(),
  status: z.enum(['open', 'integrated', 'withdrawn', 'invalid']),
  integration: z.string().nullable(),
  integratedInVersion: z.number().int().nullable(),
  tests: ObjectionTestsSchema.nullable(),
});

export const ProposalPositionSchema = z.object({
  id: z.string(),
  /** Null on anonymous proposals. */
  participant: z.string().nullable(),
  value: z.string(),
  reason: z.string().nullable(),
  version: z.number().int(),
  response: z.object({ isFollowed: z.boolean(), why: z.string() }).nullable(),
});

export const ProposalViewSchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  recordId: z.string(),
  title: z.string(),
  text: z.string(),
  version: z.number().int(),
  rule: DecisionRuleSchema,
  config: z.record(z.string(), z.unknown()),
  deadline: IsoDateSchema,
  isAnonymous: z.boolean(),
  hideResults: z.boolean(),
  collectiveId: z.string().nullable(),
  eligibleRoles: z.array(RoleSchema),
  status: z.enum(['open', 'closed', 'withdrawn']),
  outcomeStatement: z.string().nullable(),
  reviewOn: z.string().nullable(),
  eligibleCount: z.number().int(),
  answeredCount: z.number().int(),
  versions: z.array(
    z.object({ version: z.number().int(), text: z.string(), note: z.string(), at: IsoDateSchema }),
  ),
  /** Null while results are hidden until close. */
  tally: ProposalTallySchema.nullable(),
  positions: z.array(ProposalPositionSchema),
  objections: z.array(ProposalObjectionSchema),
  invitees: z.array(z.object({ id: z.string(), name: z.string() })),
  me: z.object({
    canTakePosition: z.boolean(),
    position: z.object({ value: z.string(), reason: z.string().nullable(), ballot: z.unknown() }).nullable(),
  }),
  allowedValues: z.array(z.string()),
  reasonRequiredFor: z.array(z.string()),
  subject: z.object({ kind: z.string(), id: z.string() }).nullable(),
  /** The live workshop activity this proposal was taken into, and whether its outcome came back. */
  live: z
    .object({
      workshopId: z.string(),
      activityId: z.string(),
      isReturned: z.boolean(),
      recordId: z.string().nullable(),
    })
    .nullable(),
  createdAt: IsoDateSchema,
  closedAt: IsoDateSchema.nullable(),
});
export type ProposalView = z.infer<typeof ProposalViewSchema>;

export const ProposalCreatedSchema = z.object({
  proposal: ProposalViewSchema,
  invites: z.array(z.object({ name: z.string(), token: z.string() })),
});

export const ProposalListSchema = z.object({
  proposals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      rule: DecisionRuleSchema,
      status: z.enum(['open', 'closed', 'withdrawn']),
      deadline: IsoDateSchema,
      version: z.number().int(),
      answeredCount: z.number().int(),
      eligibleCount: z.number().int(),
    }),
  ),
  currentRule: DecisionRuleSchema.nullable(),
});

/** What an invited participant sees on their phone (no organisation data beyond the proposal). */
export const ProposalPublicSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  version: z.number().int(),
  rule: DecisionRuleSchema,
  config: z.record(z.string(), z.unknown()),
  deadline: IsoDateSchema,
  status: z.enum(['open', 'closed', 'withdrawn']),
  isAnonymous: z.boolean(),
  displayName: z.string(),
  allowedValues: z.array(z.string()),
  reasonRequiredFor: z.array(z.string()),
  myPosition: z.object({ value: z.string(), reason: z.string().nullable(), ballot: z.unknown() }).nullable(),
  tally: ProposalTallySchema.nullable(),
  outcomeStatement: z.string().nullable(),
});
export type ProposalPublic = z.infer<typeof ProposalPublicSchema>;

// ---- register -------------------------------------------------------------------------

export const DecisionRecordSchema = z.object({
  id: z.string(),
  engagementId: z.string().nullable(),
  source: DecisionSourceSchema,
  sourceId: z.string().nullable(),
  title: z.string(),
  statement: z.string(),
  version: z.number().int(),
  rule: DecisionRuleSchema.nullable(),
  decidedBy: DecidedBySchema,
  status: DecisionStatusSchema,
  isAnonymous: z.boolean(),
  participantCount: z.number().int(),
  positions: z.array(
    z.object({
      participant: z.string().nullable(),
      value: z.string(),
      reason: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  objections: z.array(
    z.object({
      id: z.string(),
      participant: z.string().nullable(),
      reason: z.string(),
      version: z.number().int(),
      status: z.enum(['open', 'integrated', 'withdrawn', 'invalid']),
      integration: z.string().nullable(),
      integratedInVersion: z.number().int().nullable(),
    }),
  ),
  standAsides: z.number().int(),
  outcome: z.string().nullable(),
  decidedAt: IsoDateSchema.nullable(),
  reviewOn: z.string().nullable(),
  isDueForReview: z.boolean(),
  links: z.array(z.object({ kind: z.string(), id: z.string(), relation: z.string() })),
  collectiveId: z.string().nullable(),
  createdAt: IsoDateSchema,
});
export type DecisionRecordView = z.infer<typeof DecisionRecordSchema>;

export const DecisionRegisterQuerySchema = z.object({
  rule: DecisionRuleSchema.optional(),
  status: DecisionStatusSchema.optional(),
  source: DecisionSourceSchema.optional(),
  collectiveId: IdSchema.optional(),
  engagementId: IdSchema.optional(),
  dueForReview: z.enum(['true', 'false']).optional(),
});
export const DecisionExportQuerySchema = DecisionRegisterQuerySchema.extend({
  format: z.enum(['csv', 'xlsx', 'json']).optional(),
});
export const DecisionListSchema = z.object({ decisions: z.array(DecisionRecordSchema) });
export const DecisionDetailSchema = z.object({
  decision: DecisionRecordSchema,
  history: z.array(
    z.object({ version: z.number().int(), text: z.string(), note: z.string(), at: IsoDateSchema }),
  ),
});

// ---- notifications --------------------------------------------------------------------

export const DecisionNotificationListSchema = z.object({
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['opened', 'closing_soon', 'closed', 'review_due']),
      objectKind: z.string(),
      objectId: z.string(),
      engagementId: z.string().nullable(),
      title: z.string(),
      createdAt: IsoDateSchema,
      isRead: z.boolean(),
    }),
  ),
  unread: z.number().int(),
});
export const DecisionNotificationReadBodySchema = z.object({ ids: z.array(IdSchema).max(500) });

// ---- governance map -------------------------------------------------------------------

const EntityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const GovernanceMapDataSchema = z.object({
  circles: z
    .array(
      z.object({ id: EntityId, name: Required(120), purpose: Text(1000), parentId: EntityId.nullable() }),
    )
    .max(300),
  roles: z
    .array(
      z.object({
        id: EntityId,
        circleId: EntityId,
        name: Required(120),
        purpose: Text(1000),
        domains: z.array(Required(300)).max(30),
        accountabilities: z.array(Required(300)).max(50),
        holders: z.array(Required(120)).max(30),
      }),
    )
    .max(1000),
  links: z
    .array(
      z.object({ id: EntityId, circleId: EntityId, kind: z.enum(['lead', 'rep']), holder: Required(120) }),
    )
    .max(600),
  areas: z
    .array(
      z.object({
        id: EntityId,
        circleId: EntityId,
        name: Required(200),
        level: DelegationLevelSchema,
        rule: DecisionRuleSchema,
      }),
    )
    .max(1000),
});
export type GovernanceMapData = z.infer<typeof GovernanceMapDataSchema>;

export const GovernanceChangeSchema = z.object({
  entity: z.enum(['circle', 'role', 'link', 'area']),
  id: z.string(),
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
});

export const GovernanceMapViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['current', 'proposed', 'adopted', 'archived']),
  data: GovernanceMapDataSchema,
  basedOnId: z.string().nullable(),
  decisionId: z.string().nullable(),
  proposalId: z.string().nullable(),
  createdAt: IsoDateSchema,
  adoptedAt: IsoDateSchema.nullable(),
  /** Differences with the current map (empty for the current map itself). */
  changes: z.array(GovernanceChangeSchema),
  missingDoubleLinks: z.array(z.object({ circleId: z.string(), missing: z.array(z.enum(['lead', 'rep'])) })),
});
export type GovernanceMapView = z.infer<typeof GovernanceMapViewSchema>;

export const GovernanceOverviewSchema = z.object({
  current: GovernanceMapViewSchema.nullable(),
  proposed: z.array(GovernanceMapViewSchema),
});

export const GovernanceMapCreateBodySchema = z.object({
  title: Required(200),
  /** Start from the current map (default) or from an empty one. */
  fromCurrent: z.boolean().optional(),
  data: GovernanceMapDataSchema.optional(),
});
export const GovernanceMapUpdateBodySchema = z.object({
  title: Required(200).optional(),
  data: GovernanceMapDataSchema,
});
export const GovernanceAdoptionBodySchema = z.object({
  engagementId: IdSchema,
  rule: DecisionRuleSchema,
  deadline: z.iso.datetime({ offset: true }),
  reviewOn: DateOnly.optional(),
});
export const GovernanceMeetingBodySchema = z.object({
  engagementId: IdSchema.optional(),
  date: DateOnly.optional(),
  start: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  language: z.enum(['fr', 'en']).optional(),
});
