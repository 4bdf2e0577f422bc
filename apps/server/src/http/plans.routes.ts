import {
  EngagementParamsSchema,
  MilestoneParamsSchema,
  MilestoneStatusBodySchema,
  PlanViewSchema,
  SavePlanBodySchema,
  SaveSpecBodySchema,
  SpecExportQuerySchema,
  SpecViewSchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { loadEngagement } from '../services/engagements.service.ts';
import { readPlan, savePlan, setMilestoneStatus } from '../services/plans.service.ts';
import { investmentCsv, investmentXlsx, specificationDocx } from '../services/plans-export.service.ts';
import { planPdf, specificationPdf } from '../services/plans-pdf.ts';
import { readSpecification, saveSpecification } from '../services/plans-spec.service.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';

const langOf = (request: FastifyRequest, asked?: 'fr' | 'en'): 'fr' | 'en' =>
  asked ?? (requireSession(request).user.language === 'en' ? 'en' : 'fr');

export async function planRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['plans'];
  const base = '/api/orgs/:orgId/engagements/:engagementId/plan';

  app.get(
    base,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: PlanViewSchema } } },
    async (request) =>
      readPlan(db, await requireOrgScope(request, 'plan.read'), request.params.engagementId, langOf(request)),
  );

  app.put(
    base,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: SavePlanBodySchema,
        response: { 200: PlanViewSchema },
      },
    },
    async (request) =>
      savePlan(
        db,
        await requireOrgScope(request, 'plan.manage'),
        request.params.engagementId,
        request.body,
        actorOf(request),
        langOf(request),
      ),
  );

  app.patch(
    `${base}/milestones/:milestoneId`,
    {
      schema: {
        tags,
        params: MilestoneParamsSchema,
        body: MilestoneStatusBodySchema,
        response: { 200: PlanViewSchema },
      },
    },
    async (request) =>
      setMilestoneStatus(
        db,
        await requireOrgScope(request, 'plan.manage'),
        request.params.engagementId,
        request.params.milestoneId,
        request.body,
        actorOf(request),
        langOf(request),
      ),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `${base}/investment.${format}`,
      { schema: { tags, params: EngagementParamsSchema, querystring: SpecExportQuerySchema } },
      async (request, reply) => {
        const lang = langOf(request, request.query.lang);
        const view = await readPlan(
          db,
          await requireOrgScope(request, 'plan.read'),
          request.params.engagementId,
          lang,
        );
        const name = lang === 'fr' ? 'plan-investissement' : 'investment-plan';
        reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
        return format === 'xlsx'
          ? reply
              .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
              .send(await investmentXlsx(view, lang))
          : reply.type('text/csv; charset=utf-8').send(investmentCsv(view, lang));
      },
    );
  }

  app.get(
    `${base}.pdf`,
    { schema: { tags, params: EngagementParamsSchema, querystring: SpecExportQuerySchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'plan.read');
      const engagement = await loadEngagement(db, scope, request.params.engagementId);
      const lang = langOf(request, request.query.lang);
      const view = await readPlan(db, scope, engagement.id, lang);
      const name = lang === 'fr' ? 'schema-directeur' : 'master-plan';
      return reply
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .type('application/pdf')
        .send(await planPdf(view, engagement.title, lang));
    },
  );

  app.get(
    `${base}/specification`,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: SpecViewSchema } } },
    async (request) =>
      readSpecification(
        db,
        await requireOrgScope(request, 'plan.read'),
        request.params.engagementId,
        langOf(request),
      ),
  );

  app.put(
    `${base}/specification`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: SaveSpecBodySchema,
        response: { 200: SpecViewSchema },
      },
    },
    async (request) =>
      saveSpecification(
        db,
        await requireOrgScope(request, 'plan.manage'),
        request.params.engagementId,
        request.body,
        actorOf(request),
        langOf(request),
      ),
  );

  app.get(
    `${base}/specification.docx`,
    { schema: { tags, params: EngagementParamsSchema, querystring: SpecExportQuerySchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'plan.read');
      const engagement = await loadEngagement(db, scope, request.params.engagementId);
      const spec = await readSpecification(db, scope, engagement.id, langOf(request));
      const lang = langOf(request, request.query.lang);
      const name = lang === 'fr' ? 'cahier-des-charges' : 'specification';
      return reply
        .header('content-disposition', `attachment; filename="${name}.docx"`)
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(await specificationDocx(spec, engagement.title, lang));
    },
  );

  app.get(
    `${base}/specification.pdf`,
    { schema: { tags, params: EngagementParamsSchema, querystring: SpecExportQuerySchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'plan.read');
      const engagement = await loadEngagement(db, scope, request.params.engagementId);
      const spec = await readSpecification(db, scope, engagement.id, langOf(request));
      const lang = langOf(request, request.query.lang);
      const name = lang === 'fr' ? 'cahier-des-charges' : 'specification';
      return reply
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .type('application/pdf')
        .send(await specificationPdf(spec, engagement.title, lang));
    },
  );
}
