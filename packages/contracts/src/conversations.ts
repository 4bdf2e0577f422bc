/**
 * REST schemas of the conversations feature: opinion-mapping conversations (Polis-style) where
 * participants vote agree / disagree / pass on short statements and the server maps the groups.
 * Names are prefixed with `Conversation` to avoid clashes with other features.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, OrgParamsSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);

/** Longest statement, as in Polis (140 characters there; French needs a little more room). */
export const CONVERSATION_STATEMENT_MAX = 280;

export const ConversationStatusSchema = z.enum(['open', 'closed']);
export const ConversationModerationSchema = z.enum(['pending', 'accepted', 'rejected']);
/** Polis export convention: agree = 1, disagree = -1, pass = 0. */
export const ConversationVoteValueSchema = z.union([z.literal(1), z.literal(-1), z.literal(0)]);

export const ConversationParamsSchema = OrgParamsSchema.extend({ conversationId: IdSchema });
export const ConversationStatementParamsSchema = ConversationParamsSchema.extend({ statementId: IdSchema });
/** Capability URL of a conversation: whoever holds the link may join as an anonymous participant. */
export const ConversationJoinParamsSchema = z.object({ joinCode: z.string().min(16).max(64) });
export const ConversationListQuerySchema = z.object({ engagementId: IdSchema.optional() });

export const ConversationStatementSchema = z.object({
  id: IdSchema,
  /** Polis comment id: a small integer, stable inside the conversation. */
  number: z.number().int(),
  text: z.string(),
  status: ConversationModerationSchema,
  /** Seeded by the facilitator (true) or submitted by a participant (false). */
  isSeed: z.boolean(),
  agree: z.number().int(),
  disagree: z.number().int(),
  pass: z.number().int(),
  createdAt: IsoDateSchema,
});
export type ConversationStatement = z.infer<typeof ConversationStatementSchema>;

