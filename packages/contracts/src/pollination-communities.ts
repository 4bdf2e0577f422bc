/**
 * REST schemas of communities of practice (issue 18): spaces, guest organisations (both owners agree),
 * members, contributions (posts, questions and answers, resources, events), files, moderation and
 * mention notifications; and the one-question adoption pulse. Names are prefixed `Community…`, `Pulse…`.
 */
import { ADOPTION_STAGES, COMMUNITY_ITEM_KINDS } from '@essaim/core/pollination';
import { z } from 'zod';
import { IdSchema, IsoDateSchema, OrgParamsSchema } from './identity.ts';

const Text = (max: number) => z.string().trim().max(max);
const Required = (max: number) => z.string().trim().min(1).max(max);

export const CommunityItemKindSchema = z.enum(COMMUNITY_ITEM_KINDS);
export const CommunityParamsSchema = OrgParamsSchema.extend({ communityId: IdSchema });
export const CommunityItemParamsSchema = CommunityParamsSchema.extend({ contributionId: IdSchema });

export const CommunityCreateBodySchema = z.object({
  title: Required(200),
  theme: Text(200).default(''),
  description: Text(4000).default(''),
});
export type CommunityCreateBody = z.infer<typeof CommunityCreateBodySchema>;

export const CommunityInviteBodySchema = z.object({ orgId: IdSchema });

const CommunitySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string(),
  description: z.string(),
  hostOrganisation: z.string(),
  isHost: z.boolean(),
  memberCount: z.number().int(),
  isMember: z.boolean(),
});

export const CommunityListSchema = z.object({
  communities: z.array(CommunitySummarySchema),
  invitations: z.array(
    z.object({
      communityId: z.string(),
      title: z.string(),
      theme: z.string(),
      hostOrganisation: z.string(),
      invitedAt: IsoDateSchema,
    }),
  ),
});
export type CommunityList = z.infer<typeof CommunityListSchema>;

export const CommunityViewSchema = CommunitySummarySchema.extend({
  role: z.enum(['member', 'moderator']).nullable(),
  canModerate: z.boolean(),
  /** Whether the caller receives the e-mail digest of this community (when SMTP is configured). */
  digest: z.boolean(),
  canInvite: z.boolean(),
  organisations: z.array(z.object({ name: z.string(), host: z.boolean(), accepted: z.boolean() })),
});
export type CommunityView = z.infer<typeof CommunityViewSchema>;

export const CommunityMemberListSchema = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      organisation: z.string(),
      role: z.enum(['member', 'moderator']),
      joinedAt: IsoDateSchema,
    }),
  ),
});
export type CommunityMemberList = z.infer<typeof CommunityMemberListSchema>;

const FileUploadSchema = z.object({
  name: Required(200),
  /** The file's bytes in base64 (the server checks its size and sniffs its type from the bytes). */
  contentBase64: z.string().max(3_000_000),
});

export const CommunityItemCreateBodySchema = z.object({
  kind: CommunityItemKindSchema,
  title: Text(300).default(''),
  body: Text(10_000).default(''),
  /** The question an answer answers. */
  parentId: IdSchema.nullable().default(null),
  url: z
    .string()
    .trim()
    .url()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u), 'http(s) links only')
    .nullable()
    .default(null),
  startsAt: z.string().datetime({ offset: true }).nullable().default(null),
  place: Text(300).nullable().default(null),
  file: FileUploadSchema.nullable().default(null),
});
export type CommunityItemCreateBody = z.infer<typeof CommunityItemCreateBodySchema>;

export const CommunityItemSchema = z.object({
  id: z.string(),
  kind: CommunityItemKindSchema,
  parentId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  author: z.string().nullable(),
  authorOrganisation: z.string().nullable(),
  mine: z.boolean(),
  useful: z.boolean(),
  file: z.object({ name: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
  createdAt: IsoDateSchema,
  /** Only moderators ever receive hidden items (with the reason) and report counts. */
  hidden: z.object({ reason: z.string(), at: IsoDateSchema }).nullable(),
  reports: z.number().int().nullable(),
});
export type CommunityItem = z.infer<typeof CommunityItemSchema>;
export const CommunityItemListSchema = z.object({ items: z.array(CommunityItemSchema) });
export type CommunityItemList = z.infer<typeof CommunityItemListSchema>;

export const CommunityUsefulBodySchema = z.object({ useful: z.boolean() });
export const CommunityReportBodySchema = z.object({ reason: Required(1000) });
export const CommunityHideBodySchema = z.object({ hidden: z.boolean(), reason: Text(1000).default('') });
export const CommunityDigestBodySchema = z.object({ digest: z.boolean() });

// ---- adoption pulse ----------------------------------------------------------------------

export const PulseCreateBodySchema = z.object({ collectiveId: IdSchema });
export const PulseParamsSchema = OrgParamsSchema.extend({ planId: IdSchema, pulseId: IdSchema });
export const PulseTokenParamsSchema = z.object({ token: z.string().min(20).max(100) });
export const PulseAnswerBodySchema = z.object({ stage: z.enum(ADOPTION_STAGES) });

/** The token is returned once, at creation, with its absolute link and that link's QR code (an SVG document). */
export const PulseCreatedSchema = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  qrSvg: z.string(),
});
export const PulseQuestionSchema = z.object({
  practice: z.string(),
  collective: z.string(),
  open: z.boolean(),
});
export type PulseQuestion = z.infer<typeof PulseQuestionSchema>;
