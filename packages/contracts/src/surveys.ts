/**
 * REST schemas of the surveys feature (diagnostic campaigns): instruments, campaigns, invitations,
 * the public respondent endpoints and the aggregated report. Names are prefixed `Survey`/`Campaign`
 * to avoid clashes. No schema here carries an individual's answers except the respondent's own
 * draft, returned to the holder of their own link only.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);
const Localized = z.object({ fr: Text(500).min(1), en: Text(500).min(1) });
const LocalizedOut = z.object({ fr: z.string(), en: z.string() });
const Kebab = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case');

export const SurveyScaleSchema = z.enum([
  'agreement5',
  'agreement7',
  'frequency5',
  'yesno',
  'scale0to10',
  'openText',
]);
export const SurveyLocaleSchema = z.enum(['fr', 'en']);

// ---- instruments -------------------------------------------------------------------------------

export const SurveyConstructSchema = z.object({
  id: z.string(),
  name: LocalizedOut,
  description: LocalizedOut,
  family: z.enum(['ic-form', 'climate', 'open']),
});
export const SurveyItemSchema = z.object({
  id: z.string(),
  constructId: z.string(),
  text: LocalizedOut,
  scale: SurveyScaleSchema,
  isReverseScored: z.boolean().optional(),
  isOptional: z.boolean().optional(),
});
export const SurveyInstrumentSchema = z.object({
  /** `essaim-ic`, `essaim-ic-pulse`, or `custom-<uuid>` for an organisation's own instrument. */
  id: z.string(),
  version: z.string(),
  name: LocalizedOut,
  constructs: z.array(SurveyConstructSchema),
  items: z.array(SurveyItemSchema),
});
export type SurveyInstrument = z.infer<typeof SurveyInstrumentSchema>;

export const SurveyInstrumentEntrySchema = z.object({
  /** What a campaign refers to: `essaim-ic`, `essaim-ic-pulse` or the custom instrument's row id. */
  ref: z.string(),
  kind: z.enum(['full', 'pulse', 'custom']),
  instrument: SurveyInstrumentSchema,
  createdAt: IsoDateSchema.nullable(),
});
export type SurveyInstrumentEntry = z.infer<typeof SurveyInstrumentEntrySchema>;
export const SurveyInstrumentListSchema = z.object({ instruments: z.array(SurveyInstrumentEntrySchema) });

export const SurveyOrgParamsSchema = z.object({ orgId: IdSchema });
export const SurveyInstrumentParamsSchema = z.object({ orgId: IdSchema, instrumentId: IdSchema });

/** A custom instrument: items picked from the Essaim bank plus the facilitator's own. */
export const CreateSurveyInstrumentBodySchema = z.object({
  name: Localized,
  bankItemIds: z.array(Kebab).max(60),
  ownConstructs: z
    .array(
      z.object({
        id: Kebab,
        name: Localized,
        description: Localized,
        family: z.enum(['ic-form', 'climate', 'open']),
      }),
    )
    .max(20)
    .optional(),
  ownItems: z
    .array(
      z.object({
        id: Kebab,
        constructId: Kebab,
        text: Localized,
        scale: SurveyScaleSchema,
        isReverseScored: z.boolean().optional(),
        isOptional: z.boolean().optional(),
      }),
    )
    .max(60)
    .optional(),
});
export type CreateSurveyInstrumentBody = z.infer<typeof CreateSurveyInstrumentBodySchema>;

// ---- campaigns ---------------------------------------------------------------------------------

export const CampaignStatusSchema = z.enum(['draft', 'open', 'closed']);
/** An attribute respondents declare on the shared link, with its allowed values. */
export const CampaignAttributeSchema = z.object({
  name: Text(60).min(1),
  values: z.array(Text(100).min(1)).min(2).max(20),
});
export type CampaignAttribute = z.infer<typeof CampaignAttributeSchema>;

export const CampaignEngagementParamsSchema = z.object({ orgId: IdSchema, engagementId: IdSchema });
export const CampaignParamsSchema = z.object({ orgId: IdSchema, campaignId: IdSchema });
export const CampaignInvitationParamsSchema = CampaignParamsSchema.extend({ invitationId: IdSchema });
export const CampaignCompareParamsSchema = CampaignParamsSchema.extend({ otherCampaignId: IdSchema });

const DateTime = z.iso.datetime({ offset: true });

