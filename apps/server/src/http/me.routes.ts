import {
  ChangePasswordBodySchema,
  DeleteAccountBodySchema,
  DeletionPreviewSchema,
  IdSchema,
  MeSchema,
  OkSchema,
  SessionListSchema,
  UpdateMeBodySchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { sessionsRepository } from '../db/repositories/sessions.repository.ts';
import { usersRepository } from '../db/repositories/users.repository.ts';
import { notFound } from '../lib/app-error.ts';
import { nowIso } from '../lib/tokens.ts';
import { deleteAccount, deletionPreview, exportPersonalData } from '../services/account.service.ts';
import { recordAudit } from '../services/audit.service.ts';
import { changePassword } from '../services/auth.service.ts';
import { presentMe } from '../services/presenters.ts';
import { actorOf, clearSessionCookie, requireSession } from './auth-plugin.ts';

export async function meRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;

  app.get('/api/me', { schema: { tags: ['me'], response: { 200: MeSchema } } }, async (request) => {
    return presentMe(db, requireSession(request).user);
  });

  app.patch(
    '/api/me',
    { schema: { tags: ['me'], body: UpdateMeBodySchema, response: { 200: MeSchema } } },
    async (request) => {
      const session = requireSession(request);
      const patch: { display_name?: string; language?: string; updated_at: string } = {
        updated_at: nowIso(),
      };
      if (request.body.displayName !== undefined) {
        patch.display_name = request.body.displayName;
      }
      if (request.body.language !== undefined) {
        patch.language = request.body.language;
      }
      await db.transaction().execute(async (trx) => {
        await usersRepository.update(trx, session.user.id, patch);
        await recordAudit(trx, actorOf(request), {
          orgId: null,
          action: 'user.profile_updated',
          objectKind: 'user',
          objectId: session.user.id,
        });
      });
      const user = await usersRepository.findById(db, session.user.id);
      return presentMe(db, user ?? session.user);
    },
  );

  app.get(
    '/api/me/sessions',
    { schema: { tags: ['me'], response: { 200: SessionListSchema } } },
    async (request) => {
      const session = requireSession(request);
      const rows = await sessionsRepository.listLive(db, session.user.id, nowIso());
      return {
        sessions: rows.map((s) => ({
          id: s.id,
          createdAt: s.created_at,
          lastSeenAt: s.last_seen_at,
          expiresAt: s.expires_at,
          ip: s.ip,
          userAgent: s.user_agent,
          current: s.id === session.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    { schema: { tags: ['me'], params: z.object({ sessionId: IdSchema }), response: { 200: OkSchema } } },
    async (request, reply) => {
      const session = requireSession(request);
      const revoked = await db.transaction().execute(async (trx) => {
        const ok = await sessionsRepository.revoke(trx, session.user.id, request.params.sessionId, nowIso());
        if (ok) {
          await recordAudit(trx, actorOf(request), {
            orgId: null,
            action: 'auth.session_revoked',
            objectKind: 'session',
            objectId: request.params.sessionId,
          });
        }
        return ok;
      });
      if (!revoked) {
        throw notFound('session');
      }
      await app.sockets.closeSession(request.params.sessionId);
      if (request.params.sessionId === session.sessionId) {
        clearSessionCookie(reply);
      }
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/password',
    { schema: { tags: ['me'], body: ChangePasswordBodySchema, response: { 200: OkSchema } } },
    async (request) => {
      const session = requireSession(request);
      await changePassword(db, session, request.body, actorOf(request));
      await app.sockets.closeUser(session.user.id, session.sessionId);
      return { ok: true as const };
    },
  );

  app.get('/api/me/export', { schema: { tags: ['me'] } }, async (request, reply) => {
    const session = requireSession(request);
    const data = await exportPersonalData(db, session.user);
    await recordAudit(db, actorOf(request), {
      orgId: null,
      action: 'user.data_exported',
      objectKind: 'user',
      objectId: session.user.id,
    });
    return reply
      .header('content-disposition', `attachment; filename="essaim-my-data-${nowIso().slice(0, 10)}.json"`)
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  });

  app.get(
    '/api/me/deletion-preview',
    { schema: { tags: ['me'], response: { 200: DeletionPreviewSchema } } },
    async (request) => {
      return deletionPreview(db, requireSession(request).user);
    },
  );

  app.delete(
    '/api/me',
    { schema: { tags: ['me'], body: DeleteAccountBodySchema, response: { 200: OkSchema } } },
    async (request, reply) => {
      const session = requireSession(request);
      await deleteAccount(
        db,
        session.user,
        request.body.password,
        request.body.confirmEmail,
        actorOf(request),
      );
      await app.sockets.closeUser(session.user.id);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );
}
