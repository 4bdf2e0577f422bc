import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

/** Answer every step of the questionnaire at `url` (consent first), choosing the `choice`-th point. */
async function answer(page: Page, url: string, choice: number, shot?: string) {
  await page.goto(url);
  try {
    await page.getByRole('button', { name: /J’ai compris|I understand/ }).click({ timeout: 10_000 });
  } catch (error) {
    await page.screenshot({ path: screenshotPath('diagnostics-failure'), fullPage: true });
    throw new Error(`no consent screen at ${url}: ${await page.locator('body').textContent()}`, {
      cause: error,
    });
  }
  for (let step = 0; step < 20; step++) {
    const title = page.getByTestId('step-title');
    await title.waitFor();
    if (shot && step === 0) {
      await page.screenshot({ path: screenshotPath(shot), fullPage: true });
    }
    const groups = page.locator('main [role=radiogroup]');
    const count = await groups.count();
    for (let g = 0; g < count; g++) {
      await groups.nth(g).locator('input[type=radio]').nth(choice).check();
    }
    const areas = page.locator('main textarea');
    for (let a = 0; a < (await areas.count()); a++) {
      await areas.nth(a).fill('Les rituels du lundi nous aident');
    }
    const submit = page.getByRole('button', { name: /Envoyer mes réponses|Send my answers/ });
    if (await submit.isVisible()) {
      await submit.click();
      await page.getByRole('heading', { name: /Merci|Thank you/ }).waitFor();
      return;
    }
    const before = await title.textContent();
    await page.getByRole('button', { name: /^(Suivant|Next)$/ }).click();
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid=step-title]')?.textContent !== text,
      before,
    );
  }
  throw new Error('questionnaire did not end');
}

