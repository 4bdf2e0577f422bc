import {
  CommunityCreateBodySchema,
  CommunityDigestBodySchema,
  CommunityHideBodySchema,
  CommunityInviteBodySchema,
  CommunityItemCreateBodySchema,
  CommunityItemListSchema,
  CommunityItemParamsSchema,
  CommunityListSchema,
  CommunityMemberListSchema,
  CommunityParamsSchema,
  CommunityReportBodySchema,
  CommunityUsefulBodySchema,
  CommunityViewSchema,
  OrgParamsSchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import {
  acceptInvitation,
  createCommunity,
  createItem,
  hideItem,
  inviteOrganisation,
  joinCommunity,
  leaveCommunity,
  listCommunities,
  listItems,
  listMembers,
  markUseful,
  readCommunity,
  readFile,
  reportItem,
  setDigest,
} from '../services/pollination-communities.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/**
 * Communities of practice. Every route reads `org.read` in the organisation of the URL, then reaches the
 * community only if that organisation hosts it or accepted its invitation; the service checks the rest
 * (joined to contribute, moderator to hide, owner to invite or accept).
 */
export async function pollinationCommunityRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['pollination'];
  const base = '/api/orgs/:orgId/pollination/communities';
  const one = `${base}/:communityId`;
  const item = `${one}/items/:contributionId`;

  app.get(
    base,
    { schema: { tags, params: OrgParamsSchema, response: { 200: CommunityListSchema } } },
    async (request) => listCommunities(db, await requireOrgScope(request, 'org.read')),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CommunityCreateBodySchema,
        response: { 200: CommunityViewSchema },
      },
    },
    async (request) =>
      createCommunity(db, await requireOrgScope(request, 'org.read'), request.body, actorOf(request)),
  );

  app.get(
    one,
    { schema: { tags, params: CommunityParamsSchema, response: { 200: CommunityViewSchema } } },
    async (request) =>
      readCommunity(db, await requireOrgScope(request, 'org.read'), request.params.communityId),
  );

  app.post(
    `${one}/invitations`,
    {
      schema: {
        tags,
        params: CommunityParamsSchema,
        body: CommunityInviteBodySchema,
        response: { 200: CommunityViewSchema },
      },
    },
    async (request) =>
      inviteOrganisation(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.communityId,
        request.body.orgId,
        actorOf(request),
      ),
  );

  app.post(
    `${one}/accept`,
    { schema: { tags, params: CommunityParamsSchema, response: { 200: CommunityViewSchema } } },
    async (request) =>
      acceptInvitation(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.communityId,
        actorOf(request),
      ),
  );

  app.post(
    `${one}/join`,
    { schema: { tags, params: CommunityParamsSchema, response: { 200: CommunityViewSchema } } },
    async (request) =>
      joinCommunity(db, await requireOrgScope(request, 'org.read'), request.params.communityId),
  );

  app.post(
    `${one}/leave`,
    { schema: { tags, params: CommunityParamsSchema, response: { 200: CommunityViewSchema } } },
    async (request) =>
      leaveCommunity(db, await requireOrgScope(request, 'org.read'), request.params.communityId),
  );

  app.put(
    `${one}/digest`,
    {
      schema: {
        tags,
        params: CommunityParamsSchema,
        body: CommunityDigestBodySchema,
        response: { 200: CommunityDigestBodySchema },
      },
    },
    async (request) =>
      setDigest(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.communityId,
        request.body.digest,
      ),
  );

  app.get(
    `${one}/members`,
    { schema: { tags, params: CommunityParamsSchema, response: { 200: CommunityMemberListSchema } } },
    async (request) =>
      listMembers(db, await requireOrgScope(request, 'org.read'), request.params.communityId),
  );

  app.get(
    `${one}/items`,
    { schema: { tags, params: CommunityParamsSchema, response: { 200: CommunityItemListSchema } } },
    async (request) => listItems(db, await requireOrgScope(request, 'org.read'), request.params.communityId),
  );

  app.post(
    `${one}/items`,
    {
      // A file travels as base64 inside the JSON body: 2 MiB of bytes is about 2.7 MB of text.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        params: CommunityParamsSchema,
        body: CommunityItemCreateBodySchema,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) =>
      createItem(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.communityId,
        request.body,
        actorOf(request),
      ),
  );

  app.get(`${item}/file`, { schema: { tags, params: CommunityItemParamsSchema } }, async (request, reply) => {
    const file = await readFile(
      db,
      await requireOrgScope(request, 'org.read'),
      request.params.communityId,
      request.params.contributionId,
    );
    const ascii = file.name.replace(/[^\w.-]+/g, '_');
    return reply
      .type(file.mime)
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .send(file.data);
  });

  app.post(
    `${item}/useful`,
    {
      schema: {
        tags,
        params: CommunityItemParamsSchema,
        body: CommunityUsefulBodySchema,
        response: { 200: CommunityUsefulBodySchema },
      },
    },
    async (request) =>
      markUseful(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.communityId,
        request.params.contributionId,
        request.body.useful,
      ),
  );

  app.post(
    `${item}/report`,
    {
      schema: {
        tags,
        params: CommunityItemParamsSchema,
        body: CommunityReportBodySchema,
        response: { 200: z.object({ reported: z.boolean() }) },
      },
    },
    async (request) =>
      reportItem(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.communityId,
        request.params.contributionId,
        request.body.reason,
        actorOf(request),
      ),
  );

  app.post(
    `${item}/hide`,
    {
      schema: {
        tags,
        params: CommunityItemParamsSchema,
        body: CommunityHideBodySchema,
        response: { 200: z.object({ hidden: z.boolean() }) },
      },
    },
    async (request) =>
      hideItem(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.communityId,
        request.params.contributionId,
        request.body,
        actorOf(request),
      ),
  );
}
