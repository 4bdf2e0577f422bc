import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
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

/** What a journey saw go wrong in any page: console errors, uncaught errors, unexpected HTTP failures. */
export interface JourneyWatch {
  /** Problems seen since the last check (cleared after each test). */
  readonly problems: string[];
  /** Declare a 4xx/5xx (and the browser's console line about it) this journey expects. */
  allowHttp(status: number, url: RegExp): void;
}

/**
 * Every context of the browser reports into `watch`: a console error, an uncaught page error or a
 * 4xx/5xx response that the journey did not declare with `allowHttp` makes the test fail.
 */
function watchBrowser(browser: Browser): JourneyWatch {
  const allowed: { status: number; url: RegExp }[] = [];
  const problems: string[] = [];
  const isAllowed = (status: number | null, url: string) =>
    allowed.some((a) => (status === null || a.status === status) && a.url.test(url));
  const watchContext = (context: BrowserContext) => {
    // CI runs these journeys beside the unit and database tests on 2 cores (.ci/run): under that load a
    // navigation once took over Playwright's default 30 s. A ceiling only: a wait that succeeds ends as soon.
    context.setDefaultTimeout(60_000);
    context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
    context.on('console', (m) => {
      if (m.type() !== 'error') {
        return;
      }
      // "Failed to load resource: … 404" names the URL in its location: judged like the response.
      const at = m.location().url;
      if (/Failed to load resource/.test(m.text()) && isAllowed(null, at)) {
        return;
      }
      problems.push(`console error: ${m.text()} (${at})`);
    });
    context.on('response', (r) => {
      if (r.status() >= 400 && !isAllowed(r.status(), r.url())) {
        problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
      }
    });
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    watchContext(context);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const page = await newPage(...args);
    watchContext(page.context());
    return page;
  };
  return {
    problems,
    allowHttp: (status, url) => {
      allowed.push({ status, url });
    },
  };
}

/**
 * One built server (fresh SQLite) and one Chromium for a test file, started before its tests and
 * stopped after; the returned object is filled in by `beforeAll`. Each test fails on any console
 * error, uncaught page error or unexpected 4xx/5xx in any of its pages (`watch.allowHttp` for the
 * ones a journey provokes on purpose).
 */
export function useServerAndBrowser(): { server: SpawnedServer; browser: Browser; watch: JourneyWatch } {
  const ctx = {} as { server: SpawnedServer; browser: Browser; watch: JourneyWatch };
  beforeAll(async () => {
    // The start is not what these files measure (bench:startup does): on a loaded CI machine it can
    // take well over spawnServer's default 30 s, so it gets the whole hook's time.
    ctx.server = await spawnServer([], { built: true, timeoutMs: 120_000 });
    ctx.browser = await launchChromium();
    ctx.watch = watchBrowser(ctx.browser);
  }, 180_000);
  afterEach(() => {
    const seen = ctx.watch ? ctx.watch.problems.splice(0) : [];
    expect(seen, 'console errors or unexpected HTTP failures in the journey').toEqual([]);
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
