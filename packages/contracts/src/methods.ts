/** REST schemas of the methods feature: catalogue, custom methods, notes, recommendations, choices, agendas. */
import { IC_FORMS, LANGUAGES, METHOD_FAMILIES, METHOD_MODES } from '@essaim/core/methods';
import { z } from 'zod';
import { CynefinDomainSchema, EngagementParamsSchema } from './engagements.ts';
import { IdSchema, IsoDateSchema, OrgParamsSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);

export const MethodFamilySchema = z.enum(METHOD_FAMILIES);
export const IcFormSchema = z.enum(IC_FORMS);
export const MethodModeSchema = z.enum(METHOD_MODES);
export const SessionModeSchema = z.enum(['online', 'onsite']);
export const MethodLanguageSchema = z.enum(LANGUAGES);
/** A catalogue slug (`world-cafe`) or a custom method id (`custom-<uuid>`). */
export const MethodIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a method id');

export const MethodParamsSchema = OrgParamsSchema.extend({ methodId: MethodIdSchema });
export const MethodNoteParamsSchema = MethodParamsSchema.extend({ noteId: IdSchema });
export const AgendaParamsSchema = OrgParamsSchema.extend({ agendaId: IdSchema });
export const AgendaItemParamsSchema = AgendaParamsSchema.extend({ itemId: IdSchema });

export const LocalizedTextSchema = z.object({ fr: z.string(), en: z.string() });
export const RangeSchema = z.object({ min: z.number(), max: z.number().nullable() });

/** A method as the API presents it: catalogue methods and an organisation's own share this shape. */
export const MethodSchema = z.object({
  id: z.string(),
  /** `catalogue` for the shared library, `custom` for this organisation's own methods. */
  origin: z.enum(['catalogue', 'custom']),
  name: LocalizedTextSchema,
  family: MethodFamilySchema,
  icForms: z.array(IcFormSchema),
  groupSize: RangeSchema,
  durationMinutes: RangeSchema,
  elapsedDays: RangeSchema.nullable(),
  facilitationSkill: z.number().int(),
  trustRequired: z.number().int(),
  mode: MethodModeSchema,
  cynefin: z.array(CynefinDomainSchema),
  purpose: LocalizedTextSchema,
  steps: z.array(LocalizedTextSchema),
  advantages: z.array(LocalizedTextSchema),
  drawbacks: z.array(LocalizedTextSchema),
  contraIndications: z.array(LocalizedTextSchema),
  materials: z.array(LocalizedTextSchema),
  source: z.string(),
  credit: z.string(),
  liveActivity: z.string().nullable(),
  /** Number of private notes and variants the organisation keeps on this method (0 when hidden from the caller). */
  noteCount: z.number().int(),
});
export type MethodView = z.infer<typeof MethodSchema>;