export const ConversationSummarySchema = z.object({
  id: IdSchema,
  engagementId: IdSchema.nullable(),
  /** A live workshop that embeds this conversation as an activity, if any. */
  workshopId: IdSchema.nullable(),
  title: z.string(),
  topic: z.string(),
  status: ConversationStatusSchema,
  participants: z.number().int(),
  votes: z.number().int(),
  createdAt: IsoDateSchema,
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;
export const ConversationListSchema = z.object({ conversations: z.array(ConversationSummarySchema) });

export const ConversationSchema = ConversationSummarySchema.extend({
  allowParticipantStatements: z.boolean(),
  /** Joining code of the participant link; only shown to those who run the conversation. */
  joinCode: z.string().nullable(),
  /** Accepted statements for everyone; pending and rejected ones too for those who moderate. */
  statements: z.array(ConversationStatementSchema),
  canModerate: z.boolean(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const CreateConversationBodySchema = z.object({
  title: Text(200).min(1),
  /** The question put to participants, e.g. « Comment mieux travailler entre équipes ? ». */
  topic: Text(2000).default(''),
  engagementId: IdSchema.optional(),
  workshopId: IdSchema.optional(),
  allowParticipantStatements: z.boolean().default(true),
});
export const UpdateConversationBodySchema = z.object({
  title: Text(200).min(1).optional(),
  topic: Text(2000).optional(),
  status: ConversationStatusSchema.optional(),
  allowParticipantStatements: z.boolean().optional(),
});
export const ConversationStatementBodySchema = z.object({
  text: Text(CONVERSATION_STATEMENT_MAX).min(3),
});
export const ModerateStatementBodySchema = z.object({ status: ConversationModerationSchema });

export const ConversationImportBodySchema = z.object({
  /** Polis `votes.csv` text (timestamp,datetime,comment-id,voter-id,vote). */
  votesCsv: z.string().min(1).max(20_000_000),
  /** Polis `comments.csv` text (timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body). */
  commentsCsv: z.string().min(1).max(5_000_000),
});
export const ConversationImportResultSchema = z.object({
  statements: z.number().int(),
  participants: z.number().int(),
  votes: z.number().int(),
});

// ---- results -----------------------------------------------------------------------------

export const ConversationDirectionSchema = z.enum(['agree', 'disagree']);
export const ConversationPointSchema = z.object({
  /** Participant number in this conversation (Polis voter id); never a name. */
  id: z.string(),
  group: z.number().int().nullable(),
  x: z.number(),
  y: z.number(),
  isIncluded: z.boolean(),
});
export const ConversationGroupSchema = z.object({
  id: z.number().int(),
  size: z.number().int(),
  representative: z.array(
    z.object({
      statementId: IdSchema,
      direction: ConversationDirectionSchema,
      /** Share of the group voting in that direction (with Polis pseudocounts). */
      share: z.number(),
      /** How much more than the rest of the room (Polis repness ratio). */
      ratio: z.number(),
    }),
  ),
});
export const ConversationConsensusSchema = z.object({
  statementId: IdSchema,
  direction: ConversationDirectionSchema,
  share: z.number(),
});
export const ConversationBridgeSchema = z.object({
  statementId: IdSchema,
  /** Smallest agreement share among the groups. */
  minGroupAgree: z.number(),
});
export const ConversationResultsSchema = z.object({
  /** 'polis' on larger conversations, 'small-group' under about 15 participants. */
  mode: z.enum(['polis', 'small-group']),
  explanation: z.object({ key: z.string(), data: z.record(z.string(), z.number()) }),
  points: z.array(ConversationPointSchema),
  groups: z.array(ConversationGroupSchema),
  consensus: z.array(ConversationConsensusSchema),
  bridging: z.array(ConversationBridgeSchema),
  /** Texts of every statement cited above, by id. */
  statements: z.record(z.string(), z.string()),
  computedAt: IsoDateSchema.nullable(),
  /** Votes received since this map was computed (it is refreshed a moment later). */
  isStale: z.boolean(),
  participants: z.number().int(),
  votes: z.number().int(),
});
export type ConversationResults = z.infer<typeof ConversationResultsSchema>;

// ---- participant (join link) ---------------------------------------------------------------

export const ConversationPublicSchema = z.object({
  title: z.string(),
  topic: z.string(),
  status: ConversationStatusSchema,
  allowParticipantStatements: z.boolean(),
  /** Engagement stopped or paused: no vote is accepted. */
  isInputClosed: z.boolean(),
  statements: z.number().int(),
});
export const ConversationJoinBodySchema = z.object({}).strict();
export const ConversationJoinResultSchema = z.object({
  /** Participant token: keep it on this device, send it as the `x-participant-token` header. */
  token: z.string(),
});
export const ConversationVoteBodySchema = z.object({
  statementId: IdSchema,
  vote: ConversationVoteValueSchema,
});
export const ConversationMeSchema = z.object({
  /** The next statement to vote on, chosen by routing priority; null when none is left. */
  next: z.object({ id: IdSchema, text: z.string() }).nullable(),
  voted: z.number().int(),
  remaining: z.number().int(),
  /** Statements I submitted that wait for moderation. */
  pending: z.number().int(),
  /** Where I stand on the latest map; null before I voted enough to be placed. */
  position: z
    .object({
      x: z.number(),
      y: z.number(),
      group: z.number().int().nullable(),
      isIncluded: z.boolean(),
    })
    .nullable(),
  results: ConversationResultsSchema.nullable(),
});
export type ConversationMe = z.infer<typeof ConversationMeSchema>;

// ---- inside a live workshop ----------------------------------------------------------------

/** The opinion map of one workshop, facilitator side (organisation-scoped). */
export const ConversationWorkshopParamsSchema = OrgParamsSchema.extend({ workshopId: IdSchema });
/** The opinion map of one workshop, participant side (the workshop's participant cookie). */
export const ConversationWorkshopPublicParamsSchema = z.object({ workshopId: IdSchema });

export const ConversationWorkshopOpenBodySchema = z.object({
  /** Defaults to the workshop's title. */
  title: Text(200).min(1).optional(),
  topic: Text(2000).default(''),
  allowParticipantStatements: z.boolean().default(true),
  /** Statements seeded when the map is created (ignored when it already exists). */
  statements: z.array(Text(CONVERSATION_STATEMENT_MAX).min(3)).max(50).default([]),
});
/** The workshop's opinion map, or null while the facilitator has not opened one. */
export const ConversationWorkshopLinkSchema = z.object({ conversation: ConversationSchema.nullable() });
export type ConversationWorkshopLink = z.infer<typeof ConversationWorkshopLinkSchema>;

export const ConversationWorkshopJoinResultSchema = z.object({
  /** Join code of the linked conversation: the participant routes are `/api/conversations/join/:joinCode/…`. */
  joinCode: z.string(),
  /** Conversation participant token (same for every call from the same workshop participant). */
  token: z.string(),
  /** The name the participant chose in the workshop, or null when they stayed anonymous. */
  displayName: z.string().nullable(),
  conversation: ConversationPublicSchema,
});
export type ConversationWorkshopJoinResult = z.infer<typeof ConversationWorkshopJoinResultSchema>;
/** Whether a workshop has an opinion map yet, asked by its participants' phones (200 either way). */
export const ConversationWorkshopStatusSchema = z.object({ isOpen: z.boolean() });
export type ConversationWorkshopStatus = z.infer<typeof ConversationWorkshopStatusSchema>;
