import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppInstance } from '../app-instance.ts';
import type { AppDeps } from '../deps.ts';
import { VERSION } from '../version.ts';
import { socketRoutes } from '../ws/socket.routes.ts';
import { SocketRegistry } from '../ws/socket-registry.ts';
import { authPlugin, requireDocsSession } from './auth-plugin.ts';
import { installErrorHandler } from './error-handler.ts';
import { healthRoutes } from './health.routes.ts';
import { metricsPlugin } from './metrics.ts';
import { registerWebApp, wantsSpaFallback } from './static.ts';

export interface RouteEntry {
  method: string;
  url: string;
  schema: { body?: unknown; params?: unknown; querystring?: unknown; hide?: boolean } | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
    sockets: SocketRegistry;
  }
}

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Extra route plugins (features register here, in order). */
  plugins?: ((app: AppInstance) => Promise<void>)[];
}

/** A hop count trusts the n nearest proxies (as proxy-addr does); a list trusts those addresses. */
function trustProxyOption(value: AppDeps['config']['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

/** Build the HTTP + WebSocket application around already-opened dependencies. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // Drain: on close, keep-alive sockets without a request in flight are closed at once.
    forceCloseConnections: 'idle',
    bodyLimit: 5 * 1024 * 1024,
    // Opt-in (TRUST_PROXY): otherwise X-Forwarded-For/-Host are client-chosen and would defeat the
    // per-address limits and poison links.
    trustProxy: trustProxyOption(deps.config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  // Signed-in sockets by session and person, closed on sign-out, revocation, role change or removal.
  const sockets = new SocketRegistry(deps.bus, deps.hub.instanceId);
  await sockets.start();
  app.decorate('sockets', sockets);
  app.addHook('onClose', async () => sockets.stop());
  // The route table, kept so tests can enumerate every route (tenant isolation, bad input).
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routeTable.push({
        method: String(method),
        url: route.url,
        schema: route.schema as RouteEntry['schema'],
      });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // HSTS and upgrade-insecure-requests only over HTTPS, so an instance on a local network over http works.
  const https = deps.config.publicUrl?.startsWith('https://') ?? false;
  await app.register(fastifyHelmet, {
    hsts: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Essaim API', version: VERSION, description: 'Collective intelligence platform API' },
    },
    transform: jsonSchemaTransform,
  });
  if (deps.config.apiDocs !== 'off') {
    await app.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      uiHooks: { onRequest: deps.config.apiDocs === 'signed-in' ? requireDocsSession : async () => {} },
    });
  }
  // No permessage-deflate (ws's server default, stated): a live room's frames are small and many,
  // and compressing each one per socket would cost more CPU than the bytes it saves on the hot path.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024, perMessageDeflate: false } });

  if (deps.config.metrics) {
    await app.register(metricsPlugin);
  }
  // Before any route: CSRF check and session resolution apply to everything under /api and /ws.
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(socketRoutes);
  for (const plugin of options.plugins ?? []) {
    await app.register(plugin);
  }

  const hasWeb = await registerWebApp(app, deps.config.webDist);
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && wantsSpaFallback(request.url, request.method, request.headers.accept)) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `no route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });
  return app;
}
