/**
 * REST schemas of the networks feature: organisational network analysis attached to an engagement
 * (network survey by participant token, CSV import, analyses run off the request path, trust zones,
 * change-agent proposals). Names are prefixed `Network` to avoid clashes with other features.
 */
import { z } from 'zod';
import { EngagementParamsSchema } from './engagements.ts';
import { IdSchema, IsoDateSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);

/** The relations a network survey asks about (domain.md (e), after Cross & Parker). */
export const NETWORK_SURVEY_RELATIONS = ['advice', 'collaboration', 'trust', 'energy', 'innovation'] as const;
export const NetworkSurveyRelationSchema = z.enum(NETWORK_SURVEY_RELATIONS);
export type NetworkSurveyRelation = z.infer<typeof NetworkSurveyRelationSchema>;
/** How a tie is qualified: how often (1 rarely … 5 daily) or how important (1 … 5). Energy is −2 … +2. */
export const NetworkScaleSchema = z.enum(['frequency', 'importance']);

export const NetworkParamsSchema = EngagementParamsSchema.extend({ networkId: IdSchema });
export const NetworkAnalysisParamsSchema = NetworkParamsSchema.extend({ analysisId: IdSchema });
export const NetworkProposalParamsSchema = NetworkParamsSchema.extend({ proposalId: IdSchema });
export const NetworkTokenParamsSchema = z.object({ token: z.string().min(20).max(128) });

// ---- import ---------------------------------------------------------------------------------

/** At most 5 MB of CSV per file (≈ 100,000 edges). */
const Csv = z.string().max(5_000_000);
export const NetworkImportPreviewBodySchema = z.object({
  /** `source,target[,weight][,relation]` with a header row. */
  edgesCsv: Csv.min(1),
  /** `id,attribute…` with a header row; a `consent` column (yes/no) marks who may be proposed as a change agent. */
  nodesCsv: Csv.optional(),
  isDirected: z.boolean().default(false),
  isWeighted: z.boolean().default(false),
});
export const NetworkImportBodySchema = NetworkImportPreviewBodySchema.extend({ title: Text(200).min(1) });
export const NetworkCsvErrorSchema = z.object({
  file: z.enum(['edges', 'nodes']),
  line: z.number().int(),
  message: z.string(),
});
export const NetworkImportPreviewSchema = z.object({
  isOk: z.boolean(),
  errors: z.array(NetworkCsvErrorSchema),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  relations: z.array(z.string()),
  attributeColumns: z.array(z.string()),
  consentingCount: z.number().int(),
  sample: z.array(
    z.object({ source: z.string(), target: z.string(), weight: z.number(), relation: z.string().nullable() }),
  ),
});
export type NetworkImportPreview = z.infer<typeof NetworkImportPreviewSchema>;

// ---- survey ---------------------------------------------------------------------------------

export const CreateNetworkSurveyBodySchema = z.object({
  title: Text(200).min(1),
  /** Respondents: the people of this collective (and its members only). */
  collectiveId: IdSchema,
  relations: z.array(NetworkSurveyRelationSchema).min(1).max(5),
  scale: NetworkScaleSchema.default('frequency'),
});

export const NetworkSurveyStatsSchema = z.object({
  collectiveId: IdSchema.nullable(),
  relations: z.array(NetworkSurveyRelationSchema),
  scale: NetworkScaleSchema,
  rosterSize: z.number().int(),
  invited: z.number().int(),
  consented: z.number().int(),
  submitted: z.number().int(),
});

export const NetworkAnalysisStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export const NetworkAnalysisSummarySchema = z.object({
  id: IdSchema,
  status: NetworkAnalysisStatusSchema,
  stage: z.string(),
  progress: z.number(),
  error: z.string().nullable(),
  createdAt: IsoDateSchema,
  finishedAt: IsoDateSchema.nullable(),
});

