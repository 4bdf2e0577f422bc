import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppInstance } from '../app-instance.ts';
import type { SocketMessageHandler } from '../deps.ts';

/**
 * Prometheus metrics (`GET /metrics`, off unless ESSAIM_METRICS=1): request latencies by route, open
 * WebSocket connections, WebSocket messages and live commands (Prometheus derives per-second rates
 * with `rate()`), Node's event-loop lag and memory (prom-client defaults), and network analysis jobs
 * by status. One registry per app, so several apps in one process (tests) do not collide.
 */
export function createMetrics(app: AppInstance) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const requestDuration = new Histogram({
    name: 'essaim_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'essaim_websocket_connections',
    help: 'Open WebSocket connections on this instance',
    registers: [registry],
    collect() {
      this.set(app.websocketServer?.clients.size ?? 0);
    },
  });
  const socketMessages = new Counter({
    name: 'essaim_websocket_messages_total',
    help: 'WebSocket messages handled, by type',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const liveCommands = new Counter({
    name: 'essaim_live_commands_total',
    help: 'Live workshop commands received (rate() gives commands per second)',
    registers: [registry],
  });
  new Gauge({
    name: 'essaim_live_feed_repairs',
    help: 'Store reads made to fill gaps in live feeds since the start (batches lost or overtaken between instances)',
    registers: [registry],
    collect() {
      this.set(app.deps.live.feedRepairs);
    },
  });
  const { db } = app.deps.database;
  new Gauge({
    name: 'essaim_analysis_jobs',
    help: 'Network analysis jobs by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('network_analyses')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      this.reset();
      for (const r of rows) {
        this.set({ status: r.status }, Number(r.n));
      }
    },
  });
  return { registry, requestDuration, socketMessages, liveCommands };
}

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const metricsPlugin = fp(async (app: AppInstance) => {
  const metrics = createMetrics(app);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') {
      return;
    }
    metrics.requestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  // Count WebSocket messages by wrapping every feature's handler once all plugins have registered theirs.
  app.addHook('onReady', async () => {
    for (const [type, handler] of app.deps.socketHandlers) {
      const counted: SocketMessageHandler = (ctx, message) => {
        metrics.socketMessages.inc({ type });
        if (type === 'live.command') {
          metrics.liveCommands.inc();
        }
        return handler(ctx, message);
      };
      app.deps.socketHandlers.set(type, counted);
    }
  });
  const token = process.env.ESSAIM_METRICS_TOKEN || null;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && !bearerMatches(request, token)) {
      return reply
        .status(401)
        .send({ error: { code: 'UNAUTHENTICATED', message: 'metrics token required' } });
    }
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
});
