/**
 * @module Every JSON column's shape, checked with zod when a row is read. JSON columns are strings on
 * both dialects (see connect.ts); they are parsed here, once, so no service casts `JSON.parse` output.
 * The schemas are structural (types, not the length limits of the request contracts): a value that
 * was valid when written stays readable when a limit later changes. A value that does not match is a
 * corrupted row: the read fails loudly (500, logged) instead of spreading a wrong shape.
 */
import {
  type AgendaItemInput,
  type ComplexitySchema,
  type CreateCustomMethodBody,
  type CutReport,
  type NetworkAnalysis,
  type NetworkProposal,
  NetworkSurveyRelationSchema,
  PHASES,
  type RunNetworkAnalysisBody,
  type SurveyInstrumentEntry,
} from '@essaim/contracts';
import type { Clause } from '@essaim/core/charters';
import type { Instrument, Thresholds, ValidSubmission } from '@essaim/core/diagnostics';
import type { LiveEvent } from '@essaim/core/live';
import type { PlanDocument, SpecSection } from '@essaim/core/plans';
import { z } from 'zod';
import type { StoredOpinionMap } from './tables/conversations.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Deep algorithm outputs and core structures written by the server itself: their top-level shape is checked. */
export const objectWith = <T>(...keys: string[]) =>
  z.custom<T>((v) => isRecord(v) && keys.every((k) => k in v), {
    message: `expected keys ${keys.join(', ')}`,
  });

const strings = z.array(z.string());
const localized = z.object({ fr: z.string(), en: z.string() });

/** The schemas of stored JSON values, by what they hold. */
export const StoredJson = {
  strings,
  stringRecord: z.record(z.string(), z.string()),
  numberRecord: z.record(z.string(), z.number()),
  anyRecord: z.record(z.string(), z.unknown()),
  /** Kept as sent, never interpreted (method_choices.request) */
  anything: z.unknown(),
  localized,
  /** engagements.phases */
  phases: z.array(
    z.object({
      key: z.enum(PHASES),
      status: z.enum(['not_started', 'active', 'done', 'skipped']),
      notes: z.string(),
      updatedAt: z.string().nullable(),
    }),
  ),
  /** questions.complexity (the Cynefin placement) */
  complexity: objectWith<z.infer<typeof ComplexitySchema>>('domain', 'answers'),
  /** options_boards.criteria */
  criteria: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number() })),
  /** agendas.items */
  agendaItems: z.array(
    objectWith<
      AgendaItemInput & { id: string; workshopActivity?: { workshopId: string; activityId: string } }
    >('id', 'kind'),
  ),
  /** custom_methods.data */
  customMethod: objectWith<CreateCustomMethodBody>('name', 'family'),
  /** survey_campaigns.attributes */
  campaignAttributes: z.array(z.object({ name: z.string(), values: strings })),
  /** survey_campaigns.instrument (the frozen copy a campaign runs) */
  instrument: objectWith<Instrument>('id', 'version', 'items'),
  /** survey_instruments.definition (an organisation's own instrument) */
  instrumentDefinition: objectWith<SurveyInstrumentEntry['instrument']>('id', 'version', 'items'),
  /** networks.survey_relations */
  surveyRelations: z.array(NetworkSurveyRelationSchema),
  /** survey_responses.answers (stored after validation) */
  submission: z.object({
    numeric: z.record(z.string(), z.number()),
    text: z.record(z.string(), z.string()),
  }) satisfies z.ZodType<ValidSubmission>,
  /** survey_responses.answers while a respondent is still answering */
  rawAnswers: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  /** survey_campaigns.frozen: what a report depends on, frozen at launch */
  campaignSnapshot: z.object({
    tree: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })),
    attributes: z.array(z.object({ name: z.string(), values: strings })),
    thresholds: objectWith<Partial<Thresholds>>(),
  }),
  /** survey_released_cuts.body: one presented cut of a released report */
  cutReport: objectWith<CutReport>('key'),
  /** conversation_maps.result */
  opinionMap: objectWith<StoredOpinionMap>('mode', 'participants', 'groups'),
  /** network_analyses.result */
  networkResult: objectWith<NonNullable<NetworkAnalysis['result']>>('nodes', 'edges'),
  /** network_analyses.options */
  networkOptions: objectWith<RunNetworkAnalysisBody>(),
  /** workshop_events.event: written by the live engine after its own checks (top level checked) */
  liveEvent: objectWith<LiveEvent>('type'),
  /** network_proposals.why */
  proposalReason: objectWith<NetworkProposal['why']>('marginalReach', 'cumulativeReach'),
  /** plans.document (validated by PlanDocumentSchema when written) */
  planDocument: objectWith<PlanDocument>('workstreams', 'milestones', 'scenarios', 'budgetLines'),
  /** charter_versions.clauses (the frozen text of a named version) */
  charterClauses: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['heading', 'paragraph']),
      level: z.number(),
      text: z.string(),
    }),
  ) satisfies z.ZodType<Clause[]>,
  /** charter_amendments.positions (consent or reasoned objection, one per member key) */
  amendmentPositions: z.array(
    z.object({ key: z.string(), value: z.enum(['consent', 'object']), reason: z.string().nullable() }),
  ),
  /** plan_specifications.sections */
  specSections: z.array(objectWith<SpecSection>('key', 'text', 'pulled')),
} as const;

/** Parse a JSON column with its schema; `null` for a NULL column. */
export function readStored<S extends z.ZodType>(
  schema: S,
  text: string | null | undefined,
): z.output<S> | null {
  if (text === null || text === undefined) {
    return null;
  }
  return schema.parse(JSON.parse(text));
}

type Schemas = Record<string, z.ZodType>;

/** A row whose JSON columns named in `S` hold their parsed values (nullable columns stay nullable). */
export type Decoded<R, S extends Schemas> = Omit<R, keyof S> & {
  [K in keyof S & keyof R]: null extends R[K] ? z.output<S[K]> | null : z.output<S[K]>;
};

/**
 * Parse a row's JSON columns with their schemas (those the query selected); repositories return
 * what this gives, so services receive domain values and never parse.
 */
export function decodeRow<R extends object, S extends Schemas>(row: R, schemas: S): Decoded<R, S> {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [key, schema] of Object.entries(schemas)) {
    if (key in out) {
      out[key] = readStored(schema, out[key] as string | null);
    }
  }
  return out as Decoded<R, S>;
}

/** `decodeRow` for a list of rows. */
export const decodeRows = <R extends object, S extends Schemas>(rows: R[], schemas: S): Decoded<R, S>[] =>
  rows.map((r) => decodeRow(r, schemas));

/** A row with its JSON columns turned back into text for storage: the inverse of `decodeRow`. */
export function encodeRow<T extends object>(row: object, schemas: Schemas): T {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const key of Object.keys(schemas)) {
    if (key in out && out[key] !== undefined) {
      out[key] = out[key] === null ? null : JSON.stringify(out[key]);
    }
  }
  return out as T;
}
