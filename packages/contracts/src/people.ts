import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);

export const CollectiveKindSchema = z.enum(['team', 'circle', 'community', 'site', 'department', 'other']);
export const CollectiveSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: CollectiveKindSchema,
  parentId: IdSchema.nullable(),
  memberCount: z.number().int(),
});
export type Collective = z.infer<typeof CollectiveSchema>;
export const CollectiveListSchema = z.object({ collectives: z.array(CollectiveSchema) });
export const CollectiveParamsSchema = z.object({ orgId: IdSchema, collectiveId: IdSchema });
export const CreateCollectiveBodySchema = z.object({
  name: Text(160).min(1),
  kind: CollectiveKindSchema,
  parentId: IdSchema.nullable().optional(),
});
export const UpdateCollectiveBodySchema = z
  .object({
    name: Text(160).min(1).optional(),
    kind: CollectiveKindSchema.optional(),
    parentId: IdSchema.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');

/** A person of the organisation's collectives: not necessarily an account; pseudonymous allowed. */
export const PersonSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  email: z.string().nullable(),
  title: z.string(),
  /** Free attributes used later as report filters (department, site, seniority…). */
  attributes: z.record(z.string(), z.string()),
  collectiveIds: z.array(IdSchema),
  createdAt: IsoDateSchema,
});
export type Person = z.infer<typeof PersonSchema>;
export const PersonListSchema = z.object({ people: z.array(PersonSchema) });
export const PersonParamsSchema = z.object({ orgId: IdSchema, personId: IdSchema });
export const PeopleQuerySchema = z.object({
  collectiveId: IdSchema.optional(),
  q: z.string().max(100).optional(),
});
const AttributeMap = z
  .record(Text(60).min(1), Text(200))
  .refine((v) => Object.keys(v).length <= 30, 'at most 30 attributes');
export const CreatePersonBodySchema = z.object({
  displayName: Text(160).min(1),
  email: z.email().max(254).optional(),
  title: Text(160).optional(),
  attributes: AttributeMap.optional(),
  collectiveIds: z.array(IdSchema).max(50).optional(),
});
export const UpdatePersonBodySchema = z
  .object({
    displayName: Text(160).min(1).optional(),
    email: z.email().max(254).nullable().optional(),
    title: Text(160).optional(),
    attributes: AttributeMap.optional(),
    collectiveIds: z.array(IdSchema).max(50).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');

// ---- import -----------------------------------------------------------------------------------

/** A CSV or XLSX file sent as base64 (≤ 5 MB decoded). Columns: name, email, title, collective, parent collective, collective kind, any other = attribute. */
export const ImportFileBodySchema = z.object({
  filename: z
    .string()
    .min(1)
    .max(200)
    .regex(/\.(csv|xlsx)$/i, 'a .csv or .xlsx file'),
  contentBase64: z.string().min(1).max(7_000_000),
});
export const ImportIssueSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export const ImportPreviewSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  errors: z.array(ImportIssueSchema),
  /** Lines sharing an email with another line or an existing person, merged into one person. */
  merges: z.array(
    z.object({ email: z.string(), lines: z.array(z.number().int()), existingPersonId: IdSchema.nullable() }),
  ),
  people: z.array(
    z.object({
      line: z.number().int(),
      displayName: z.string(),
      email: z.string().nullable(),
      title: z.string(),
      collectives: z.array(z.string()),
      attributes: z.record(z.string(), z.string()),
      action: z.enum(['create', 'update']),
    }),
  ),
  collectivesToCreate: z.array(
    z.object({ name: z.string(), parent: z.string().nullable(), kind: z.string() }),
  ),
  attributeColumns: z.array(z.string()),
});
export const ImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  collectivesCreated: z.number().int(),
  merges: ImportPreviewSchema.shape.merges,
});

// ---- consent ----------------------------------------------------------------------------------

export const ConsentPurposeSchema = z.enum([
  'diagnostic_survey',
  'network_survey',
  'workshop_participation',
  'change_agent_proposal',
]);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
export const ConsentSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  engagementId: IdSchema.nullable(),
  purpose: ConsentPurposeSchema,
  textVersion: z.string(),
  grantedAt: IsoDateSchema,
  withdrawnAt: IsoDateSchema.nullable(),
  active: z.boolean(),
});
export const ConsentListSchema = z.object({ consents: z.array(ConsentSchema) });
export const RecordConsentBodySchema = z.object({
  personId: IdSchema,
  engagementId: IdSchema.optional(),
  purpose: ConsentPurposeSchema,
  textVersion: Text(60).min(1),
});
export const ConsentParamsSchema = z.object({ orgId: IdSchema, consentId: IdSchema });
