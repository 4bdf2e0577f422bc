/**
 * REST schemas of pollination (issue 18): the experience library (write, anonymise, share, export,
 * search, "experiences like this engagement") and diffusion plans (change agents, sessions, adoption
 * reports, the diffusion curve). Names are prefixed `Experience…`, `Library…`, `Diffusion…`.
 */
import { IC_FORMS } from '@essaim/core/methods';
import {
  ADOPTION_STAGES,
  DIFFUSION_SESSION_KINDS,
  EXPERIENCE_LICENCES,
  EXPERIENCE_STATUSES,
  EXPERIENCE_VISIBILITIES,
} from '@essaim/core/pollination';
import { z } from 'zod';
import { EngagementParamsSchema } from './engagements.ts';
import { IdSchema, OrgParamsSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);
const Required = (max: number) => z.string().trim().min(1).max(max);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const ExperienceVisibilitySchema = z.enum(EXPERIENCE_VISIBILITIES);
export const ExperienceStatusSchema = z.enum(EXPERIENCE_STATUSES);
export const ExperienceLicenceSchema = z.enum(EXPERIENCE_LICENCES);
export const AdoptionStageSchema = z.enum(ADOPTION_STAGES);
export const DiffusionSessionKindSchema = z.enum(DIFFUSION_SESSION_KINDS);
export const ExperienceCynefinSchema = z.enum(['clear', 'complicated', 'complex', 'chaotic', 'confusion']);
export const ExperienceLanguageSchema = z.enum(['fr', 'en']);

export const ExperienceParamsSchema = OrgParamsSchema.extend({ experienceId: IdSchema });
export const ExperienceContactParamsSchema = ExperienceParamsSchema.extend({ contactId: IdSchema });
export const DiffusionPlanParamsSchema = OrgParamsSchema.extend({ planId: IdSchema });

const IndicatorSchema = z.object({ label: Required(200), value: Required(200) });
const DeltaSchema = z.object({ constructId: z.string(), before: z.number(), after: z.number() });

const ContactInputSchema = z.object({
  name: Required(200),
  role: Text(200).default(''),
  personId: IdSchema.nullable().default(null),
});

/** What a contributor writes (no defaults here: an update changes only the fields it sends). */
const fieldShapes = {
  title: Required(200),
  context: Text(10000),
  question: Text(2000),
  whatHappened: Text(20000),
  results: Text(10000),
  lessons: Text(10000),
  conditions: Text(10000),
  pitfalls: Text(10000),
  icForms: z.array(z.enum(IC_FORMS)).max(5),
  cynefin: ExperienceCynefinSchema.nullable(),
  methodIds: z.array(Required(120)).max(40),
  sector: Text(120),
  size: z.number().int().min(1).max(1000000).nullable(),
  indicators: z.array(IndicatorSchema).max(30),
  language: ExperienceLanguageSchema,
  licence: ExperienceLicenceSchema,
  collectiveId: IdSchema.nullable(),
  contacts: z.array(ContactInputSchema).max(20),
};
export const ExperienceUpdateBodySchema = z.object(fieldShapes).partial();
export const ExperienceFieldsSchema = z.object({
  ...fieldShapes,
  context: fieldShapes.context.default(''),
  question: fieldShapes.question.default(''),
  whatHappened: fieldShapes.whatHappened.default(''),
  results: fieldShapes.results.default(''),
  lessons: fieldShapes.lessons.default(''),
  conditions: fieldShapes.conditions.default(''),
  pitfalls: fieldShapes.pitfalls.default(''),
  icForms: fieldShapes.icForms.default([]),
  cynefin: fieldShapes.cynefin.default(null),
  methodIds: fieldShapes.methodIds.default([]),
  sector: fieldShapes.sector.default(''),
  size: fieldShapes.size.default(null),
  indicators: fieldShapes.indicators.default([]),
  language: fieldShapes.language.default('fr'),
  licence: fieldShapes.licence.default('CC-BY-4.0'),
  collectiveId: fieldShapes.collectiveId.default(null),
  contacts: fieldShapes.contacts.default([]),
});
export const ExperienceCreateBodySchema = ExperienceFieldsSchema.extend({
  engagementId: IdSchema.nullable().default(null),
});
export type ExperienceCreateBody = z.input<typeof ExperienceCreateBodySchema>;

export const ExperienceAnonymiseBodySchema = z.object({ removeOrganisation: z.boolean().default(false) });
export const ExperienceShareBodySchema = z.object({
  visibility: ExperienceVisibilitySchema,
  licence: ExperienceLicenceSchema.optional(),
});
export const ExperienceContactConsentBodySchema = z.object({ consented: z.boolean() });

export const ExperienceNameHitSchema = z.object({
  field: z.string(),
  text: z.string(),
  personId: z.string(),
});

export const ExperienceContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  personId: z.string().nullable(),
  consentedAt: z.string().nullable(),
});

export const ExperienceViewSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  organisationName: z.string().nullable(),
  engagementId: z.string().nullable(),
  collectiveId: z.string().nullable(),
  title: z.string(),
  context: z.string(),
  question: z.string(),
  whatHappened: z.string(),
  results: z.string(),
  lessons: z.string(),
  conditions: z.string(),
  pitfalls: z.string(),
  icForms: z.array(z.string()),
  cynefin: z.string().nullable(),
  methods: z.array(z.object({ id: z.string(), name: z.string() })),
  sector: z.string(),
  size: z.number().nullable(),
  indicators: z.array(IndicatorSchema),
  diagnosticDeltas: z.array(DeltaSchema),
  contacts: z.array(ExperienceContactSchema),
  language: ExperienceLanguageSchema,
  licence: ExperienceLicenceSchema,
  visibility: ExperienceVisibilitySchema.nullable(),
  status: ExperienceStatusSchema,
  removeOrganisation: z.boolean(),
  anonymisedAt: z.string().nullable(),
  sharedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Roster names still found in the free texts (the share step refuses while any is left). */
  namesLeft: z.array(ExperienceNameHitSchema),
  canEdit: z.boolean(),
});
export type ExperienceView = z.infer<typeof ExperienceViewSchema>;

