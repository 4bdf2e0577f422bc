import {
  CompetencyAssessmentBodySchema,
  CompetencyAssessmentListSchema,
  CompetencyAssessmentParamsSchema,
  CompetencyAssessmentSchema,
  CompetencyCoverageSchema,
  CompetencyEvidenceListSchema,
  CompetencyFacilitatorLevelSchema,
  CompetencyFeedbackReportSchema,
  CompetencyFeedbackRoundBodySchema,
  CompetencyFeedbackRoundCreatedSchema,
  CompetencyFeedbackRoundListSchema,
  CompetencyFeedbackRoundParamsSchema,
  CompetencyFeedbackRoundSummarySchema,
  CompetencyGoalBodySchema,
  CompetencyGoalListSchema,
  CompetencyGoalParamsSchema,
  CompetencyGoalPatchSchema,
  CompetencyPortfolioQuerySchema,
  CompetencySettingsSchema,
  CompetencyShareBodySchema,
  CompetencyShareParamsSchema,
  CompetencySupervisionBodySchema,
  CompetencySupervisionCreatedSchema,
  OkSchema,
  OrgParamsSchema,
} from '@essaim/contracts';
import { isCompetencyId } from '@essaim/core/competencies';
import type { AppInstance } from '../app-instance.ts';
import * as assessments from '../services/competencies.service.ts';
import { listEvidence } from '../services/competencies-evidence.service.ts';
import * as feedback from '../services/competencies-feedback.service.ts';
import { portfolioPdf } from '../services/competencies-portfolio.service.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';

/**
 * A consultant's own self-assessment space. Every route is the signed-in user's (`/api/me/…`): another
 * user's ids find nothing. The one organisation route shows a firm its team's coverage, built only
 * from assessments their authors chose to share.
 */