export const MethodNoteSchema = z.object({
  id: IdSchema,
  methodId: z.string(),
  /** A note (advice, experience) or a variant (an adapted way to run it). */
  kind: z.enum(['note', 'variant']),
  title: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type MethodNote = z.infer<typeof MethodNoteSchema>;

export const MethodDetailSchema = z.object({
  method: MethodSchema,
  /** Private to the organisation; only owners and facilitators see them (empty for other roles). */
  notes: z.array(MethodNoteSchema),
  canSeeNotes: z.boolean(),
});

const CsvList = <T extends z.ZodTypeAny>(item: T) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(10))
    .optional();

/** Catalogue query: free text (accent-insensitive, FR and EN) and filters; lists may be comma-separated. */
export const MethodsQuerySchema = z.object({
  q: Text(200).optional(),
  /** Restrict text matching to one language (both by default). */
  lang: MethodLanguageSchema.optional(),
  families: CsvList(MethodFamilySchema),
  icForms: CsvList(IcFormSchema),
  groupSize: z.coerce.number().int().min(1).max(100000).optional(),
  maxDuration: z.coerce.number().int().min(1).max(100000).optional(),
  mode: SessionModeSchema.optional(),
  maxSkill: z.coerce.number().int().min(1).max(3).optional(),
  maxTrust: z.coerce.number().int().min(1).max(5).optional(),
  origin: z.enum(['catalogue', 'custom']).optional(),
});
export type MethodsQuery = z.infer<typeof MethodsQuerySchema>;

export const MethodListSchema = z.object({
  methods: z.array(MethodSchema),
  total: z.number().int(),
  catalogueSize: z.number().int(),
  schemaVersion: z.number().int(),
});

const LocalizedInput = (max: number) =>
  z
    .object({ fr: Text(max).default(''), en: Text(max).default('') })
    .refine((v) => v.fr.length > 0 || v.en.length > 0, 'write it in French or English');
const LocalizedList = z.array(LocalizedInput(1000)).max(20);
const RangeInput = (max: number) =>
  z
    .object({ min: z.number().int().min(1).max(max), max: z.number().int().min(1).max(max).nullable() })
    .refine((r) => r.max === null || r.max >= r.min, 'max must be at least min');

const CustomMethodFields = {
  name: LocalizedInput(200),
  family: MethodFamilySchema,
  icForms: z.array(IcFormSchema).min(1).max(5),
  groupSize: RangeInput(100000),
  durationMinutes: RangeInput(100000),
  facilitationSkill: z.number().int().min(1).max(3),
  trustRequired: z.number().int().min(1).max(5),
  mode: MethodModeSchema,
  cynefin: z.array(CynefinDomainSchema).min(1).max(5),
  purpose: LocalizedInput(2000),
  steps: LocalizedList,
  advantages: LocalizedList,
  drawbacks: LocalizedList,
  contraIndications: LocalizedList,
  materials: LocalizedList,
  source: Text(500),
  credit: Text(500),
};
/** An organisation's own method; texts may be written in one language only (the other falls back). */
export const CreateCustomMethodBodySchema = z.object({
  ...CustomMethodFields,
  steps: LocalizedList.default([]),
  advantages: LocalizedList.default([]),
  drawbacks: LocalizedList.default([]),
  contraIndications: LocalizedList.default([]),
  materials: LocalizedList.default([]),
  source: Text(500).default(''),
  credit: Text(500).default(''),
});
export type CreateCustomMethodBody = z.infer<typeof CreateCustomMethodBodySchema>;
/** Only the fields given change. */
export const UpdateCustomMethodBodySchema = z.object(CustomMethodFields).partial();

export const MethodNoteBodySchema = z.object({
  kind: z.enum(['note', 'variant']).default('note'),
  title: Text(200).default(''),
  body: Text(8000).min(1),
});
export const UpdateMethodNoteBodySchema = z.object({
  title: Text(200).optional(),
  body: Text(8000).min(1).optional(),
});
export const MethodNoteListSchema = z.object({ notes: z.array(MethodNoteSchema) });

// ---- recommendations -------------------------------------------------------------------

/**
 * What the moment needs. The declared trust level is replaced by the trust measured by the
 * engagement's latest closed diagnostic when its released whole-campaign cut shows it.
 */
export const RecommendationBodySchema = z.object({
  /** The essential question; its assessed Cynefin domain is used when there is one. */
  questionId: IdSchema.optional(),
  /** Domain to use when the question was not assessed (ignored when it was). */
  cynefin: CynefinDomainSchema.optional(),
  family: MethodFamilySchema.optional(),
  icForms: z.array(IcFormSchema).max(5).optional(),
  groupSize: z.number().int().min(1).max(100000),
  minutesAvailable: z.number().int().min(1).max(100000),
  mode: SessionModeSchema,
  trustLevel: z.number().min(1).max(5),
  facilitatorLevel: z.number().int().min(1).max(3),
  urgency: z.enum(['low', 'medium', 'high']).optional(),
  limit: z.number().int().min(3).max(8).optional(),
});
export type RecommendationBody = z.infer<typeof RecommendationBodySchema>;

export const ScoreComponentSchema = z.object({
  criterion: z.string(),
  value: z.number(),
  weight: z.number(),
  points: z.number(),
});
export const RecommendedOptionSchema = z.object({
  rank: z.number().int(),
  method: MethodSchema,
  score: z.number(),
  breakdown: z.array(ScoreComponentSchema),
  /** Typed warnings `{ code, …params }` (TRUST_ABOVE_COLLECTIVE, DURATION_ABOVE_AVAILABLE…). */
  warnings: z.array(z.record(z.string(), z.unknown())),
});
export const RecommendationSchema = z.object({
  options: z.array(RecommendedOptionSchema),
  /** Always includes CHOICE_BELONGS_TO_GROUP. */
  notices: z.array(z.record(z.string(), z.unknown())),
  isChoiceForGroup: z.literal(true),
  appliedRules: z.array(z.string()),
  eligibleCount: z.number().int(),
  excludedCount: z.number().int(),
  /** Domain used, and where it came from. */
  cynefin: CynefinDomainSchema.nullable(),
  cynefinSource: z.enum(['question', 'declared', 'none']),
  trustSource: z.enum(['measured', 'declared']),
  /** Trust level the options were scored with (1–5). */
  trustLevel: z.number(),
  /** The closed diagnostic the measured level comes from (null when declared). */
  trustCampaign: z.object({ id: IdSchema, title: z.string() }).nullable(),
  question: z.object({ id: IdSchema, text: z.string() }).nullable(),
});
export type RecommendationView = z.infer<typeof RecommendationSchema>;

/** The group's or sponsor's choice; Essaim only writes it down. */
export const RecordMethodChoiceBodySchema = z.object({
  methodId: MethodIdSchema,
  reason: Text(4000).min(1),
  decidedBy: z.enum(['group', 'sponsor']),
  /** The request the options came from, so the record keeps what was proposed. */
  request: RecommendationBodySchema.optional(),
});
export const MethodChoiceSchema = z.object({
  id: IdSchema,
  engagementId: IdSchema,
  questionId: IdSchema.nullable(),
  methodId: z.string(),
  methodName: LocalizedTextSchema,
  reason: z.string(),
  decidedBy: z.enum(['group', 'sponsor']),
  recordedBy: z.string().nullable(),
  /** Rank of the chosen method among the proposed options, null if the group chose something else. */
  proposedRank: z.number().int().nullable(),
  proposedIds: z.array(z.string()),
  at: IsoDateSchema,
});
export const MethodChoiceListSchema = z.object({ choices: z.array(MethodChoiceSchema) });

// ---- agendas ---------------------------------------------------------------------------

const Clock = z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, 'a time HH:MM');
const Minutes = z.number().int().min(1).max(1440);
const Materials = z.array(Text(300)).max(30);
export const AgendaItemInputSchema = z.discriminatedUnion('kind', [
  z.object({
    id: IdSchema.optional(),
    kind: z.literal('method'),
    methodId: MethodIdSchema,
    durationMinutes: Minutes,
    notes: Text(4000).optional(),
    materials: Materials.optional(),
  }),
  z.object({
    id: IdSchema.optional(),
    kind: z.literal('custom'),
    title: Text(200).min(1),
    durationMinutes: Minutes,
    notes: Text(4000).optional(),
    materials: Materials.optional(),
  }),
  z.object({
    id: IdSchema.optional(),
    kind: z.literal('break'),
    durationMinutes: Minutes,
    label: Text(200).optional(),
  }),
]);
export type AgendaItemInput = z.infer<typeof AgendaItemInputSchema>;

