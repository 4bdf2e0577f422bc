import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

/**
 * Decision activities in Chromium: a facilitator and two participants on phones run a fist-to-five
 * (one person at 1 finger explains), a consent round (a question, one objection integrated into a
 * new version, consent) and a ranking (one ballot by keyboard, one with the buttons; Borda on the
 * big screen).
 */
describe('live workshop decisions in Chromium', () => {
  const env = useServerAndBrowser();

  it('fist-to-five → consent round with an integrated objection → ranking by keyboard', async () => {
    const url = env.server.url;
    const errors: string[] = [];
    const watch = (page: Page) => page.on('pageerror', (e) => errors.push(e.message));
    const facilitator = await env.browser.newContext({ locale: 'en-GB' });
    const api = facilitator.request;
    const headers = { origin: url };
    expect(
      (
        await api.post(`${url}/api/setup`, {
          data: { email: 'lea@example.org', password: 'a long enough password', displayName: 'Léa' },
          headers,
        })
      ).status(),
    ).toBe(200);
    const org = await (await api.post(`${url}/api/orgs`, { data: { name: 'Coop Beta' }, headers })).json();
    const workshop = await (
      await api.post(`${url}/api/orgs/${org.id}/workshops`, { data: { title: 'Decisions' }, headers })
    ).json();
    const console = await facilitator.newPage();
    watch(console);
    await console.goto(`${url}/workshops/${workshop.id}`);
    await console.getByTestId('join-code').filter({ hasText: workshop.code }).waitFor();

    const people: { context: BrowserContext; page: Page }[] = [];
    for (const name of ['Ana', 'Bruno']) {
      const context = await env.browser.newContext({
        locale: 'en-GB',
        viewport: { width: 390, height: 844 },
        isMobile: true,
      });
      const page = await context.newPage();
      watch(page);
      await page.goto(`${url}/join/${workshop.code}`);
      await page.getByLabel('Your first name or nickname').fill(name);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.waitForURL(/\/w\//);
      people.push({ context, page });
    }
    const [ana, bruno] = people.map((p) => p.page) as [Page, Page];
    const settled = (page: Page) =>
      page
        .getByTestId('connection')
        .filter({ hasText: /^Connected$/ })
        .waitFor();
    const addActivity = async (kind: string, fill: () => Promise<void>) => {
      await console.getByLabel('Kind of activity').first().click();
      await console.getByRole('option', { name: kind, exact: true }).click();
      await fill();
      await console.getByRole('button', { name: 'Add to the agenda' }).click();
      await console.getByTestId('agenda').getByRole('button', { name: 'Start' }).last().click();
      await console.getByText(`Now: ${kind}`).waitFor();
    };

    // Fist to five: Ana shows 4, Bruno shows 1 and is asked to explain.
    await addActivity('Fist to five', () =>
      console.getByLabel('Proposal put to the group').fill('Meet every Tuesday'),
    );
    await ana.getByRole('group', { name: 'How many fingers?' }).getByRole('button', { name: '4' }).click();
    await bruno.getByRole('group', { name: 'How many fingers?' }).getByRole('button', { name: '1' }).click();
    await bruno
      .getByLabel('What would it take for you to show 3 or more?')
      .fill('Tuesdays clash with clients');
    await bruno.getByRole('button', { name: 'Send my explanation' }).click();
    await settled(bruno);
    await console.getByText('1 person at 2 or less: let us hear them.').waitFor();
    // Names were not chosen before the vote (the default): the phones said so, nobody sees who.
    await bruno
      .getByTestId('fist-names-notice')
      .filter({ hasText: /not even the facilitator/ })
      .waitFor();
    const explanations = console.getByTestId('fist-explanations');
    await explanations.getByText('Tuesdays clash with clients').waitFor();
    await explanations.getByText('Explanations (anonymous)').waitFor();
    expect(await explanations.textContent()).not.toContain('Bruno');
    await bruno.screenshot({ path: screenshotPath('workshop-participant-fist') });
    await console.getByTestId('agenda').getByRole('button', { name: 'Reveal results' }).last().click();
    const fistScreen = await facilitator.newPage();
    watch(fistScreen);
    await fistScreen.setViewportSize({ width: 1366, height: 850 });
    await fistScreen.goto(`${url}/screen/${workshop.id}`);
    await fistScreen.getByTestId('projector-bars').getByText('Tuesdays clash with clients').waitFor();
    expect(await fistScreen.locator('main').textContent()).not.toMatch(/Bruno|Ana/);
    await fistScreen.screenshot({ path: screenshotPath('workshop-big-screen-fist') });
    await fistScreen.close();

    // Consent round: a question, an objection integrated into version 2, then consent.
    await addActivity('Consent round', () =>
      console.getByLabel('Proposal put to the group').fill('Meet every Tuesday at 9'),
    );
    const next = (stage: string) => console.getByRole('button', { name: `Move to: ${stage}` }).click();
    await next('Clarifying questions');
    await ana.getByTestId('consent-stage').filter({ hasText: 'Clarifying questions' }).waitFor();
    await ana.getByLabel('Your question').fill('Online or in person?');
    await ana.getByRole('button', { name: 'Ask' }).click();
    await console.getByTestId('consent-trace').getByText('Online or in person?').waitFor();
    await next('Reactions');
    await next('Objections');
    await bruno.getByLabel('Your objection').fill('9 is too early for part-timers');
    await bruno.getByRole('button', { name: 'Object', exact: true }).click();
    await console.getByTestId('consent-outcome').filter({ hasText: 'Open objections' }).waitFor();
    await next('Amendments');
    await console.getByLabel('How the objection is integrated').fill('Moved to 10');
    await console.getByLabel('Proposal after integration').fill('Meet every Tuesday at 10');
    await console.getByRole('button', { name: 'Integrate and create a new version' }).click();
    await console.getByTestId('consent-proposal').filter({ hasText: 'Meet every Tuesday at 10' }).waitFor();
    await next('Consent');
    await console.getByTestId('consent-outcome').filter({ hasText: 'Consent reached' }).waitFor();
    const mine = bruno.getByTestId('my-objection');
    await mine.getByText('Integrated', { exact: true }).waitFor();
    await mine.getByText('Integrated: Moved to 10 (version 2)').waitFor();
    await bruno.getByText('Meet every Tuesday at 10').waitFor();
    await bruno.screenshot({ path: screenshotPath('workshop-participant-consent') });
    await console.screenshot({ path: screenshotPath('workshop-console-consent'), fullPage: true });

    // Ranking: Ana orders with the arrow keys, Bruno with the buttons; Borda on the big screen.
    await addActivity('Ranking', () => console.getByLabel('Items, one per line').fill('Alpha\nBeta\nGamma'));
    const gamma = ana.getByTestId('ranking-list').getByText('Gamma');
    await gamma.focus();
    await ana.keyboard.press('ArrowUp');
    await ana.keyboard.press('ArrowUp');
    expect(await ana.getByTestId('ranking-list').locator('li').allTextContents()).toEqual([
      '1Gamma↑↓',
      '2Alpha↑↓',
      '3Beta↑↓',
    ]);
    await ana.getByRole('button', { name: 'Send my ranking' }).click();
    await ana.getByTestId('ranking-sent').waitFor();
    await bruno.getByRole('button', { name: 'Move “Gamma” up' }).click();
    await bruno.getByRole('button', { name: 'Send my ranking' }).click();
    await settled(ana);
    await settled(bruno);
    await console.getByTestId('agenda').getByRole('button', { name: 'Reveal results' }).last().click();
    const screen = await facilitator.newPage();
    watch(screen);
    await screen.setViewportSize({ width: 1600, height: 900 });
    await screen.goto(`${url}/screen/${workshop.id}`);
    // Ana: Gamma, Alpha, Beta; Bruno: Alpha, Gamma, Beta → Gamma 3, Alpha 3, Beta 0.
    await screen
      .getByRole('img', { name: /Gamma: 3, Alpha: 3, Beta: 0|Alpha: 3, Gamma: 3, Beta: 0/ })
      .waitFor();
    await screen
      .getByTestId('ranking-spread')
      .getByText(/Beta: average position 3 \(± 0\), from 3 to 3/)
      .waitFor();
    await screen.screenshot({ path: screenshotPath('workshop-big-screen-ranking'), fullPage: true });
    await ana.getByTestId('ranking-spread').waitFor();
    await ana.screenshot({ path: screenshotPath('workshop-participant-ranking'), fullPage: true });

    // The agenda: duplicate the ranking, edit the copy (in preparation), move it up, then delete it.
    const agenda = console.getByTestId('agenda');
    await agenda.getByRole('button', { name: 'More actions for “Ranking”' }).click();
    await console.getByRole('menuitem', { name: 'Duplicate' }).click();
    await agenda.getByText('4. Ranking (copy)').waitFor();
    await agenda.getByRole('button', { name: 'More actions for “Ranking (copy)”' }).click();
    await console.getByRole('menuitem', { name: 'Edit' }).click();
    const editor = console.getByRole('dialog', { name: 'Edit “Ranking (copy)”' });
    await editor.getByLabel('Title').fill('Second ranking');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await agenda.getByText('4. Second ranking').waitFor();
    await agenda.getByRole('button', { name: 'Move “Second ranking” up' }).click();
    await agenda.getByText('3. Second ranking').waitFor();
    await agenda.getByRole('button', { name: 'More actions for “Second ranking”' }).click();
    await console.getByRole('menuitem', { name: 'Delete' }).click();
    const confirmDelete = console.getByRole('dialog', { name: 'Delete this activity?' });
    await confirmDelete.getByText(/cannot be undone/).waitFor();
    await confirmDelete.getByRole('button', { name: 'Delete the activity' }).click();
    await agenda.getByText('Second ranking').waitFor({ state: 'detached' });

    // Stop through the app's dialog with a reason: consistent on the console, the phones and the screen.
    await console.getByRole('button', { name: 'Stop the workshop' }).click();
    const confirmStop = console.getByRole('dialog', { name: 'Stop the workshop?' });
    // The dialog says how a stop differs from a pause, and that it can be resumed.
    await confirmStop.getByText(/A stop ends the session, where a pause is only a break/).waitFor();
    await confirmStop.getByText(/you can resume the workshop from this console/).waitFor();
    expect(await confirmStop.getByRole('button', { name: 'Stop the workshop' }).isDisabled()).toBe(true);
    await confirmStop.getByLabel(/Reason, shown to participants/).fill('Time is up');
    await confirmStop.getByRole('button', { name: 'Stop the workshop' }).click();
    await console.getByTestId('stopped-note').waitFor();
    expect(await console.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(await console.getByRole('button', { name: 'Add to the agenda' }).count()).toBe(0);
    await console.getByRole('link', { name: 'Export (CSV)' }).waitFor();
    await ana
      .getByTestId('status-banner')
      .getByText(/Time is up/)
      .waitFor();
    expect(
      await ana.getByTestId('activity-inputs').evaluate((f) => (f as HTMLFieldSetElement).disabled),
    ).toBe(true);
    expect(await ana.getByRole('button', { name: 'Move “Gamma” down' }).isDisabled()).toBe(true);
    await screen.getByTestId('status-banner').waitFor();
    expect(await screen.getByTestId('screen-code').count()).toBe(0);
    await ana.screenshot({ path: screenshotPath('workshop-participant-stopped') });
    await console.setViewportSize({ width: 1366, height: 850 });
    await console.screenshot({ path: screenshotPath('workshop-console-stopped') });
    // The console offers only "resume" (and exports): resuming reopens the doors everywhere.
    await console.getByRole('button', { name: 'Resume the workshop' }).click();
    await console.getByRole('button', { name: 'Pause' }).waitFor();
    await ana.getByTestId('status-banner').waitFor({ state: 'detached' });
    expect(
      await ana.getByTestId('activity-inputs').evaluate((f) => (f as HTMLFieldSetElement).disabled),
    ).toBe(false);
    await screen.getByTestId('status-banner').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    for (const p of people) {
      await p.context.close();
    }
    await facilitator.close();
  }, 300_000);
});
