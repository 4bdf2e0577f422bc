import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

describe('browser smoke test', () => {
  const env = useServerAndBrowser();

  it('opens the app (first-run setup on a fresh instance), switches language and the text changes', async () => {
    const context = await env.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url);
    // A fresh instance shows the first-run setup page; its heading is translated like every page.
    await page.getByTestId('setup-form').waitFor();
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    const french = (await title.textContent())?.trim();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const english = (await title.textContent())?.trim();
    expect(english).toBeTruthy();
    expect(english).not.toBe(french);
    await page.screenshot({ path: screenshotPath('smoke-setup-en'), fullPage: true });
    await page.reload();
    await title.waitFor();
    expect((await title.textContent())?.trim()).toBe(english);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves client-side routes on reload (SPA fallback) with a 404 page for unknown ones', async () => {
    const page = await env.browser.newPage();
    const response = await page.goto(`${env.server.url}/this/does/not/exist`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: screenshotPath('smoke-404') });
    await page.close();
  });
});