export const AgendaBodySchema = z.object({
  title: Text(200).min(1),
  engagementId: IdSchema.nullable().optional(),
  /** Day of the session, YYYY-MM-DD. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .nullable()
    .optional(),
  start: Clock,
  availableMinutes: z.number().int().min(1).max(10080).nullable().optional(),
  items: z.array(AgendaItemInputSchema).max(60),
});
export const CreateAgendaBodySchema = AgendaBodySchema.extend({
  items: z.array(AgendaItemInputSchema).max(60).default([]),
  /** Start from a classic sequence (scaled to the time available when given). */
  templateId: z.string().max(64).optional(),
  language: MethodLanguageSchema.optional(),
});
export const UpdateAgendaBodySchema = AgendaBodySchema.partial();
export const ReorderAgendaBodySchema = z.object({ itemIds: z.array(IdSchema).min(1).max(60) });
/** Turn an agenda item into a live workshop activity (the engagement's new workshop when none is given). */
export const AgendaWorkshopActivityBodySchema = z
  .object({
    workshopId: IdSchema.optional(),
    /** Items or options of vote-like activities; by default the last results of the workshop, else placeholders. */
    items: z.array(Text(200).min(1)).min(2).max(50).optional(),
  })
  .optional();
export const AgendaWorkshopActivityResultSchema = z.object({
  workshopId: IdSchema,
  activityId: z.string(),
  /** Every activity the item became, in order (one, or a method's whole sequence). */
  activityIds: z.array(z.string()),
  activityType: z.string(),
  isNewWorkshop: z.boolean(),
  /** False when the item was already in that workshop (same command, applied once). */
  isNewActivity: z.boolean(),
  consolePath: z.string(),
});
export type AgendaWorkshopActivityResult = z.infer<typeof AgendaWorkshopActivityResultSchema>;
export const AgendaQuerySchema = z.object({ engagementId: IdSchema.optional() });
export const AgendaExportQuerySchema = z.object({
  version: z.enum(['facilitator', 'participant']).default('facilitator'),
  lang: MethodLanguageSchema.optional(),
});

