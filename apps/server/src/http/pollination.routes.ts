import {
  DiffusionAdoptionBodySchema,
  DiffusionCandidatesSchema,
  DiffusionPlanBodySchema,
  DiffusionPlanListSchema,
  DiffusionPlanParamsSchema,
  DiffusionPlanViewSchema,
  EngagementParamsSchema,
  ExperienceAnonymiseBodySchema,
  ExperienceContactConsentBodySchema,
  ExperienceContactParamsSchema,
  ExperienceCreateBodySchema,
  ExperienceDraftSchema,
  ExperienceListSchema,
  ExperienceParamsSchema,
  ExperienceShareBodySchema,
  ExperienceUpdateBodySchema,
  ExperienceViewSchema,
  LibraryQuerySchema,
  LibraryResultSchema,
  OrgParamsSchema,
  PollinationSettingsBodySchema,
  PollinationSettingsSchema,
  SimilarQuerySchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import {
  changeAgentCandidates,
  createPlan,
  deletePlan,
  listPlans,
  readPlan,
  reportAdoption,
} from '../services/pollination-diffusion.service.ts';
import {
  anonymiseExperience,
  createExperience,
  deleteExperience,
  experienceDraft,
  exportOwnExperience,
  listExperiences,
  readExperience,
  setContactConsent,
  shareExperience,
  unshareExperience,
  updateExperience,
} from '../services/pollination-experiences.service.ts';
import {
  exportLibraryExperience,
  readLibraryExperience,
  readSettings,
  saveSettings,
  searchLibrary,
  similarExperiences,
} from '../services/pollination-library.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

const ExportParamsSchema = ExperienceParamsSchema.extend({ format: z.enum(['json', 'md']) });
const LanguageQuerySchema = z.object({ language: z.enum(['fr', 'en']).default('fr') });

/**
 * Pollination: the experience library (write from an engagement, anonymise, consent of contacts, share,
 * export, search, experiences like an engagement) and diffusion plans. Reads need `org.read` and are then
 * filtered by visibility; writing needs `methods.manage`; the instance library needs an owner.
 */
export async function pollinationRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['pollination'];
  const base = '/api/orgs/:orgId/pollination';

  const sendExport = (
    format: 'json' | 'md',
    id: string,
    body: string,
    reply: import('fastify').FastifyReply,
  ) =>
    reply
      .type(format === 'md' ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="experience-${id}.${format}"`)
      .send(body);

  app.get(
    `${base}/experiences`,
    { schema: { tags, params: OrgParamsSchema, response: { 200: ExperienceListSchema } } },
    async (request) => listExperiences(db, await requireOrgScope(request, 'org.read')),
  );

  app.get(
    '/api/orgs/:orgId/engagements/:engagementId/experience-draft',
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        querystring: LanguageQuerySchema,
        response: { 200: ExperienceDraftSchema },
      },
    },
    async (request) =>
      experienceDraft(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.engagementId,
        request.query.language,
      ),
  );

  app.post(
    `${base}/experiences`,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: ExperienceCreateBodySchema,
        response: { 200: ExperienceViewSchema },
      },
    },
    async (request) =>
      createExperience(db, await requireOrgScope(request, 'methods.manage'), request.body, actorOf(request)),
  );

  app.get(
    `${base}/experiences/:experienceId`,
    { schema: { tags, params: ExperienceParamsSchema, response: { 200: ExperienceViewSchema } } },
    async (request) =>
      readExperience(db, await requireOrgScope(request, 'org.read'), request.params.experienceId),
  );

  app.put(
    `${base}/experiences/:experienceId`,
    {
      schema: {
        tags,
        params: ExperienceParamsSchema,
        body: ExperienceUpdateBodySchema,
        response: { 200: ExperienceViewSchema },
      },
    },
    async (request) =>
      updateExperience(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.experienceId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/experiences/:experienceId`,
    { schema: { tags, params: ExperienceParamsSchema } },
    async (request) => {
      await deleteExperience(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.experienceId,
        actorOf(request),
      );
      return { ok: true };
    },
  );

  app.post(
    `${base}/experiences/:experienceId/anonymise`,
    {
      schema: {
        tags,
        params: ExperienceParamsSchema,
        body: ExperienceAnonymiseBodySchema,
        response: { 200: z.object({ experience: ExperienceViewSchema, removed: z.number() }) },
      },
    },
    async (request) =>
      anonymiseExperience(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.experienceId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/experiences/:experienceId/contacts/:contactId/consent`,
    {
      schema: {
        tags,
        params: ExperienceContactParamsSchema,
        body: ExperienceContactConsentBodySchema,
        response: { 200: z.object({ contactId: z.string(), consentedAt: z.string().nullable() }) },
      },
    },
    async (request) =>
      setContactConsent(
        db,
        await requireOrgScope(request, 'org.read'),
        request.params.experienceId,
        request.params.contactId,
        request.body.consented,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/experiences/:experienceId/share`,
    {
      schema: {
        tags,
        params: ExperienceParamsSchema,
        body: ExperienceShareBodySchema,
        response: { 200: ExperienceViewSchema },
      },
    },
    async (request) =>
      shareExperience(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.experienceId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/experiences/:experienceId/unshare`,
    { schema: { tags, params: ExperienceParamsSchema, response: { 200: ExperienceViewSchema } } },
    async (request) =>
      unshareExperience(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.experienceId,
        actorOf(request),
      ),
  );

  app.get(
    `${base}/experiences/:experienceId/export.:format`,
    { schema: { tags, params: ExportParamsSchema } },
    async (request, reply) => {
      const { experienceId, format } = request.params;
      const body = await exportOwnExperience(
        db,
        await requireOrgScope(request, 'org.read'),
        experienceId,
        format,
      );
      return sendExport(format, experienceId, body, reply);
    },
  );

  app.get(
    `${base}/library`,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: LibraryQuerySchema,
        response: { 200: LibraryResultSchema },
      },
    },
    async (request) =>
      searchLibrary(db, await requireOrgScope(request, 'org.read'), request.query, app.deps.libraryIndex),
  );

  app.get(
    `${base}/library/:experienceId`,
    { schema: { tags, params: ExperienceParamsSchema, response: { 200: ExperienceViewSchema } } },
    async (request) =>
      readLibraryExperience(db, await requireOrgScope(request, 'org.read'), request.params.experienceId),
  );

  app.get(
    `${base}/library/:experienceId/export.:format`,
    { schema: { tags, params: ExportParamsSchema } },
    async (request, reply) => {
      const { experienceId, format } = request.params;
      const body = await exportLibraryExperience(
        db,
        await requireOrgScope(request, 'org.read'),
        experienceId,
        format,
      );
      return sendExport(format, experienceId, body, reply);
    },
  );

  app.get(
    '/api/orgs/:orgId/engagements/:engagementId/similar-experiences',
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        querystring: SimilarQuerySchema,
        response: { 200: LibraryResultSchema },
      },
    },
    async (request) =>
      similarExperiences(
        db,
        await requireOrgScope(request, 'engagement.read'),
        request.params.engagementId,
        request.query,
      ),
  );

  app.get(
    `${base}/settings`,
    { schema: { tags, params: OrgParamsSchema, response: { 200: PollinationSettingsSchema } } },
    async (request) => readSettings(db, await requireOrgScope(request, 'org.read')),
  );

  app.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: PollinationSettingsBodySchema,
        response: { 200: PollinationSettingsSchema },
      },
    },
    async (request) =>
      saveSettings(db, await requireOrgScope(request, 'org.update'), request.body, actorOf(request)),
  );

  // ---- diffusion plans ----

  app.get(
    '/api/orgs/:orgId/engagements/:engagementId/change-agents',
    { schema: { tags, params: EngagementParamsSchema, response: { 200: DiffusionCandidatesSchema } } },
    async (request) =>
      changeAgentCandidates(
        db,
        await requireOrgScope(request, 'network.readReport'),
        request.params.engagementId,
      ),
  );

  app.get(
    `${base}/plans`,
    { schema: { tags, params: OrgParamsSchema, response: { 200: DiffusionPlanListSchema } } },
    async (request) => listPlans(db, await requireOrgScope(request, 'collective.read')),
  );

  app.post(
    `${base}/plans`,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: DiffusionPlanBodySchema,
        response: { 200: DiffusionPlanViewSchema },
      },
    },
    async (request) =>
      createPlan(db, await requireOrgScope(request, 'methods.manage'), request.body, actorOf(request)),
  );

  app.get(
    `${base}/plans/:planId`,
    { schema: { tags, params: DiffusionPlanParamsSchema, response: { 200: DiffusionPlanViewSchema } } },
    async (request) => readPlan(db, await requireOrgScope(request, 'collective.read'), request.params.planId),
  );

  app.delete(
    `${base}/plans/:planId`,
    { schema: { tags, params: DiffusionPlanParamsSchema } },
    async (request) => {
      await deletePlan(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.params.planId,
        actorOf(request),
      );
      return { ok: true };
    },
  );

  app.post(
    `${base}/plans/:planId/adoption`,
    {
      schema: {
        tags,
        params: DiffusionPlanParamsSchema,
        body: DiffusionAdoptionBodySchema,
        response: { 200: DiffusionPlanViewSchema },
      },
    },
    async (request) =>
      reportAdoption(
        db,
        await requireOrgScope(request, 'collective.read'),
        request.params.planId,
        request.body,
        actorOf(request),
      ),
  );
}
