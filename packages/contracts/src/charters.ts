/**
 * REST and WebSocket schemas of the charters feature: charters per engagement, named versions and
 * their clause diff, comments, amendments, adoption, commitments, participant tokens, and the
 * `charter.*` socket family that carries Yjs sync and awareness (base64 inside JSON, like every other
 * message on `/ws`). Names are prefixed `Charter…`.
 */
import {
  AMENDMENT_STATUSES,
  CHARTER_KINDS,
  CHARTER_STATUSES,
  CLAUSE_KINDS,
  type Clause,
  COMMENT_STATUSES,
  COMMITMENT_STATES,
} from '@essaim/core/charters';
import { z } from 'zod';
import { DecisionRuleSchema } from './decisions.ts';
import { EngagementParamsSchema } from './engagements.ts';
import { IdSchema, IsoDateSchema } from './identity.ts';

const Required = (max: number) => z.string().trim().min(1).max(max);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const ClauseIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a clause id');
export const ContentHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a content hash');
/** Base64 of a Yjs update or state vector; 64 KiB per socket message bounds it. */
const Base64 = z
  .string()
  .max(60_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const CharterKindSchema = z.enum(CHARTER_KINDS);
export const CharterStatusSchema = z.enum(CHARTER_STATUSES);
export const CharterLocaleSchema = z.enum(['fr', 'en']);

export const ClauseSchema = z.object({
  id: ClauseIdSchema,
  kind: z.enum(CLAUSE_KINDS),
  level: z.number().int().min(0).max(6),
  text: z.string().max(20_000),
}) satisfies z.ZodType<Clause>;

export const CharterParamsSchema = EngagementParamsSchema.extend({ charterId: IdSchema });
export const CharterVersionParamsSchema = CharterParamsSchema.extend({ versionId: IdSchema });
export const CharterCommentParamsSchema = CharterParamsSchema.extend({ commentId: IdSchema });
export const CharterAmendmentParamsSchema = CharterParamsSchema.extend({ amendmentId: IdSchema });

export const CharterCreateBodySchema = z.object({
  title: Required(200),
  kind: CharterKindSchema.default('blank'),
  locale: CharterLocaleSchema.default('fr'),
  collectiveId: IdSchema.nullable().optional(),
  reviewOn: DateOnly.nullable().optional(),
  /** The group agreed that an editor may accept or reject amendments without a decision round. */
  editorsMayDecide: z.boolean().optional(),
});
export const CharterUpdateBodySchema = z.object({
  title: Required(200).optional(),
  reviewOn: DateOnly.nullable().optional(),
  editorsMayDecide: z.boolean().optional(),
});

export const CharterSummarySchema = z.object({
  id: IdSchema,
  engagementId: IdSchema,
  title: z.string(),
  kind: CharterKindSchema,
  locale: CharterLocaleSchema,
  status: CharterStatusSchema,
  collectiveId: IdSchema.nullable(),
  reviewOn: z.string().nullable(),
  isReviewDue: z.boolean(),
  adoptedHash: z.string().nullable(),
  adoptedVersionId: IdSchema.nullable(),
  adoptionDecisionId: IdSchema.nullable(),
  /** The open proposal (decisions capability) that decides the adoption of a frozen version, if any. */
  adoptionProposalId: IdSchema.nullable(),
  editorsMayDecide: z.boolean(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export const CharterListSchema = z.object({ charters: z.array(CharterSummarySchema) });

export const CharterRightsSchema = z.object({
  canEdit: z.boolean(),
  canComment: z.boolean(),
  canManage: z.boolean(),
  canCommit: z.boolean(),
  /** Why editing is refused right now (adopted text, stopped or paused engagement, role). */
  readOnlyReason: z.enum(['adopted', 'stopped', 'paused', 'role']).nullable(),
});

export const CharterDetailSchema = CharterSummarySchema.extend({
  clauses: z.array(ClauseSchema),
  contentHash: ContentHashSchema,
  rights: CharterRightsSchema,
});

export const CharterVersionSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  name: z.string(),
  contentHash: ContentHashSchema,
  clauseCount: z.number().int(),
  createdAt: IsoDateSchema,
  createdByName: z.string().nullable(),
});
export const CharterVersionListSchema = z.object({ versions: z.array(CharterVersionSchema) });
export const CharterVersionDetailSchema = CharterVersionSchema.extend({ clauses: z.array(ClauseSchema) });
export const CharterVersionCreateBodySchema = z.object({ name: Required(200) });

/** `current` is the live text; otherwise a version id. */
export const CharterDiffQuerySchema = z.object({
  from: IdSchema.default('current'),
  to: IdSchema.default('current'),
});
const WordSegmentSchema = z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() });
export const CharterDiffSchema = z.object({
  fromHash: ContentHashSchema,
  toHash: ContentHashSchema,
  summary: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    moved: z.number().int(),
    unchanged: z.number().int(),
  }),
  entries: z.array(
    z.object({
      id: ClauseIdSchema,
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      moved: z.boolean(),
      before: ClauseSchema.nullable(),
      after: ClauseSchema.nullable(),
      words: z.array(WordSegmentSchema).nullable(),
    }),
  ),
});

