import {
  CollectiveListSchema,
  CollectiveParamsSchema,
  CollectiveSchema,
  ConsentListSchema,
  ConsentParamsSchema,
  ConsentSchema,
  CreateCollectiveBodySchema,
  CreatePersonBodySchema,
  ImportFileBodySchema,
  ImportPreviewSchema,
  ImportResultSchema,
  OkSchema,
  OrgParamsSchema,
  PeopleQuerySchema,
  PersonListSchema,
  PersonParamsSchema,
  PersonSchema,
  RecordConsentBodySchema,
  UpdateCollectiveBodySchema,
  UpdatePersonBodySchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import { peopleRepository } from '../db/repositories/people.repository.ts';
import {
  createCollective,
  createPerson,
  deleteCollective,
  deletePerson,
  listCollectives,
  listConsents,
  presentPeople,
  recordConsent,
  updateCollective,
  updatePerson,
  withdrawConsent,
} from '../services/people.service.ts';
import {
  commitImport,
  echoPreview,
  previewImport,
  readRosterFile,
} from '../services/roster-import.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

export async function peopleRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['collectives and people'];

  app.get(
    '/api/orgs/:orgId/collectives',
    { schema: { tags, params: OrgParamsSchema, response: { 200: CollectiveListSchema } } },
    async (request) => ({
      collectives: await listCollectives(db, await requireOrgScope(request, 'collective.read')),
    }),
  );
  app.post(
    '/api/orgs/:orgId/collectives',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreateCollectiveBodySchema,
        response: { 200: CollectiveSchema },
      },
    },
    async (request) =>
      createCollective(
        db,
        await requireOrgScope(request, 'collective.manage'),
        request.body,
        actorOf(request),
      ),
  );
  app.patch(
    '/api/orgs/:orgId/collectives/:collectiveId',
    {
      schema: {
        tags,
        params: CollectiveParamsSchema,
        body: UpdateCollectiveBodySchema,
        response: { 200: CollectiveSchema },
      },
    },
    async (request) =>
      updateCollective(
        db,
        await requireOrgScope(request, 'collective.manage'),
        request.params.collectiveId,
        request.body,
        actorOf(request),
      ),
  );
  app.delete(
    '/api/orgs/:orgId/collectives/:collectiveId',
    { schema: { tags, params: CollectiveParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await deleteCollective(
        db,
        await requireOrgScope(request, 'collective.manage'),
        request.params.collectiveId,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/orgs/:orgId/people',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: PeopleQuerySchema,
        response: { 200: PersonListSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'collective.read');
      return { people: await presentPeople(db, await peopleRepository.people(db, scope, request.query)) };
    },
  );
  app.post(
    '/api/orgs/:orgId/people',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreatePersonBodySchema,
        response: { 200: PersonSchema },
      },
    },
    async (request) =>
      createPerson(db, await requireOrgScope(request, 'collective.manage'), request.body, actorOf(request)),
  );
  app.patch(
    '/api/orgs/:orgId/people/:personId',
    {
      schema: {
        tags,
        params: PersonParamsSchema,
        body: UpdatePersonBodySchema,
        response: { 200: PersonSchema },
      },
    },
    async (request) =>
      updatePerson(
        db,
        await requireOrgScope(request, 'collective.manage'),
        request.params.personId,
        request.body,
        actorOf(request),
      ),
  );
  app.delete(
    '/api/orgs/:orgId/people/:personId',
    { schema: { tags, params: PersonParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await deletePerson(
        db,
        await requireOrgScope(request, 'collective.manage'),
        request.params.personId,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/orgs/:orgId/people/import/preview',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        params: OrgParamsSchema,
        body: ImportFileBodySchema,
        response: { 200: ImportPreviewSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'collective.manage');
      return echoPreview(
        await previewImport(
          db,
          scope,
          await readRosterFile(request.body.filename, request.body.contentBase64),
        ),
      );
    },
  );
  app.post(
    '/api/orgs/:orgId/people/import',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        params: OrgParamsSchema,
        body: ImportFileBodySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'collective.manage');
      return commitImport(
        db,
        scope,
        request.body.filename,
        await readRosterFile(request.body.filename, request.body.contentBase64),
        actorOf(request),
      );
    },
  );

  app.get(
    '/api/orgs/:orgId/people/:personId/consents',
    { schema: { tags, params: PersonParamsSchema, response: { 200: ConsentListSchema } } },
    async (request) => ({
      consents: await listConsents(
        db,
        await requireOrgScope(request, 'consent.manage'),
        request.params.personId,
      ),
    }),
  );
  app.post(
    '/api/orgs/:orgId/consents',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: RecordConsentBodySchema,
        response: { 200: ConsentSchema },
      },
    },
    async (request) =>
      recordConsent(db, await requireOrgScope(request, 'consent.manage'), request.body, actorOf(request)),
  );
  app.post(
    '/api/orgs/:orgId/consents/:consentId/withdraw',
    { schema: { tags, params: ConsentParamsSchema, response: { 200: ConsentSchema } } },
    async (request) =>
      withdrawConsent(
        db,
        await requireOrgScope(request, 'consent.manage'),
        request.params.consentId,
        actorOf(request),
      ),
  );
}
