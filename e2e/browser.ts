import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { repoRoot, type SpawnedServer, spawnServer } from '../apps/server/test/spawn-server.ts';

export const artifactsDir = path.join(repoRoot, 'test-artifacts');
mkdirSync(artifactsDir, { recursive: true });

/** Debian's Chromium, headless, with the flags this closed network needs (no background networking). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.ESSAIM_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const screenshotPath = (name: string) => path.join(artifactsDir, `${name}.png`);

/**
 * One built server (fresh SQLite) and one Chromium for a test file, started before its tests and
 * stopped after; the returned object is filled in by `beforeAll`.
 */
export function useServerAndBrowser(): { server: SpawnedServer; browser: Browser } {
  const ctx = {} as { server: SpawnedServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await spawnServer([], { built: true });
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

/** Call the API from a page's context (its cookies, its Origin header) and expect success. */
export async function api(
  page: { request: APIRequestContext },
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  url: string,
  data?: unknown,
) {
  const r = await page.request.fetch(url, {
    method: method.toUpperCase(),
    ...(data === undefined ? {} : { data: data as Record<string, unknown> }),
  });
  expect(r.ok(), `${method} ${url}: ${r.status()} ${await r.text()}`).toBe(true);
  return r.json();
}
