import {
  AcceptInvitationBodySchema,
  ChangeRoleBodySchema,
  CreatedInvitationSchema,
  CreateInvitationBodySchema,
  CreateOrganisationBodySchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationTokenParamsSchema,
  MemberListSchema,
  MeSchema,
  OkSchema,
  OrganisationListSchema,
  OrganisationSchema,
  OrgInvitationParamsSchema,
  OrgParamsSchema,
  OrgUserParamsSchema,
  UpdateOrganisationBodySchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import { requireScope } from '../services/access.service.ts';
import {
  acceptInvitation,
  changeRole,
  createInvitation,
  createOrganisation,
  getOrganisation,
  listInvitations,
  listMembers,
  previewInvitation,
  removeMember,
  revokeInvitation,
  updateOrganisation,
} from '../services/organisations.service.ts';
import { presentMe, presentOrganisation } from '../services/presenters.ts';
import { actorOf, requireOrgScope, requireSession, setSessionCookie } from './auth-plugin.ts';
import { publicOrigin } from './public-origin.ts';

export async function organisationRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['organisations'];

  app.get('/api/orgs', { schema: { tags, response: { 200: OrganisationListSchema } } }, async (request) => {
    const rows = await organisationsRepository.listForUser(db, requireSession(request).user.id);
    return { organisations: rows.map((r) => presentOrganisation(r, r.role)) };
  });

  app.post(
    '/api/orgs',
    { schema: { tags, body: CreateOrganisationBodySchema, response: { 200: OrganisationSchema } } },
    async (request) => createOrganisation(db, requireSession(request).user, request.body, actorOf(request)),
  );

  app.get(
    '/api/orgs/:orgId',
    { schema: { tags, params: OrgParamsSchema, response: { 200: OrganisationSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.read');
      return getOrganisation(db, scope);
    },
  );

  app.patch(
    '/api/orgs/:orgId',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: UpdateOrganisationBodySchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'org.update');
      return updateOrganisation(db, scope, request.body, actorOf(request));
    },
  );

  app.get(
    '/api/orgs/:orgId/members',
    { schema: { tags, params: OrgParamsSchema, response: { 200: MemberListSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'members.read');
      return { members: (await listMembers(db, scope)).map((m) => ({ ...m, role: m.role as 'member' })) };
    },
  );

  app.patch(
    '/api/orgs/:orgId/members/:userId',
    {
      schema: { tags, params: OrgUserParamsSchema, body: ChangeRoleBodySchema, response: { 200: OkSchema } },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'members.changeRole');
      await changeRole(db, scope, request.params.userId, request.body.role, actorOf(request));
      await app.sockets.closeUser(request.params.userId);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/orgs/:orgId/members/:userId',
    { schema: { tags, params: OrgUserParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      const me = requireSession(request).user.id;
      // Leaving is every member's right; removing someone else needs the permission.
      const action = request.params.userId === me ? 'org.read' : 'members.remove';
      const scope = await requireScope(db, me, request.params.orgId, action);
      await removeMember(db, scope, request.params.userId, actorOf(request));
      await app.sockets.closeUser(request.params.userId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/orgs/:orgId/invitations',
    { schema: { tags, params: OrgParamsSchema, response: { 200: InvitationListSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'members.invite');
      return { invitations: await listInvitations(db, scope) };
    },
  );

  app.post(
    '/api/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreateInvitationBodySchema,
        response: { 200: CreatedInvitationSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'members.invite');
      const publicUrl = publicOrigin(request);
      return createInvitation(db, scope, request.body, actorOf(request), {
        publicUrl,
        mailer: app.deps.mailer,
      });
    },
  );

  app.delete(
    '/api/orgs/:orgId/invitations/:invitationId',
    { schema: { tags, params: OrgInvitationParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'members.invite');
      await revokeInvitation(db, scope, request.params.invitationId, actorOf(request));
      return { ok: true as const };
    },
  );

  // Capability URLs: whoever holds the invitation link may see what it grants and accept it.
  app.get(
    '/api/invitations/:token',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, params: InvitationTokenParamsSchema, response: { 200: InvitationPreviewSchema } },
    },
    async (request) => previewInvitation(db, request.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        params: InvitationTokenParamsSchema,
        body: AcceptInvitationBodySchema,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const { user, sessionToken } = await acceptInvitation(
        db,
        request.params.token,
        request.session?.user ?? null,
        request.body,
        actorOf(request),
      );
      if (sessionToken) {
        setSessionCookie(request, reply, sessionToken, app.deps.config.publicUrl);
      }
      return presentMe(db, user);
    },
  );
}
