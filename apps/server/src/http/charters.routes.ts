import {
  CharterAdoptBodySchema,
  CharterAdoptionSchema,
  CharterAmendmentCreateBodySchema,
  CharterAmendmentDecideBodySchema,
  CharterAmendmentListSchema,
  CharterAmendmentParamsSchema,
  CharterAmendmentPositionBodySchema,
  CharterAmendmentSchema,
  CharterCommentCreateBodySchema,
  CharterCommentListSchema,
  CharterCommentParamsSchema,
  CharterCommentSchema,
  CharterCommentStatusBodySchema,
  CharterCommitBodySchema,
  CharterCommitmentsSchema,
  CharterCreateBodySchema,
  CharterDecisionBodySchema,
  CharterDecisionSchema,
  CharterDetailSchema,
  CharterDiffQuerySchema,
  CharterDiffSchema,
  CharterListSchema,
  CharterParamsSchema,
  CharterParticipantBodySchema,
  CharterParticipantSchema,
  CharterPublicDetailSchema,
  CharterPublicParamsSchema,
  CharterSummarySchema,
  CharterTemplateListSchema,
  CharterUpdateBodySchema,
  CharterVersionCreateBodySchema,
  CharterVersionDetailSchema,
  CharterVersionListSchema,
  CharterVersionParamsSchema,
  EngagementParamsSchema,
} from '@essaim/contracts';
import type { Action } from '@essaim/core';
import { CHARTER_TEMPLATES, templateClauses } from '@essaim/core/charters';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { forbidden } from '../lib/app-error.ts';
import {
  addComment,
  adoptCharter,
  commitToCharter,
  createCharter,
  createVersion,
  decideAmendment,
  diffVersions,
  issueCharterParticipant,
  listAmendments,
  listCharters,
  listComments,
  listCommitments,
  listVersions,
  loadCharter,
  participantViewer,
  positionOnAmendment,
  proposeAmendment,
  readCharter,
  readPublicCharter,
  readVersion,
  reopenCharter,
  restoreVersion,
  setCommentStatus,
  updateCharter,
  userViewer,
} from '../services/charters.service.ts';
import { charterRights, mayReadCommitmentNames } from '../services/charters-access.ts';
import { putAdoptionToDecision, putAmendmentToDecision } from '../services/charters-decisions.service.ts';
import { charterDocx, charterMarkdown, exportData } from '../services/charters-export.service.ts';
import { charterPdf } from '../services/charters-pdf.ts';
import type { CharterSockets } from '../services/charters-sync.service.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';
import { PARTICIPANT_HEADER } from './conversations-public.routes.ts';

type CharterRequest = FastifyRequest<{ Params: { orgId: string; engagementId: string; charterId: string } }>;

const tokenOf = (request: FastifyRequest): string | undefined => {
  const value = request.headers[PARTICIPANT_HEADER];
  return typeof value === 'string' ? value : undefined;
};

