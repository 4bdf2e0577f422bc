import { CYNEFIN_DOMAINS } from '@essaim/core/methods';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

export const PHASES = [
  'listen',
  'diagnose',
  'design',
  'act',
  'decide',
  'commit',
  'plan',
  'spread',
  'evaluate',
] as const;
export const PhaseKeySchema = z.enum(PHASES);
export const PhaseStatusSchema = z.enum(['not_started', 'active', 'done', 'skipped']);
export const EngagementStatusSchema = z.enum(['active', 'paused', 'stopped']);
export const QuestionStatusSchema = z.enum(['open', 'explored', 'answered']);
export const CynefinDomainSchema = z.enum(CYNEFIN_DOMAINS);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);

export const EngagementParamsSchema = z.object({ orgId: IdSchema, engagementId: IdSchema });
export const QuestionParamsSchema = EngagementParamsSchema.extend({ questionId: IdSchema });
export const PhaseParamsSchema = EngagementParamsSchema.extend({ phase: PhaseKeySchema });
export const StakeholderParamsSchema = EngagementParamsSchema.extend({ stakeholderId: IdSchema });
export const BoardParamsSchema = EngagementParamsSchema.extend({ boardId: IdSchema });
export const OptionParamsSchema = BoardParamsSchema.extend({ optionId: IdSchema });
export const LinkParamsSchema = EngagementParamsSchema.extend({ linkId: IdSchema });

// ---- complexity check (Cynefin) --------------------------------------------------------

/** The guided questions; each answer nudges toward domains (see core/engagements/cynefin.ts). */
export const ComplexityAnswersSchema = z.object({
  /** Is the link between cause and effect known, knowable by experts, only visible afterwards, or absent? */
  causeEffect: z.enum(['obvious', 'expert', 'hindsight', 'none']),
  /** Do the people concerned agree on what the problem is? */
  agreement: z.enum(['high', 'partial', 'low']),
  /** Has this kind of situation been handled before, here or elsewhere? */
  precedent: z.enum(['often', 'sometimes', 'never']),
  /** Is there an emergency that calls for acting before understanding? */
  urgency: z.enum(['crisis', 'pressing', 'normal']),
});
export type ComplexityAnswers = z.infer<typeof ComplexityAnswersSchema>;
export const ComplexityBodySchema = z.object({
  answers: ComplexityAnswersSchema,
  reasoning: Text(4000).optional(),
});
export const ComplexitySchema = z.object({
  answers: ComplexityAnswersSchema,
  domain: CynefinDomainSchema,
  /** Scores per domain behind the placement, so the reasoning can be shown. */
  scores: z.record(z.string(), z.number()),
  reasoning: z.string(),
  assessedAt: IsoDateSchema,
  assessedBy: z.string().nullable(),
});

// ---- engagement ------------------------------------------------------------------------

export const QuestionSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  text: z.string(),
  status: QuestionStatusSchema,
  answer: z.string(),
  complexity: ComplexitySchema.nullable(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const PhaseSchema = z.object({
  key: PhaseKeySchema,
  status: PhaseStatusSchema,
  notes: z.string(),
  updatedAt: IsoDateSchema.nullable(),
});

export const StakeholderKindSchema = z.enum(['sponsor', 'facilitator', 'collective', 'other']);
export const StakeholderSchema = z.object({
  id: IdSchema,
  kind: StakeholderKindSchema,
  name: z.string(),
  userId: IdSchema.nullable(),
  collectiveId: IdSchema.nullable(),
  note: z.string(),
});

export const ConfidentialityAgreementSchema = z.object({
  /** Who sees what, agreed between sponsor, facilitator and collectives; shown before any input. */
  text: z.string(),
  version: z.number().int(),
  updatedAt: IsoDateSchema.nullable(),
});

export const StatusInfoSchema = z.object({
  status: EngagementStatusSchema,
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: IsoDateSchema.nullable(),
});
export type StatusInfo = z.infer<typeof StatusInfoSchema>;

export const EngagementSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  request: z.string(),
  status: StatusInfoSchema,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  currentPhase: PhaseKeySchema.nullable(),
  openQuestions: z.number().int(),
  updatedAt: IsoDateSchema,
});
export const EngagementListSchema = z.object({ engagements: z.array(EngagementSummarySchema) });

export const EngagementSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  title: z.string(),
  request: z.string(),
  context: z.string(),
  intention: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: StatusInfoSchema,
  phases: z.array(PhaseSchema),
  questions: z.array(QuestionSchema),
  stakeholders: z.array(StakeholderSchema),
  confidentiality: ConfidentialityAgreementSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Engagement = z.infer<typeof EngagementSchema>;

