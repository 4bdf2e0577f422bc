import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, injected into the page under test (nothing is downloaded). */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules, the base of the RGAA) on the page as it is now and
 * fail with a readable list when anything is found.
 */
export async function expectNoAxeViolations(
  page: Page,
  label = page.url(),
  /** Rules to skip, each with the reason (a known defect tracked elsewhere); keep this empty when possible. */
  skip: Record<string, string> = {},
): Promise<void> {
  expect(await axeViolations(page, skip), `axe on ${label}`).toEqual([]);
}

/** The violations axe finds on the page as it is now, one readable line each (empty when none). */
export async function axeViolations(page: Page, skip: Record<string, string> = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') forbids injected <script>s.
    await page.evaluate(axeSource);
  }
  const skipped = Object.keys(skip);
  const violations = await page.evaluate(async (skipRules) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: Object.fromEntries(skipRules.map((r) => [r, { enabled: false }])),
    });
    return result.violations;
  }, skipped);
  return (violations as AxeViolation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`).join(', ')}`,
  );
}

const SCHEMES = ['light', 'dark'] as const;

/**
 * Colour transitions have ended, so contrast is measured on the final colours: wait two frames (the new
 * scheme's styles are computed and their transitions created), then for every animation that ends.
 * Endless ones (a loader) are left running; a stuck one gives up after two seconds. Cheaper than a fixed
 * pause, which cost 0.4 s per scheme per page whether anything moved or not.
 */
export async function transitionsEnded(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const ending = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
      .map((a) => a.finished.catch(() => undefined));
    await Promise.race([Promise.all(ending), new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
}

/** The page has loaded what it shows: no pending request, no skeleton or loader left. */
export async function settle(page: Page, readyText?: RegExp): Promise<void> {
  // A page that polls a running job (a network analysis) may never go quiet for 500 ms: wait a while,
  // then check what is on screen anyway.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('.mantine-Skeleton-root, .mantine-Loader-root'), null, {
      timeout: 8000,
    })
    .catch(() => undefined);
  if (readyText) {
    await page.getByText(readyText).first().waitFor();
  }
}

/** Axe in the light then the dark colour scheme (the app follows the system's preference). */
export async function axeInBothSchemes(page: Page, label: string): Promise<string[]> {
  const found: string[] = [];
  // A background tab does not run transitions: bring the page to the front so no colour is caught
  // halfway through a scheme change.
  await page.bringToFront();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction(
      (s) => document.documentElement.getAttribute('data-mantine-color-scheme') === s,
      scheme,
      { timeout: 15_000 },
    );
    await transitionsEnded(page);
    found.push(...(await axeViolations(page)).map((v) => `${label} [${scheme}] ${v}`));
  }
  return found;
}
