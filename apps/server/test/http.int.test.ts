import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ErrorBodySchema } from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('HTTP foundation on $name', (dialect) => {
  let app: AppInstance;
  let close: () => Promise<void>;
  const web = mkdtempSync(path.join(tmpdir(), 'essaim-web-'));
  mkdirSync(path.join(web, 'assets'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Essaim</title><div id="root"></div>');
  writeFileSync(path.join(web, 'assets', 'app-abc123.js'), 'console.log(1)');

  beforeAll(async () => {
    const db = await dialect.open();
    app = await buildTestApp(db, { webDist: web });
    close = async () => {
      await app.close();
      await db.close();
    };
  });
  afterAll(async () => close());

  it('answers /healthz', async () => {
    const r = await app.inject('/healthz');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok' });
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('answers /readyz with the database and migrations', async () => {
    const r = await app.inject('/readyz');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'ready',
      database: { dialect: dialect.name, reachable: true },
      migrations: { pending: 0 },
      bus: 'memory',
    });
  });

  it('keeps a caller-supplied request id', async () => {
    const r = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-12345678' } });
    expect(r.headers['x-request-id']).toBe('abc-12345678');
  });

  it('serves an OpenAPI 3 document and Swagger UI', async () => {
    const doc = await app.inject('/docs/json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('answers unknown API routes with the error shape, not HTML', async () => {
    const r = await app.inject({ url: '/api/does-not-exist', headers: { accept: 'text/html' } });
    expect(r.statusCode).toBe(404);
    expect(ErrorBodySchema.parse(r.json()).error.code).toBe('NOT_FOUND');
  });

  it('serves index.html for client-side routes (SPA fallback) and caches hashed assets', async () => {
    const page = await app.inject({ url: '/engagements/123', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const asset = await app.inject('/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('sends security headers', async () => {
    const r = await app.inject('/healthz');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});