export const CreateCampaignBodySchema = z.object({
  title: Text(200).min(1),
  /** `essaim-ic`, `essaim-ic-pulse` or a custom instrument id. */
  instrumentRef: z.string().min(1).max(64),
  collectiveIds: z.array(IdSchema).max(100),
  /** Per-member links (from the roster of the collectives) and/or one shared link. */
  hasMemberLinks: z.boolean().default(true),
  hasSharedLink: z.boolean().default(false),
  /** Attributes declared by shared-link respondents (also filterable in the report). */
  attributes: z.array(CampaignAttributeSchema).max(5).optional(),
  /** Most answers accepted through the shared link (null: no cap). */
  sharedCap: z.number().int().min(1).max(100_000).nullable().optional(),
  opensAt: DateTime.nullable().optional(),
  closesAt: DateTime.nullable().optional(),
});
export type CreateCampaignBody = z.infer<typeof CreateCampaignBodySchema>;
export const UpdateCampaignBodySchema = CreateCampaignBodySchema.partial().refine(
  (v) => Object.values(v).some((x) => x !== undefined),
  'nothing to change',
);

export const DisclosureReasonSchema = z.enum([
  'meets-threshold',
  'no-respondents',
  'below-minimum',
  'below-self-declared-minimum',
  'differencing-risk',
  /** The campaign is still open: nothing but progress is given. */
  'not-released',
]);
export const ThresholdsSchema = z.object({
  minRespondents: z.number().int(),
  minOpenText: z.number().int(),
  /** Minimum for a group holding anyone who declared their own membership (shared link). */
  minSelfDeclared: z.number().int(),
});
export const CampaignCollectiveCountSchema = z.object({
  collectiveId: IdSchema,
  name: z.string(),
  parentId: IdSchema.nullable(),
  /** People invited from the roster (not sensitive: the roster is known to the facilitator). */
  invited: z.number().int(),
  /**
   * Submitted responses, only once released (closed) and only where the report shows the group;
   * null otherwise. While the campaign is open only `progress` is given, never a count.
   */
  responded: z.number().int().nullable(),
  reason: DisclosureReasonSchema,
  /** While open: whether the group has reached its threshold; null once released. */
  progress: z.enum(['reached', 'not-yet']).nullable(),
});

