import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';

/**
 * Decisions in Chromium: the group chooses consent as its rule → a proposal answering the essential
 * question → an invitee on a phone objects with a reason → the facilitator amends, integrating the
 * objection → consent → close with a review date; the decision shows in the register and on the
 * engagement's trace. Then a proposed governance map is compared with the current one and adopted
 * through a decision.
 */
describe('decisions and governance in Chromium', () => {
  const env = useServerAndBrowser();

  it('rule choice → proposal → objection → amendment → consent → register, trace and map adoption', async () => {
    const url = env.server.url;
    const problems: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') {
          problems.push(`console: ${m.text()}`);
        }
      });
      page.on('response', (r) => {
        if (r.url().includes('/api/') && r.status() >= 400 && !r.url().endsWith('/api/me')) {
          problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
        }
      });
    };
    const facilitator = await env.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await facilitator.newPage();
    const headers = { origin: url };
    expect(
      (
        await page.request.post(`${url}/api/setup`, {
          data: { email: 'lea@example.org', password: 'a long enough password', displayName: 'Léa' },
          headers,
        })
      ).status(),
    ).toBe(200);
    const org = await api(page, 'post', `${url}/api/orgs`, { name: 'Coop Delta' });
    const eng = await api(page, 'post', `${url}/api/orgs/${org.id}/engagements`, {
      title: 'Revisit who decides what',
      request: 'Decisions get stuck between teams',
    });
    await api(page, 'post', `${url}/api/orgs/${org.id}/engagements/${eng.id}/questions`, {
      text: 'How do we share the budget?',
    });
    await api(page, 'post', `${url}/api/orgs/${org.id}/governance/maps`, {
      title: 'Today',
      data: {
        circles: [
          { id: 'general', name: 'General circle', purpose: 'Hold the whole', parentId: null },
          { id: 'ops', name: 'Operations', purpose: 'Run the days', parentId: 'general' },
        ],
        roles: [
          {
            id: 'buyer',
            circleId: 'ops',
            name: 'Buyer',
            purpose: 'Buy well',
            domains: [],
            accountabilities: [],
            holders: ['Ana'],
          },
        ],
        links: [{ id: 'ops-lead', circleId: 'ops', kind: 'lead', holder: 'Ana' }],
        areas: [
          { id: 'budget', circleId: 'ops', name: 'Budget under 5k', level: 'consult', rule: 'consent' },
        ],
      },
    });
    watch(page);

    // 1. The group chooses its rule first.
    await page.goto(`${url}/engagements/${eng.id}`);
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('heading', { name: 'First, choose the rule', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'See suitable rules' }).click();
    const consentCard = page.getByTestId('rule-option-consent');
    await consentCard.waitFor();
    expect(await page.getByTestId('rule-options').locator('article').count()).toBeGreaterThanOrEqual(3);
    await consentCard.getByRole('button', { name: 'The group chooses this rule' }).click();
    await page.getByLabel('Why the group chooses this rule').fill('Good enough for now, safe enough to try');
    await page.getByRole('button', { name: 'Record the choice' }).click();
    await page.getByTestId('current-rule').filter({ hasText: 'Rule chosen by the group: Consent' }).waitFor();

    // 2. A proposal answering the essential question, with an invitee without an account.
    const form = page.getByTestId('new-proposal-form');
    await form.getByLabel('Title').fill('Team budgets');
    await form.getByLabel('Proposal text').fill('Each team manages 5k a year.');
    await form.getByLabel('Essential question it answers').click();
    await page.getByRole('option', { name: 'How do we share the budget?' }).click();
    await form.getByLabel('People invited without an account (one per line)').fill('Zoé');
    await form.getByRole('button', { name: 'Open the proposal' }).click();
    const link = (await page.getByTestId('invite-links').locator('code').textContent()) ?? '';
    expect(link).toContain('/p/');

    // 3. Zoé objects from her phone, with her reason.
    const phoneContext = await env.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const phone = await phoneContext.newPage();
    watch(phone);
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Team budgets' }).waitFor();
    await phone.getByLabel('I object').check();
    await phone.getByLabel('Your reason').fill('No safeguard for large purchases');
    await phone.getByRole('button', { name: 'Give my position' }).click();
    await phone.getByText('Position saved.').waitFor();
    await phone.screenshot({ path: screenshotPath('decisions-phone-objection'), fullPage: true });

    // 4. The facilitator integrates the objection into a new version.
    await page.getByTestId('proposal-list').getByRole('link', { name: 'Team budgets' }).click();
    const objections = page.getByTestId('objections');
    await objections.getByText('No safeguard for large purchases').waitFor();
    await objections.getByText('To integrate', { exact: true }).waitFor();
    const amend = page.getByTestId('amend-form');
    await amend
      .getByLabel('New text')
      .fill('Each team manages 5k a year; purchases over 1k need two signatures.');
    await amend.getByLabel('What changes').fill('Adds a safeguard');
    await amend
      .getByLabel('Integrates the objection: No safeguard for large purchases')
      .fill('Two signatures above 1k');
    await amend.getByRole('button', { name: 'Save the new version' }).click();
    await objections.getByText('Integrated', { exact: true }).waitFor();
    await page.getByText('Version 2').first().waitFor();

    // 5. Consent from both, then close with the outcome and a review date.
    await page.getByLabel('I consent', { exact: true }).check();
    await page.getByRole('button', { name: 'Give my position' }).click();
    await page.getByText('Position saved.').first().waitFor();
    await phone.reload();
    await phone.getByText('Version 2').waitFor();
    await phone.getByLabel('I consent', { exact: true }).check();
    await phone.getByRole('button', { name: 'Give my position' }).click();
    await phone.getByText('Position saved.').waitFor();
    await page.reload();
    await page.getByText('2 / 2 answers').waitFor();
    const close = page.getByTestId('close-form');
    await close
      .getByLabel('Outcome, in one sentence')
      .fill('Team budgets adopted with a two-signature safeguard');
    await close.getByLabel('Review date').fill('2027-06-01');
    await close.getByRole('button', { name: 'Close the proposal' }).click();
    await page.getByTestId('tally').getByText('Passed').waitFor();
    await page
      .getByTestId('outcome')
      .getByText(/two-signature safeguard/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('decisions-proposal-closed'), fullPage: true });

    // 6. The decision is in the register and on the engagement's trace.
    await page.goto(`${url}/decisions`);
    const register = page.getByTestId('register-table');
    const row = register.getByRole('row', { name: /Team budgets/ });
    await row.getByText('Passed').waitFor();
    await row
      .getByText('01/06/2027')
      .or(row.getByText('1 Jun 2027'))
      .or(row.getByText('2027'))
      .first()
      .waitFor();
    await register
      .getByRole('row', { name: /Rule choice/ })
      .first()
      .waitFor();
    // The register's XLSX twin of its CSV export: the same rows, read back with exceljs.
    const xlsxHref = await page.getByRole('link', { name: 'Export XLSX' }).getAttribute('href');
    const xlsx = await page.request.get(`${url}${xlsxHref}`);
    expect(xlsx.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('Team budgets');
    await page.goto(`${url}/engagements/${eng.id}?tab=links`);
    const trace = page.getByTestId('links-table');
    await trace.getByText('How do we share the budget?').waitFor();
    await trace.getByText('Team budgets').waitFor();

    // 7. A proposed governance map, compared with the current one, adopted through a decision.
    await page.goto(`${url}/governance`);
    await page.getByTestId('map-current').waitFor();
    await page.getByTestId('create-map').getByLabel('Map name').fill('Tomorrow');
    await page.getByRole('button', { name: 'Propose a new map' }).click();
    const editor = page.getByTestId('map-editor');
    const addCircle = editor.getByTestId('add-circle');
    await addCircle.getByLabel('Name').fill('Care');
    await addCircle.getByLabel('Parent circle').click();
    await page.getByRole('option', { name: 'General circle' }).click();
    await addCircle.getByRole('button', { name: 'Add' }).click();
    await editor.getByRole('button', { name: 'Save the map' }).click();
    await page.getByTestId('map-changes').getByText('Circle · Care').waitFor();
    await page.getByTestId('map-proposed').getByTestId('map-picture').waitFor();
    await page.screenshot({ path: screenshotPath('decisions-governance-compare'), fullPage: true });
    const adopt = page.getByTestId('adopt-form');
    await adopt.getByLabel('Engagement').click();
    await page.getByRole('option', { name: 'Revisit who decides what' }).click();
    await adopt.getByLabel('Review date').fill('2027-09-01');
    await adopt.getByRole('button', { name: 'Open the adoption decision' }).click();
    await page.getByRole('heading', { name: 'Tomorrow', level: 1 }).waitFor();
    await page.getByLabel('I consent', { exact: true }).check();
    await page.getByRole('button', { name: 'Give my position' }).click();
    await page.getByText('Position saved.').first().waitFor();
    await page
      .getByTestId('close-form')
      .getByLabel('Outcome, in one sentence')
      .fill('The new map is adopted');
    await page.getByTestId('close-form').getByRole('button', { name: 'Close the proposal' }).click();
    await page.getByTestId('tally').getByText('Passed').waitFor();
    await page.goto(`${url}/governance`);
    const current = page.getByTestId('map-current');
    await current.getByRole('heading', { name: 'Tomorrow' }).waitFor();
    await current.getByText('Adopted by decision').waitFor();
    await current.getByRole('tab', { name: 'Table' }).click();
    await current.getByTestId('map-table').getByText('Care').waitFor();

    expect(problems).toEqual([]);
    await phoneContext.close();
    await facilitator.close();
  });
});