export async function competenciesRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['competencies'];
  const base = '/api/me/competencies';
  const me = (request: Parameters<typeof requireSession>[0]) => requireSession(request).user.id;

  app.get(
    `${base}/evidence`,
    { schema: { tags, response: { 200: CompetencyEvidenceListSchema } } },
    async (request) => ({
      items: await listEvidence(db, me(request)),
    }),
  );

  app.get(
    `${base}/assessments`,
    { schema: { tags, response: { 200: CompetencyAssessmentListSchema } } },
    async (request) => assessments.listAssessments(db, me(request)),
  );

  app.post(
    `${base}/assessments`,
    { schema: { tags, body: CompetencyAssessmentBodySchema, response: { 200: CompetencyAssessmentSchema } } },
    async (request) => assessments.createAssessment(db, me(request), request.body, actorOf(request)),
  );

  app.get(
    `${base}/assessments/:assessmentId`,
    {
      schema: {
        tags,
        params: CompetencyAssessmentParamsSchema,
        response: { 200: CompetencyAssessmentSchema },
      },
    },
    async (request) =>
      assessments.presentAssessment(
        db,
        await assessments.requireAssessment(db, me(request), request.params.assessmentId),
      ),
  );

  app.put(
    `${base}/assessments/:assessmentId`,
    {
      schema: {
        tags,
        params: CompetencyAssessmentParamsSchema,
        body: CompetencyAssessmentBodySchema,
        response: { 200: CompetencyAssessmentSchema },
      },
    },
    async (request) =>
      assessments.updateAssessment(
        db,
        me(request),
        request.params.assessmentId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/assessments/:assessmentId`,
    { schema: { tags, params: CompetencyAssessmentParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await assessments.deleteAssessment(db, me(request), request.params.assessmentId, actorOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/assessments/:assessmentId/shares`,
    {
      schema: {
        tags,
        params: CompetencyAssessmentParamsSchema,
        body: CompetencyShareBodySchema,
        response: { 200: CompetencyAssessmentSchema },
      },
    },
    async (request) =>
      assessments.shareAssessment(
        db,
        me(request),
        request.params.assessmentId,
        request.body.orgId,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/assessments/:assessmentId/shares/:orgId`,
    { schema: { tags, params: CompetencyShareParamsSchema, response: { 200: CompetencyAssessmentSchema } } },
    async (request) =>
      assessments.withdrawShare(
        db,
        me(request),
        request.params.assessmentId,
        request.params.orgId,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/assessments/:assessmentId/supervisions`,
    {
      schema: {
        tags,
        params: CompetencyAssessmentParamsSchema,
        body: CompetencySupervisionBodySchema,
        response: { 200: CompetencySupervisionCreatedSchema },
      },
    },
    async (request) =>
      feedback.requestSupervision(
        db,
        me(request),
        request.params.assessmentId,
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    `${base}/settings`,
    { schema: { tags, response: { 200: CompetencySettingsSchema } } },
    async (request) => assessments.getSettings(db, me(request)),
  );

  app.put(
    `${base}/settings`,
    { schema: { tags, body: CompetencySettingsSchema, response: { 200: CompetencySettingsSchema } } },
    async (request) =>
      assessments.putSettings(db, me(request), request.body.useLevelInRecommender, actorOf(request)),
  );

  app.get(
    `${base}/facilitator-level`,
    { schema: { tags, response: { 200: CompetencyFacilitatorLevelSchema } } },
    async (request) => assessments.facilitatorLevel(db, me(request)),
  );

  app.get(
    `${base}/feedback-rounds`,
    { schema: { tags, response: { 200: CompetencyFeedbackRoundListSchema } } },
    async (request) => feedback.listRounds(db, me(request)),
  );

  app.post(
    `${base}/feedback-rounds`,
    {
      schema: {
        tags,
        body: CompetencyFeedbackRoundBodySchema,
        response: { 200: CompetencyFeedbackRoundCreatedSchema },
      },
    },
    async (request) => feedback.createRound(db, me(request), request.body, actorOf(request), isCompetencyId),
  );

  app.get(
    `${base}/feedback-rounds/:roundId`,
    {
      schema: {
        tags,
        params: CompetencyFeedbackRoundParamsSchema,
        response: { 200: CompetencyFeedbackReportSchema },
      },
    },
    async (request) => {
      return feedback.roundReport(db, me(request), request.params.roundId);
    },
  );

  app.post(
    `${base}/feedback-rounds/:roundId/close`,
    {
      schema: {
        tags,
        params: CompetencyFeedbackRoundParamsSchema,
        response: { 200: CompetencyFeedbackRoundSummarySchema },
      },
    },
    async (request) => feedback.closeRound(db, me(request), request.params.roundId, actorOf(request)),
  );

  app.get(
    `${base}/goals`,
    { schema: { tags, response: { 200: CompetencyGoalListSchema } } },
    async (request) => assessments.listGoals(db, me(request)),
  );

  app.post(
    `${base}/goals`,
    { schema: { tags, body: CompetencyGoalBodySchema, response: { 200: CompetencyGoalListSchema } } },
    async (request) => assessments.createGoal(db, me(request), request.body, actorOf(request)),
  );

  app.patch(
    `${base}/goals/:goalId`,
    {
      schema: {
        tags,
        params: CompetencyGoalParamsSchema,
        body: CompetencyGoalPatchSchema,
        response: { 200: CompetencyGoalListSchema },
      },
    },
    async (request) =>
      assessments.updateGoal(db, me(request), request.params.goalId, request.body, actorOf(request)),
  );

  app.delete(
    `${base}/goals/:goalId`,
    { schema: { tags, params: CompetencyGoalParamsSchema, response: { 200: CompetencyGoalListSchema } } },
    async (request) => assessments.deleteGoal(db, me(request), request.params.goalId, actorOf(request)),
  );

  app.get(
    `${base}/portfolio.pdf`,
    { schema: { tags, querystring: CompetencyPortfolioQuerySchema } },
    async (request, reply) => {
      const pdf = await portfolioPdf(db, me(request), request.query.lang);
      void reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="essaim-portfolio.pdf"')
        .header('cache-control', 'no-store');
      return reply.send(pdf);
    },
  );

  app.get(
    '/api/orgs/:orgId/competencies/coverage',
    { schema: { tags, params: OrgParamsSchema, response: { 200: CompetencyCoverageSchema } } },
    async (request) => assessments.teamCoverage(db, await requireOrgScope(request, 'members.read')),
  );
}
