import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

const EDGES = `source,target,relation
andre,beverly,advice
andre,carol,advice
andre,diane,advice
andre,fernando,advice
beverly,diane,advice
beverly,ed,advice
beverly,garth,advice
carol,diane,advice
carol,fernando,advice
diane,ed,advice
diane,fernando,advice
diane,garth,advice
ed,garth,advice
fernando,garth,advice
fernando,heather,advice
garth,heather,advice
heather,ike,advice
ike,jane,advice
andre,beverly,trust
beverly,carol,trust
heather,ike,trust
ike,jane,trust
diane,heather,trust`;
const NODES = `id,label,department,consent
andre,André Vidal,ops,no
beverly,Béatrice Roy,ops,no
carol,Carole Petit,ops,no
diane,Diane Leroy,ops,yes
ed,Édouard Blanc,ops,no
fernando,Fernand Noël,ops,no
garth,Gaston Fabre,ops,no
heather,Hélène Marchand,sales,yes
ike,Isaac Morin,sales,no
jane,Jeanne Caron,sales,no`;

describe('network journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('imports a CSV network, runs the analysis, shows the map and change agents; a respondent answers the survey', async () => {
    const errors: string[] = [];
    const ctx = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    const api = ctx.request;
    const url = env.server.url;
    expect(
      (
        await api.post(`${url}/api/setup`, {
          data: {
            email: 'claire@example.org',
            password: 'a long enough password',
            displayName: 'Claire Morel',
          },
        })
      ).status(),
    ).toBe(200);
    const orgId = (await (await api.post(`${url}/api/orgs`, { data: { name: 'Cabinet Trame' } })).json())
      .id as string;
    const engagementId = (
      await (
        await api.post(`${url}/api/orgs/${orgId}/engagements`, {
          data: { title: 'Coopérer entre services', request: 'Mieux coopérer' },
        })
      ).json()
    ).id as string;

    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/engagements/${engagementId}/network`);
    await page.getByRole('heading', { name: 'Import a network (CSV)' }).waitFor();
    // A broken file first: every problem is listed by line and nothing can be imported.
    await page.getByLabel('Edge list').fill('source,target\nandre,andre\nandre,zed\n');
    await page.getByLabel('People (optional)').fill('id,label\nandre,André\n');
    await page.getByRole('button', { name: 'Check the files' }).click();
    await page.getByText('Nothing can be imported yet').waitFor();
    expect(await page.getByRole('table').first().textContent()).toContain('unknown node id "zed"');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Network name').fill('Réseau des services');
    await page.getByLabel('Edge list').fill(EDGES);
    await page.getByLabel('People (optional)').fill(NODES);
    await page.getByRole('button', { name: 'Check the files' }).click();
    await page.getByText('Ready to import').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/network\/[\w-]+$/);
    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page.locator('[data-network-map] canvas').first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: /Change agents/ }).waitFor();
    // Search a person: the details panel shows their roles with the rule behind each.
    await page.getByRole('combobox', { name: 'Find a person' }).fill('Hél');
    await page.getByRole('option', { name: /Hélène Marchand/ }).click();
    await page.getByRole('heading', { name: 'Hélène Marchand', level: 3 }).waitFor();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: screenshotPath('network-map'), fullPage: true });

    await page.getByRole('tab', { name: 'Trust zones' }).click();
    await page.getByText('People who bridge trust zones').waitFor();
    await page.screenshot({ path: screenshotPath('network-trust-zones'), fullPage: true });

    await page.getByRole('tab', { name: /Change agents/ }).click();
    const proposals = page.locator('[data-proposal]');
    await proposals.first().waitFor();
    const names = await proposals.evaluateAll((els) => els.map((e) => e.getAttribute('data-proposal')));
    for (const name of names) {
      expect(['Diane Leroy', 'Hélène Marchand']).toContain(name);
    }
    expect(await proposals.first().textContent()).toMatch(/expected to reach/);
    await page.getByText('Table', { exact: true }).first().click();
    await page.screenshot({ path: screenshotPath('network-change-agents'), fullPage: true });

    // Network survey: roster from a collective, respondent link, consent, search-as-you-type picker.
    const collectiveId = (
      await (
        await api.post(`${url}/api/orgs/${orgId}/collectives`, { data: { name: 'Atelier', kind: 'team' } })
      ).json()
    ).id as string;
    for (const name of ['Alice Bernard', 'Bruno Lefèvre', 'Chloé Garnier']) {
      await api.post(`${url}/api/orgs/${orgId}/people`, {
        data: { displayName: name, collectiveIds: [collectiveId] },
      });
    }
    const survey = await (
      await api.post(`${url}/api/orgs/${orgId}/engagements/${engagementId}/networks/survey`, {
        data: { title: 'Qui conseille qui', collectiveId, relations: ['advice', 'trust'] },
      })
    ).json();
    const links = (
      await (
        await api.post(
          `${url}/api/orgs/${orgId}/engagements/${engagementId}/networks/${survey.id}/invitations`,
        )
      ).json()
    ).links as { displayName: string; token: string }[];
    const alice = links.find((l) => l.displayName === 'Alice Bernard')!;

    const respondentCtx = await env.browser.newContext({ locale: 'fr-FR' });
    const r = await respondentCtx.newPage();
    r.on('pageerror', (e) => errors.push(e.message));
    await r.goto(`${url}/n/${alice.token}`);
    await r.getByRole('heading', { name: 'Avant de commencer' }).waitFor();
    expect(await r.getByText('le facilitateur de cet accompagnement voit qui a nommé qui').count()).toBe(1);
    await r.screenshot({ path: screenshotPath('network-respondent-consent'), fullPage: true });
    await r.getByLabel("J'accepte d'être proposé comme relais possible du changement").check();
    await r.getByRole('button', { name: "J'accepte, commencer le questionnaire" }).click();
    const advice = r.locator('[data-relation-picker="advice"]');
    await advice.waitFor();
    await advice.fill('Bru');
    await r.getByRole('option', { name: 'Bruno Lefèvre' }).click();
    await r.locator('#main li', { hasText: 'Bruno Lefèvre' }).waitFor();
    await r.getByText('Chaque jour', { exact: true }).first().click();
    await r.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
    await r.getByText(/Réponses enregistrées/).waitFor();
    await r.screenshot({ path: screenshotPath('network-respondent-answers'), fullPage: true });
    const view = await (await r.request.get(`${url}/api/network-survey/${alice.token}`)).json();
    expect(view.answers).toEqual([expect.objectContaining({ relation: 'advice', value: 5 })]);
    expect(view.hasChangeAgentConsent).toBe(true);

    expect(errors).toEqual([]);
    await respondentCtx.close();
    await ctx.close();
  });
});
