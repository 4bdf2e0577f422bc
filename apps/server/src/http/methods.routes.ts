import {
  CreateCustomMethodBodySchema,
  MethodDetailSchema,
  MethodListSchema,
  MethodNoteBodySchema,
  MethodNoteListSchema,
  MethodNoteParamsSchema,
  MethodParamsSchema,
  MethodsQuerySchema,
  OrgParamsSchema,
  UpdateCustomMethodBodySchema,
  UpdateMethodNoteBodySchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import {
  addMethodNote,
  createCustomMethod,
  deleteCustomMethod,
  deleteMethodNote,
  listMethods,
  readMethod,
  updateCustomMethod,
  updateMethodNote,
} from '../services/methods.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/** The method library of an organisation: shared catalogue, its own methods, private notes and variants. */
export async function methodRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['methods'];
  const base = '/api/orgs/:orgId/methods';

  app.get(
    base,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: MethodsQuerySchema,
        response: { 200: MethodListSchema },
      },
    },
    async (request) => listMethods(db, await requireOrgScope(request, 'org.read'), request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreateCustomMethodBodySchema,
        response: { 200: MethodDetailSchema },
      },
    },
    async (request) =>
      createCustomMethod(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    `${base}/:methodId`,
    { schema: { tags, params: MethodParamsSchema, response: { 200: MethodDetailSchema } } },
    async (request) => readMethod(db, await requireOrgScope(request, 'org.read'), request.params.methodId),
  );

  app.patch(
    `${base}/:methodId`,
    {
      schema: {
        tags,
        params: MethodParamsSchema,
        body: UpdateCustomMethodBodySchema,
        response: { 200: MethodDetailSchema },
      },
    },
    async (request) =>
      updateCustomMethod(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.methodId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/:methodId`,
    { schema: { tags, params: MethodParamsSchema, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await deleteCustomMethod(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.methodId,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/:methodId/notes`,
    {
      schema: {
        tags,
        params: MethodParamsSchema,
        body: MethodNoteBodySchema,
        response: { 200: MethodNoteListSchema },
      },
    },
    async (request) =>
      addMethodNote(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.methodId,
        request.body,
        actorOf(request),
      ),
  );

  app.patch(
    `${base}/:methodId/notes/:noteId`,
    {
      schema: {
        tags,
        params: MethodNoteParamsSchema,
        body: UpdateMethodNoteBodySchema,
        response: { 200: MethodNoteListSchema },
      },
    },
    async (request) =>
      updateMethodNote(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.methodId,
        request.params.noteId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/:methodId/notes/:noteId`,
    { schema: { tags, params: MethodNoteParamsSchema, response: { 200: MethodNoteListSchema } } },
    async (request) =>
      deleteMethodNote(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.methodId,
        request.params.noteId,
        actorOf(request),
      ),
  );
}
