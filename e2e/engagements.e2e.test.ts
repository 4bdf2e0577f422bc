import { describe, expect, it } from 'vitest';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';

describe('engagement journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('creates an engagement, adds questions, imports members, records the sponsor’s choice, stops and resumes', async () => {
    const context = await env.browser.newContext({
      locale: 'fr-FR',
      baseURL: env.server.url,
      extraHTTPHeaders: { origin: env.server.url },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Account and organisation through the API (the identity journey covers their screens).
    await api(page, 'post', '/api/setup', {
      email: 'claire@example.org',
      password: 'a long enough password',
      displayName: 'Claire Morel',
    });
    const org = await api(page, 'post', '/api/orgs', { name: 'Direction des solidarités' });
    await page.goto('/engagements/new');
    const form = page.getByTestId('engagement-create-form');
    await form.waitFor();
    await form.locator('[name=title]').fill('Coopérer entre services');
    await form.locator('[name=request]').fill('Les services ne se parlent plus depuis la fusion.');
    await form.locator('[name=intention]').fill('Retrouver l’envie de travailler ensemble.');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('engagement-title').waitFor();
    expect(await page.getByTestId('engagement-title').textContent()).toContain('Coopérer entre services');
    const engagementId = page.url().split('/engagements/')[1]!.split('?')[0]!;

    await page.goto(`/engagements/${engagementId}?tab=questions`);
    for (const q of ['Qu’est-ce qui bloque la circulation des dossiers ?', 'Qui décide de quoi ?']) {
      await page.getByTestId('question-add-input').fill(q);
      await page.getByTestId('question-add-submit').click();
      await page.getByTestId('question-item').filter({ hasText: q }).waitFor();
    }
    expect(await page.getByTestId('question-item').count()).toBe(2);

    // Import members from a CSV file (French headers, semicolons).
    await page.goto('/people');
    await page.getByTestId('import-open').click();
    const csv =
      'Nom;Courriel;Équipe;Site\nAnne Martin;anne@ex.fr;Accueil;Lyon\nBob Lenoir;bob@ex.fr;Instruction;Paris\nChloé Roux;chloe@ex.fr;Accueil;Lyon\n';
    await page
      .getByTestId('import-file-input')
      .setInputFiles({ name: 'agents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('people-table').filter({ hasText: 'Chloé Roux' }).waitFor();
    await page.screenshot({ path: screenshotPath('engagement-people'), fullPage: true });

    // Options board prepared by the facilitator; the choice is recorded by the sponsor.
    await page.goto(`/engagements/${engagementId}?tab=options`);
    const boardForm = page.getByTestId('board-create-form');
    await boardForm.waitFor();
    await boardForm.locator('[name=title]').fill('Par où commencer ?');
    await boardForm.locator('button[type=submit]').click();
    for (const title of ['Binômes inter-services', 'Atelier mensuel']) {
      const optionForm = page.getByTestId('option-add-form');
      await optionForm.waitFor();
      await optionForm.locator('[name=title]').fill(title);
      await optionForm.locator('button[type=submit]').click();
      await page.getByTestId('option-card').filter({ hasText: title }).waitFor();
    }
    const invitation = await api(page, 'post', `/api/orgs/${org.id}/invitations`, {
      email: 'jean@example.org',
      role: 'sponsor',
    });
    const sponsorContext = await env.browser.newContext({
      locale: 'fr-FR',
      baseURL: env.server.url,
      extraHTTPHeaders: { origin: env.server.url },
    });
    const sponsor = await sponsorContext.newPage();
    sponsor.on('pageerror', (e) => errors.push(e.message));
    await api(sponsor, 'post', `/api/invitations/${invitation.link.split('/invite/')[1]}/accept`, {
      displayName: 'Jean Dupuis',
      password: 'the sponsor password',
    });
    await sponsor.goto(`/engagements/${engagementId}?tab=options`);
    await sponsor
      .getByTestId('option-card')
      .filter({ hasText: 'Binômes inter-services' })
      .getByTestId('record-choice')
      .click();
    await sponsor.getByTestId('choice-reason').fill('Rapide à lancer et peu risqué');
    await sponsor.getByTestId('record-choice-submit').click();
    // The recorded choice and its reason are shown to everyone; the banner says the choice was people's.
    await sponsor.getByText('Rapide à lancer et peu risqué').first().waitFor();
    expect(await sponsor.getByTestId('choice-banner').textContent()).toMatch(/commanditaire|groupe/);
    await sponsor.screenshot({ path: screenshotPath('engagement-options-choice'), fullPage: true });

    // Stop with a reason: the sponsor's open page shows the banner without reloading.
    await page.goto(`/engagements/${engagementId}`);
    await page.getByTestId('status-stop').click();
    await page.getByTestId('status-reason').fill('Climat social trop tendu pour continuer');
    await page.getByTestId('status-confirm').click();
    await page.getByTestId('engagement-banner').waitFor();
    expect(await page.getByTestId('engagement-banner').textContent()).toContain('Climat social trop tendu');
    await sponsor.getByTestId('engagement-banner').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('engagement-stopped'), fullPage: true });
    const refused = await sponsor.request.post(
      `/api/orgs/${org.id}/engagements/${engagementId}/options-boards/x/choice`,
      {
        data: { optionId: 'x', reason: 'Trop tard', decidedBy: 'sponsor' },
      },
    );
    expect(refused.status()).toBeGreaterThanOrEqual(400);

    await page.getByTestId('status-resume').click();
    await page.getByTestId('status-reason').fill('Accord trouvé avec les représentants');
    await page.getByTestId('status-confirm').click();
    await page.getByTestId('engagement-banner').waitFor({ state: 'detached' });
    const e = await api(page, 'get', `/api/orgs/${org.id}/engagements/${engagementId}`);
    expect(e.status).toMatchObject({ status: 'active', reason: 'Accord trouvé avec les représentants' });
    expect(errors).toEqual([]);
    await context.close();
    await sponsorContext.close();
  });
});
