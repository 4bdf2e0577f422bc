/** REST schemas of the reports feature (PDF reports generated as jobs). Names are prefixed `Report…`. */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

export const REPORT_KINDS = ['diagnostic', 'decisions', 'workshop', 'network', 'final'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

export const ReportRequestSchema = z.object({
  kind: ReportKindSchema,
  lang: z.enum(['fr', 'en']),
  /** diagnostic: one campaign (default: every campaign of the engagement). */
  campaignId: IdSchema.optional(),
  /** workshop: one workshop (default: every workshop of the engagement). */
  workshopId: IdSchema.optional(),
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
