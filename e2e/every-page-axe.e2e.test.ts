import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeInBothSchemes, settle } from './axe.ts';
import { screenshotPath, useServerAndBrowser } from './browser.ts';
import { PAGE_ROUTES, type PageRoute, routerPatterns } from './routes.ts';
import { type Seed, seedEverything } from './seed.ts';

/**
 * Issue 21: axe-core (WCAG 2.2 A/AA) on every page of the app, participant and public pages
 * included, in light and dark mode: 0 violations. The pages come from e2e/routes.ts; the first test
 * fails when the router has a page that list does not visit.
 */
describe('axe on every page, light and dark', () => {
  const env = useServerAndBrowser();

  it('the route list covers every route of the web router', () => {
    expect(PAGE_ROUTES.map((r) => r.pattern).sort()).toEqual(routerPatterns());
  });

  it('finds no violation on any page', async () => {
    const url = env.server.url;
    const open = (extra: Parameters<typeof env.browser.newContext>[0] = {}) =>
      env.browser.newContext({
        locale: 'fr-FR',
        baseURL: url,
        viewport: { width: 1280, height: 900 },
        ...extra,
      });
    const found: string[] = [];
    // Signed out, the app asks who is there: that 401 is expected.
    env.watch.allowHttp(401, /\/api\/me$/);
    const visit = async (page: Page, route: PageRoute, seed: Seed) => {
      const before = env.watch.problems.length;
      try {
        await page.goto(route.url(seed));
        await settle(page, route.readyText);
        found.push(...(await axeInBothSchemes(page, `/${route.pattern}`)));
        if (route.screenshot) {
          const name = `page-${route.pattern.replace(/[^a-z]+/g, '-') || 'home'}`;
          const viewport = page.viewportSize();
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme });
            await page.screenshot({ path: screenshotPath(`${name}-${scheme}`), fullPage: true });
            await page.setViewportSize({ width: 390, height: 844 });
            await page.waitForTimeout(300);
            await page.screenshot({ path: screenshotPath(`${name}-phone-${scheme}`), fullPage: true });
            if (viewport) {
              await page.setViewportSize(viewport);
            }
          }
        }
      } catch (error) {
        found.push(`/${route.pattern}: ${(error as Error).message.split('\n')[0]}`);
      }
      // Name the page where a console error or a failed request happened.
      for (const problem of env.watch.problems.slice(before)) {
        found.push(`/${route.pattern}: ${problem}`);
      }
    };

    // Before the first account: the setup page.
    const fresh = await open();
    for (const route of PAGE_ROUTES.filter((r) => r.as === 'fresh')) {
      await visit(await fresh.newPage(), route, {});
    }
    await fresh.close();

    const owner = await open();
    const seed = await seedEverything(owner, url);
    const anonymous = await open();
    const participant = await open({ viewport: { width: 390, height: 844 }, isMobile: true });
    const joined = await participant.request.post(`${url}/api/workshops/join`, {
      data: { code: seed.code, displayName: 'Ana' },
      headers: { origin: url },
    });
    expect(joined.status()).toBe(200);
    const contexts: Record<PageRoute['as'], BrowserContext> = { owner, anonymous, participant, fresh: owner };
    const pages = new Map<BrowserContext, Page>();
    for (const route of PAGE_ROUTES.filter((r) => r.as !== 'fresh')) {
      const context = contexts[route.as];
      const page = pages.get(context) ?? (await context.newPage());
      pages.set(context, page);
      await visit(page, route, seed);
    }
    expect(found).toEqual([]);
    for (const context of [owner, anonymous, participant]) {
      await context.close();
    }
  }, 600_000);
});
