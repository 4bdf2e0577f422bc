import {
  AgendaExportQuerySchema,
  AgendaItemParamsSchema,
  AgendaListSchema,
  AgendaParamsSchema,
  AgendaQuerySchema,
  AgendaSchema,
  AgendaTemplateListSchema,
  AgendaWorkshopActivityBodySchema,
  AgendaWorkshopActivityResultSchema,
  CreateAgendaBodySchema,
  OrgParamsSchema,
  ReorderAgendaBodySchema,
  UpdateAgendaBodySchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import {
  createAgenda,
  deleteAgenda,
  exportAgendaJson,
  listAgendas,
  listAgendaTemplates,
  readAgenda,
  reorderAgenda,
  turnItemIntoWorkshopActivity,
  updateAgenda,
} from '../services/agendas.service.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';

/**
 * Session agendas: CRUD, reorder, templates, the JSON export (facilitator or participant version) and
 * turning an item into a live workshop activity.
 */
export async function agendaRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['agendas'];
  // The same live runtime as the workshop routes (one engine per workshop per process).
  const { live } = app.deps;
  const language = (request: FastifyRequest) =>
    requireSession(request).user.language === 'en' ? 'en' : 'fr';
  const base = '/api/orgs/:orgId/agendas';

  app.get(
    '/api/orgs/:orgId/agenda-templates',
    { schema: { tags, params: OrgParamsSchema, response: { 200: AgendaTemplateListSchema } } },
    async (request) => {
      await requireOrgScope(request, 'org.read');
      return listAgendaTemplates();
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: AgendaQuerySchema,
        response: { 200: AgendaListSchema },
      },
    },
    async (request) =>
      listAgendas(db, await requireOrgScope(request, 'engagement.read'), request.query.engagementId),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreateAgendaBodySchema,
        response: { 200: AgendaSchema },
      },
    },
    async (request) =>
      createAgenda(db, await requireOrgScope(request, 'methods.manage'), request.body, actorOf(request)),
  );

  app.get(
    `${base}/:agendaId`,
    { schema: { tags, params: AgendaParamsSchema, response: { 200: AgendaSchema } } },
    async (request) =>
      readAgenda(db, await requireOrgScope(request, 'engagement.read'), request.params.agendaId),
  );

  app.put(
    `${base}/:agendaId`,
    {
      schema: {
        tags,
        params: AgendaParamsSchema,
        body: UpdateAgendaBodySchema,
        response: { 200: AgendaSchema },
      },
    },
    async (request) =>
      updateAgenda(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.agendaId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/:agendaId/reorder`,
    {
      schema: {
        tags,
        params: AgendaParamsSchema,
        body: ReorderAgendaBodySchema,
        response: { 200: AgendaSchema },
      },
    },
    async (request) =>
      reorderAgenda(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.agendaId,
        request.body.itemIds,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/:agendaId`,
    { schema: { tags, params: AgendaParamsSchema, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await deleteAgenda(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.agendaId,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/:agendaId/items/:itemId/workshop-activity`,
    {
      schema: {
        tags,
        params: AgendaItemParamsSchema,
        body: AgendaWorkshopActivityBodySchema,
        response: { 200: AgendaWorkshopActivityResultSchema },
      },
    },
    async (request) =>
      turnItemIntoWorkshopActivity(
        db,
        live,
        await requireOrgScope(request, 'workshop.run'),
        request.params.agendaId,
        request.params.itemId,
        request.body ?? {},
        actorOf(request),
        language(request),
      ),
  );

  // The stable `essaim.agenda` v1 JSON, served as a download.
  app.get(
    `${base}/:agendaId/export`,
    { schema: { tags, params: AgendaParamsSchema, querystring: AgendaExportQuerySchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'engagement.read');
      const body = await exportAgendaJson(
        db,
        scope,
        request.params.agendaId,
        request.query.version,
        request.query.lang ?? language(request),
      );
      void reply.header(
        'content-disposition',
        `attachment; filename="agenda-${request.params.agendaId}.json"`,
      );
      return body;
    },
  );
}
