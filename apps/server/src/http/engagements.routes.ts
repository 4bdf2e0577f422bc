import {
  ChangeStatusBodySchema,
  ComplexityBodySchema,
  CreateEngagementBodySchema,
  CreateLinkBodySchema,
  CreateQuestionBodySchema,
  CreateStakeholderBodySchema,
  EngagementListSchema,
  EngagementParamsSchema,
  EngagementSchema,
  LinkParamsSchema,
  OrgParamsSchema,
  PhaseParamsSchema,
  QuestionParamsSchema,
  ReorderQuestionsBodySchema,
  StakeholderParamsSchema,
  TimelineSchema,
  TraceLinkListSchema,
  UpdateEngagementBodySchema,
  UpdatePhaseBodySchema,
  UpdateQuestionBodySchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { requireScope } from '../services/access.service.ts';
import {
  addQuestion,
  addStakeholder,
  assessQuestionComplexity,
  changeStatus,
  createEngagement,
  deleteQuestion,
  listEngagements,
  loadEngagement,
  presentEngagement,
  removeStakeholder,
  reorderQuestions,
  updateEngagement,
  updatePhase,
  updateQuestion,
} from '../services/engagements.service.ts';
import { createTraceLink, deleteTraceLink, listTraceLinks, readTimeline } from '../services/trace.service.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';

export async function engagementRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['engagements'];
  const language = (request: FastifyRequest) =>
    (requireSession(request).user.language === 'en' ? 'en' : 'fr') as 'fr' | 'en';
  const base = '/api/orgs/:orgId/engagements/:engagementId';
  const notify = (engagementId: string, event: string, payload: unknown) =>
    app.deps.hub.broadcast(`engagement:${engagementId}`, {
      type: 'event',
      room: `engagement:${engagementId}`,
      event,
      payload,
    });

  // Live clients of an engagement: members of its organisation who may read it.
  app.deps.roomAuthorizers.set('engagement', async (request, id) => {
    const session = request.session;
    const e = await engagementsRepository.statusOf(db, id);
    if (!session || !e) {
      return false;
    }
    try {
      await requireScope(db, session.user.id, e.org_id, 'engagement.read');
      return true;
    } catch {
      return false;
    }
  });

  app.get(
    '/api/orgs/:orgId/engagements',
    { schema: { tags, params: OrgParamsSchema, response: { 200: EngagementListSchema } } },
    async (request) => ({
      engagements: await listEngagements(db, await requireOrgScope(request, 'engagement.read')),
    }),
  );

  app.post(
    '/api/orgs/:orgId/engagements',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreateEngagementBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) =>
      createEngagement(
        db,
        await requireOrgScope(request, 'engagement.create'),
        request.body,
        actorOf(request),
        language(request),
      ),
  );

  app.get(
    base,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: EngagementSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'engagement.read');
      return presentEngagement(db, await loadEngagement(db, scope, request.params.engagementId));
    },
  );

  app.patch(
    base,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: UpdateEngagementBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) => {
      const e = await updateEngagement(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      );
      await notify(e.id, 'engagement.updated', { engagementId: e.id });
      return e;
    },
  );

  app.put(
    `${base}/phases/:phase`,
    {
      schema: {
        tags,
        params: PhaseParamsSchema,
        body: UpdatePhaseBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) => {
      const e = await updatePhase(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.params.phase,
        request.body,
        actorOf(request),
      );
      await notify(e.id, 'engagement.updated', { engagementId: e.id });
      return e;
    },
  );

  app.post(
    `${base}/status`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: ChangeStatusBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) => {
      const e = await changeStatus(
        db,
        await requireOrgScope(request, 'engagement.changeStatus'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      );
      // Told at once: every connected client of the engagement (and its workshops) shows the banner.
      await notify(e.id, 'engagement.status', e.status);
      await app.deps.engagementStatusListeners.emit(e.id, e.status);
      return e;
    },
  );

  app.post(
    `${base}/questions`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: CreateQuestionBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) =>
      addQuestion(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.body.text,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/questions/reorder`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: ReorderQuestionsBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) =>
      reorderQuestions(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.body.ids,
        actorOf(request),
      ),
  );

  app.patch(
    `${base}/questions/:questionId`,
    {
      schema: {
        tags,
        params: QuestionParamsSchema,
        body: UpdateQuestionBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) =>
      updateQuestion(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.params.questionId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/questions/:questionId`,
    { schema: { tags, params: QuestionParamsSchema, response: { 200: EngagementSchema } } },
    async (request) =>
      deleteQuestion(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.params.questionId,
        actorOf(request),
      ),
  );

  app.put(
    `${base}/questions/:questionId/complexity`,
    {
      schema: {
        tags,
        params: QuestionParamsSchema,
        body: ComplexityBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) =>
      assessQuestionComplexity(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.params.questionId,
        request.body,
        actorOf(request),
        requireSession(request).user.display_name,
      ),
  );

  app.post(
    `${base}/stakeholders`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: CreateStakeholderBodySchema,
        response: { 200: EngagementSchema },
      },
    },
    async (request) =>
      addStakeholder(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/stakeholders/:stakeholderId`,
    { schema: { tags, params: StakeholderParamsSchema, response: { 200: EngagementSchema } } },
    async (request) =>
      removeStakeholder(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.params.stakeholderId,
        actorOf(request),
      ),
  );

  app.get(
    `${base}/timeline`,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: TimelineSchema } } },
    async (request) => ({
      entries: await readTimeline(
        db,
        await requireOrgScope(request, 'engagement.read'),
        request.params.engagementId,
      ),
    }),
  );

  app.get(
    `${base}/links`,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: TraceLinkListSchema } } },
    async (request) => ({
      links: await listTraceLinks(
        db,
        await requireOrgScope(request, 'engagement.read'),
        request.params.engagementId,
      ),
    }),
  );

  app.post(
    `${base}/links`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: CreateLinkBodySchema,
        response: { 200: TraceLinkListSchema },
      },
    },
    async (request) => ({
      links: await createTraceLink(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      ),
    }),
  );

  app.delete(
    `${base}/links/:linkId`,
    { schema: { tags, params: LinkParamsSchema, response: { 200: TraceLinkListSchema } } },
    async (request) => ({
      links: await deleteTraceLink(
        db,
        await requireOrgScope(request, 'engagement.update'),
        request.params.engagementId,
        request.params.linkId,
        actorOf(request),
      ),
    }),
  );
}