export const CreateEngagementBodySchema = z.object({
  title: Text(200).min(2),
  request: Text(8000).min(1),
  context: Text(8000).optional(),
  intention: Text(4000).optional(),
  startsOn: DateOnly.optional(),
  endsOn: DateOnly.optional(),
});
export const UpdateEngagementBodySchema = z
  .object({
    title: Text(200).min(2).optional(),
    request: Text(8000).min(1).optional(),
    context: Text(8000).optional(),
    intention: Text(4000).optional(),
    startsOn: DateOnly.nullable().optional(),
    endsOn: DateOnly.nullable().optional(),
    confidentialityText: Text(8000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');

export const UpdatePhaseBodySchema = z.object({ status: PhaseStatusSchema, notes: Text(8000).optional() });
export const ChangeStatusBodySchema = z.object({
  status: EngagementStatusSchema,
  /** Always required: stopping, pausing and resuming are explained. */
  reason: Text(2000).min(3),
});

export const CreateQuestionBodySchema = z.object({ text: Text(1000).min(3) });
export const UpdateQuestionBodySchema = z
  .object({
    text: Text(1000).min(3).optional(),
    status: QuestionStatusSchema.optional(),
    answer: Text(4000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');
export const ReorderQuestionsBodySchema = z.object({ ids: z.array(IdSchema).min(1).max(200) });

export const CreateStakeholderBodySchema = z.object({
  kind: StakeholderKindSchema,
  name: Text(200).min(1),
  userId: IdSchema.optional(),
  collectiveId: IdSchema.optional(),
  note: Text(1000).optional(),
});

// ---- options board ---------------------------------------------------------------------

export const CriterionSchema = z.object({
  id: z.string().min(1).max(40),
  name: Text(120).min(1),
  weight: z.number().min(0).max(10),
});
export const OptionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  advantages: z.array(z.string()),
  drawbacks: z.array(z.string()),
  risks: z.array(z.string()),
  /** 1 (light) … 5 (heavy). */
  effort: z.number().int().min(1).max(5),
  cost: z.string(),
  /** criterion id → score 0–5 */
  scores: z.record(z.string(), z.number()),
  /** Weighted total 0–100, computed by the server from the criteria. */
  weightedScore: z.number(),
});
export const ChoiceSchema = z.object({
  optionId: IdSchema,
  optionTitle: z.string(),
  reason: z.string(),
  decidedBy: z.enum(['sponsor', 'group']),
  recordedBy: z.string().nullable(),
  at: IsoDateSchema,
});
export const OptionsBoardSchema = z.object({
  id: IdSchema,
  engagementId: IdSchema,
  questionId: IdSchema.nullable(),
  title: z.string(),
  criteria: z.array(CriterionSchema),
  options: z.array(OptionSchema),
  /** Latest choice first; earlier choices are kept as history. */
  choices: z.array(ChoiceSchema),
  createdAt: IsoDateSchema,
});
export type OptionsBoard = z.infer<typeof OptionsBoardSchema>;
export const OptionsBoardListSchema = z.object({ boards: z.array(OptionsBoardSchema) });
export const CreateBoardBodySchema = z.object({
  title: Text(200).min(2),
  questionId: IdSchema.optional(),
  criteria: z.array(CriterionSchema).max(12).optional(),
});
export const UpdateBoardBodySchema = z
  .object({ title: Text(200).min(2).optional(), criteria: z.array(CriterionSchema).max(12).optional() })
  .refine((v) => v.title !== undefined || v.criteria !== undefined, 'nothing to change');
const OptionFields = {
  title: Text(200).min(1),
  description: Text(4000).optional(),
  advantages: z.array(Text(500).min(1)).max(20).optional(),
  drawbacks: z.array(Text(500).min(1)).max(20).optional(),
  risks: z.array(Text(500).min(1)).max(20).optional(),
  effort: z.number().int().min(1).max(5).optional(),
  cost: Text(200).optional(),
  scores: z.record(z.string().max(40), z.number().min(0).max(5)).optional(),
};
export const CreateOptionBodySchema = z.object(OptionFields);
export const UpdateOptionBodySchema = z
  .object({ ...OptionFields, title: OptionFields.title.optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');
export const RecordChoiceBodySchema = z.object({
  optionId: IdSchema,
  reason: Text(4000).min(3),
  decidedBy: z.enum(['sponsor', 'group']),
});

// ---- timeline and trace links ---------------------------------------------------------------

export const TimelineEntrySchema = z.object({
  id: IdSchema,
  at: IsoDateSchema,
  kind: z.string(),
  actorName: z.string().nullable(),
  objectKind: z.string().nullable(),
  objectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export const TimelineSchema = z.object({ entries: z.array(TimelineEntrySchema) });

export const TraceKindSchema = z.enum([
  'question',
  'options_board',
  'option',
  'survey',
  'network',
  'workshop',
  'activity',
  'decision',
  'charter_clause',
  'roadmap_item',
  'indicator',
  'method',
]);
export const TraceRefSchema = z.object({ kind: TraceKindSchema, id: IdSchema });
export const TraceLinkSchema = z.object({
  id: IdSchema,
  from: TraceRefSchema.extend({ label: z.string().nullable() }),
  to: TraceRefSchema.extend({ label: z.string().nullable() }),
  relation: z.string(),
  createdAt: IsoDateSchema,
});
export const TraceLinkListSchema = z.object({ links: z.array(TraceLinkSchema) });
export const CreateLinkBodySchema = z.object({
  from: TraceRefSchema,
  to: TraceRefSchema,
  relation: z.enum(['informs', 'produced', 'decided_by', 'implements', 'measures', 'answers']),
});
