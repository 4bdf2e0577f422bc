import { describe, expect, it } from 'vitest';
import { axeInBothSchemes, settle } from './axe.ts';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';
import { ownerAndMember } from './owner-and-member.ts';

/**
 * Community mentions in Chromium: they are the platform's notifications, so a mention lights the bell,
 * the communities page lists it from the same API, and marking it read there clears the bell too.
 */
describe('community mentions in Chromium', () => {
  const env = useServerAndBrowser();

  it('a mention shows in the bell and on the communities page; read there, read everywhere', async () => {
    const { owner, member: page, orgId } = await ownerAndMember(env);
    const base = `/api/orgs/${orgId}/pollination/communities`;
    const community = (await api(owner, 'post', base, { title: 'Shared gardens' })) as { id: string };
    await api(page, 'post', `${base}/${community.id}/join`, {});
    await api(owner, 'post', `${base}/${community.id}/items`, {
      kind: 'post',
      title: 'Seeds',
      body: 'Thanks @Member for the private seed list',
    });

    await page.goto(`${env.server.url}/pollination/communities`);
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    const card = page.getByRole('region', { name: '1 new notification' });
    await card.waitFor();
    const mention = card.getByRole('link', {
      name: 'Owner mentioned you in the community "Shared gardens".',
    });
    await mention.waitFor();
    // The notice names the community, never the post's text.
    expect(await card.textContent()).not.toContain('seed list');
    await settle(page);
    await page.screenshot({ path: screenshotPath('community-mentions'), fullPage: true });
    expect(await axeInBothSchemes(page, 'communities page with a mention')).toEqual([]);

    await card.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    await card.waitFor({ state: 'detached' });
  });
});