export const CampaignSchema = z.object({
  id: IdSchema,
  engagementId: IdSchema,
  title: z.string(),
  status: CampaignStatusSchema,
  instrumentRef: z.string(),
  instrumentId: z.string(),
  instrumentVersion: z.string(),
  instrumentName: LocalizedOut,
  itemCount: z.number().int(),
  collectiveIds: z.array(IdSchema),
  hasMemberLinks: z.boolean(),
  hasSharedLink: z.boolean(),
  attributes: z.array(CampaignAttributeSchema),
  opensAt: IsoDateSchema.nullable(),
  closesAt: IsoDateSchema.nullable(),
  launchedAt: IsoDateSchema.nullable(),
  closedAt: IsoDateSchema.nullable(),
  /** Path of the shared link (`/respond/<token>`), when the campaign has one and is launched. */
  sharedLink: z.string().nullable(),
  /** Whole-campaign count of submissions; null below the threshold. */
  responded: z.number().int().nullable(),
  /** While open: whether the whole campaign has reached its threshold (never a count); null otherwise. */
  progress: z.enum(['reached', 'not-yet']).nullable(),
  invited: z.number().int(),
  collectives: z.array(CampaignCollectiveCountSchema),
  thresholds: ThresholdsSchema,
  sharedCap: z.number().int().nullable(),
  /** Personal links: how many were e-mailed by Essaim, handed out by the facilitator, not yet distributed. */
  distribution: z.object({ email: z.number().int(), hand: z.number().int(), pending: z.number().int() }),
  /** True when Essaim can e-mail personal links itself (SMTP configured). */
  canEmail: z.boolean(),
  createdAt: IsoDateSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;
export const CampaignListSchema = z.object({ campaigns: z.array(CampaignSchema) });

export const CampaignInvitationSchema = z.object({
  id: IdSchema,
  personName: z.string(),
  /** Known e-mail address of the invitee (hand distribution lists only). */
  email: z.string().nullable().optional(),
  /** How the current link reached its holder: `email`, `hand`, or null when not yet distributed. */
  channel: z.enum(['email', 'hand']).nullable().optional(),
  /** QR code (SVG) of the absolute link, for printing; hand distribution only. */
  qrSvg: z.string().optional(),
  /** Path of the personal link; present only in the answer that issued it (links are stored hashed). */
  link: z.string().nullable(),
  issuedAt: IsoDateSchema,
});
export const CampaignInvitationListSchema = z.object({ invitations: z.array(CampaignInvitationSchema) });
export const LaunchCampaignResultSchema = z.object({
  campaign: CampaignSchema,
  /** Invitees (links are never returned at launch: they are e-mailed, or handed out deliberately). */
  invitations: z.array(CampaignInvitationSchema),
  /** Personal links e-mailed by Essaim at launch (0 without SMTP). */
  emailed: z.number().int(),
});
/**
 * Hand distribution of personal links: a deliberate, audited step. Each chosen invitation gets a
 * new link (the previous one stops working) returned once in this answer.
 */
export const HandOutLinksBodySchema = z.object({
  /** Invitations to hand out; all when absent. */
  invitationIds: z.array(IdSchema).max(5000).optional(),
  /** The facilitator acknowledges that handing links out is recorded and shown in the report. */
  acknowledged: z.literal(true),
});
export const HandOutLinksResultSchema = z.object({ invitations: z.array(CampaignInvitationSchema) });
/** Reminder by e-mail to invitees who have not submitted; says nothing back about who they are. */
export const RemindResultSchema = z.object({ ok: z.literal(true) });
export const EmailLinksResultSchema = z.object({ emailed: z.number().int() });

// ---- report ------------------------------------------------------------------------------------

export const CampaignReportQuerySchema = z.object({
  collectiveId: IdSchema.optional(),
  /** Attribute filters `name=value`, separated by `;` (at most 2). */
  filter: z.string().max(400).optional(),
});
const Highlight = z.object({
  kind: z.enum(['construct', 'item']),
  id: z.string(),
  score: z.number(),
  n: z.number().int(),
  referenceMean: z.number(),
  referenceSd: z.number(),
  z: z.number(),
  distance: z.number(),
});
const Num = z.number().nullable();
export const CutReportSchema = z.object({
  key: z.string(),
  label: z.string(),
  collectiveId: IdSchema.nullable(),
  filters: z.record(z.string(), z.string()),
  status: z.enum(['shown', 'suppressed']),
  reason: DisclosureReasonSchema,
  n: z.number().int().nullable(),
  /** While open: whether this cut has reached its threshold (never a count); null once released. */
  progress: z.enum(['reached', 'not-yet']).nullable(),
  /**
   * Of a shown cut's answers, how many came through the shared link (self-declared membership)
   * and through personal links handed out by hand rather than e-mailed by Essaim; null otherwise.
   */
  channels: z.object({ sharedLink: z.number().int(), handLinks: z.number().int() }).nullable(),
  constructs: z.array(
    z.object({
      constructId: z.string(),
      family: z.string(),
      n: z.number().int(),
      score: Num,
      rawMean: Num,
      standardDeviation: Num,
      alpha: z.object({ value: Num, n: z.number().int(), itemCount: z.number().int() }),
      bands: z.array(z.number().int()),
    }),
  ),
  items: z.array(
    z.object({
      itemId: z.string(),
      constructId: z.string(),
      n: z.number().int(),
      score: Num,
      rawMean: Num,
      distribution: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
    }),
  ),
  withheld: z.array(
    z.object({ kind: z.enum(['item', 'construct']), id: z.string(), reason: DisclosureReasonSchema }),
  ),
  interpretation: z
    .object({
      profile: z.object({
        forms: z.array(z.object({ constructId: z.string(), score: Num })),
        strongest: z.string().nullable(),
        weakest: z.string().nullable(),
        spread: Num,
      }),
      effectiveness: z.object({
        level: z.number().int(),
        index: Num,
        unmetForNextLevel: z.array(z.string()),
        skippedRules: z.array(z.string()),
      }),
      contributors: z.array(Highlight),
      blockers: z.array(Highlight),
      itemContributors: z.array(Highlight),
      itemBlockers: z.array(Highlight),
    })
    .nullable(),
  openText: z.array(
    z.object({
      itemId: z.string(),
      status: z.enum(['shown', 'suppressed']),
      reason: DisclosureReasonSchema,
      n: z.number().int().nullable(),
      /** Themes of the answers, each with a few verbatim examples (only when ≥ the open-text threshold). */
      themes: z.array(
        z.object({
          label: z.string(),
          keywords: z.array(z.string()),
          count: z.number().int(),
          examples: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type CutReport = z.infer<typeof CutReportSchema>;
export const CampaignReportSchema = z.object({
  campaignId: IdSchema,
  title: z.string(),
  status: CampaignStatusSchema,
  /**
   * Aggregates are released once, when the campaign closes: a live report would let a reader
   * subtract two successive views and isolate the person who answered in between. Until then cuts
   * carry their status and size only.
   */
  isReleased: z.boolean(),
  instrument: SurveyInstrumentSchema,
  thresholds: ThresholdsSchema,
  /** Cuts a user may request: collectives (with nesting) and filterable attributes. */
  requestable: z.object({
    collectives: z.array(z.object({ id: IdSchema, name: z.string(), parentId: IdSchema.nullable() })),
    attributes: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    maxFilters: z.number().int(),
  }),
  cuts: z.array(CutReportSchema),
  /** Campaigns of the same instrument version in this engagement, for before/after. */
  comparable: z.array(z.object({ id: IdSchema, title: z.string(), launchedAt: IsoDateSchema.nullable() })),
});
export type CampaignReport = z.infer<typeof CampaignReportSchema>;

export const CampaignComparisonSchema = z.object({
  before: z.object({ id: IdSchema, title: z.string() }),
  after: z.object({ id: IdSchema, title: z.string() }),
  cuts: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      status: z.enum(['compared', 'not-comparable']),
      reason: z.enum(['missing-before', 'missing-after', 'suppressed-before', 'suppressed-after']).nullable(),
      constructs: z.array(
        z.object({
          constructId: z.string(),
          before: z.object({ n: z.number().int(), score: z.number() }),
          after: z.object({ n: z.number().int(), score: z.number() }),
          delta: z.number(),
          low: Num,
          high: Num,
          isSignificant: z.boolean(),
        }),
      ),
    }),
  ),
});
export type CampaignComparison = z.infer<typeof CampaignComparisonSchema>;

// ---- respondents (public, by token) ------------------------------------------------------------

export const RespondTokenParamsSchema = z.object({ token: z.string().min(20).max(128) });
export const RespondAnswersSchema = z.record(
  z.string().max(80),
  z.union([z.number(), z.string().max(4000), z.boolean(), z.null()]),
);
export const RespondSessionSchema = z.object({
  mode: z.enum(['personal', 'shared']),
  campaign: z.object({
    title: z.string(),
    status: CampaignStatusSchema,
    acceptsAnswers: z.boolean(),
    /** Why answers are refused: `draft`, `not-yet-open`, `closed`, `engagement-paused`, `engagement-stopped`. */
    refusal: z.string().nullable(),
    opensAt: IsoDateSchema.nullable(),
    closesAt: IsoDateSchema.nullable(),
  }),
  instrument: SurveyInstrumentSchema,
  consent: z.object({
    /** The engagement's confidentiality agreement, as agreed with the sponsor. */
    agreement: z.string(),
    agreementVersion: z.number().int(),
    engagementTitle: z.string(),
    minRespondents: z.number().int(),
    minOpenText: z.number().int(),
  }),
  /** Shared link: what a respondent may declare about themselves. */
  selfDeclare: z.object({
    collectives: z.array(z.object({ id: IdSchema, name: z.string() })),
    attributes: z.array(CampaignAttributeSchema),
  }),
  /** The respondent's own saved progress (personal links only). */
  draft: z
    .object({
      answers: RespondAnswersSchema,
      language: SurveyLocaleSchema,
      consentedAt: IsoDateSchema.nullable(),
    })
    .nullable(),
  /** True when another browser already consented with this link (its draft stays private). */
  isClaimed: z.boolean(),
  submittedAt: IsoDateSchema.nullable(),
});
export type RespondSession = z.infer<typeof RespondSessionSchema>;

export const RespondStartBodySchema = z.object({
  collectiveId: IdSchema.nullable().optional(),
  attributes: z.record(Text(60), Text(100)).optional(),
  language: SurveyLocaleSchema,
});
/**
 * The browser that consents gets a resume key (sent back as the `x-resume-key` header): drafts are
 * returned and saved only with it, so whoever else holds the link (e.g. the facilitator who sent it)
 * can never read the respondent's answers.
 */
export const RespondStartResultSchema = z.object({ token: z.string(), resumeKey: z.string() });
export const RespondConsentResultSchema = z.object({ ok: z.literal(true), resumeKey: z.string() });
export const RespondConsentBodySchema = z.object({ accepted: z.literal(true), language: SurveyLocaleSchema });
export const RespondSaveBodySchema = z.object({
  answers: RespondAnswersSchema,
  language: SurveyLocaleSchema,
});
export const RespondSubmitBodySchema = RespondSaveBodySchema;
export const RespondSubmitResultSchema = z.object({
  submittedAt: IsoDateSchema,
  /** True when this token had already submitted: the first submission stands. */
  isRepeat: z.boolean(),
});
export const RespondOkSchema = z.object({ ok: z.literal(true) });
