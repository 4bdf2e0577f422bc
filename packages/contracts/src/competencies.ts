import { z } from 'zod';
import { IdSchema } from './identity.ts';
import { DisclosureReasonSchema } from './surveys.ts';

/**
 * Consultant self-assessment (issue 19): self-assessments private to their author, shared with an
 * organisation only by choice; evidence pulled from the platform; feedback by link, aggregated only;
 * peer supervision; development goals. Competency ids are checked against the core grid by the server.
 */

export const CompetencyIdSchema = z.string().regex(/^[a-z][a-z-]{1,63}$/, 'a competency id');
export const CompetencyLevelSchema = z.number().int().min(1).max(4);
export const FeedbackRelationSchema = z.enum(['client', 'co-facilitator', 'participant', 'peer']);
export const OwnEvidenceKindSchema = z.enum(['note', 'certificate', 'supervision', 'training']);

export const CompetencyAssessmentParamsSchema = z.object({ assessmentId: IdSchema });
export const CompetencyShareParamsSchema = z.object({ assessmentId: IdSchema, orgId: IdSchema });
export const CompetencyFeedbackRoundParamsSchema = z.object({ roundId: IdSchema });
export const CompetencyGoalParamsSchema = z.object({ goalId: IdSchema });
export const CompetencyTokenParamsSchema = z.object({ token: z.string().min(20).max(128) });

export const CompetencyRatingBodySchema = z.object({
  competencyId: CompetencyIdSchema,
  level: CompetencyLevelSchema,
  /** Keys of platform evidence items (see GET /api/me/competencies/evidence). */
  evidenceKeys: z.array(z.string().min(1).max(200)).max(50).default([]),
  ownEvidence: z
    .array(z.object({ kind: OwnEvidenceKindSchema, text: z.string().trim().min(1).max(2000) }))
    .max(20)
    .default([]),
  note: z.string().max(2000).default(''),
});
export type CompetencyRatingBody = z.infer<typeof CompetencyRatingBodySchema>;

export const CompetencyAssessmentBodySchema = z.object({
  title: z.string().trim().max(200).default(''),
  ratings: z.array(CompetencyRatingBodySchema).min(1).max(40),
});
export type CompetencyAssessmentBody = z.input<typeof CompetencyAssessmentBodySchema>;

export const CompetencyEvidenceItemSchema = z.object({
  key: z.string(),
  kind: z.string(),
  engagementId: z.string().nullable(),
  orgName: z.string().nullable(),
  label: z.string(),
  figures: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  competencyIds: z.array(z.string()),
});
export type CompetencyEvidenceItem = z.infer<typeof CompetencyEvidenceItemSchema>;
export const CompetencyEvidenceListSchema = z.object({ items: z.array(CompetencyEvidenceItemSchema) });

export const CompetencyRatingSchema = z.object({
  competencyId: z.string(),
  level: z.number().int(),
  evidenceKeys: z.array(z.string()),
  /** The cited platform evidence as it stands now (items no longer found are left out). */
  evidence: z.array(CompetencyEvidenceItemSchema),
  ownEvidence: z.array(z.object({ kind: OwnEvidenceKindSchema, text: z.string() })),
  note: z.string(),
});

export const CompetencySupervisionSchema = z.object({
  id: z.string(),
  peerName: z.string(),
  message: z.string(),
  review: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const CompetencyAssessmentSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ratings: z.array(CompetencyRatingSchema),
  /** Method facilitation skill (1–3) this assessment supports, if any. */
  facilitatorLevel: z.number().int().nullable(),
  shares: z.array(z.object({ orgId: z.string(), orgName: z.string(), sharedAt: z.string() })),
  supervisions: z.array(CompetencySupervisionSchema),
});
export type CompetencyAssessment = z.infer<typeof CompetencyAssessmentSchema>;

export const CompetencyAssessmentListSchema = z.object({
  assessments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      levels: z.record(z.string(), z.number().int()),
      sharedWith: z.number().int(),
    }),
  ),
});
export type CompetencyAssessmentList = z.infer<typeof CompetencyAssessmentListSchema>;

export const CompetencyShareBodySchema = z.object({ orgId: IdSchema });

export const CompetencySettingsSchema = z.object({ useLevelInRecommender: z.boolean() });
export type CompetencySettings = z.infer<typeof CompetencySettingsSchema>;

export const CompetencyFacilitatorLevelSchema = z.object({
  /** Whether the consultant lets the recommender and agenda builder use their level. */
  permitted: z.boolean(),
  /** Null when not permitted or not assessed. */
  level: z.number().int().min(1).max(3).nullable(),
  assessedAt: z.string().nullable(),
});
export type CompetencyFacilitatorLevel = z.infer<typeof CompetencyFacilitatorLevelSchema>;

export const CompetencyFeedbackRoundBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  message: z.string().max(1000).default(''),
  competencyIds: z.array(CompetencyIdSchema).min(1).max(8),
  invitees: z
    .array(z.object({ label: z.string().trim().min(1).max(100), relation: FeedbackRelationSchema }))
    .min(1)
    .max(60),
});
export type CompetencyFeedbackRoundBody = z.input<typeof CompetencyFeedbackRoundBodySchema>;

export const CompetencyFeedbackRoundSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  competencyIds: z.array(z.string()),
  invited: z.number().int(),
  answered: z.number().int(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

export const CompetencyFeedbackRoundCreatedSchema = z.object({
  round: CompetencyFeedbackRoundSummarySchema,
  /** Shown once: only hashes of the tokens are stored. */
  links: z.array(z.object({ label: z.string(), relation: FeedbackRelationSchema, link: z.string() })),
});
export const CompetencyFeedbackRoundListSchema = z.object({
  rounds: z.array(CompetencyFeedbackRoundSummarySchema),
});

export const CompetencyFeedbackReportSchema = z.object({
  round: CompetencyFeedbackRoundSummarySchema,
  thresholds: z.object({ minRespondents: z.number().int(), minOpenText: z.number().int() }),
  cuts: z.array(
    z.object({
      relation: FeedbackRelationSchema.nullable(),
      status: z.enum(['shown', 'suppressed']),
      reason: DisclosureReasonSchema,
      n: z.number().int().nullable(),
      competencies: z.array(
        z.object({
          competencyId: z.string(),
          status: z.enum(['shown', 'suppressed']),
          reason: DisclosureReasonSchema,
          n: z.number().int().nullable(),
          mean: z.number().optional(),
          histogram: z.array(z.number().int()).optional(),
        }),
      ),
      comments: z.object({
        status: z.enum(['shown', 'suppressed']),
        reason: DisclosureReasonSchema,
        n: z.number().int().nullable(),
        texts: z.array(z.string()).optional(),
      }),
    }),
  ),
});
export type CompetencyFeedbackReport = z.infer<typeof CompetencyFeedbackReportSchema>;

export const CompetencyFeedbackFormSchema = z.object({
  consultantName: z.string(),
  title: z.string(),
  message: z.string(),
  relation: FeedbackRelationSchema,
  competencyIds: z.array(z.string()),
  status: z.enum(['open', 'answered', 'closed']),
});
export type CompetencyFeedbackForm = z.infer<typeof CompetencyFeedbackFormSchema>;

export const CompetencyFeedbackAnswerBodySchema = z.object({
  ratings: z.record(CompetencyIdSchema, CompetencyLevelSchema.nullable()),
  comment: z.string().max(2000).default(''),
});
export type CompetencyFeedbackAnswerBody = z.input<typeof CompetencyFeedbackAnswerBodySchema>;

export const CompetencySupervisionBodySchema = z.object({
  peerName: z.string().trim().min(1).max(100),
  message: z.string().max(1000).default(''),
});
export const CompetencySupervisionCreatedSchema = z.object({ id: z.string(), link: z.string() });

export const CompetencySupervisionViewSchema = z.object({
  consultantName: z.string(),
  peerName: z.string(),
  message: z.string(),
  assessment: z.object({
    title: z.string(),
    createdAt: z.string(),
    ratings: z.array(CompetencyRatingSchema),
  }),
  review: z.string().nullable(),
});
export type CompetencySupervisionView = z.infer<typeof CompetencySupervisionViewSchema>;
export const CompetencySupervisionReviewBodySchema = z.object({ review: z.string().trim().min(1).max(5000) });

export const CompetencyGoalBodySchema = z.object({
  competencyId: CompetencyIdSchema,
  targetLevel: CompetencyLevelSchema,
  practiceMethodIds: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/))
    .max(10)
    .default([]),
  resources: z.string().max(2000).default(''),
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
});
export type CompetencyGoalBody = z.input<typeof CompetencyGoalBodySchema>;
export const CompetencyGoalPatchSchema = z.object({
  targetLevel: CompetencyLevelSchema.optional(),
  practiceMethodIds: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/))
    .max(10)
    .optional(),
  resources: z.string().max(2000).optional(),
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
  status: z.enum(['open', 'achieved', 'dropped']).optional(),
});

export const CompetencyGoalSchema = z.object({
  id: z.string(),
  competencyId: z.string(),
  targetLevel: z.number().int(),
  practiceMethodIds: z.array(z.string()),
  resources: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'achieved', 'dropped']),
  createdAt: z.string(),
  progress: z.object({
    currentLevel: z.number().int().nullable(),
    isLevelReached: z.boolean(),
    practised: z.array(z.string()),
    remaining: z.array(z.string()),
    ratio: z.number(),
    isOverdue: z.boolean(),
  }),
});
export type CompetencyGoal = z.infer<typeof CompetencyGoalSchema>;
export const CompetencyGoalListSchema = z.object({ goals: z.array(CompetencyGoalSchema) });

export const CompetencyCoverageSchema = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      assessedAt: z.string(),
      facilitatorLevel: z.number().int().nullable(),
      levels: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type CompetencyCoverage = z.infer<typeof CompetencyCoverageSchema>;

export const CompetencyPortfolioQuerySchema = z.object({ lang: z.enum(['fr', 'en']).default('fr') });
