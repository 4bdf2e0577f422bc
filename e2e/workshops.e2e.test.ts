import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

/**
 * A live workshop in Chromium: a facilitator (console + big screen) and three participants on phones.
 * Join by code, brainstorm, cluster into groups, dot-vote on the groups, live results on the big
 * screen; one participant loses the network mid-vote and comes back without losing or doubling a vote.
 */
describe('live workshop journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('join by code → brainstorm → cluster → dot vote, offline vote counted once, results on the big screen', async () => {
    const url = env.server.url;
    const errors: string[] = [];
    const watch = (page: Page) => page.on('pageerror', (e) => errors.push(e.message));
    const facilitator = await env.browser.newContext({ locale: 'en-GB' });
    const api = facilitator.request;
    const headers = { origin: url };
    expect(
      (
        await api.post(`${url}/api/setup`, {
          data: {
            email: 'lea@example.org',
            password: 'a long enough password',
            displayName: 'Léa Facilitatrice',
          },
          headers,
        })
      ).status(),
    ).toBe(200);
    const org = await (
      await api.post(`${url}/api/orgs`, { data: { name: 'Coopérative Alpha' }, headers })
    ).json();
    const workshop = await (
      await api.post(`${url}/api/orgs/${org.id}/workshops`, { data: { title: 'Retraite d’équipe' }, headers })
    ).json();

    const console = await facilitator.newPage();
    watch(console);
    await console.goto(`${url}/workshops/${workshop.id}`);
    await console.getByTestId('join-code').filter({ hasText: workshop.code }).waitFor();
    // Brainstorm, added from the console and started.
    await console.getByRole('button', { name: 'Add to the agenda' }).click();
    await console.getByTestId('agenda').getByRole('button', { name: 'Start' }).click();

    // Three participants join by code on phone-sized screens.
    const people: { context: BrowserContext; page: Page }[] = [];
    for (const name of ['Ana', 'Bruno', 'Chloé']) {
      const context = await env.browser.newContext({
        locale: 'en-GB',
        viewport: { width: 390, height: 844 },
        isMobile: true,
      });
      const page = await context.newPage();
      watch(page);
      await page.goto(`${url}/join/${workshop.code}`);
      await page.getByTestId('join-title').waitFor();
      await page.getByLabel('Your first name or nickname').fill(name);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.waitForURL(/\/w\//);
      people.push({ context, page });
    }
    const ideas = [
      ['Shared lunch every month', 'Pair work across services'],
      ['A common tool for tasks'],
      ['Rotate meeting facilitation'],
    ];
    for (const [i, { page }] of people.entries()) {
      for (const idea of ideas[i] ?? []) {
        await page.getByLabel('Your idea').fill(idea);
        await page.getByRole('button', { name: 'Send the card' }).click();
        await page
          .getByTestId('connection')
          .filter({ hasText: /^Connected$/ })
          .waitFor();
      }
    }
    await console.getByText('Rotate meeting facilitation').first().waitFor();
    expect(await console.getByTestId('participants').textContent()).toContain('Chloé');
    await people[0]!.page.screenshot({ path: screenshotPath('workshop-participant-brainstorm') });

    // Clustering: two groups, cards moved with the keyboard-friendly selects.
    await console.getByLabel('Kind of activity').first().click();
    await console.getByRole('option', { name: 'Clustering' }).click();
    await console.getByRole('button', { name: 'Add to the agenda' }).click();
    await console.getByTestId('agenda').getByRole('button', { name: 'Start' }).last().click();
    await console.getByText('Now: Clustering').waitFor();
    for (const group of ['Rituals', 'Tools']) {
      await console.getByLabel('New group').fill(group);
      await console.getByRole('button', { name: 'Add group' }).click();
      await console.getByRole('region', { name: group }).waitFor();
    }
    const placement: Record<string, string> = {
      'Shared lunch every month': 'Rituals',
      'Rotate meeting facilitation': 'Rituals',
      'Pair work across services': 'Rituals',
      'A common tool for tasks': 'Tools',
    };
    for (const [card, group] of Object.entries(placement)) {
      await console.getByLabel(`Group of the card “${card}”`).first().click();
      await console.getByRole('option', { name: group }).click();
    }
    await console.getByRole('region', { name: 'Tools' }).getByText('A common tool for tasks').waitFor();
    await console.screenshot({ path: screenshotPath('workshop-console-cluster'), fullPage: true });

    // Dot vote on the groups; the big screen opens in the facilitator's own browser.
    await console.getByRole('button', { name: 'Vote on these groups' }).click();
    await console.getByTestId('agenda').getByText('3. Vote on the groups').waitFor();
    await console.getByTestId('agenda').getByRole('button', { name: 'Start' }).last().click();
    const screen = await facilitator.newPage();
    watch(screen);
    await screen.setViewportSize({ width: 1366, height: 850 });
    await screen.goto(`${url}/screen/${workshop.id}`);
    await screen.getByTestId('screen-code').filter({ hasText: workshop.code }).waitFor();
    await screen.getByRole('heading', { name: 'Vote on the groups' }).waitFor();
    await screen.getByTestId('screen-hidden').waitFor();

    const addDot = (page: Page, label: string) =>
      page.getByRole('button', { name: `Add a dot to “${label}”` }).click();
    const settled = (page: Page) =>
      page
        .getByTestId('connection')
        .filter({ hasText: /^Connected$/ })
        .waitFor();
    const [ana, bruno, chloe] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    for (const label of ['Rituals', 'Rituals', 'Tools']) {
      await addDot(ana.page, label);
    }
    await settled(ana.page);
    for (const label of ['Tools', 'Tools', 'Rituals']) {
      await addDot(bruno.page, label);
    }
    await settled(bruno.page);
    // Chloé votes once, loses the network, votes twice more offline, then comes back.
    await addDot(chloe.page, 'Rituals');
    await settled(chloe.page);
    await chloe.context.setOffline(true);
    // The phone says its votes are kept until the network is back. Waited for before voting: the
    // notice appears a moment after the network drops and moves the buttons down, so a click aimed
    // while it was appearing could land beside its button (a quiet machine did that often).
    await chloe.page
      .getByTestId('connection')
      .filter({ hasText: /Offline/ })
      .waitFor();
    await addDot(chloe.page, 'Tools');
    await addDot(chloe.page, 'Rituals');
    await chloe.page.screenshot({ path: screenshotPath('workshop-participant-offline') });
    await chloe.context.setOffline(false);
    await settled(chloe.page);
    // Back online, the phone shows its three dots placed. (Read only once reconnected: when the network
    // drops while a vote is in flight, its ack can arrive without its echo, and the phone shows one
    // dot fewer until it resumes; the counts below check that nothing was lost or doubled.)
    await chloe.page.getByTestId('dots-remaining').filter({ hasText: /\b0\b/ }).waitFor();

    // The console sees all nine dots live; the projector still shows nothing (privacy until reveal).
    await console.getByRole('img', { name: /Rituals: 5, Tools: 4/ }).waitFor({ timeout: 15_000 });
    await screen.getByTestId('screen-hidden').waitFor();
    expect(await screen.getByTestId('projector-bars').count()).toBe(0);
    expect(await screen.locator('main').textContent()).not.toMatch(/Rituals|Tools/);
    await screen.screenshot({ path: screenshotPath('workshop-big-screen-hidden') });
    // Revealed: Rituals 2+1+2 = 5, Tools 1+2+1 = 4, nothing lost or doubled, values written on the bars.
    await console.getByTestId('agenda').getByRole('button', { name: 'Reveal results' }).last().click();
    await screen.getByTestId('projector-bars').waitFor({ timeout: 15_000 });
    expect(
      await screen.getByTestId('projector-row').evaluateAll((rows) => rows.map((r) => r.textContent)),
    ).toEqual(['Rituals5', 'Tools4']);
    await screen.screenshot({ path: screenshotPath('workshop-big-screen') });
    const exported = await (
      await api.get(`${url}/api/orgs/${org.id}/workshops/${workshop.id}/export`)
    ).json();
    const vote = exported.activities[2].results;
    expect(vote.items.map((i: { label: string; dots: number }) => [i.label, i.dots])).toEqual([
      ['Rituals', 5],
      ['Tools', 4],
    ]);
    expect(vote.totalDots).toBe(9);
    // The same screens in dark mode (projector, console at 1366×850, a phone at 390×844).
    await console.setViewportSize({ width: 1366, height: 850 });
    await console.screenshot({ path: screenshotPath('workshop-console-live') });
    for (const page of [screen, console, ana.page]) {
      await page.emulateMedia({ colorScheme: 'dark' });
    }
    await screen.screenshot({ path: screenshotPath('workshop-big-screen-dark') });
    await console.screenshot({ path: screenshotPath('workshop-console-live-dark') });
    await ana.page.screenshot({ path: screenshotPath('workshop-participant-dark') });
    // The participant's own view agrees after a reload (identity kept by the participant token).
    await chloe.page.reload();
    await chloe.page.getByTestId('dots-remaining').filter({ hasText: '0' }).waitFor();
    expect(errors).toEqual([]);
    for (const p of people) {
      await p.context.close();
    }
    await facilitator.close();
  }, 300_000);
});
