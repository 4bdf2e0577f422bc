import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

/**
 * The new live activities in Chromium, with four phones: the facilitator forms pairs (each phone shows
 * its pair by name), runs a brainstorm, puts its cards on a 2×2 matrix (impact × effort, mean position
 * and spread on the big screen) and has the room spread 100 points over the matrix's top four; an
 * allocation over the budget cannot be sent.
 */
describe('small groups, 2×2 matrix and 100 points in Chromium', () => {
  const env = useServerAndBrowser();

  it('form pairs → brainstorm → 2×2 matrix of the cards → 100 points on the top four', async () => {
    const url = env.server.url;
    const facilitator = await env.browser.newContext({ locale: 'en-GB' });
    const request = facilitator.request;
    const headers = { origin: url };
    expect(
      (
        await request.post(`${url}/api/setup`, {
          data: { email: 'lea@example.org', password: 'a long enough password', displayName: 'Léa' },
          headers,
        })
      ).status(),
    ).toBe(200);
    const org = await (await request.post(`${url}/api/orgs`, { data: { name: 'Coop' }, headers })).json();
    const workshop = await (
      await request.post(`${url}/api/orgs/${org.id}/workshops`, { data: { title: 'Priorités' }, headers })
    ).json();

    const console = await facilitator.newPage();
    await console.setViewportSize({ width: 1366, height: 900 });
    await console.goto(`${url}/workshops/${workshop.id}`);
    await console.getByTestId('join-code').filter({ hasText: workshop.code }).waitFor();
    const add = async (kind: string, configure?: () => Promise<void>) => {
      await console.getByLabel('Kind of activity').first().click();
      await console.getByRole('option', { name: kind, exact: true }).click();
      await configure?.();
      await console.getByRole('button', { name: 'Add to the agenda' }).click();
      await console.getByTestId('agenda').getByRole('button', { name: 'Start' }).last().click();
      await console.getByText(`Now: ${kind}`).waitFor();
    };
    const reveal = () =>
      console.getByTestId('agenda').getByRole('button', { name: 'Reveal results' }).last().click();

    // Pairs first: the room arrives, then the facilitator forms the groups.
    await add('Small groups');
    const people: { context: BrowserContext; page: Page; name: string }[] = [];
    for (const name of ['Ana', 'Bruno', 'Chloé', 'Driss']) {
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
      await page.getByText('Groups are not formed yet').waitFor();
      people.push({ context, page, name });
    }
    await console.getByRole('button', { name: 'Form the groups' }).click();
    const partners = new Map<string, string[]>();
    for (const { page, name } of people) {
      const group = page.getByTestId('my-group');
      await group.waitFor();
      const members = await group.getByRole('listitem').allTextContents();
      expect(members).toHaveLength(2);
      expect(members).toContain(`${name} (you)`);
      partners.set(name, members.map((m) => m.replace(' (you)', '')).sort());
    }
    // Everyone in exactly one pair, and pairs agree with each other.
    const pairs = new Set([...partners.values()].map((m) => m.join('+')));
    expect(pairs.size).toBe(2);
    expect([...pairs].flatMap((p) => p.split('+')).sort()).toEqual(['Ana', 'Bruno', 'Chloé', 'Driss']);
    await people[0]!.page.screenshot({ path: screenshotPath('groups-participant-pair') });
    await console.getByTestId('groups-list').waitFor();

    // Brainstorm.
    await add('Brainstorm');
    const ideas = ['Shared lunch', 'Common task tool', 'Rotate facilitation', 'Onboarding buddy'];
    for (const [i, { page }] of people.entries()) {
      await page.getByLabel('Your idea').fill(ideas[i]!);
      await page.getByRole('button', { name: 'Send the card' }).click();
    }
    await console.getByText('Onboarding buddy').first().waitFor();

    // 2×2 matrix of the cards.
    await add('2×2 matrix', async () => {
      await console.getByTestId('take-items-from').click();
      await console.getByRole('option', { name: 'Brainstorm', exact: true }).click();
    });
    const slider = (page: Page, label: string, axis: string) =>
      page.getByRole('slider', { name: `${label} — ${axis}` });
    for (const { page } of people) {
      await page.getByTestId('matrix-item').first().waitFor();
      // Shared lunch: high impact, low effort; Common task tool: low impact, high effort.
      await slider(page, 'Shared lunch', 'Impact').focus();
      await page.keyboard.press('End');
      await slider(page, 'Shared lunch', 'Effort').focus();
      await page.keyboard.press('Home');
      await slider(page, 'Common task tool', 'Impact').focus();
      await page.keyboard.press('Home');
      await slider(page, 'Common task tool', 'Effort').focus();
      await page.keyboard.press('End');
      await page
        .getByTestId('matrix-item')
        .filter({ hasText: 'Common task tool' })
        .getByText('Placed')
        .waitFor();
    }
    await people[1]!.page.screenshot({ path: screenshotPath('matrix-participant') });
    const screen = await facilitator.newPage();
    await screen.setViewportSize({ width: 1366, height: 850 });
    await screen.goto(`${url}/screen/${workshop.id}`);
    await screen.getByTestId('screen-hidden').waitFor();
    await reveal();
    await screen.getByTestId('matrix-chart').waitFor({ timeout: 15_000 });
    await console.getByRole('button', { name: 'Show individual dots (anonymous)' }).click();
    await screen.getByText('Individual dots are anonymous').waitFor();
    await screen.screenshot({ path: screenshotPath('matrix-big-screen') });
    // Each placed item: four answers, mean at the corner, no spread (everyone agreed).
    const rows = await console.getByRole('row').allTextContents();
    expect(rows.find((r) => r.startsWith('Shared lunch'))).toBe('Shared lunch4100 ± 00 ± 0');
    expect(rows.find((r) => r.startsWith('Common task tool'))).toBe('Common task tool40 ± 0100 ± 0');

    // 100 points over the matrix's top four (by impact minus effort).
    await add('100 points', async () => {
      await console.getByTestId('take-items-from').click();
      await console.getByRole('option', { name: '2×2 matrix', exact: true }).click();
    });
    const allocations: Record<string, number>[] = [
      { 'Shared lunch': 60, 'Rotate facilitation': 40 },
      { 'Shared lunch': 100 },
      { 'Common task tool': 50, 'Onboarding buddy': 50 },
      { 'Shared lunch': 30, 'Onboarding buddy': 70 },
    ];
    for (const [i, { page }] of people.entries()) {
      await page.getByTestId('budget-remaining').waitFor();
      for (const [label, points] of Object.entries(allocations[i]!)) {
        await page.getByLabel(`Points for ${label}`).fill(String(points));
      }
      if (i === 0) {
        // Over the budget: the phone says so and the button stays disabled.
        await page.getByLabel('Points for Common task tool').fill('10');
        await page
          .getByTestId('budget-remaining')
          .filter({ hasText: 'You are 10 points over budget.' })
          .waitFor();
        expect(await page.getByRole('button', { name: 'Send my allocation' }).isDisabled()).toBe(true);
        await page.getByLabel('Points for Common task tool').fill('0');
      }
      await page.getByRole('button', { name: 'Send my allocation' }).click();
      await page.getByText('Allocation saved.').waitFor();
    }
    await people[0]!.page.screenshot({ path: screenshotPath('budget-participant') });
    await reveal();
    await console.getByText('4 participants · 400 points spent').first().waitFor({ timeout: 15_000 });
    await screen.getByTestId('projector-bars').waitFor({ timeout: 15_000 });
    await screen.screenshot({ path: screenshotPath('budget-big-screen') });
    const exported = await (
      await request.get(`${url}/api/orgs/${org.id}/workshops/${workshop.id}/export`)
    ).json();
    const budget = exported.activities.find((a: { type: string }) => a.type === 'budget').results;
    expect(budget.items.map((i: { label: string; total: number }) => [i.label, i.total])).toEqual([
      ['Shared lunch', 190],
      ['Onboarding buddy', 120],
      ['Common task tool', 50],
      ['Rotate facilitation', 40],
    ]);
    // The screens in dark mode.
    for (const page of [screen, console, people[0]!.page]) {
      await page.emulateMedia({ colorScheme: 'dark' });
    }
    await screen.screenshot({ path: screenshotPath('budget-big-screen-dark') });
    await console.screenshot({ path: screenshotPath('budget-console-dark'), fullPage: true });
    await people[0]!.page.screenshot({ path: screenshotPath('budget-participant-dark') });
    for (const p of people) {
      await p.context.close();
    }
    await facilitator.close();
  }, 300_000);
});
