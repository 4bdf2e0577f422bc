import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../apps/server/test/oidc-idp.ts';
import { type SpawnedServer, spawnServer } from '../apps/server/test/spawn-server.ts';
import { expectNoAxeViolations } from './axe.ts';
import { api, launchChromium, screenshotPath } from './browser.ts';

/** A known defect of the app shell, outside this feature; everything else axe checks must pass. */
/**
 * Single sign-on in Chromium against a real OpenID provider (oidc-provider on a loopback port): the
 * owner configures the provider on the settings screen, then a newcomer clicks the provider's button on
 * the sign-in page, signs in at the provider and lands in Essaim with an account in the organisation.
 */
describe('single sign-on journey in Chromium', () => {
  const env = {} as { server: SpawnedServer; browser: Browser };
  let idp: TestIdp;
  beforeAll(async () => {
    env.server = await spawnServer([], { built: true, timeoutMs: 90_000 });
    env.browser = await launchChromium();
    idp = await startTestIdp(env.server.url);
    idp.accounts.set('agent-42', {
      email: 'agent42@example.org',
      email_verified: true,
      name: 'Agent Quarante-Deux',
    });
  });
  afterAll(async () => {
    await idp?.close();
    await env.browser?.close();
    await env.server?.stop();
  });

  it('owner adds a provider on the settings screen; a newcomer signs in with it', async () => {
    const errors: string[] = [];
    const owner = await env.browser.newContext({ locale: 'en-GB', baseURL: env.server.url });
    const page = await owner.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url);
    await api(page, 'post', '/api/setup', {
      email: 'owner@example.org',
      password: 'a long enough password',
      displayName: 'Owner',
    });
    await api(page, 'post', '/api/orgs', { name: 'Préfecture test' });
    await page.goto(`${env.server.url}/organisation`);
    await page.getByRole('link', { name: 'Single sign-on settings' }).click();
    const form = page.getByTestId('sso-provider-form').first(); // the organisation's (the instance's follows)
    await form.waitFor();
    await form.getByLabel('Name shown on the button').fill('Test IdP');
    await form.getByLabel('Issuer URL').fill(idp.issuer);
    await form.getByLabel('Client ID').fill(idp.clientId);
    await form.getByLabel('Client secret').fill(idp.clientSecret);
    await form.getByRole('button', { name: 'Add the provider' }).click();
    const provider = page.getByTestId('sso-provider');
    await provider.waitFor();
    expect(await provider.textContent()).toContain(`${env.server.url}/api/auth/sso/callback`);
    await page.screenshot({ path: screenshotPath('sso-settings'), fullPage: true });
    await expectNoAxeViolations(page, 'single sign-on settings');

    const newcomer = await env.browser.newContext({ locale: 'fr-FR', baseURL: env.server.url });
    const p2 = await newcomer.newPage();
    p2.on('pageerror', (e) => errors.push(e.message));
    await p2.goto(`${env.server.url}/sign-in`);
    const button = p2.getByRole('button', { name: 'Se connecter avec Test IdP (Préfecture test)' });
    await button.waitFor();
    await p2.screenshot({ path: screenshotPath('sso-sign-in'), fullPage: true });
    await expectNoAxeViolations(p2, 'sign-in with a provider button');
    await p2.getByRole('link', { name: 'Accessibilité' }).click();
    await p2.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    await expectNoAxeViolations(p2, 'accessibility statement');
    await p2.goBack();
    await button.waitFor();
    await button.click();
    // At the provider: its development login form, then its consent screen.
    await p2.waitForURL((url) => url.href.startsWith(idp.issuer));
    await p2.locator('input[name=login]').fill('agent-42');
    await p2.locator('input[name=password]').fill('anything');
    await p2.locator('button[type=submit]').click();
    await p2.locator('input[name=prompt][value=consent]').waitFor({ state: 'attached' });
    await p2.locator('button[type=submit]').click();
    await p2.waitForURL((url) => url.href.startsWith(env.server.url));
    await p2.getByTestId('user-menu').waitFor();
    const me = await (await p2.request.get(`${env.server.url}/api/me`)).json();
    expect(me.user.email).toBe('agent42@example.org');
    expect(me.memberships).toEqual([expect.objectContaining({ orgName: 'Préfecture test', role: 'member' })]);
    await p2.goto(`${env.server.url}/account`);
    await p2.getByTestId('sso-links').waitFor();
    expect(await p2.getByTestId('sso-links').textContent()).toContain('Test IdP');
    expect(errors).toEqual([]);
    await owner.close();
    await newcomer.close();
  });
});
