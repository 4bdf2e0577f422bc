import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type SpawnedServer, spawnServer } from '../apps/server/test/spawn-server.ts';
import { expectNoAxeViolations } from './axe.ts';
import { api, launchChromium, screenshotPath } from './browser.ts';

/** A known defect of the app shell, outside this feature (as in sso.e2e.test.ts). */
const SHELL_KNOWN = {
  'label-content-name-mismatch':
    'app shell: the logo link, user menu and organisation switcher have aria-labels without their visible text (WCAG 2.5.3)',
};

/**
 * Issue 17 in Chromium, on the demo engagement: generate the specification → the master plan (the demo's
 * two workstreams plus one built here, with a milestone) → a budget line and another scenario → a pacing
 * warning with its reason → export XLSX (live formulas checked with exceljs) and PDF (text read back). Screens are captured on desktop and
 * phone, light and dark.
 */
describe('plan journey in Chromium', () => {
  let server: SpawnedServer;
  let browser: Browser;

  beforeAll(async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'essaim-plan-'));
    execFileSync(process.execPath, [path.join(repoRoot, 'apps/cli/dist/essaim.js'), 'demo', '--data', data], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '' },
      stdio: 'pipe',
    });
    server = await spawnServer(['--data', data], { built: true, timeoutMs: 100_000 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function watch(page: Page, problems: string[]) {
    page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') {
        problems.push(`console ${m.text()}`);
      }
    });
    page.on('response', (r) => {
      if (r.status() >= 400) {
        problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      }
    });
  }

  async function signIn(page: Page) {
    await api(page, 'post', '/api/auth/sign-in', {
      email: 'claire.morel@demo.essaim.local',
      password: 'essaim-demo-2026',
    });
    const me = await api(page, 'get', '/api/me');
    const orgId = me.memberships[0].orgId as string;
    const engagements = await api(page, 'get', `/api/orgs/${orgId}/engagements`);
    return { orgId, engagementId: engagements.engagements[0].id as string };
  }

  /** Clicks an export link, saves the download and returns its text as pdftotext reads it (spacing flattened). */
  async function downloadText(page: Page, link: string): Promise<string> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: link, exact: true }).click(),
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'essaim-pdf-')), 'export.pdf');
    await download.saveAs(file);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  it('specification → master plan → budget and scenario → pacing warning → XLSX and PDF', {
    timeout: 300_000,
  }, async () => {
    const problems: string[] = [];
    const context = await browser.newContext({
      locale: 'fr-FR',
      baseURL: server.url,
      extraHTTPHeaders: { origin: server.url },
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    watch(page, problems);
    const { engagementId } = await signIn(page);

    // From the engagement to its plan.
    await page.goto(`/engagements/${engagementId}`);
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan' }).waitFor();
    await page.screenshot({ path: screenshotPath('plans-dashboard-desktop'), fullPage: true });

    // 1. Generate the specification: sections with their sources.
    await page.getByRole('tab', { name: 'Cahier des charges' }).click();
    await page.getByRole('button', { name: 'Générer le cahier des charges' }).click();
    await page.getByRole('heading', { name: 'Contexte et demande' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Ce que le diagnostic a montré' }).count()).toBe(1);
    expect(await page.getByText('Question · ', { exact: false }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('plans-specification-desktop'), fullPage: true });

    // 2. The master plan: the demo's two workstreams on the timeline, plus one built here with a milestone.
    await page.getByRole('tab', { name: 'Schéma directeur' }).click();
    await page.getByRole('group', { name: 'Frise du schéma directeur' }).waitFor();
    expect(await page.getByText('Aujourd’hui', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Ajouter un chantier' }).click();
    const third = page.getByRole('region', { name: 'Chantier 3' });
    await third.getByRole('button', { name: 'Ajouter un jalon' }).click();
    await third.getByRole('textbox', { name: 'Jalon', exact: true }).fill('Premier essai d’entraide');
    await third.getByRole('combobox', { name: 'Nature' }).selectOption('probe');
    await third.getByRole('textbox', { name: 'Responsable' }).fill('Élodie');
    // Keyboard editing on the timeline: → moves the milestone a week with Shift, ↑ moves only its due date;
    // the table shows the same dates.
    const due = third.getByLabel('Échéance', { exact: true });
    const start = third.getByLabel('Début', { exact: true }).last();
    const [startBefore, dueBefore] = [await start.inputValue(), await due.inputValue()];
    const slider = page.getByRole('slider', { name: 'Jalon « Premier essai d’entraide »' });
    await slider.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowUp');
    const plusDays = (iso: string, n: number) =>
      new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect(await start.inputValue()).toBe(plusDays(startBefore, 7));
    expect(await due.inputValue()).toBe(plusDays(dueBefore, 8));
    expect(await slider.getAttribute('aria-valuetext')).toBe(
      `du ${plusDays(startBefore, 7)} au ${plusDays(dueBefore, 8)}`,
    );
    await expectNoAxeViolations(page, 'master plan', SHELL_KNOWN);
    await page.getByRole('button', { name: 'Enregistrer le plan' }).click();
    await page.getByText('Enregistré — version 2.').waitFor();
    await page.screenshot({ path: screenshotPath('plans-master-desktop'), fullPage: true });

    // 3. Investment: another scenario and a budget line that over-allocates someone.
    await page.getByRole('tab', { name: 'Plan d’investissement' }).click();
    await page.getByRole('button', { name: 'Ajouter un scénario' }).click();
    const scenario = page.getByRole('region', { name: 'Autre' });
    await scenario.waitFor();
    expect(await scenario.getByText('Personne n’est surchargé dans ce scénario.').count()).toBe(1);
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const quantities = page.getByRole('textbox', { name: 'Jours ou unités' });
    await quantities.last().fill('60');
    await page.getByRole('textbox', { name: 'Libellé' }).last().fill('Animation des essais');

    // 4. The pacing warning and its reason, before and after saving.
    await scenario.getByText('Une personne est surchargée').first().waitFor();
    const reason =
      (await scenario
        .getByText(/jours-personnes en \d{4}-\d{2} pour 4 disponibles/)
        .first()
        .textContent()) ?? '';
    expect(reason).toMatch(/^Amélie Bernard a \d+(,\d+)? jours-personnes/);
    await page.getByRole('button', { name: 'Enregistrer le plan' }).click();
    await page.getByText('Enregistré — version 3.').waitFor();
    await page.screenshot({ path: screenshotPath('plans-investment-desktop'), fullPage: true });

    // 5. XLSX with live formulas.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter en XLSX (formules actives)' }).click(),
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'essaim-xlsx-')), 'plan.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const budget = wb.getWorksheet('Budget')!;
    expect(budget.getCell('K2').formula).toBe('I2*J2');
    const scenarios = wb.getWorksheet('Scénarios')!;
    expect([
      scenarios.getCell('B1').value,
      scenarios.getCell('C1').value,
      scenarios.getCell('D1').value,
    ]).toEqual(['Progressif', 'Accéléré', 'Autre']);
    expect(String(scenarios.getCell('D2').formula)).toContain('SUMIFS(');
    expect(Number(scenarios.getCell('D2').result)).toBeGreaterThan(Number(scenarios.getCell('B2').result));
    const warnings = wb.getWorksheet('Alertes de rythme')!;
    expect(warnings.getColumn(3).values.join(' ')).toContain('Amélie Bernard');

    // 6. PDF of the master plan and investment plan, then of the specification: text read back by pdftotext.
    const planPdf = await downloadText(page, 'Exporter en PDF (schéma directeur et budget)');
    expect(planPdf).toContain('Schéma directeur et plan d’investissement');
    expect(planPdf).toContain('Premier essai d’entraide');
    expect(planPdf).toContain('Animation des essais');
    expect(planPdf).toContain('Amélie Bernard');
    expect(planPdf).toMatch(/Page 1 sur \d+/);
    expect(planPdf).toContain('Niveau de confidentialité : Confidentiel');
    await page.getByRole('tab', { name: 'Cahier des charges' }).click();
    const specPdf = await downloadText(page, 'Exporter en PDF');
    expect(specPdf).toContain('Cahier des charges');
    expect(specPdf).toContain('Ce que le diagnostic a montré');
    expect(specPdf).toContain('Critères d’évaluation');

    // 7. The dashboard: a milestone put at risk with its comment, as the sponsor reads it.
    await page.getByRole('tab', { name: 'Tableau de bord' }).click();
    await page
      .getByRole('combobox', { name: 'Jalon', exact: true })
      .selectOption({ label: 'Premier essai d’entraide' });
    await page.getByRole('combobox', { name: 'Statut', exact: true }).selectOption('at_risk');
    await page.getByRole('textbox', { name: /^Commentaire/ }).fill('Salle indisponible en janvier');
    await page.getByRole('button', { name: 'Enregistrer le statut' }).click();
    await page.getByText('Statut enregistré — version 4.').waitFor();
    const risks = page.getByRole('region', { name: 'À risque, arrêté ou en retard' });
    await risks.getByText('Salle indisponible en janvier').waitFor();
    await expectNoAxeViolations(page, 'dashboard', SHELL_KNOWN);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('looks right on a phone and in dark mode, and the print view holds the specification', {
    timeout: 300_000,
  }, async () => {
    for (const variant of [
      {
        name: 'phone-light',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        colorScheme: 'light' as const,
      },
      {
        name: 'phone-dark',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        colorScheme: 'dark' as const,
      },
      {
        name: 'desktop-dark',
        viewport: { width: 1440, height: 1000 },
        isMobile: false,
        colorScheme: 'dark' as const,
      },
    ]) {
      const problems: string[] = [];
      const context = await browser.newContext({
        locale: 'fr-FR',
        baseURL: server.url,
        extraHTTPHeaders: { origin: server.url },
        viewport: variant.viewport,
        isMobile: variant.isMobile,
        colorScheme: variant.colorScheme,
      });
      const page = await context.newPage();
      watch(page, problems);
      const { engagementId } = await signIn(page);
      for (const tab of ['dashboard', 'master', 'investment']) {
        await page.goto(`/engagements/${engagementId}/plan?tab=${tab}`);
        await page.getByRole('heading', { level: 1, name: 'Plan' }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: screenshotPath(`plans-${tab}-${variant.name}`), fullPage: true });
      }
      await page.goto(`/engagements/${engagementId}/plan/specification/print`);
      await page.getByRole('heading', { level: 1, name: 'Cahier des charges' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Critères d’évaluation' }).count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`plans-print-${variant.name}`), fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