export const CharterCommentCreateBodySchema = z.object({
  clauseId: ClauseIdSchema,
  /** The words of the clause the comment is about (its anchor range, as text). */
  quote: z.string().max(2000).default(''),
  body: Required(4000),
});
export const CharterCommentSchema = z.object({
  id: IdSchema,
  clauseId: ClauseIdSchema,
  quote: z.string(),
  body: z.string(),
  status: z.enum(COMMENT_STATUSES),
  authorName: z.string(),
  createdAt: IsoDateSchema,
  resolvedAt: IsoDateSchema.nullable(),
});
export const CharterCommentListSchema = z.object({ comments: z.array(CharterCommentSchema) });
export const CharterCommentStatusBodySchema = z.object({ status: z.enum(COMMENT_STATUSES) });

export const CharterAmendmentCreateBodySchema = z.object({
  clauseId: ClauseIdSchema,
  text: z.string().trim().max(20_000),
  reason: z.string().trim().max(4000).default(''),
});
export const CharterAmendmentPositionBodySchema = z.object({
  value: z.enum(['consent', 'object']),
  reason: z.string().trim().max(2000).nullable().optional(),
});
export const CharterAmendmentDecideBodySchema = z.object({
  /** `rule`: close the round and apply the rule's outcome; `accept`/`reject`: an editor decides (when allowed). */
  by: z.enum(['rule', 'accept', 'reject']),
  rule: DecisionRuleSchema.default('consent'),
});
export const CharterAmendmentSchema = z.object({
  id: IdSchema,
  clauseId: ClauseIdSchema,
  originalText: z.string(),
  text: z.string(),
  reason: z.string(),
  status: z.enum(AMENDMENT_STATUSES),
  rule: DecisionRuleSchema.nullable(),
  decisionId: IdSchema.nullable(),
  /** The proposal round deciding this amendment (decisions capability), when it was put to a decision. */
  proposalId: IdSchema.nullable(),
  positions: z.object({ consent: z.number().int(), object: z.number().int() }),
  myPosition: z.enum(['consent', 'object']).nullable(),
  authorName: z.string(),
  createdAt: IsoDateSchema,
  decidedAt: IsoDateSchema.nullable(),
});
export const CharterAmendmentListSchema = z.object({ amendments: z.array(CharterAmendmentSchema) });

export const CharterAdoptBodySchema = z.object({
  /** Adopt this named version (default: a new version of the current text named `name`). */
  versionId: IdSchema.optional(),
  name: Required(200).optional(),
  rule: DecisionRuleSchema.default('consent'),
  decidedBy: z.enum(['group', 'sponsor']).default('group'),
  participantCount: z.number().int().min(0).max(100_000).default(0),
  outcome: z.string().trim().max(4000).nullable().optional(),
  reviewOn: DateOnly.nullable().optional(),
});
export const CharterAdoptionSchema = z.object({
  decisionId: IdSchema,
  versionId: IdSchema,
  contentHash: ContentHashSchema,
});

/** Put an amendment or the charter's adoption to a proposal round of the decisions capability (consent). */
export const CharterDecisionBodySchema = z.object({
  deadline: z.iso.datetime({ offset: true }),
  reviewOn: DateOnly.optional(),
});
export const CharterDecisionSchema = z.object({
  proposalId: IdSchema,
  decisionId: IdSchema,
  /** For an adoption: the frozen version under decision and its content hash. */
  versionId: IdSchema.nullable(),
  contentHash: ContentHashSchema.nullable(),
});