/** Charters of an engagement: CRUD, versions and diff, comments, amendments, adoption, commitments. */
export function charterRoutes(sockets: CharterSockets) {
  return async (app: AppInstance): Promise<void> => {
    const { db } = app.deps.database;
    const tags = ['charters'];
    const eng = '/api/orgs/:orgId/engagements/:engagementId/charters';
    const one = `${eng}/:charterId`;

    /** Scope (checked for `action`), charter (inside that scope), the caller's rights on it. */
    const context = async (request: CharterRequest, action: Action = 'engagement.read') => {
      const scope = await requireOrgScope(request, action);
      const charter = await loadCharter(db, scope, request.params.engagementId, request.params.charterId);
      const name = requireSession(request).user.display_name;
      const viewer = userViewer(scope, name);
      return { scope, charter, viewer, name, rights: await charterRights(db, charter, viewer) };
    };

    app.get(
      '/api/charter-templates',
      {
        schema: {
          tags,
          querystring: z.object({ locale: z.enum(['fr', 'en']).default('fr') }),
          response: { 200: CharterTemplateListSchema },
        },
      },
      async (request) => {
        requireSession(request);
        const locale = request.query.locale;
        let n = 0;
        return {
          templates: Object.values(CHARTER_TEMPLATES).map((t) => ({
            kind: t.kind,
            title: t.title[locale],
            summary: t.summary[locale],
            clauses: templateClauses(t.kind, locale, () => `t${n++}`),
          })),
        };
      },
    );

    app.get(
      eng,
      { schema: { tags, params: EngagementParamsSchema, response: { 200: CharterListSchema } } },
      async (request) =>
        listCharters(db, await requireOrgScope(request, 'engagement.read'), request.params.engagementId),
    );

    app.post(
      eng,
      {
        schema: {
          tags,
          params: EngagementParamsSchema,
          body: CharterCreateBodySchema,
          response: { 200: CharterSummarySchema },
        },
      },
      async (request) =>
        createCharter(
          db,
          await requireOrgScope(request, 'engagement.update'),
          request.params.engagementId,
          request.body,
          actorOf(request),
        ),
    );

    app.get(
      one,
      { schema: { tags, params: CharterParamsSchema, response: { 200: CharterDetailSchema } } },
      async (request) => {
        const scope = await requireOrgScope(request, 'engagement.read');
        return readCharter(
          db,
          sockets,
          scope,
          request.params.engagementId,
          request.params.charterId,
          requireSession(request).user.display_name,
        );
      },
    );

    app.patch(
      one,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterUpdateBodySchema,
          response: { 200: CharterSummarySchema },
        },
      },
      async (request) =>
        updateCharter(
          db,
          await requireOrgScope(request, 'engagement.update'),
          request.params.engagementId,
          request.params.charterId,
          request.body,
        ),
    );

    // ---- versions
    app.get(
      `${one}/versions`,
      { schema: { tags, params: CharterParamsSchema, response: { 200: CharterVersionListSchema } } },
      async (request) => listVersions(db, (await context(request)).charter),
    );
    app.post(
      `${one}/versions`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterVersionCreateBodySchema,
          response: { 200: CharterVersionListSchema.shape.versions.element },
        },
      },
      async (request) => {
        const c = await context(request);
        if (!c.rights.canEdit && !c.rights.canManage) {
          throw forbidden('only editors and the facilitator name versions');
        }
        return createVersion(db, sockets, c.charter, request.body.name, {
          userId: c.scope.userId,
          name: c.name,
        });
      },
    );
    app.get(
      `${one}/versions/:versionId`,
      { schema: { tags, params: CharterVersionParamsSchema, response: { 200: CharterVersionDetailSchema } } },
      async (request) => readVersion(db, (await context(request)).charter, request.params.versionId),
    );
    app.post(
      `${one}/versions/:versionId/restore`,
      {
        schema: {
          tags,
          params: CharterVersionParamsSchema,
          response: { 200: z.object({ contentHash: z.string() }) },
        },
      },
      async (request) => {
        const c = await context(request);
        return restoreVersion(db, sockets, c.charter, c.rights, request.params.versionId, c.name);
      },
    );
    app.get(
      `${one}/diff`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          querystring: CharterDiffQuerySchema,
          response: { 200: CharterDiffSchema },
        },
      },
      async (request) =>
        diffVersions(db, sockets, (await context(request)).charter, request.query.from, request.query.to),
    );

    // ---- comments
    app.get(
      `${one}/comments`,
      { schema: { tags, params: CharterParamsSchema, response: { 200: CharterCommentListSchema } } },
      async (request) => listComments(db, (await context(request)).charter),
    );
    app.post(
      `${one}/comments`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterCommentCreateBodySchema,
          response: { 200: CharterCommentSchema },
        },
      },
      async (request) => {
        const c = await context(request);
        return addComment(db, sockets, c.charter, c.rights, c.viewer, request.body);
      },
    );
    app.post(
      `${one}/comments/:commentId/status`,
      {
        schema: {
          tags,
          params: CharterCommentParamsSchema,
          body: CharterCommentStatusBodySchema,
          response: { 200: CharterCommentSchema },
        },
      },
      async (request) => {
        const c = await context(request);
        return setCommentStatus(
          db,
          sockets,
          c.charter,
          c.rights,
          request.params.commentId,
          request.body.status,
        );
      },
    );

    // ---- amendments
    app.get(
      `${one}/amendments`,
      { schema: { tags, params: CharterParamsSchema, response: { 200: CharterAmendmentListSchema } } },
      async (request) => {
        const c = await context(request);
        return listAmendments(db, c.charter, c.viewer);
      },
    );
    app.post(
      `${one}/amendments`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterAmendmentCreateBodySchema,
          response: { 200: CharterAmendmentSchema },
        },
      },
      async (request) => {
        const c = await context(request);
        return proposeAmendment(db, sockets, c.charter, c.rights, c.viewer, request.body);
      },
    );
    app.post(
      `${one}/amendments/:amendmentId/positions`,
      {
        schema: {
          tags,
          params: CharterAmendmentParamsSchema,
          body: CharterAmendmentPositionBodySchema,
          response: { 200: CharterAmendmentSchema },
        },
      },
      async (request) => {
        const c = await context(request);
        return positionOnAmendment(
          db,
          sockets,
          c.charter,
          c.rights,
          c.viewer,
          request.params.amendmentId,
          request.body,
        );
      },
    );
    app.post(
      `${one}/amendments/:amendmentId/decision`,
      {
        schema: {
          tags,
          params: CharterAmendmentParamsSchema,
          body: CharterAmendmentDecideBodySchema,
          response: { 200: CharterAmendmentSchema },
        },
      },
      async (request) => {
        const c = await context(request);
        return decideAmendment(
          db,
          sockets,
          c.charter,
          c.rights,
          c.scope,
          request.params.amendmentId,
          request.body,
          c.name,
        );
      },
    );

    // ---- adoption, review, commitments, participants
    app.post(
      `${one}/adoption`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterAdoptBodySchema,
          response: { 200: CharterAdoptionSchema },
        },
      },
      async (request) => {
        const c = await context(request, 'decision.record');
        return adoptCharter(db, sockets, c.charter, c.scope, request.body, {
          ...actorOf(request),
          name: c.name,
        });
      },
    );
    // ---- a proposal round of the decisions capability decides the adoption or an amendment
    app.post(
      `${one}/decision`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterDecisionBodySchema,
          response: { 200: CharterDecisionSchema },
        },
      },
      async (request) => {
        const c = await context(request, 'decision.record');
        const { decision } = await putAdoptionToDecision(db, sockets, c.charter, c.scope, request.body, {
          ...actorOf(request),
          name: c.name,
        });
        return decision;
      },
    );
    app.post(
      `${one}/amendments/:amendmentId/proposal`,
      {
        schema: {
          tags,
          params: CharterAmendmentParamsSchema,
          body: CharterDecisionBodySchema,
          response: { 200: CharterDecisionSchema },
        },
      },
      async (request) => {
        const c = await context(request, 'decision.record');
        const { decision } = await putAmendmentToDecision(
          db,
          sockets,
          c.charter,
          c.scope,
          request.params.amendmentId,
          request.body,
          actorOf(request),
        );
        return decision;
      },
    );
    app.post(
      `${one}/reopen`,
      { schema: { tags, params: CharterParamsSchema, response: { 200: CharterSummarySchema } } },
      async (request) => reopenCharter(db, sockets, (await context(request, 'engagement.update')).charter),
    );
    app.get(
      `${one}/commitments`,
      { schema: { tags, params: CharterParamsSchema, response: { 200: CharterCommitmentsSchema } } },
      async (request) => {
        const c = await context(request);
        return listCommitments(db, c.charter, c.rights, mayReadCommitmentNames(c.scope.role));
      },
    );
    app.post(
      `${one}/commitments`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterCommitBodySchema,
          response: { 200: z.object({ state: z.string(), versionHash: z.string() }) },
        },
      },
      async (request) => {
        const c = await context(request);
        return commitToCharter(db, sockets, c.charter, c.rights, c.viewer, request.body);
      },
    );
    app.post(
      `${one}/participants`,
      {
        schema: {
          tags,
          params: CharterParamsSchema,
          body: CharterParticipantBodySchema,
          response: { 200: CharterParticipantSchema },
        },
      },
      async (request) => {
        const c = await context(request, 'collective.manage');
        return issueCharterParticipant(db, c.charter, request.body.personId);
      },
    );

    // ---- exports (the commitments list for those who may see names)
    const exportOf = async (request: CharterRequest) => {
      const c = await context(request);
      const withNames = mayReadCommitmentNames(c.scope.role);
      const locale = c.charter.locale === 'en' ? ('en' as const) : ('fr' as const);
      const data = await exportData(db, sockets.store, c.charter, withNames);
      const file =
        c.charter.title
          .replace(/[^\p{L}\p{N} _-]+/gu, '')
          .trim()
          .slice(0, 80) || 'charter';
      return { data, locale, file };
    };
    app.get(`${one}/export.md`, { schema: { tags, params: CharterParamsSchema } }, async (request, reply) => {
      const { data, locale, file } = await exportOf(request);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}.md`)
        .send(charterMarkdown(data, locale));
    });
    app.get(
      `${one}/export.docx`,
      { schema: { tags, params: CharterParamsSchema } },
      async (request, reply) => {
        const { data, locale, file } = await exportOf(request);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}.docx`)
          .send(await charterDocx(data, locale));
      },
    );
    app.get(
      `${one}/export.pdf`,
      { schema: { tags, params: CharterParamsSchema } },
      async (request, reply) => {
        const { data, locale, file } = await exportOf(request);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}.pdf`)
          .send(await charterPdf(data, locale));
      },
    );

    // ---- participants without an account (token in a header, scoped to this charter)
    const pub = '/api/charters/:charterId/participation';
    app.get(
      pub,
      { schema: { tags, params: CharterPublicParamsSchema, response: { 200: CharterPublicDetailSchema } } },
      async (request) => readPublicCharter(db, sockets, request.params.charterId, tokenOf(request)),
    );
    app.post(
      `${pub}/comments`,
      {
        schema: {
          tags,
          params: CharterPublicParamsSchema,
          body: CharterCommentCreateBodySchema,
          response: { 200: CharterCommentSchema },
        },
      },
      async (request) => {
        const p = await participantViewer(db, request.params.charterId, tokenOf(request));
        return addComment(db, sockets, p.charter, p.rights, p.viewer, request.body);
      },
    );
    app.post(
      `${pub}/commitments`,
      {
        schema: {
          tags,
          params: CharterPublicParamsSchema,
          body: CharterCommitBodySchema,
          response: { 200: z.object({ state: z.string(), versionHash: z.string() }) },
        },
      },
      async (request) => {
        const p = await participantViewer(db, request.params.charterId, tokenOf(request));
        return commitToCharter(db, sockets, p.charter, p.rights, p.viewer, request.body);
      },
    );
  };
}
