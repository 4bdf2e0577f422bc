/** REST schemas of the reports feature (PDF reports generated as jobs). Names are prefixed `Report…`. */
import type { Action } from '@essaim/core';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

export const REPORT_KINDS = [
  'diagnostic',
  'decisions',
  'workshop',
  'network',
  'charter',
  'plan',
  'final',
] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/**
 * The right each report needs: the server refuses the others (and re-checks at download); the web
 * picker offers only these. A charter is read by every member of the organisation (names of those who
 * committed only for the collective's side, as on the charter's screen); the plan carries budgets, so
 * it reads like the plan screen (`plan.read`). The final report adds the network and plan parts only
 * for their readers.
 */
export const REPORT_NEEDS: Record<ReportKind, Action> = {
  diagnostic: 'survey.readReport',
  decisions: 'decision.read',
  workshop: 'workshop.read',
  network: 'network.readReport',
  charter: 'engagement.read',
  plan: 'plan.read',
  final: 'survey.readReport',
};

export const ReportRequestSchema = z.object({
  kind: ReportKindSchema,
  lang: z.enum(['fr', 'en']),
  /** diagnostic: one campaign (default: every campaign of the engagement). */
  campaignId: IdSchema.optional(),
  /** workshop: one workshop (default: every workshop of the engagement). */
  workshopId: IdSchema.optional(),
  /** charter: one charter (default: every charter of the engagement). */
  charterId: IdSchema.optional(),
});
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

export const ReportJobSchema = z.object({
  id: IdSchema,
  engagementId: IdSchema,
  kind: ReportKindSchema,
  lang: z.enum(['fr', 'en']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  stage: z.string(),
  progress: z.number(),
  error: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  renderMs: z.number().int().nullable(),
  createdAt: IsoDateSchema,
  finishedAt: IsoDateSchema.nullable(),
});
export type ReportJob = z.infer<typeof ReportJobSchema>;
export const ReportJobListSchema = z.object({ reports: z.array(ReportJobSchema) });
export const ReportParamsSchema = z.object({ orgId: IdSchema, reportId: IdSchema });
