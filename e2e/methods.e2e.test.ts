import { describe, expect, it } from 'vitest';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';

describe('method library journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('filters the catalogue, reads a method in both languages, records a chosen method and prints an agenda', async () => {
    const context = await env.browser.newContext({
      locale: 'fr-FR',
      baseURL: env.server.url,
      extraHTTPHeaders: { origin: env.server.url },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await api(page, 'post', '/api/setup', {
      email: 'claire@example.org',
      password: 'a long enough password',
      displayName: 'Claire Morel',
    });
    const org = await api(page, 'post', '/api/orgs', { name: 'Cabinet Trame' });
    const engagement = await api(page, 'post', `/api/orgs/${org.id}/engagements`, {
      title: 'Coopérer entre services',
      request: 'Les services ne se parlent plus',
    });
    const withQ = await api(page, 'post', `/api/orgs/${org.id}/engagements/${engagement.id}/questions`, {
      text: 'Comment retrouver l’envie de coopérer ?',
    });
    const questionId = withQ.questions[0].id as string;
    await api(
      page,
      'put',
      `/api/orgs/${org.id}/engagements/${engagement.id}/questions/${questionId}/complexity`,
      {
        answers: { causeEffect: 'hindsight', agreement: 'low', precedent: 'never', urgency: 'normal' },
      },
    );

    // 1. Filter the catalogue: accent-insensitive search, then a family filter.
    await page.goto('/methods');
    await page.getByTestId('library-count').waitFor();
    const fullCount = await page.getByTestId('library-count').textContent();
    await page.getByTestId('library-search').fill('debat');
    await page.locator('[data-method-id="debat-mouvant"]').waitFor();
    await page.getByTestId('library-search').fill('');
    await page.getByRole('group', { name: 'Familles' }).getByText('Décider', { exact: true }).click();
    await expect.poll(() => page.getByTestId('library-count').textContent()).not.toBe(fullCount);
    const cards = await page.getByTestId('method-card').count();
    expect(cards).toBeGreaterThan(5);
    expect(await page.locator('[data-method-id="world-cafe"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('methods-catalogue'), fullPage: true });

    // 2. One method, in French then in English, with its source and credit.
    await page.goto('/methods/ls-1-2-4-all');
    await page.getByTestId('method-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('1-2-4-Tous');
    expect(await page.getByTestId('method-credit').textContent()).toContain('Lipmanowicz');
    await page.evaluate(() => window.localStorage.setItem('essaim-lang', 'en'));
    await page.reload();
    await page.getByTestId('method-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('1-2-4-All');
    expect(await page.getByText('Source and credit').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('methods-method-en'), fullPage: true });
    await page.evaluate(() => window.localStorage.setItem('essaim-lang', 'fr'));

    // An organisation's own method joins its library.
    await page.goto('/methods/new');
    const custom = page.getByTestId('custom-method-form');
    await custom.waitFor();
    await custom.getByLabel('Nom').fill('Cercle des réussites');
    await custom.getByLabel('À quoi elle sert').fill('Partager ce qui a marché pour nourrir la suite.');
    await custom.locator('button[type=submit]').click();
    await page.getByTestId('method-page').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Cercle des réussites');

    // 3. Suggestions for the engagement's question (assessed complex), then the group's choice.
    await page.goto(`/methods/recommend?engagement=${engagement.id}&question=${questionId}`);
    await page.getByTestId('reco-cynefin').waitFor();
    expect(await page.getByTestId('reco-cynefin').textContent()).toContain('complexe');
    await page.getByTestId('reco-submit').click();
    await page.getByTestId('reco-option').first().waitFor();
    expect(await page.getByTestId('reco-option').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('choice-belongs').textContent()).toContain('appartient au groupe');
    const choice = page.getByTestId('choice-form');
    await choice.getByRole('radio').nth(1).check();
    await choice.locator('textarea[name=reason]').fill('Le groupe préfère commencer en petits groupes.');
    await choice.locator('button[type=submit]').click();
    await page.getByTestId('choice-history').waitFor();
    expect(await page.getByTestId('choice-history').textContent()).toContain('Le groupe a choisi');
    await page.screenshot({ path: screenshotPath('methods-recommendations'), fullPage: true });
    const timeline = await (
      await page.request.get(`/api/orgs/${org.id}/engagements/${engagement.id}/timeline`)
    ).json();
    expect(timeline.entries.map((e: { kind: string }) => e.kind)).toContain('methods.choice_recorded');

    // 4. An agenda from a template, reordered with the keyboard, then printed in both versions.
    await page.goto('/agendas');
    const create = page.getByTestId('agenda-create-form');
    await create.waitFor();
    await create.locator('[name=title]').fill('Séminaire de coopération');
    await create.locator('[name=available]').fill('150');
    await page.getByTestId('template-diverge-converge-decide').click();
    await create.locator('button[type=submit]').click();
    await page.getByTestId('agenda-items').waitFor();
    expect(await page.getByTestId('agenda-item').count()).toBe(7);
    const firstTitle = await page
      .getByTestId('agenda-item')
      .first()
      .getByTestId('agenda-item-title')
      .textContent();
    await page.getByTestId('move-down').first().focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('agenda-item').nth(1).getByTestId('agenda-item-title').textContent())
      .toBe(firstTitle);
    await page.getByTestId('move-up').nth(1).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => page.getByTestId('agenda-item').nth(2).getByTestId('agenda-item-title').textContent())
      .toBe(firstTitle);
    await page.getByTestId('add-break').click();
    await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(8);
    expect(await page.getByTestId('agenda-total').textContent()).toMatch(/sur 2\s*h\s*30\s*min/);
    await page.screenshot({ path: screenshotPath('methods-agenda-builder'), fullPage: true });

    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByTestId('print-facilitator').click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('agenda-print').isVisible()).toBe(true);
    expect(await page.getByTestId('agenda-print').locator('th').count()).toBe(4);
    await page.screenshot({ path: screenshotPath('methods-agenda-print-facilitator'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('print-participant').click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('agenda-print').locator('th').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('methods-agenda-print-participant'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });

    const href = await page.getByTestId('export-json').getAttribute('href');
    const exported = await (await page.request.get(href!)).json();
    expect(exported).toMatchObject({ format: 'essaim.agenda', version: 1 });
    expect(exported.items).toHaveLength(8);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
