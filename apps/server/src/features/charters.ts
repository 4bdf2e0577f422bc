import type { AppInstance } from '../app-instance.ts';
import { chartersRepository } from '../db/repositories/charters.repository.ts';
import { charterRoutes } from '../http/charters.routes.ts';
import { useCharterSocketsForDecisions } from '../services/charters-decisions.service.ts';
import { clausesOf, docFromUpdates } from '../services/charters-doc.ts';
import { CharterSockets, CharterStore } from '../services/charters-sync.service.ts';
import { registerTraceKind } from '../services/trace.service.ts';

const SOCKET_TYPES = ['charter.join', 'charter.leave', 'charter.update', 'charter.awareness'] as const;

/**
 * Charters: one store and socket handler per instance (no document held in memory: any instance
 * serves any charter), the REST routes, and the `charter_clause` trace kind (`<charterId>#<clauseId>`).
 */
async function charters(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const store = new CharterStore(db, (error) => app.log.error({ err: error }, 'charter compaction failed'));
  const sockets = new CharterSockets(db, app.deps.hub, store, (error) =>
    app.log.error({ err: error }, 'charter relay failed'),
  );
  useCharterSocketsForDecisions(sockets);
  for (const type of SOCKET_TYPES) {
    app.deps.socketHandlers.set(type, (ctx, message) => sockets.handle(ctx, message));
  }
  registerTraceKind('charter_clause', async (trx, engagementId, id) => {
    const [charterId, clauseId] = id.split('#');
    const charter = charterId ? await chartersRepository.byId(trx, charterId) : undefined;
    if (!charter || charter.engagement_id !== engagementId) {
      return null;
    }
    const state = await chartersRepository.state(trx, charter.id);
    const doc = docFromUpdates(state ? [state.snapshot, ...state.tail] : []);
    const clause = clausesOf(doc).find((c) => c.id === clauseId);
    doc.destroy();
    return clause ? `${charter.title} · ${clause.text.slice(0, 80)}` : null;
  });
  app.addHook('onClose', async () => store.idle());
  await app.register(charterRoutes(sockets));
}

/** Route plugins of the charters feature. */
export const chartersPlugins: ((app: AppInstance) => Promise<void>)[] = [charters];