export const NetworkSummarySchema = z.object({
  id: IdSchema,
  engagementId: IdSchema,
  title: z.string(),
  source: z.enum(['survey', 'import']),
  isDirected: z.boolean(),
  isWeighted: z.boolean(),
  relations: z.array(z.string()),
  attributeColumns: z.array(z.string()),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  survey: NetworkSurveyStatsSchema.nullable(),
  latestAnalysis: NetworkAnalysisSummarySchema.nullable(),
  createdAt: IsoDateSchema,
});
export type NetworkSummary = z.infer<typeof NetworkSummarySchema>;
export const NetworkListSchema = z.object({ networks: z.array(NetworkSummarySchema) });

/** Respondent links, shown once (only hashes are stored). */
export const NetworkInvitationsSchema = z.object({
  links: z.array(z.object({ personId: IdSchema, displayName: z.string(), token: z.string() })),
  alreadyInvited: z.number().int(),
});

export const NetworkAnswerSchema = z.object({
  relation: NetworkSurveyRelationSchema,
  /** A colleague of the roster (person id). */
  targetId: IdSchema,
  /** 1…5 for frequency/importance; −2…+2 for energy (0 is not stored). */
  value: z.number().int().min(-2).max(5),
});
export const NetworkAnswersBodySchema = z.object({ answers: z.array(NetworkAnswerSchema).max(2000) });
export const NetworkConsentBodySchema = z.object({
  /** Consent to answer, knowing answers are identifiable to the facilitator. Must be true. */
  answer: z.literal(true),
  /** Separate, optional consent to be proposed as a change agent. */
  changeAgent: z.boolean(),
});
export const NetworkProposalResponseBodySchema = z.object({
  decision: z.enum(['accepted', 'declined']),
  note: Text(1000).optional(),
});

/** A person's own ties: what they declared, and how many colleagues named them (never who). */
export const NetworkEgoSchema = z.object({
  networkId: IdSchema,
  title: z.string(),
  me: z.object({ id: z.string(), label: z.string() }),
  outgoing: z.array(
    z.object({ relation: z.string(), targetId: z.string(), targetLabel: z.string(), value: z.number() }),
  ),
  incomingCounts: z.array(z.object({ relation: z.string(), count: z.number().int() })),
});
export type NetworkEgo = z.infer<typeof NetworkEgoSchema>;
export const NetworkEgoListSchema = z.object({ egos: z.array(NetworkEgoSchema) });

export const NetworkProposalStatusSchema = z.enum(['proposed', 'accepted', 'declined']);
/** The structured reason of a change-agent proposal (clients word it in their language). */
export const NetworkProposalReasonSchema = z.object({
  /** Expected extra people reached by adding this person (IMM estimate). */
  marginalReach: z.number(),
  /** Expected people reached by this person and those ranked before. */
  cumulativeReach: z.number(),
  /** The department (value) or community (number from 1) this person covers. */
  group: z.object({ kind: z.enum(['department', 'community']), name: z.string() }).nullable(),
  /** Other departments/communities their ties reach. */
  tiesInto: z.array(z.string()),
  zonesBridged: z.number().int(),
});
export type NetworkProposalReason = z.infer<typeof NetworkProposalReasonSchema>;
export const NetworkRespondentViewSchema = z.object({
  networkTitle: z.string(),
  engagementTitle: z.string(),
  relations: z.array(NetworkSurveyRelationSchema),
  scale: NetworkScaleSchema,
  me: z.object({ id: IdSchema, label: z.string() }),
  roster: z.array(z.object({ id: IdSchema, label: z.string(), title: z.string() })),
  hasConsented: z.boolean(),
  hasChangeAgentConsent: z.boolean(),
  submittedAt: IsoDateSchema.nullable(),
  answers: z.array(NetworkAnswerSchema),
  isOpen: z.boolean(),
  proposal: z
    .object({
      id: IdSchema,
      reason: z.string(),
      why: NetworkProposalReasonSchema,
      status: NetworkProposalStatusSchema,
    })
    .nullable(),
});
export type NetworkRespondentView = z.infer<typeof NetworkRespondentViewSchema>;

