/**
 * REST schemas of the plans feature: the plan document (master plan, investment plan, people and
 * unavailable periods, indicators), its view with pacing warnings and totals, and the specification.
 * Names are prefixed `Plan…` / `Spec…`; enums come from core's tuples.
 */
import {
  BUDGET_CATEGORIES,
  INDICATOR_SOURCES,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  PACING_RULES,
  type PlanDocument,
  SCENARIO_KINDS,
  SPEC_SECTION_KEYS,
} from '@essaim/core/plans';
import { z } from 'zod';
import { EngagementParamsSchema } from './engagements.ts';
import { IdSchema, IsoDateSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter YYYY-Qn');
const Level = z.number().int().min(1).max(5);
const LocalId = z.string().min(1).max(64);

export const MilestoneStatusSchema = z.enum(MILESTONE_STATUSES);
export const PlanPhaseSchema = z.object({
  id: LocalId,
  title: Text(200),
  startsOn: DateOnly,
  endsOn: DateOnly,
});
export const PlanWorkstreamSchema = z.object({
  id: LocalId,
  title: Text(200).min(1),
  objective: Text(4000),
  constructIds: z.array(z.string().max(80)).max(20),
  questionId: IdSchema.nullable(),
  collectiveId: IdSchema.nullable(),
  demandLevel: Level.nullable(),
  startsOn: DateOnly,
  endsOn: DateOnly,
  phases: z.array(PlanPhaseSchema).max(20),
});
export const PlanMilestoneSchema = z.object({
  id: LocalId,
  workstreamId: LocalId,
  title: Text(200).min(1),
  kind: z.enum(MILESTONE_KINDS),
  owner: Text(200),
  startsOn: DateOnly,
  dueOn: DateOnly,
  dependsOn: z.array(LocalId).max(50),
  deliverables: z.array(Text(400)).max(30),
  status: MilestoneStatusSchema,
  comment: Text(4000),
});
export const PlanPersonSchema = z.object({
  id: LocalId,
  name: Text(200).min(1),
  daysPerMonth: z.number().min(0).max(31),
  availability: z
    .array(
      z.object({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM'),
        days: z.number().min(0).max(31),
      }),
    )
    .max(120)
    .optional(),
});
export const PlanUnavailableSchema = z.object({
  id: LocalId,
  collectiveId: IdSchema.nullable(),
  label: Text(200),
  from: DateOnly,
  to: DateOnly,
});
export const PlanScenarioSchema = z.object({
  id: LocalId,
  name: Text(120).min(1),
  kind: z.enum(SCENARIO_KINDS),
});
export const PlanBudgetLineSchema = z.object({
  id: LocalId,
  scenarioId: LocalId,
  workstreamId: LocalId.nullable(),
  category: z.enum(BUDGET_CATEGORIES),
  label: Text(300),
  personId: LocalId.nullable(),
  quantity: z.number().min(0).max(1_000_000),
  unitCost: z.number().min(0).max(10_000_000),
  period: Quarter,
  fundingSource: Text(200),
});
export const PlanIndicatorSchema = z.object({
  id: LocalId,
  workstreamId: LocalId,
  name: Text(200).min(1),
  source: z.enum(INDICATOR_SOURCES),
  constructId: z.string().max(80).nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  points: z.array(z.object({ at: DateOnly, value: z.number() })).max(500),
});

export const PlanDocumentSchema = z.object({
  title: Text(200),
  workstreams: z.array(PlanWorkstreamSchema).max(50),
  milestones: z.array(PlanMilestoneSchema).max(500),
  people: z.array(PlanPersonSchema).max(200),
  unavailable: z.array(PlanUnavailableSchema).max(100),
  scenarios: z.array(PlanScenarioSchema).max(10),
  budgetLines: z.array(PlanBudgetLineSchema).max(2000),
  indicators: z.array(PlanIndicatorSchema).max(200),
}) satisfies z.ZodType<PlanDocument>;
export type PlanDocumentBody = z.infer<typeof PlanDocumentSchema>;

export const SavePlanBodySchema = z.object({
  /** The version this edit starts from (0 for a new plan); a stale one is refused (CONFLICT). */
  version: z.number().int().min(0),
  document: PlanDocumentSchema,
});
export const MilestoneParamsSchema = EngagementParamsSchema.extend({ milestoneId: LocalId });
export const MilestoneStatusBodySchema = z.object({ status: MilestoneStatusSchema, comment: Text(4000) });

export const PacingWarningSchema = z.object({
  rule: z.enum(PACING_RULES),
  subject: z.object({
    kind: z.enum(['workstream', 'collective', 'person', 'milestone']),
    id: z.string().nullable(),
  }),
  data: z.record(z.string(), z.unknown()),
  /** The reason in words, in the reader's language. */
  reason: z.string(),
});
export type PacingWarningView = z.infer<typeof PacingWarningSchema>;

const TotalsSchema = z.object({
  total: z.number(),
  personDays: z.number(),
  byWorkstream: z.record(z.string(), z.number()),
  byCategory: z.record(z.string(), z.number()),
  byQuarter: z.record(z.string(), z.number()),
  byYear: z.record(z.string(), z.number()),
  byFunding: z.record(z.string(), z.number()),
});

export const PlanViewSchema = z.object({
  engagementId: IdSchema,
  version: z.number().int(),
  updatedAt: IsoDateSchema.nullable(),
  document: PlanDocumentSchema,
  /** What the pacing rules read: released whole-campaign results only. */
  measured: z.object({
    effectivenessLevel: z.number().int().nullable(),
    trustLevel: z.number().int().nullable(),
    campaignTitle: z.string().nullable(),
  }),
  /** Warnings of the timeline (maturity, probes, concurrency, unavailable periods). */
  warnings: z.array(PacingWarningSchema),
  scenarios: z.array(
    z.object({ scenarioId: z.string(), totals: TotalsSchema, warnings: z.array(PacingWarningSchema) }),
  ),
  /** Decisions and charter clauses each roadmap item carries out (trace links `implements`). */
  carriesOut: z.array(
    z.object({
      milestoneId: z.string(),
      linkId: IdSchema,
      kind: z.string(),
      id: z.string(),
      label: z.string().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      series: z.array(z.object({ at: z.string(), value: z.number(), label: z.string() })),
    }),
  ),
  /** What the pickers offer: essential questions (with their Cynefin domain), collectives, decisions. */
  choices: z.object({
    questions: z.array(z.object({ id: IdSchema, text: z.string(), domain: z.string().nullable() })),
    collectives: z.array(z.object({ id: IdSchema, name: z.string() })),
    decisions: z.array(z.object({ id: IdSchema, title: z.string() })),
  }),
});
export type PlanView = z.infer<typeof PlanViewSchema>;

// ---- specification ----------------------------------------------------------------------------

export const SpecSectionKeySchema = z.enum(SPEC_SECTION_KEYS);
export const SpecSourceSchema = z.object({ kind: z.string(), id: z.string(), label: z.string() });
const PulledSchema = z.object({ text: z.string(), sources: z.array(SpecSourceSchema) });

export const SpecSectionViewSchema = z.object({
  key: SpecSectionKeySchema,
  text: z.string(),
  pulled: PulledSchema,
  /** What the generator would pull in now, and what changed since the stored pull. */
  current: PulledSchema,
  change: z.object({
    changed: z.boolean(),
    addedSources: z.array(SpecSourceSchema),
    removedSources: z.array(SpecSourceSchema),
    addedLines: z.array(z.string()),
    removedLines: z.array(z.string()),
  }),
});
export const SpecViewSchema = z.object({
  engagementId: IdSchema,
  /** 0 when no specification was generated yet (sections then hold what would be pulled in). */
  version: z.number().int(),
  updatedAt: IsoDateSchema.nullable(),
  updatedBy: z.string().nullable(),
  sections: z.array(SpecSectionViewSchema),
  versions: z.array(z.object({ version: z.number().int(), at: IsoDateSchema, by: z.string().nullable() })),
});
export type SpecView = z.infer<typeof SpecViewSchema>;

export const SaveSpecBodySchema = z.object({
  version: z.number().int().min(0),
  sections: z
    .array(
      z.object({
        key: SpecSectionKeySchema,
        text: Text(20_000),
        /** Take in what the sources say now (the section's pulled content is refreshed). */
        refresh: z.boolean().default(false),
      }),
    )
    .max(SPEC_SECTION_KEYS.length),
});
export const SpecExportQuerySchema = z.object({ lang: z.enum(['fr', 'en']).optional() });