export const ExperienceSummarySchema = ExperienceViewSchema.pick({
  id: true,
  orgId: true,
  organisationName: true,
  engagementId: true,
  title: true,
  context: true,
  icForms: true,
  cynefin: true,
  methods: true,
  sector: true,
  language: true,
  licence: true,
  visibility: true,
  status: true,
  updatedAt: true,
});
export type ExperienceSummary = z.infer<typeof ExperienceSummarySchema>;
export const ExperienceListSchema = z.object({ experiences: z.array(ExperienceSummarySchema) });

/** An engagement's data to start an experience from (nothing is saved until the contributor creates it). */
export const ExperienceDraftSchema = ExperienceFieldsSchema.extend({
  engagementId: z.string(),
  diagnosticDeltas: z.array(DeltaSchema),
});

export const LibraryQuerySchema = z.object({
  q: Text(200).default(''),
  icForm: z.enum(IC_FORMS).optional(),
  cynefin: ExperienceCynefinSchema.optional(),
  methodId: Text(120).optional(),
});
export const LibraryHitSchema = ExperienceSummarySchema.extend({
  score: z.number(),
  facets: z.array(z.object({ facet: z.string(), similarity: z.number() })),
});
export const LibraryResultSchema = z.object({ hits: z.array(LibraryHitSchema), total: z.number() });
export type LibraryHit = z.infer<typeof LibraryHitSchema>;
export const SimilarQuerySchema = z.object({
  sector: Text(120).optional(),
  size: z.coerce.number().int().min(1).max(1000000).optional(),
});

export const PollinationSettingsSchema = z.object({
  instanceLibrary: z.boolean(),
  joinedAt: z.string().nullable(),
});
export const PollinationSettingsBodySchema = z.object({ instanceLibrary: z.boolean() });

// ---- diffusion plans ---------------------------------------------------------------

export const DiffusionAgentInputSchema = z.object({
  personId: IdSchema,
  /** A change-agent proposal the person accepted (network analysis); null when chosen by hand. */
  proposalId: IdSchema.nullable().default(null),
});
export const DiffusionSessionInputSchema = z.object({
  kind: DiffusionSessionKindSchema,
  title: Text(200).default(''),
  date: DateOnly,
  collectiveId: IdSchema.nullable().default(null),
  carrierPersonId: IdSchema.nullable().default(null),
});
export const DiffusionPlanBodySchema = z.object({
  title: Required(200),
  practice: Text(4000).default(''),
  experienceId: IdSchema.nullable().default(null),
  engagementId: IdSchema.nullable().default(null),
  collectiveIds: z.array(IdSchema).max(200).default([]),
  agents: z.array(DiffusionAgentInputSchema).max(100).default([]),
  sessions: z.array(DiffusionSessionInputSchema).max(200).default([]),
});
export type DiffusionPlanBody = z.input<typeof DiffusionPlanBodySchema>;
export const DiffusionAdoptionBodySchema = z.object({
  collectiveId: IdSchema,
  stage: AdoptionStageSchema,
  date: DateOnly,
  note: Text(1000).default(''),
});

export const DiffusionCandidateSchema = z.object({
  personId: z.string(),
  name: z.string(),
  proposalId: z.string(),
  analysisId: z.string(),
  networkTitle: z.string(),
  marginalReach: z.number(),
});
export const DiffusionCandidatesSchema = z.object({ candidates: z.array(DiffusionCandidateSchema) });

export const DiffusionCurvePointSchema = z.object({
  date: z.string(),
  aware: z.number(),
  trying: z.number(),
  adopted: z.number(),
  abandoned: z.number(),
  reached: z.number(),
});

export const DiffusionPlanViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  practice: z.string(),
  experienceId: z.string().nullable(),
  experienceTitle: z.string().nullable(),
  engagementId: z.string().nullable(),
  collectives: z.array(z.object({ id: z.string(), name: z.string(), stage: AdoptionStageSchema })),
  agents: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      name: z.string(),
      source: z.enum(['network', 'manual']),
      proposalId: z.string().nullable(),
    }),
  ),
  sessions: z.array(
    DiffusionSessionInputSchema.extend({
      id: z.string(),
      collectiveName: z.string().nullable(),
      carrierName: z.string().nullable(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.string(),
      collectiveId: z.string(),
      stage: AdoptionStageSchema,
      date: z.string(),
      note: z.string(),
    }),
  ),
  curve: z.array(DiffusionCurvePointSchema),
  /** Share (0–1) of the network the chosen agents are predicted to reach (IMM marginal gains), or null. */
  predictedReach: z.number().nullable(),
  /** Share (0–1) of the target collectives reached now (aware or further). */
  observedReach: z.number(),
  canReport: z.boolean(),
  createdAt: z.string(),
});
export type DiffusionPlanView = z.infer<typeof DiffusionPlanViewSchema>;
export const DiffusionPlanListSchema = z.object({
  plans: z.array(
    z.object({ id: z.string(), title: z.string(), collectiveCount: z.number(), observedReach: z.number() }),
  ),
});
export { EngagementParamsSchema as PollinationEngagementParamsSchema };