export const AgendaItemSchema = z.object({
  id: IdSchema,
  kind: z.enum(['method', 'custom', 'break']),
  methodId: z.string().nullable(),
  /** Display title in both languages (method name, custom title or break label). */
  title: LocalizedTextSchema,
  durationMinutes: z.number().int(),
  /** Facilitator notes; empty for roles that only see the participant version. */
  notes: z.string(),
  /** Materials set on the item (they replace the method's own). */
  materials: z.array(z.string()),
  /** The method's own materials from the library, in both languages (empty for other kinds). */
  methodMaterials: z.array(LocalizedTextSchema),
  start: z.string(),
  end: z.string(),
  dayOffset: z.number().int(),
  /** The live activity type of the item's method (null when it has none or is not a method). */
  liveActivity: z.string().nullable(),
  /** Every live activity the method starts, in order (1-2-4-All: timer, groups, timer, groups, …). */
  liveSequence: z.array(z.string()),
  /** The workshop activity this item was last turned into, if any. */
  workshopActivity: z.object({ workshopId: IdSchema, activityId: z.string() }).nullable(),
});
export const AgendaSchema = z.object({
  id: IdSchema,
  engagementId: IdSchema.nullable(),
  title: z.string(),
  date: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  availableMinutes: z.number().int().nullable(),
  totalMinutes: z.number().int(),
  breakMinutes: z.number().int(),
  remainingMinutes: z.number().int().nullable(),
  isOverTime: z.boolean(),
  items: z.array(AgendaItemSchema),
  warnings: z.array(z.record(z.string(), z.unknown())),
  /** False for roles that see the participant version only (no facilitator notes). */
  hasFacilitatorNotes: z.boolean(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type AgendaView = z.infer<typeof AgendaSchema>;
export const AgendaSummarySchema = AgendaSchema.pick({
  id: true,
  engagementId: true,
  title: true,
  date: true,
  start: true,
  end: true,
  totalMinutes: true,
  availableMinutes: true,
  isOverTime: true,
  updatedAt: true,
});
export const AgendaListSchema = z.object({ agendas: z.array(AgendaSummarySchema) });
export const AgendaTemplateListSchema = z.object({
  templates: z.array(
    z.object({
      id: z.string(),
      name: LocalizedTextSchema,
      description: LocalizedTextSchema,
      totalMinutes: z.number().int(),
      steps: z.array(
        z.object({ label: LocalizedTextSchema, kind: z.string(), methodId: z.string().nullable() }),
      ),
    }),
  ),
});

export const MethodsEngagementParamsSchema = EngagementParamsSchema;
