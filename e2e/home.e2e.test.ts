import { describe, expect, it } from 'vitest';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';

/** A signed-in home knows what the person is working on; the first-engagement prompt only when none. */
describe('home journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('offers next steps in a new organisation, then lists open engagements and live workshops', async () => {
    const context = await env.browser.newContext({
      locale: 'fr-FR',
      baseURL: env.server.url,
      extraHTTPHeaders: { origin: env.server.url },
      viewport: { width: 1366, height: 850 },
    });
    const page = await context.newPage();
    await api(page, 'post', '/api/setup', {
      email: 'nina@example.org',
      password: 'a long enough password',
      displayName: 'Nina Facilitatrice',
    });
    const org = await api(page, 'post', '/api/orgs', { name: 'Atelier Sud' });
    await page.goto('/');
    await page.evaluate((id) => window.localStorage.setItem('essaim-org', id), org.id);
    await page.goto('/');
    await page.getByTestId('work-overview').waitFor();
    await page.getByRole('link', { name: 'Inviter votre équipe' }).waitFor();
    await page.screenshot({ path: screenshotPath('home-new-organisation') });

    // No decision due yet: the section says what will appear there.
    await page
      .getByTestId('work-overview')
      .getByText(/Aucune proposition n’attend de décision/)
      .waitFor();

    const engagement = await api(page, 'post', `/api/orgs/${org.id}/engagements`, {
      title: 'Coopérer entre services',
      request: 'Les services ne se parlent plus.',
    });
    await api(page, 'post', `/api/orgs/${org.id}/workshops`, { title: 'Atelier de rentrée' });
    // Two open proposals: the nearer deadline is listed first, as due soon.
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
    for (const [title, days] of [
      ['Horaires communs', 30],
      ['Charte de coopération', 3],
    ] as const) {
      await api(page, 'post', `/api/orgs/${org.id}/engagements/${engagement.id}/proposals`, {
        title,
        text: 'Une proposition à trancher ensemble.',
        rule: 'consent',
        deadline: inDays(days),
      });
    }
    await page.goto('/');
    const overview = page.getByTestId('work-overview');
    await overview.getByRole('link', { name: 'Coopérer entre services' }).waitFor();
    await overview.getByRole('link', { name: 'Atelier de rentrée' }).waitFor();
    const due = page.getByTestId('decisions-due');
    await due.getByRole('link', { name: 'Horaires communs' }).waitFor();
    expect(await due.getByRole('link').allTextContents()).toEqual([
      'Charte de coopération',
      'Horaires communs',
    ]);
    await due
      .getByText(/^avant le /)
      .first()
      .waitFor();
    expect(await due.getByRole('link', { name: 'Charte de coopération' }).getAttribute('href')).toMatch(
      new RegExp(`/engagements/${engagement.id}/proposals/`),
    );
    expect(await page.getByRole('link', { name: 'Inviter votre équipe' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('home-work') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('home-work-dark') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('home-work-phone-dark') });
    await context.close();
  }, 300_000);
});
