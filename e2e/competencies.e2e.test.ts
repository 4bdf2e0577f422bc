import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type SpawnedServer, spawnServer } from '../apps/server/test/spawn-server.ts';
import { api, launchChromium, screenshotPath } from './browser.ts';

/**
 * Issue 19 in Chromium: on the demo organisation, the facilitator self-assesses three competencies
 * with evidence pulled from the demo engagement, asks six people for feedback, sees the aggregate
 * once five answered (and the round closed), sets a development goal, and the method recommender
 * warns about methods above the assessed level.
 */
describe('consultant self-assessment journey in Chromium', () => {
  let server: SpawnedServer;
  let browser: Browser;

  beforeAll(async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'essaim-comp-'));
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

  /** Fails the journey on any page error, console error or unexpected 4xx/5xx. */
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

  it('self-assesses with evidence, gathers feedback, sets a goal and gets warned above its level', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({
      locale: 'fr-FR',
      baseURL: server.url,
      extraHTTPHeaders: { origin: server.url },
    });
    const page = await context.newPage();
    watch(page, problems);
    await api(page, 'post', '/api/auth/sign-in', {
      email: 'claire.morel@demo.essaim.local',
      password: 'essaim-demo-2026',
    });
    const me = await api(page, 'get', '/api/me');
    const orgId = me.memberships[0].orgId as string;
    const engagements = await api(page, 'get', `/api/orgs/${orgId}/engagements`);
    const engagementId = engagements.engagements[0].id as string;

    // 1. The empty state guides to a first self-assessment; the navigation has an entry.
    await page.goto('/competencies');
    await page.getByTestId('competencies-empty').waitFor();
    expect(await page.getByRole('link', { name: 'Mes compétences' }).count()).toBeGreaterThan(0);
    await page.getByTestId('new-assessment').click();
    await page.getByTestId('assessment-form').waitFor();
    await page.getByLabel('Nom de cette auto-évaluation').fill('Bilan de décembre');

    // Three competencies, each backed by evidence Essaim found in the demo engagement.
    const rate = async (competencyId: string, level: number) => {
      const card = page.getByTestId(`competency-${competencyId}`);
      await card.getByTestId(`level-${competencyId}-${level}`).check();
      const evidence = card.getByTestId('evidence-choice');
      await evidence.first().waitFor();
      expect(await card.textContent()).toContain('Retrouver une coopération entre services');
      await evidence.first().check();
    };
    await rate('client-partnership', 2);
    const partnership = page.getByTestId('competency-client-partnership');
    await partnership.getByRole('button', { name: /Ajouter une preuve/ }).click();
    await partnership.getByLabel(/Preuve ajoutée/).fill('Formation à la facilitation, 2025');
    await rate('process-design', 1);
    await rate('complexity-sensing', 2);
    await page.screenshot({ path: screenshotPath('competencies-assess'), fullPage: false });
    await page.getByTestId('assessment-submit').click();
    await page.waitForURL(/\/competencies$/);
    await page.getByTestId('assessment-detail').waitFor();
    expect(await page.getByTestId('assessment-detail').getByTestId('evidence-line').count()).toBe(3);
    expect(await page.getByTestId('assessment-detail').textContent()).toContain(
      'Formation à la facilitation, 2025',
    );
    await page.getByTestId('competency-radar').waitFor();
    await page.screenshot({ path: screenshotPath('competencies-overview'), fullPage: true });

    // 2. Feedback from six people, by link.
    await page.goto('/competencies/feedback');
    const form = page.getByTestId('round-form');
    await form.waitFor();
    await form.getByLabel('Titre de la demande').fill('Retours séminaire coopération');
    await form.getByLabel('Compétences sur lesquelles vous voulez un retour').click();
    await page.getByRole('option', { name: 'Partenariat avec le commanditaire' }).click();
    await page.getByRole('option', { name: 'Sentir la complexité et le bon moment' }).click();
    await page.keyboard.press('Escape');
    for (let i = 1; i < 6; i++) {
      await page.getByTestId('add-invitee').click();
    }
    const names = ['Jean', 'Awa', 'Marc', 'Lina', 'Paul', 'Sofia'];
    for (const [i, name] of names.entries()) {
      await form.locator(`input[name="invitee-${i}"]`).fill(name);
    }
    await page.getByTestId('round-submit').click();
    await page.getByTestId('round-links').waitFor();
    const links = await page.getByTestId('feedback-link').allTextContents();
    expect(links).toHaveLength(6);

    // Five people answer on a phone, without an account.
    const phone = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    for (const [i, link] of links.slice(0, 5).entries()) {
      const p = await phone.newPage();
      watch(p, problems);
      await p.goto(link);
      await p.getByTestId('feedback-form').waitFor();
      await p.getByTestId(`feedback-client-partnership-${(i % 2) + 2}`).check();
      await p.getByTestId('feedback-complexity-sensing-3').check();
      await p.getByLabel('Commentaire (facultatif)').fill(`Très utile, séance ${i}`);
      if (i === 0) {
        await p.screenshot({ path: screenshotPath('competencies-feedback-form'), fullPage: true });
      }
      await p.getByTestId('feedback-submit').click();
      await p.getByTestId('feedback-done').waitFor();
      await p.close();
    }
    await phone.close();

    // 3. The aggregate after five answers, once the round is closed; comments stay hidden below 10.
    await page.goto('/competencies/feedback');
    await page.getByTestId('round-link').first().click();
    await page.getByTestId('round-progress').waitFor();
    expect(await page.getByTestId('round-progress').textContent()).toContain('5 réponses sur 6');
    await page.getByTestId('close-round').click();
    await page.getByTestId('round-report').waitFor();
    const whole = page.getByTestId('cut-all');
    expect(await whole.getByTestId('report-mean').allTextContents()).toEqual(['2.4 / 4', '3.0 / 4']);
    expect(await whole.getByTestId('comments-withheld').count()).toBe(1);
    expect(await page.getByTestId('round-report').textContent()).not.toContain('Très utile');
    await page.screenshot({ path: screenshotPath('competencies-aggregate'), fullPage: true });

    // 4. A development goal with a method to practise.
    await page.goto('/competencies/plan');
    await page.getByTestId('goal-form').waitFor();
    await page.getByTestId('goal-competency').click();
    await page.getByRole('option', { name: 'Conception de démarches' }).click();
    await page.getByTestId('goal-methods').click();
    await page
      .getByRole('option', { name: /World Café/i })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('goal-submit').click();
    await page.getByTestId('goal').first().waitFor();
    expect(await page.getByTestId('goal').first().textContent()).toContain('Conception de démarches');

    // 5. With permission, the recommender takes the assessed level (1) and warns above it.
    await page.goto('/competencies');
    await page.getByTestId('use-level-switch').waitFor();
    await expect.poll(() => page.getByTestId('use-level-switch').isEnabled()).toBe(true);
    await page.getByTestId('use-level-switch').click();
    await expect.poll(() => page.getByTestId('use-level-switch').isChecked()).toBe(true);
    await expect
      .poll(async () => (await api(page, 'get', '/api/me/competencies/facilitator-level')).level)
      .toBe(1);
    await page.goto(`/methods/recommend?engagement=${engagementId}`);
    await page.getByTestId('assessed-level-note').waitFor();
    expect(await page.getByTestId('assessed-level-note').textContent()).toContain('Niveau 1');
    // Stepping back (reflect): some of the suggestions ask for facilitation level 2.
    await page.getByRole('combobox', { name: 'Ce que le moment demande' }).click();
    await page.getByRole('option', { name: 'Prendre du recul' }).click();
    await page.getByTestId('reco-submit').click();
    await page.getByTestId('reco-option').first().waitFor();
    await expect.poll(() => page.getByText(/au-dessus du vôtre \(1\/3\)/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('competencies-recommender-warning'), fullPage: true });

    // The agenda builder warns as well, step by step.
    const agenda = await api(page, 'post', `/api/orgs/${orgId}/agendas`, {
      title: 'Séminaire',
      start: '09:00',
      items: [
        { kind: 'method', methodId: 'check-in-round', durationMinutes: 15 },
        { kind: 'method', methodId: 'ls-drawing-together', durationMinutes: 45 },
      ],
    });
    await page.goto(`/agendas/${agenda.id}`);
    await page.getByTestId('agenda-skill-warnings').waitFor();
    expect(await page.getByTestId('agenda-skill-warnings').textContent()).toContain('Étape 2');

    expect(problems).toEqual([]);
    await context.close();
  }, 360_000);
});
