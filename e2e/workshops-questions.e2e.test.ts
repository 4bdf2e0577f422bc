import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

/**
 * A check-in and questions with upvotes in Chromium, with two phones: the check-in says it is anonymous
 * before anyone answers and shows only the distribution and the words; a signed question stays with its
 * asker until the facilitator publishes it, then the other phone upvotes it and the big screen shows it.
 */
describe('check-in and questions with upvotes in Chromium', () => {
  const env = useServerAndBrowser();

  it('anonymous check-in → moderated question, published, upvoted, on the big screen', async () => {
    const url = env.server.url;
    const facilitator = await env.browser.newContext({ locale: 'en-GB' });
    const request = facilitator.request;
    const headers = { origin: url };
    await request.post(`${url}/api/setup`, {
      data: { email: 'lea@example.org', password: 'a long enough password', displayName: 'Léa' },
      headers,
    });
    const org = await (await request.post(`${url}/api/orgs`, { data: { name: 'Coop' }, headers })).json();
    const workshop = await (
      await request.post(`${url}/api/orgs/${org.id}/workshops`, { data: { title: 'Town hall' }, headers })
    ).json();
    const console = await facilitator.newPage();
    await console.setViewportSize({ width: 1366, height: 900 });
    await console.goto(`${url}/workshops/${workshop.id}`);
    await console.getByTestId('join-code').filter({ hasText: workshop.code }).waitFor();
    const add = async (kind: string) => {
      await console.getByLabel('Kind of activity').first().click();
      await console.getByRole('option', { name: kind, exact: true }).click();
      await console.getByRole('button', { name: 'Add to the agenda' }).click();
      await console.getByTestId('agenda').getByRole('button', { name: 'Start' }).last().click();
      await console.getByText(`Now: ${kind}`).waitFor();
    };
    await add('Check-in / check-out');
    const people: { context: BrowserContext; page: Page }[] = [];
    for (const name of ['Ana', 'Bruno']) {
      const context = await env.browser.newContext({
        locale: 'en-GB',
        viewport: { width: 390, height: 844 },
        isMobile: true,
      });
      const page = await context.newPage();
      await page.goto(`${url}/join/${workshop.code}`);
      await page.getByLabel('Your first name or nickname').fill(name);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.waitForURL(/\/w\//);
      people.push({ context, page });
    }
    const [ana, bruno] = people as [(typeof people)[0], (typeof people)[0]];
    for (const [{ page }, level, word] of [
      [ana, '4 · Good', 'rested'],
      [bruno, '2 · Not great', 'busy'],
    ] as const) {
      await page.getByTestId('check-in-notice').filter({ hasText: 'Your answer is anonymous' }).waitFor();
      await page.getByRole('radio', { name: level }).click();
      await page.getByLabel('One word (optional)').fill(word);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Thank you, your answer is saved.').waitFor();
    }
    await ana.page.screenshot({ path: screenshotPath('check-in-participant') });
    const screen = await facilitator.newPage();
    await screen.setViewportSize({ width: 1366, height: 850 });
    await screen.goto(`${url}/screen/${workshop.id}`);
    await screen.getByTestId('screen-hidden').waitFor();
    await console.getByTestId('agenda').getByRole('button', { name: 'Reveal results' }).last().click();
    // The console shows the words, sorted, and no names (not in named mode).
    const words = console.getByTestId('check-in-words').first();
    await words.waitFor();
    expect(await words.textContent()).toBe('busyrested');
    expect(await console.getByText('Named answers').count()).toBe(0);
    await screen.getByTestId('projector-bars').waitFor({ timeout: 15_000 });
    await screen.screenshot({ path: screenshotPath('check-in-big-screen') });

    await add('Questions with upvotes');
    await ana.page.getByLabel('Your question').fill('Why now?');
    await ana.page.getByLabel('Sign with my name').check();
    await ana.page.getByRole('button', { name: 'Send', exact: true }).click();
    await ana.page
      .getByText('Your question will be visible to everyone once the facilitator publishes it.')
      .waitFor();
    // Pending: Bruno does not see it.
    await bruno.page.getByText('No questions yet.').waitFor();
    const tools = console.getByTestId('questions-tools');
    await tools.getByText('Why now?').waitFor();
    await tools.getByRole('button', { name: 'Publish' }).click();
    await bruno.page.getByText('Why now?').waitFor();
    expect(await bruno.page.getByTestId('questions-list').textContent()).toContain('Ana');
    await bruno.page.getByRole('button', { name: 'Upvote "Why now?"' }).click();
    await tools.getByText('1 vote', { exact: true }).waitFor();
    await ana.page.getByText('1 vote', { exact: true }).waitFor();
    await bruno.page.screenshot({ path: screenshotPath('questions-participant') });
    await screen.getByText('Why now?').waitFor({ timeout: 15_000 });
    await screen.screenshot({ path: screenshotPath('questions-big-screen') });
    for (const page of [screen, console, bruno.page]) {
      await page.emulateMedia({ colorScheme: 'dark' });
    }
    await screen.screenshot({ path: screenshotPath('questions-big-screen-dark') });
    await console.screenshot({ path: screenshotPath('questions-console-dark'), fullPage: true });
    await bruno.page.screenshot({ path: screenshotPath('questions-participant-dark') });
    for (const p of people) {
      await p.context.close();
    }
    await facilitator.close();
  }, 300_000);
});
