import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';

const STATEMENTS = [
  'Les réunions d’équipe sont trop longues',
  'Chaque équipe devrait choisir ses outils',
  'Le télétravail nuit à la cohésion',
  'Il faut un référent par projet',
  'Les décisions sont prises trop loin du terrain',
  'On manque de temps pour se former',
];

describe('opinion mapping journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('participants vote one statement at a time, the map shows groups, consensus and bridges; Polis export round-trips', async () => {
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
    const org = (await api(page, 'post', '/api/orgs', { name: 'Mairie de Plouzané' })) as { id: string };

    // The facilitator starts a conversation from the empty state and seeds statements.
    await page.goto('/conversations');
    await page.getByRole('heading', { name: 'Aucune conversation pour l’instant' }).waitFor();
    await page.getByLabel('Nom').fill('Séminaire inter-équipes');
    await page.getByLabel('Question posée aux participants').fill('Comment mieux travailler entre équipes ?');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByTestId('join-link').waitFor();
    const conversationId = page.url().split('/conversations/')[1]!;
    for (const text of STATEMENTS.slice(0, 2)) {
      await page.getByLabel('Nouvelle affirmation').fill(text);
      await page.getByRole('button', { name: 'Ajouter' }).click();
      await expect.poll(() => page.getByLabel('Nouvelle affirmation').inputValue()).toBe('');
    }
    const base = `/api/orgs/${org.id}/conversations/${conversationId}`;
    for (const text of STATEMENTS.slice(2)) {
      await api(page, 'post', `${base}/statements`, { text });
    }
    const link = (await page.getByTestId('join-link').textContent())!.trim();
    const joinCode = link.split('/c/')[1]!;
    const conv = (await api(page, 'get', base)) as { statements: { id: string; text: string }[] };
    const idOf = new Map(conv.statements.map((s) => [s.text, s.id]));

    // One participant on a phone, through the screens.
    const phone = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${env.server.url}/c/${joinCode}`);
    await p.getByRole('button', { name: 'Commencer' }).click();
    for (let i = 0; i < STATEMENTS.length; i++) {
      const card = p.getByTestId('current-statement');
      await card.waitFor();
      const text = (await card.locator('p').first().textContent())!.trim();
      const j = STATEMENTS.indexOf(text);
      const choice = j < 2 ? 'D’accord' : j % 2 === 0 ? 'D’accord' : 'Pas d’accord';
      await card.getByRole('button', { name: choice, exact: true }).click();
      await p.waitForFunction(
        (prev) => !document.querySelector('[data-testid=current-statement]')?.textContent?.includes(prev),
        text,
      );
    }
    await p.getByTestId('all-voted').waitFor();
    await p.getByLabel('Proposer une affirmation').fill('Partager un agenda commun entre équipes');
    await p.getByRole('button', { name: 'Envoyer' }).click();
    await p.getByText('1 proposition attend la modération.').waitFor();

    // Nine more participants through the API: two camps that agree on the first two statements.
    for (let person = 0; person < 9; person++) {
      const anon = await env.browser.newContext({
        baseURL: env.server.url,
        extraHTTPHeaders: { origin: env.server.url },
      });
      const { token } = (await api(anon, 'post', `/api/conversations/join/${joinCode}/participants`, {})) as {
        token: string;
      };
      const camp = person < 4 ? 1 : -1;
      for (const [j, text] of STATEMENTS.entries()) {
        const vote = j < 2 ? 1 : j % 2 === 0 ? camp : -camp;
        const r = await anon.request.post(`/api/conversations/join/${joinCode}/votes`, {
          data: { statementId: idOf.get(text), vote },
          headers: { 'x-participant-token': token },
        });
        expect(r.ok()).toBe(true);
      }
      await anon.close();
    }

    // The facilitator moderates the proposal and reads the map.
    await page.reload();
    await page.getByRole('button', { name: 'Accepter' }).click();
    await page.getByText('Rien n’attend de modération.').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=group-card]').length >= 2,
      null,
      {
        timeout: 20_000,
      },
    );
    const method = await page.getByTestId('method-explanation').textContent();
    expect(method).toContain('Mode petit groupe');
    const consensus = await page.getByTestId('consensus').textContent();
    expect(consensus).toContain(STATEMENTS[0]);
    expect(await page.getByTestId('group-card').first().textContent()).toMatch(/% (d’accord|pas d’accord)/);
    expect(await page.locator('[data-testid=opinion-map] [data-hull]').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('opinions-facilitator'), fullPage: true });

    // The participant sees where they stand.
    await p.reload();
    await p.getByTestId('where-i-stand').waitFor();
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=where-i-stand]')?.textContent?.includes('Groupe'),
    );
    await p.screenshot({ path: screenshotPath('opinions-participant'), fullPage: true });

    // The big screen.
    const screen = await context.newPage();
    await screen.setViewportSize({ width: 1600, height: 900 });
    await screen.goto(`/screen/conversations/${org.id}/${conversationId}`);
    await screen.getByTestId('results').waitFor();
    // A short join link and a QR code (issue 22), and every group outline inside the drawing.
    expect((await screen.getByTestId('screen-join-link').textContent())?.trim()).toBe(
      `${new URL(env.server.url).host}/c/${joinCode}`,
    );
    await expect
      .poll(() => screen.getByTestId('screen-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    const outside = await screen
      .locator('[data-testid=opinion-map] svg')
      .first()
      .evaluate((svg) => {
        const v = (svg as SVGSVGElement).viewBox.baseVal;
        return Array.from(svg.querySelectorAll('[data-hull]')).filter((el) => {
          const b = (el as SVGGraphicsElement).getBBox();
          return b.x < v.x || b.y < v.y || b.x + b.width > v.x + v.width || b.y + b.height > v.y + v.height;
        }).length;
      });
    expect(outside).toBe(0);
    await screen.screenshot({ path: screenshotPath('opinions-big-screen'), fullPage: true });

    // Polis export → import into a new conversation → the same export.
    const votesCsv = await (await page.request.get(`${base}/export/votes.csv`)).text();
    const commentsCsv = await (await page.request.get(`${base}/export/comments.csv`)).text();
    expect(votesCsv.split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');
    expect(votesCsv.trim().split('\n')).toHaveLength(1 + 10 * STATEMENTS.length);
    // The XLSX twin beside each CSV button: the same rows, read back with exceljs.
    const votesXlsx = await page.getByRole('link', { name: 'Exporter votes.xlsx' }).getAttribute('href');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await page.request.get(votesXlsx!)).body()) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(1 + 10 * STATEMENTS.length);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, ...votesCsv.split('\n')[0]!.split(',')]);
    await page.getByRole('link', { name: 'Exporter comments.xlsx' }).waitFor();
    const copy = (await api(page, 'post', `/api/orgs/${org.id}/conversations`, { title: 'Copie' })) as {
      id: string;
    };
    const copyBase = `/api/orgs/${org.id}/conversations/${copy.id}`;
    expect(await api(page, 'post', `${copyBase}/import`, { votesCsv, commentsCsv })).toEqual({
      statements: STATEMENTS.length + 1,
      participants: 10,
      votes: 10 * STATEMENTS.length,
    });
    const sorted = (s: string) => s.trim().split('\n').sort();
    expect(sorted(await (await page.request.get(`${copyBase}/export/votes.csv`)).text())).toEqual(
      sorted(votesCsv),
    );
    expect(sorted(await (await page.request.get(`${copyBase}/export/comments.csv`)).text())).toEqual(
      sorted(commentsCsv),
    );
    expect(errors).toEqual([]);
    await phone.close();
    await context.close();
  });
});
