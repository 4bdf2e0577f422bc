import { describe, expect, it } from 'vitest';
import { screenshotPath, useServerAndBrowser } from './browser.ts';

describe('identity journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('first-run setup → organisation → invitation → the invitee sees only what the role allows', async () => {
    // A signed-out visitor (the invitee) is told so by the session probe's 401: the one expected failure.
    env.watch.allowHttp(401, /\/api\/me$/);
    const admin = await env.browser.newContext({ locale: 'en-GB' });
    const page = await admin.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url);
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    await page.locator('input[name=displayName]').fill('Claire Morel');
    await page.locator('input[name=email]').fill('claire@example.org');
    await page.locator('input[name=password]').fill('a long enough password');
    await setup.locator('button[type=submit]').click();
    const create = page.getByTestId('org-create-form');
    await create.waitFor();
    await create.locator('input[name=name]').fill('Cabinet Trame');
    await create.locator('button[type=submit]').click();
    await page.waitForURL(/organisation/);
    await page.goto(`${env.server.url}/organisation?tab=invitations`);
    const invite = page.getByTestId('invite-form');
    await invite.waitFor();
    await invite.locator('input[name=email]').fill('sam@example.org');
    await invite.locator('button[type=submit]').click();
    const linkInput = page.getByTestId('invite-link');
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
    await page.screenshot({ path: screenshotPath('identity-invitation'), fullPage: true });
    await page.goto(`${env.server.url}/audit`);
    await page.getByTestId('audit-table').waitFor();
    expect(await page.getByTestId('audit-table').textContent()).toContain('invitation');

    const invitee = await env.browser.newContext({ locale: 'fr-FR' });
    const p2 = await invitee.newPage();
    p2.on('pageerror', (e) => errors.push(e.message));
    await p2.goto(link.replace(/^https?:\/\/[^/]+/, env.server.url));
    const acceptForm = p2.getByTestId('accept-invitation-form');
    await acceptForm.waitFor();
    await acceptForm.locator('input[name=displayName]').fill('Sam Martin');
    await acceptForm.locator('input[name=password]').fill('another long password');
    await p2.getByTestId('accept-invitation').click();
    await p2.getByTestId('user-menu').waitFor();
    const me = await (await p2.request.get(`${env.server.url}/api/me`)).json();
    expect(me.memberships).toEqual([expect.objectContaining({ orgName: 'Cabinet Trame', role: 'member' })]);
    const orgId = me.memberships[0].orgId as string;
    // What a member may not do is refused by the server, not only hidden.
    expect((await p2.request.get(`${env.server.url}/api/orgs/${orgId}/audit`)).status()).toBe(403);
    expect((await p2.request.get(`${env.server.url}/api/orgs/${orgId}/members`)).status()).toBe(403);
    await p2.goto(`${env.server.url}/organisation?tab=invitations`);
    await p2.getByRole('tablist').waitFor();
    expect(await p2.getByTestId('invite-form').count()).toBe(0);
    expect(await p2.getByRole('link', { name: /journal|audit/i }).count()).toBe(0);
    await p2.screenshot({ path: screenshotPath('identity-invitee-member'), fullPage: true });
    expect(errors).toEqual([]);
    await admin.close();
    await invitee.close();
  });
});
