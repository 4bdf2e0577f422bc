import {
  OkSchema,
  OrgParamsSchema,
  SsoOrgProviderParamsSchema,
  SsoPolicySchema,
  SsoProviderBodySchema,
  SsoProviderListSchema,
  SsoProviderParamsSchema,
  SsoProviderPatchSchema,
  SsoProviderSchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { ssoRepository } from '../db/repositories/sso.repository.ts';
import { AppError } from '../lib/app-error.ts';
import {
  createProvider,
  deleteProvider,
  presentProvider,
  providerIn,
  setOrgPolicy,
  updateProvider,
} from '../services/sso.service.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';
import { siteOrigin, ssoCallbackPath } from './sso.routes.ts';

function requireInstanceAdmin(request: FastifyRequest): void {
  if (requireSession(request).user.is_admin !== 1) {
    throw new AppError('FORBIDDEN', 'only an instance administrator may do this');
  }
}

/**
 * Configuring identity providers: instance-wide ones by the instance administrator, an organisation's
 * own by its owner (`org.update`), and the organisation's "single sign-on only" policy.
 */
export async function ssoAdminRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['sso'];
  const present = (request: FastifyRequest) => (row: Parameters<typeof presentProvider>[0]) =>
    presentProvider(row, siteOrigin(request) + ssoCallbackPath);

  // ---- instance-wide providers ---------------------------------------------------------
  app.get(
    '/api/admin/sso/providers',
    { schema: { tags, response: { 200: SsoProviderListSchema } } },
    async (request) => {
      requireInstanceAdmin(request);
      return { providers: (await ssoRepository.listProviders(db, null)).map(present(request)) };
    },
  );
  app.post(
    '/api/admin/sso/providers',
    { schema: { tags, body: SsoProviderBodySchema, response: { 200: SsoProviderSchema } } },
    async (request) => {
      requireInstanceAdmin(request);
      return present(request)(await createProvider(db, null, request.body, actorOf(request)));
    },
  );
  app.patch(
    '/api/admin/sso/providers/:providerId',
    {
      schema: {
        tags,
        params: SsoProviderParamsSchema,
        body: SsoProviderPatchSchema,
        response: { 200: SsoProviderSchema },
      },
    },
    async (request) => {
      requireInstanceAdmin(request);
      const row = await providerIn(db, null, request.params.providerId);
      return present(request)(await updateProvider(db, row, request.body, actorOf(request)));
    },
  );
  app.delete(
    '/api/admin/sso/providers/:providerId',
    { schema: { tags, params: SsoProviderParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      requireInstanceAdmin(request);
      await deleteProvider(db, await providerIn(db, null, request.params.providerId), actorOf(request));
      return { ok: true as const };
    },
  );

  // ---- an organisation's providers and policy ----------------------------------------------
  app.get(
    '/api/orgs/:orgId/sso/providers',
    { schema: { tags, params: OrgParamsSchema, response: { 200: SsoProviderListSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.update');
      return { providers: (await ssoRepository.listProviders(db, scope.orgId)).map(present(request)) };
    },
  );
  app.post(
    '/api/orgs/:orgId/sso/providers',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: SsoProviderBodySchema,
        response: { 200: SsoProviderSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.update');
      return present(request)(await createProvider(db, scope.orgId, request.body, actorOf(request)));
    },
  );
  app.patch(
    '/api/orgs/:orgId/sso/providers/:providerId',
    {
      schema: {
        tags,
        params: SsoOrgProviderParamsSchema,
        body: SsoProviderPatchSchema,
        response: { 200: SsoProviderSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.update');
      const row = await providerIn(db, scope.orgId, request.params.providerId);
      return present(request)(await updateProvider(db, row, request.body, actorOf(request)));
    },
  );
  app.delete(
    '/api/orgs/:orgId/sso/providers/:providerId',
    { schema: { tags, params: SsoOrgProviderParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.update');
      await deleteProvider(
        db,
        await providerIn(db, scope.orgId, request.params.providerId),
        actorOf(request),
      );
      return { ok: true as const };
    },
  );
  app.get(
    '/api/orgs/:orgId/sso/policy',
    { schema: { tags, params: OrgParamsSchema, response: { 200: SsoPolicySchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.update');
      return { requireSso: await ssoRepository.requireSso(db, scope.orgId) };
    },
  );
  app.put(
    '/api/orgs/:orgId/sso/policy',
    { schema: { tags, params: OrgParamsSchema, body: SsoPolicySchema, response: { 200: SsoPolicySchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.update');
      await setOrgPolicy(db, scope.orgId, request.body.requireSso, actorOf(request));
      return { requireSso: request.body.requireSso };
    },
  );
}
