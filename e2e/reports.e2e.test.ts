import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../apps/server/test/pdf-text.ts';
import { expectNoAxeViolations } from './axe.ts';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';

/**
 * Share of pixels darker than near-white in a page image rendered by `pdftoppm` (grey PGM, parsed
 * here: "P5 <w> <h> <max>" then one byte per pixel). A blank page is 0.
 */
function inkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) {
    throw new Error('not a binary PGM');
  }
  const [, w, h] = header.map(Number) as [number, number, number, number];
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (let i = 0; i < w * h; i++) {
    if ((pixels[i] ?? 255) < 200) {
      ink++;
    }
  }
  return ink / (w * h);
}

/**
 * Issue 20 in Chromium: the owner registers a webhook endpoint (a receiver on a loopback port), a
 * participant gives feedback after the workshop, the owner generates the final report and downloads it
 * (its text read with pdftotext, its first pages rendered with pdftoppm and checked for ink), opens the
 * evaluation view, then stops the engagement and sees the delivery (with its 200) in the log and replays it.
 */
describe('reports and integrations journey in Chromium', () => {
  const ctx = useServerAndBrowser();
  let receiver: Server;
  const received: { event: string; signature: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push({
          event: String(req.headers['essaim-event']),
          signature: String(req.headers['essaim-signature']),
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('webhook endpoint, participant feedback, final report PDF, evaluation, delivery log and replay', async () => {
    const { server, browser } = ctx;
    const started = Date.now();
    const step = (what: string) =>
      console.log(`[reports journey] ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const context = await browser.newContext({
      locale: 'en-GB',
      baseURL: server.url,
      acceptDownloads: true,
      // Dialogs open without their fade, so axe never measures contrast halfway through it.
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await api(page, 'post', '/api/setup', {
      email: 'owner@example.org',
      password: 'a long enough password',
      displayName: 'Owner',
    });
    const org = await api(page, 'post', '/api/orgs', { name: 'Coopérative Évaluée' });
    const engagement = await api(page, 'post', `/api/orgs/${org.id}/engagements`, {
      title: 'Mieux coopérer',
      request: 'Les équipes veulent se parler.',
    });
    const workshop = await api(page, 'post', `/api/orgs/${org.id}/workshops`, {
      title: 'Atelier de lancement',
      engagementId: engagement.id,
    });

    // Webhooks: from the organisation page, add an endpoint; the secret is shown once.
    await page.goto('/organisation');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 2, name: 'No endpoint yet' }).waitFor();
    await expectNoAxeViolations(page, 'webhooks, empty');
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Address (URL)').fill(hookUrl);
    await dialog.getByLabel('Note').fill('Receiver of the test');
    await dialog.getByRole('checkbox', { name: /engagement\.stopped/ }).check();
    await expectNoAxeViolations(page, 'webhook form');
    await dialog.getByRole('button', { name: 'Add the endpoint' }).click();
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^whsec_/);
    await expectNoAxeViolations(page, 'webhook secret shown once');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('article', { name: hookUrl }).waitFor();
    expect(await page.getByRole('article', { name: hookUrl }).textContent()).toContain('engagement.stopped');

    step('participant');
    // A participant joins (by code) and gives feedback from their own device.
    ctx.watch.allowHttp(401, /\/api\/me$/);
    const phone = await browser.newContext({ locale: 'en-GB', baseURL: server.url });
    const p2 = await phone.newPage();
    await p2.goto(server.url);
    await api(p2, 'post', '/api/workshops/join', { code: workshop.code, displayName: 'Ana' });
    await p2.goto(`/w/${workshop.id}/feedback`);
    await p2.getByRole('heading', { level: 1, name: 'How was this workshop for you?' }).waitFor();
    await p2.getByRole('button', { name: 'Send my feedback' }).click();
    await p2.getByText('Choose an answer.').waitFor();
    await p2.getByRole('radio', { name: '4: clearly' }).check();
    await p2.getByLabel('What would you keep or change? (optional)').fill('Plus de temps en petits groupes');
    await p2.getByRole('button', { name: 'Send my feedback' }).click();
    await p2.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
    await expectNoAxeViolations(p2, 'participant feedback form');
    await phone.close();
    step('console');
    // One answer: the facilitator's console says it is too early, and shows no number.
    await page.goto(`/workshops/${workshop.id}`);
    const feedbackCard = page.getByRole('region', { name: /Participants.? feedback/ });
    await feedbackCard.getByText('Not enough answers yet').waitFor();
    expect(await feedbackCard.textContent()).not.toContain('petits groupes');

    step('reports');
    // Reports: choose the final report, generate it, follow it, download it.
    await page.goto(`/engagements/${engagement.id}`);
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: 'No report yet' }).waitFor();
    // The charter and the plan are reports of their own (and parts of the final report).
    await page.getByRole('radio', { name: /Charters and commitments/ }).waitFor();
    await page.getByRole('radio', { name: /Plan and budget/ }).waitFor();
    await page.getByRole('radio', { name: /Final report/ }).check();
    await page.getByRole('button', { name: 'Generate' }).click();
    const download = page.getByRole('link', { name: /Download PDF .*: Final report/ });
    await download.waitFor({ timeout: 60_000 });
    await expectNoAxeViolations(page, 'reports with a generated report');
    await page.screenshot({ path: screenshotPath('reports-page'), fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const dir = mkdtempSync(path.join(tmpdir(), 'essaim-report-'));
    try {
      const pdfPath = path.join(dir, 'final.pdf');
      await file.saveAs(pdfPath);
      const pdf = readFileSync(pdfPath);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text, pages } = pdfText(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain('Mieux coopérer');
      expect(text).toContain('Charters and commitments');
      expect(text).toContain(`Page 1 of ${pages}`);
      // The confidentiality level is printed on every page.
      expect(text.match(/Confidentiality: /g)?.length ?? 0).toBeGreaterThanOrEqual(pages);
      // Page images: pdftoppm renders the cover and the next page; both carry ink.
      execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '2', pdfPath, path.join(dir, 'p')]);
      for (const n of [1, 2]) {
        const name = `p-${String(n).padStart(String(pages).length, '0')}.pgm`;
        const share = inkShare(readFileSync(path.join(dir, name)));
        expect(share, `ink on page ${n}`).toBeGreaterThan(0.002);
        expect(share, `page ${n} is not a solid block`).toBeLessThan(0.9);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The whole engagement as a zip (JSON and CSV files with a README), from the same page.
    const zipHref = await page.getByRole('link', { name: 'Download the export (zip)' }).getAttribute('href');
    const zip = await page.request.get(`${server.url}${zipHref}`);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');

    step('evaluation');
    // Evaluation: what cannot be concluded is said, with no before/after pair yet.
    await page.goto(`/engagements/${engagement.id}`);
    await page.getByRole('link', { name: 'Evaluation', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'What cannot be concluded' }).waitFor();
    await page.getByText(/There is no before\/after pair/).waitFor();
    await page.getByText(/is not proof that the engagement caused it/).waitFor();
    // Charters, plan and spread practices side by side, each with a guiding empty state.
    await page.getByRole('heading', { level: 2, name: 'Adopted charters and commitments' }).waitFor();
    await page.getByText(/No charter of this engagement has been adopted yet/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Plan progress' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Adoption of spread practices' }).waitFor();
    await expectNoAxeViolations(page, 'evaluation view');
    await page.screenshot({ path: screenshotPath('evaluation-page'), fullPage: true });

    step('stop');
    // Stopping the engagement emits engagement.stopped: the receiver gets it, the log shows its 200.
    await api(page, 'post', `/api/orgs/${org.id}/engagements/${engagement.id}/status`, {
      status: 'stopped',
      reason: 'Fin du test',
    });
    await page.goto('/organisation/webhooks');
    const card = page.getByRole('article', { name: hookUrl });
    await card.getByRole('button', { name: 'Delivery log' }).click();
    // The form ticks every emitted event by default: the stop also ends the engagement's workshop.
    const delivered = card.getByRole('row').filter({ hasText: 'Delivered' });
    await expect
      .poll(
        async () => {
          await page.reload();
          await card.getByRole('button', { name: 'Delivery log' }).click();
          await card.getByRole('table').waitFor();
          return delivered.count();
        },
        { timeout: 30_000, interval: 2500 },
      )
      .toBe(2);
    const stoppedRow = delivered.filter({ hasText: 'engagement.stopped' });
    expect(await stoppedRow.textContent()).toMatch(/#1: 200 in \d+ ms/);
    expect(received.map((r) => r.event).sort()).toEqual(['engagement.stopped', 'workshop.ended']);
    for (const r of received) {
      expect(r.signature).toMatch(/^v1=[0-9a-f]{64}$/);
    }
    await expectNoAxeViolations(page, 'webhook delivery log');
    await stoppedRow.getByRole('button', { name: /Send again: engagement\.stopped/ }).click();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(3);
    expect(received[2]?.event).toBe('engagement.stopped');
    // The replay is a new delivery of the same event, in the log too.
    await expect
      .poll(
        async () => {
          await page.reload();
          await card.getByRole('button', { name: 'Delivery log' }).click();
          await card.getByRole('table').waitFor();
          return delivered.filter({ hasText: 'engagement.stopped' }).count();
        },
        { timeout: 30_000, interval: 2500 },
      )
      .toBe(2);
    await page.screenshot({ path: screenshotPath('webhooks-page'), fullPage: true });
    await context.close();
  }, 300_000);
});
