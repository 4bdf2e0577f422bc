import type { Page } from 'playwright-core';
import { api, type useServerAndBrowser } from './browser.ts';

/**
 * The start of the journeys that need two people: an owner sets the instance up and creates an
 * organisation, invites a member, and the member accepts in a browser context of their own (both in
 * English). Before signing in the shell asks who is there, so a 401 on /api/me is allowed.
 */
export async function ownerAndMember(
  env: ReturnType<typeof useServerAndBrowser>,
  orgName = 'Maison commune',
): Promise<{ owner: Page; member: Page; orgId: string; memberUserId: string }> {
  env.watch.allowHttp(401, /\/api\/me$/);
  const ownerContext = await env.browser.newContext({ locale: 'en-GB', baseURL: env.server.url });
  const owner = await ownerContext.newPage();
  await owner.goto(env.server.url);
  await api(owner, 'post', '/api/setup', {
    email: 'owner@example.org',
    password: 'a long enough password',
    displayName: 'Owner',
  });
  const org = (await api(owner, 'post', '/api/orgs', { name: orgName })) as { id: string };
  const invite = (await api(owner, 'post', `/api/orgs/${org.id}/invitations`, {
    email: 'member@example.org',
    role: 'member',
  })) as { link: string };
  const memberContext = await env.browser.newContext({ locale: 'en-GB', baseURL: env.server.url });
  const member = await memberContext.newPage();
  await member.goto(env.server.url);
  const accepted = (await api(member, 'post', `/api/invitations/${invite.link.split('/invite/')[1]}/accept`, {
    displayName: 'Member',
    password: 'a long enough password',
  })) as { user: { id: string } };
  return { owner, member, orgId: org.id, memberUserId: accepted.user.id };
}