export const CharterCommitBodySchema = z.object({
  state: z.enum(COMMITMENT_STATES),
  versionHash: ContentHashSchema,
});
export const CharterCommitmentSchema = z.object({
  personId: IdSchema,
  name: z.string(),
  state: z.enum(COMMITMENT_STATES),
  versionHash: ContentHashSchema,
  at: IsoDateSchema,
});
export const CharterCommitmentsSchema = z.object({
  adoptedHash: z.string().nullable(),
  counts: z.object({
    committed: z.number().int(),
    declined: z.number().int(),
    withdrawn: z.number().int(),
    pending: z.number().int(),
    members: z.number().int(),
  }),
  /** Names are shown to the collective and the facilitator; the sponsor sees counts only (null). */
  people: z.array(CharterCommitmentSchema).nullable(),
});

export const CharterParticipantBodySchema = z.object({ personId: IdSchema });
export const CharterParticipantSchema = z.object({ token: z.string(), personId: IdSchema });
export const CharterPublicParamsSchema = z.object({ charterId: IdSchema });
export const CharterPublicDetailSchema = z.object({
  title: z.string(),
  status: CharterStatusSchema,
  clauses: z.array(ClauseSchema),
  contentHash: ContentHashSchema,
  adoptedHash: z.string().nullable(),
  personName: z.string(),
  myCommitment: z.enum(COMMITMENT_STATES).nullable(),
});

export const CharterTemplateSchema = z.object({
  kind: CharterKindSchema,
  title: z.string(),
  summary: z.string(),
  clauses: z.array(ClauseSchema),
});
export const CharterTemplateListSchema = z.object({ templates: z.array(CharterTemplateSchema) });

// ---- WebSocket: Yjs sync and awareness --------------------------------------------------------

/**
 * Client → server. `join` carries the client's state vector and gets back what it lacks (sync step 1
 * and 2 of the y-protocols sync protocol, as JSON); `update` is one local Yjs update, acknowledged by
 * `charter.ack` only once it is stored; `awareness` is a y-protocols awareness update (cursors,
 * names), relayed and never stored. A participant without an account sends their scoped token.
 */
export const CharterClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('charter.join'),
    charterId: IdSchema,
    stateVector: Base64,
    token: z.string().max(128).optional(),
  }),
  z.object({ type: z.literal('charter.leave'), charterId: IdSchema }),
  z.object({
    type: z.literal('charter.update'),
    charterId: IdSchema,
    updateId: z.string().min(1).max(64),
    update: Base64,
  }),
  z.object({ type: z.literal('charter.awareness'), charterId: IdSchema, update: Base64 }),
]);
export type CharterClientMessage = z.infer<typeof CharterClientMessageSchema>;

export const CharterServerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('charter.sync'),
    charterId: z.string(),
    /** What the client lacks, as one Yjs update (base64). */
    update: z.string(),
    stateVector: z.string(),
    readOnly: z.boolean(),
    readOnlyReason: z.string().nullable(),
  }),
  z.object({
    type: z.literal('charter.update'),
    charterId: z.string(),
    update: z.string(),
    /** Its place in the stored log; null when relayed to peers before being stored (the sender's ack says when it is). */
    seq: z.number().int().nullable(),
    /** The socket client that sent it (so it can skip its own). */
    from: z.string(),
  }),
  z.object({
    type: z.literal('charter.ack'),
    charterId: z.string(),
    updateId: z.string(),
    seq: z.number().int(),
  }),
  z.object({
    type: z.literal('charter.reject'),
    charterId: z.string(),
    updateId: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  }),
  z.object({
    type: z.literal('charter.awareness'),
    charterId: z.string(),
    update: z.string(),
    from: z.string(),
  }),
  /** Status, versions, comments or amendments changed: clients refetch over REST. */
  z.object({ type: z.literal('charter.changed'), charterId: z.string(), what: z.string() }),
]);
export type CharterServerMessage = z.infer<typeof CharterServerMessageSchema>;
