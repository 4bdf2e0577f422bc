import { z } from 'zod';
import { IdSchema, IsoDateSchema, RoleSchema } from './identity.ts';

/** Single sign-on (OpenID Connect) shapes: providers, sign-in start, linked accounts, org policy. */

/** What the sign-in page shows: one button per enabled provider. */
export const SsoPublicProviderSchema = z.object({
  id: IdSchema,
  name: z.string(),
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
});
export const SsoPublicProviderListSchema = z.object({ providers: z.array(SsoPublicProviderSchema) });
export type SsoPublicProvider = z.infer<typeof SsoPublicProviderSchema>;

const IssuerSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'an http(s) URL' }));

/** A provider as an administrator configures it; the client secret is write-only. */
export const SsoProviderSchema = z.object({
  id: IdSchema,
  orgId: IdSchema.nullable(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  scopes: z.string(),
  enabled: z.boolean(),
  allowJit: z.boolean(),
  jitRole: RoleSchema,
  /** The redirect URI to register at the provider. */
  redirectUri: z.string(),
  createdAt: IsoDateSchema,
});
export type SsoProvider = z.infer<typeof SsoProviderSchema>;
export const SsoProviderListSchema = z.object({ providers: z.array(SsoProviderSchema) });

export const SsoProviderBodySchema = z.object({
  name: z.string().trim().min(1).max(80),
  issuer: IssuerSchema,
  clientId: z.string().trim().min(1).max(200),
  /** Omitted on update: keep the stored secret. Empty string: a public client (PKCE only). */
  clientSecret: z.string().max(500).optional(),
  scopes: z
    .string()
    .trim()
    .max(200)
    .regex(/^[\w:.-]+( [\w:.-]+)*$/, 'space-separated scopes')
    .optional(),
  enabled: z.boolean().optional(),
  allowJit: z.boolean().optional(),
  jitRole: z.enum(['facilitator', 'sponsor', 'member', 'observer']).optional(),
});
export type SsoProviderBody = z.infer<typeof SsoProviderBodySchema>;
export const SsoProviderPatchSchema = SsoProviderBodySchema.partial();

export const SsoStartBodySchema = z.object({
  /** Where to land after signing in: a path of this site only. */
  returnTo: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])/, 'a path on this site')
    .optional(),
});
export const SsoStartSchema = z.object({ url: z.string() });

export const SsoSignOutSchema = z.object({
  ok: z.literal(true),
  /** The provider's end-session URL when the session came from SSO and the provider offers one. */
  providerSignOutUrl: z.string().nullable(),
});

export const SsoLinkSchema = z.object({
  providerId: IdSchema,
  providerName: z.string(),
  subject: z.string(),
  linkedAt: IsoDateSchema,
});
export const SsoLinkListSchema = z.object({ links: z.array(SsoLinkSchema) });

export const SsoPolicySchema = z.object({ requireSso: z.boolean() });
export type SsoPolicy = z.infer<typeof SsoPolicySchema>;

export const SsoProviderParamsSchema = z.object({ providerId: IdSchema });
export const SsoOrgProviderParamsSchema = z.object({ orgId: IdSchema, providerId: IdSchema });