describe('diagnostics journey in Chromium', () => {
  const env = useServerAndBrowser();

  // Five respondents answer the whole questionnaire in a real browser, after the deliberate hand-out
  // step: on a shared 2-core machine this takes longer than the default two minutes.
  it('launch a campaign, answer from several links (some on a phone), see the report fill in once the threshold is met and the campaign closes', {
    timeout: 300_000,
  }, async () => {
    const errors: string[] = [];
    const ctx = await env.browser.newContext({ locale: 'fr-FR' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const api = async (method: 'post' | 'get', path: string, data?: unknown) => {
      const r = await page.request[method](`${env.server.url}${path}`, {
        ...(data === undefined ? {} : { data }),
        headers: { origin: env.server.url },
      });
      expect(r.status(), `${path}: ${await r.text()}`).toBe(200);
      return r.json();
    };
    await api('post', '/api/setup', {
      email: 'lea@example.org',
      password: 'a long enough password',
      displayName: 'Léa Facilitatrice',
    });
    const { id: orgId } = await api('post', '/api/orgs', { name: 'Coopérative Ruche' });
    const { id: engagementId } = await api('post', `/api/orgs/${orgId}/engagements`, {
      title: 'Retrouver du souffle',
      request: 'L’équipe s’essouffle',
    });
    const { id: teamId } = await api('post', `/api/orgs/${orgId}/collectives`, {
      name: 'Équipe Atelier',
      kind: 'team',
    });
    for (const name of ['Ana', 'Bruno', 'Chloé', 'Driss', 'Emma', 'Félix']) {
      await api('post', `/api/orgs/${orgId}/people`, { displayName: name, collectiveIds: [teamId] });
    }

    // Create and launch from the engagement's diagnostics page.
    await page.goto(`${env.server.url}/engagements/${engagementId}/diagnostics`);
    await page.getByLabel('Nom de la campagne').fill('Pouls de rentrée');
    await page.getByRole('radio', { name: /Pouls/ }).check();
    await page.getByLabel('Collectifs interrogés').first().click();
    await page.getByRole('option', { name: 'Équipe Atelier' }).click();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: screenshotPath('diagnostics-create'), fullPage: true });
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await page.waitForURL(/\/diagnostics\/campaigns\//);
    const campaignId = page.url().split('/campaigns/')[1]!.split(/[/?]/)[0]!;
    await page.getByRole('button', { name: 'Lancer la campagne' }).click();
    // Launching is final: the app's dialog says so before anything happens.
    const launchDialog = page.getByRole('dialog', { name: 'Lancer la campagne ?' });
    await launchDialog.getByText(/irréversible/).waitFor();
    await launchDialog.getByRole('button', { name: 'Lancer la campagne' }).click();
    // No link is shown at launch (no SMTP here): handing them out is a deliberate, confirmed step.
    await page.getByTestId('distribution').waitFor();
    expect(await page.getByTestId('distribution').textContent()).toMatch(/pas encore distribués\s:\s6/);
    expect(await page.getByTestId('respond-link').count()).toBe(0);
    await page.getByRole('button', { name: /Distribuer à la main les 6 liens restants/ }).click();
    await page
      .getByRole('dialog')
      .getByText(/journal d’audit/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('diagnostics-hand-out-confirm'), fullPage: true });
    await page.getByRole('button', { name: 'Afficher les liens' }).click();
    const links = page.getByTestId('respond-link');
    await links.first().waitFor();
    expect(await links.count()).toBe(6);
    await page.getByRole('button', { name: 'Codes QR par personne' }).click();
    expect(await page.getByTestId('qr-grid').locator('img').count()).toBe(6);
    await page.screenshot({ path: screenshotPath('diagnostics-qr'), fullPage: true });
    await page.getByRole('button', { name: 'Revenir à la liste des liens' }).click();
    await links.first().waitFor();
    const urls = (await links.allTextContents()).map((u) => u.replace(/^https?:\/\/[^/]+/, env.server.url));
    // The same links as a spreadsheet, built in the browser (they exist nowhere else): one row each.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Télécharger \(XLSX/ }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'name', 'email', 'link']);
    const xlsxLinks = Array.from({ length: 6 }, (_, r) =>
      String(sheet.getCell(r + 2, 3).value).replace(/^https?:\/\/[^/]+/, env.server.url),
    );
    expect(xlsxLinks.sort()).toEqual([...urls].sort());
    await page.screenshot({ path: screenshotPath('diagnostics-links'), fullPage: true });

    // Four respondents: two on a phone-sized viewport, one in English.
    const phone = await env.browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const desktop = await env.browser.newContext({ locale: 'en-GB' });
    for (const [i, url] of urls.slice(0, 4).entries()) {
      const ctxR = i % 2 === 0 ? phone : desktop;
      const p = await ctxR.newPage();
      p.on('pageerror', (e) => errors.push(e.message));
      if (i === 0) {
        await p.goto(url);
        await p.getByTestId('agreement').waitFor();
        await p.screenshot({ path: screenshotPath('diagnostics-consent-phone'), fullPage: true });
      }
      await answer(p, url, 3 + (i % 2), i === 0 ? 'diagnostics-step-phone' : undefined);
      if (i === 0) {
        await p.screenshot({ path: screenshotPath('diagnostics-thanks-phone'), fullPage: true });
      }
      await p.close();
    }

    // While open, below the threshold: "not yet", never a count.
    await page.goto(`${env.server.url}/diagnostics/campaigns/${campaignId}/report`);
    await page.getByTestId('not-released').waitFor();
    expect(await page.getByTestId('cut-status').textContent()).toContain('Seuil pas encore atteint');
    await page.screenshot({ path: screenshotPath('diagnostics-report-suppressed'), fullPage: true });

    // The fifth respondent (on a phone) fills it in.
    const p5 = await phone.newPage();
    p5.on('pageerror', (e) => errors.push(e.message));
    await answer(p5, urls[4]!, 1);
    await p5.close();
    await page.reload();
    // Threshold met: the group shows as meeting it, with no count; scores wait for the release at closing.
    await page.getByTestId('not-released').waitFor();
    const status = await page.getByTestId('cut-status').textContent();
    expect(status).toContain('Seuil atteint');
    expect(status).not.toMatch(/\d+ répondants/);
    await page.screenshot({ path: screenshotPath('diagnostics-report-before-release'), fullPage: true });
    await page.goto(`${env.server.url}/diagnostics/campaigns/${campaignId}`);
    await page.getByRole('button', { name: 'Clôturer la campagne' }).click();
    await page
      .getByRole('dialog', { name: 'Clôturer la campagne ?' })
      .getByRole('button', { name: 'Clôturer la campagne' })
      .click();
    await page.getByText('Clôturée').first().waitFor();
    await page.goto(`${env.server.url}/diagnostics/campaigns/${campaignId}/report`);
    await page.getByTestId('constructs-table').waitFor();
    expect(await page.getByTestId('cut-status').textContent()).toContain('5 répondants');
    // The report says how many answers came through links handed out by hand.
    expect(await page.getByTestId('channels').textContent()).toMatch(
      /5 par des liens personnels remis à la main/,
    );
    await page.getByTestId('effectiveness').waitFor();
    expect(await page.getByTestId('open-text').textContent()).toMatch(/moins de 10/);
    await page.screenshot({ path: screenshotPath('diagnostics-report'), fullPage: true });
    expect(errors).toEqual([]);
    await phone.close();
    await desktop.close();
    await ctx.close();
  });
});
