import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from '../app-instance.ts';

const API_PREFIXES = ['/api/', '/ws', '/docs', '/healthz', '/readyz'];

/**
 * Serve the built web app. Hashed assets are cached for a year; any other GET that wants HTML
 * gets index.html so client-side routes survive a reload (SPA fallback).
 */
export async function registerWebApp(app: AppInstance, webDist: string | null): Promise<boolean> {
  if (!webDist || !existsSync(path.join(webDist, 'index.html'))) {
    return false;
  }
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: true,
    index: false,
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        res.header('cache-control', 'no-cache');
      }
    },
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  return true;
}

export function wantsSpaFallback(url: string, method: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') {
    return false;
  }
  if (API_PREFIXES.some((p) => url === p || url.startsWith(p))) {
    return false;
  }
  return (accept ?? '').includes('text/html');
}