// ---- analyses ---------------------------------------------------------------------------------

export const RunNetworkAnalysisBodySchema = z.object({
  /** Keep only this relation for centralities and communities; all relations but energy when absent. */
  relation: Text(60).min(1).nullable().default(null),
  /** Number of change agents to propose among consenting people (0 = none). */
  changeAgents: z.number().int().min(0).max(20).default(3),
  /** Try to propose one person per community/department. */
  coverGroups: z.boolean().default(true),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});
export type RunNetworkAnalysisBody = z.infer<typeof RunNetworkAnalysisBodySchema>;

export const NetworkRoleNameSchema = z.enum([
  'central-connector',
  'boundary-spanner',
  'information-broker',
  'peripheral-specialist',
  'energizer',
  'isolate',
]);
export const NetworkNodeResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  attributes: z.record(z.string(), z.string()),
  degree: z.number(),
  inDegree: z.number(),
  outDegree: z.number(),
  betweenness: z.number(),
  pagerank: z.number(),
  eigenvector: z.number(),
  harmonic: z.number(),
  constraint: z.number().nullable(),
  coreNumber: z.number(),
  community: z.number().int(),
  trustZone: z.number().int().nullable(),
  roles: z.array(z.object({ role: NetworkRoleNameSchema, rule: z.string() })),
  canBeProposed: z.boolean(),
});
export type NetworkNodeResult = z.infer<typeof NetworkNodeResultSchema>;
export const NetworkProposalSchema = z.object({
  id: IdSchema,
  nodeId: z.string(),
  label: z.string(),
  rank: z.number().int(),
  /** English wording of `why`, for the API and exports. */
  reason: z.string(),
  why: NetworkProposalReasonSchema,
  marginalReach: z.number(),
  monteCarloSpread: z.number(),
  standardError: z.number(),
  zonesBridged: z.number().int(),
  status: NetworkProposalStatusSchema,
  note: z.string().nullable(),
  respondedAt: IsoDateSchema.nullable(),
});
export type NetworkProposal = z.infer<typeof NetworkProposalSchema>;
export const NetworkResultSchema = z.object({
  relation: z.string().nullable(),
  nodes: z.array(NetworkNodeResultSchema),
  edges: z.array(
    z.object({ source: z.string(), target: z.string(), relation: z.string(), weight: z.number() }),
  ),
  communities: z.array(z.object({ id: z.number().int(), size: z.number().int() })),
  modularity: z.number(),
  density: z.number(),
  reciprocity: z.number().nullable(),
  components: z.number().int(),
  betweennessMethod: z.enum(['exact', 'approximate']),
  trustZones: z
    .object({
      zones: z.array(
        z.object({
          id: z.number().int(),
          members: z.array(z.string()),
          density: z.number(),
          internalTies: z.number(),
        }),
      ),
      bridges: z.array(
        z.object({ id: z.string(), zones: z.array(z.number().int()), participation: z.number() }),
      ),
      /** People with no trust tie at all (not a zone of their own). */
      withoutTrustTies: z.array(z.string()),
      modularity: z.number(),
    })
    .nullable(),
  changeAgents: z.object({
    requested: z.number().int(),
    consenting: z.number().int(),
    estimatedSpread: z.number(),
    monteCarloSpread: z.number(),
    standardError: z.number(),
  }),
});
export type NetworkResult = z.infer<typeof NetworkResultSchema>;
export const NetworkAnalysisSchema = NetworkAnalysisSummarySchema.extend({
  options: RunNetworkAnalysisBodySchema,
  result: NetworkResultSchema.nullable(),
  proposals: z.array(NetworkProposalSchema),
});
export type NetworkAnalysis = z.infer<typeof NetworkAnalysisSchema>;
