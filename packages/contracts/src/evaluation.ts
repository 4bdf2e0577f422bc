/** REST schemas of the evaluation feature: workshop feedback (participants) and the engagement's evaluation. */
import { z } from 'zod';
import { IdSchema } from './identity.ts';
import { MilestoneStatusSchema } from './plans.ts';
import { AdoptionStageSchema } from './pollination.ts';

export const WorkshopFeedbackParamsSchema = z.object({ workshopId: IdSchema });
export const WorkshopFeedbackBodySchema = z.object({
  usefulness: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});

const Num = z.number().nullable();

/** Feedback in aggregate: shown from the respondents threshold, open answers from the text threshold. */
export const WorkshopFeedbackSummarySchema = z.object({
  status: z.enum(['shown', 'suppressed']),
  respondents: z.number().int().nullable(),
  mean: Num,
  distribution: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
  comments: z.array(z.string()),
  commentsStatus: z.enum(['shown', 'suppressed']),
});
export type WorkshopFeedbackSummary = z.infer<typeof WorkshopFeedbackSummarySchema>;

/** What a participant's feedback form shows: the workshop and their own previous answer. */
export const MyWorkshopFeedbackSchema = z.object({
  workshopTitle: z.string(),
  workshopStatus: z.string(),
  answer: z.object({ usefulness: z.number().int(), comment: z.string(), updatedAt: z.string() }).nullable(),
});
export type MyWorkshopFeedback = z.infer<typeof MyWorkshopFeedbackSchema>;
export const WorkshopFeedbackOrgParamsSchema = z.object({ orgId: IdSchema, workshopId: IdSchema });
export const EvaluationFindingSchema = z.object({
  kind: z.enum(['changed', 'stable', 'cannot-conclude']),
  code: z.enum([
    'improved',
    'declined',
    'no-detectable-change',
    'no-baseline',
    'group-not-comparable',
    'feedback-below-threshold',
    'no-review-yet',
    'no-causal-claim',
    'indicator-progressed',
    'indicator-not-remeasured',
    'practice-adopted',
  ]),
  group: z.string().optional(),
  subject: z.string().optional(),
  reason: z.string().nullable().optional(),
  delta: z.number().optional(),
  low: Num.optional(),
  high: Num.optional(),
});

export const EvaluationViewSchema = z.object({
  engagementId: IdSchema,
  closedCampaigns: z.number().int(),
  comparison: z
    .object({
      before: z.object({ id: IdSchema, title: z.string() }),
      after: z.object({ id: IdSchema, title: z.string() }),
    })
    .nullable(),
  decisions: z.object({
    taken: z.number().int(),
    adopted: z.number().int(),
    reviewed: z.number().int(),
    dueForReview: z.number().int(),
  }),
  feedback: WorkshopFeedbackSummarySchema,
  /** Adopted charters side by side with commitment counts on the adopted version (never names). */
  charters: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      version: z.number().int(),
      adoptedAt: z.string(),
      committed: z.number().int(),
      declined: z.number().int(),
      withdrawn: z.number().int(),
    }),
  ),
  /** Plan progress: milestones by status and indicators against their targets (null before a plan). */
  plan: z
    .object({
      milestones: z.array(z.object({ status: MilestoneStatusSchema, count: z.number().int() })),
      indicators: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          baseline: Num,
          target: Num,
          latest: Num,
          measures: z.number().int(),
          progress: Num,
        }),
      ),
    })
    .nullable(),
  /** Spread practices: per diffusion plan, how many target collectives are at each stage. */
  practices: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      practice: z.string(),
      collectives: z.number().int(),
      stages: z.array(z.object({ stage: AdoptionStageSchema, count: z.number().int() })),
    }),
  ),
  findings: z.array(EvaluationFindingSchema),
});
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;
