/**
 * @module REST schemas of live workshops (the WebSocket protocol is in `live.ts`).
 * Names are prefixed `Workshop…` to avoid clashes with other features.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

/** Join-code alphabet: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V confusions. */
export const WORKSHOP_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const WORKSHOP_CODE_LENGTH = 6;
/** A join code as typed by a person: case and spaces/dashes are forgiven, then checked. */
export const WorkshopCodeSchema = z
  .string()
  .max(20)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/, 'a 6-character workshop code'));

export const WorkshopStatusSchema = z.enum(['running', 'paused', 'stopped']);

export const WorkshopParamsSchema = z.object({ orgId: IdSchema, workshopId: IdSchema });
export const WorkshopPublicParamsSchema = z.object({ workshopId: IdSchema });
export const WorkshopCodeParamsSchema = z.object({ code: z.string().min(1).max(20) });

export const CreateWorkshopBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** The engagement the workshop belongs to; omitted for a stand-alone workshop. */
  engagementId: IdSchema.optional(),
});

export const WorkshopSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  engagementId: IdSchema.nullable(),
  engagementTitle: z.string().nullable(),
  title: z.string(),
  code: z.string(),
  /** Path of the join page (prefix it with the public URL). */
  joinPath: z.string(),
  status: WorkshopStatusSchema,
  lastSeq: z.number().int().nonnegative(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Workshop = z.infer<typeof WorkshopSchema>;
export const WorkshopListSchema = z.object({ workshops: z.array(WorkshopSchema) });

/** What a join page shows before joining (no organisation data beyond the title). */
export const WorkshopJoinInfoSchema = z.object({
  workshopId: IdSchema,
  title: z.string(),
  status: WorkshopStatusSchema,
});

export const JoinWorkshopBodySchema = z.object({
  code: WorkshopCodeSchema,
  /** `null` or omitted to join anonymously. */
  displayName: z.string().trim().min(1).max(60).nullable().optional(),
});

/** The participant identity; the token itself travels only in an HttpOnly cookie. */
export const WorkshopParticipantSchema = z.object({
  workshopId: IdSchema,
  participantId: IdSchema,
  displayName: z.string().nullable(),
  title: z.string(),
});

export const WorkshopExportQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** Send an activity's top results to the engagement as options on a new options board. */
export const SendWorkshopOutputsBodySchema = z.object({
  activityId: IdSchema,
  /** How many of the top items to send (by votes, score or rank). */
  top: z.number().int().min(1).max(50).default(5),
  boardTitle: z.string().trim().min(1).max(200).optional(),
});
export const WorkshopOutputsResultSchema = z.object({
  boardId: IdSchema,
  optionTitles: z.array(z.string()),
  linkId: IdSchema.nullable(),
});
