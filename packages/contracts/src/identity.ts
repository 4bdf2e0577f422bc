import { ROLES } from '@essaim/core';
import { LANGUAGES } from '@essaim/core/methods';
import { z } from 'zod';

export const RoleSchema = z.enum(ROLES);
export const LanguageSchema = z.enum(LANGUAGES);
export const IdSchema = z.string().min(1).max(64);
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'a valid email address' }));
/** NIST SP 800-63B: length over composition rules; 10 to 200 characters. */
export const PasswordSchema = z.string().min(10, 'at least 10 characters').max(200);
export const DisplayNameSchema = z.string().trim().min(1).max(120);
export const IsoDateSchema = z.string();

// ---- setup and sessions ---------------------------------------------------------------

export const SetupStatusSchema = z.object({ needed: z.boolean() });
export const SetupBodySchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  language: LanguageSchema.optional(),
});
export type SetupBody = z.infer<typeof SetupBodySchema>;

export const SignInBodySchema = z.object({ email: EmailSchema, password: z.string().min(1).max(200) });
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  language: LanguageSchema,
  isAdmin: z.boolean(),
  createdAt: IsoDateSchema,
});
export type User = z.infer<typeof UserSchema>;

export const MembershipSummarySchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  role: RoleSchema,
  /** Actions this role may perform (from the core permission map). */
  actions: z.array(z.string()),
});
export type MembershipSummary = z.infer<typeof MembershipSummarySchema>;

export const MeSchema = z.object({ user: UserSchema, memberships: z.array(MembershipSummarySchema) });
export type Me = z.infer<typeof MeSchema>;

export const UpdateMeBodySchema = z
  .object({ displayName: DisplayNameSchema.optional(), language: LanguageSchema.optional() })
  .refine((v) => v.displayName !== undefined || v.language !== undefined, 'nothing to change');

export const SessionSchema = z.object({
  id: IdSchema,
  createdAt: IsoDateSchema,
  lastSeenAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;
export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) });

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});
export const PasswordResetRequestBodySchema = z.object({ email: EmailSchema });
export const PasswordResetConfirmBodySchema = z.object({
  token: z.string().min(20).max(200),
  newPassword: PasswordSchema,
});

export const DeleteAccountBodySchema = z.object({
  password: z.string().min(1).max(200),
  /** The user typed their email to confirm. */
  confirmEmail: EmailSchema,
});

export const DeletionPreviewSchema = z.object({
  organisations: z.array(
    z.object({
      orgId: IdSchema,
      orgName: z.string(),
      policy: z.enum(['anonymise', 'delete']),
      /** Sole owner of an organisation that has other members: hand over ownership first. */
      soleOwner: z.boolean(),
      /** The person is its only member: the organisation is deleted with the account. */
      deletedWithAccount: z.boolean(),
    }),
  ),
  canDelete: z.boolean(),
});

// ---- organisations ---------------------------------------------------------------------

/** What happens to a departing person's contributions (GDPR erasure). */
export const ContributionPolicySchema = z.enum(['anonymise', 'delete']);

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  contributionPolicy: ContributionPolicySchema,
  /** Minimum respondents for any survey score (never below 5). */
  minGroupSize: z.number().int(),
  /** Minimum respondents before open answers show (never below 10). */
  minTextGroupSize: z.number().int(),
  createdAt: IsoDateSchema,
  role: RoleSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;
export const OrganisationListSchema = z.object({ organisations: z.array(OrganisationSchema) });

export const CreateOrganisationBodySchema = z.object({
  name: z.string().trim().min(2).max(120),
  contributionPolicy: ContributionPolicySchema.optional(),
});
export const UpdateOrganisationBodySchema = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    contributionPolicy: ContributionPolicySchema.optional(),
    minGroupSize: z.number().int().min(5).max(1000).optional(),
    minTextGroupSize: z.number().int().min(10).max(1000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');

export const OrgParamsSchema = z.object({ orgId: IdSchema });
export const OrgUserParamsSchema = z.object({ orgId: IdSchema, userId: IdSchema });
export const OrgInvitationParamsSchema = z.object({ orgId: IdSchema, invitationId: IdSchema });

export const MemberSchema = z.object({
  userId: IdSchema,
  displayName: z.string(),
  email: z.string(),
  role: RoleSchema,
  joinedAt: IsoDateSchema,
});
export const MemberListSchema = z.object({ members: z.array(MemberSchema) });
export const ChangeRoleBodySchema = z.object({ role: RoleSchema });

export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  role: RoleSchema,
  expiresAt: IsoDateSchema,
  createdAt: IsoDateSchema,
  invitedBy: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });
export const CreateInvitationBodySchema = z.object({
  email: EmailSchema,
  role: RoleSchema,
  /** Days before the link expires (1–30, default 7). */
  expiresInDays: z.number().int().min(1).max(30).optional(),
});
/** The link is returned once, to the inviter, so it can be shared when no SMTP server is configured. */
export const CreatedInvitationSchema = z.object({
  invitation: InvitationSchema,
  link: z.string(),
  emailed: z.boolean(),
});

export const InvitationTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });
export const InvitationPreviewSchema = z.object({
  orgName: z.string(),
  role: RoleSchema,
  email: z.string(),
  expiresAt: IsoDateSchema,
  /** An account with this email exists: sign in to accept; otherwise create one. */
  accountExists: z.boolean(),
});
export const AcceptInvitationBodySchema = z.object({
  /** Only to create an account at the same time (the invited email becomes the account's email). */
  displayName: DisplayNameSchema.optional(),
  password: PasswordSchema.optional(),
});

// ---- audit -----------------------------------------------------------------------------

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: IsoDateSchema,
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectKind: z.string().nullable(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditQuerySchema = z.object({
  action: z.string().max(80).optional(),
  actorUserId: IdSchema.optional(),
  objectKind: z.string().max(40).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.string().max(80).optional(),
});
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextBefore: z.string().nullable(),
});

export const OkSchema = z.object({ ok: z.literal(true) });
