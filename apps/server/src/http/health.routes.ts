import { HealthSchema, ReadySchema } from '@essaim/contracts';
import { sql } from 'kysely';
import type { AppInstance } from '../app-instance.ts';
import { migrationStatus } from '../db/migrator.ts';
import { VERSION } from '../version.ts';

const startedAt = Date.now();

export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get('/healthz', { schema: { hide: true, response: { 200: HealthSchema } } }, async () => ({
    status: 'ok' as const,
    version: VERSION,
    uptimeMs: Date.now() - startedAt,
  }));

  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: ReadySchema, 503: ReadySchema } } },
    async (_request, reply) => {
      const { db, dialect } = app.deps.database;
      let reachable = false;
      let applied = 0;
      let pending = 0;
      try {
        await sql`select 1`.execute(db);
        reachable = true;
        const status = await migrationStatus(db);
        applied = status.filter((m) => m.appliedAt).length;
        pending = status.length - applied;
      } catch (err) {
        app.log.warn({ err }, 'readiness check failed');
      }
      const ready = reachable && pending === 0 && !app.deps.shuttingDown();
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        database: { dialect, reachable },
        migrations: { applied, pending },
        bus: app.deps.bus.kind,
      });
    },
  );
}
