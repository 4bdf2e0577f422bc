import { describe, expect, it } from 'vitest';
import { axeInBothSchemes, settle } from './axe.ts';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';
import { ownerAndMember } from './owner-and-member.ts';

/**
 * Issue 20 in Chromium: a member added to an engagement sees the bell's count (said by its name),
 * reads the notification on its page, then makes, copies and revokes a private calendar link.
 */
describe('notifications and calendar journey in Chromium', () => {
  const env = useServerAndBrowser();

  it('bell, notifications page, mark read, calendar link made and revoked', async () => {
    const { owner, member: page, orgId, memberUserId } = await ownerAndMember(env);
    const engagement = (await api(owner, 'post', `/api/orgs/${orgId}/engagements`, {
      title: 'Shared kitchen',
      request: 'Decide how we share it',
    })) as { id: string };
    await api(owner, 'post', `/api/orgs/${orgId}/engagements/${engagement.id}/stakeholders`, {
      kind: 'other',
      name: 'Member',
      userId: memberUserId,
    });

    await page.goto(`${env.server.url}/`);
    const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = page.getByTestId('notification');
    await item.waitFor();
    expect(await item.textContent()).toContain(
      'You were added to the team of the engagement "Shared kitchen".',
    );
    await settle(page);
    await page.screenshot({ path: screenshotPath('notifications-page'), fullPage: true });
    expect(await axeInBothSchemes(page, 'notifications page')).toEqual([]);

    await page.getByRole('button', { name: /^Mark as read/ }).click();
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    // The segmented control's inputs are visually hidden: its visible labels take the click.
    await page.locator('label', { hasText: /^Unread$/ }).click();
    await page.getByTestId('notifications-empty').getByText('You have read everything').waitFor();
    await page.locator('label', { hasText: /^All$/ }).click();
    // Opening it goes to the engagement, in its organisation.
    await page.getByRole('button', { name: /^Open/ }).click();
    await page.waitForURL(`**/engagements/${engagement.id}`);

    // The calendar link: made, shown once, works, revoked, then refused with 410.
    await page.goto(`${env.server.url}/account`);
    const card = page.getByTestId('calendar-feed-card');
    await card.getByText('No active link.').waitFor();
    await card.getByRole('button', { name: 'Create my calendar link' }).click();
    const input = card.getByLabel('Your private link');
    await input.waitFor();
    const url = await input.inputValue();
    expect(url).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    await card.getByText(/^Link active since/).waitFor();
    await settle(page);
    expect(await axeInBothSchemes(page, 'account page with a calendar link')).toEqual([]);
    await card.getByRole('button', { name: 'Revoke the link' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke the link' }).click();
    await card.getByText('No active link.').waitFor();
    const revoked = await page.request.get(url);
    expect(revoked.status()).toBe(410);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('LINK_REVOKED');
  });
});
