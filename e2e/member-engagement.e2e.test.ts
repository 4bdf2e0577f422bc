import { describe, expect, it } from 'vitest';
import { axeInBothSchemes, settle } from './axe.ts';
import { api, useServerAndBrowser } from './browser.ts';

const TABS = [
  ['overview', 'Overview'],
  ['questions', 'Essential questions'],
  ['phases', 'Phases'],
  ['stakeholders', 'Stakeholders'],
  ['options', 'Options'],
  ['timeline', 'Timeline'],
  ['links', 'Trace'],
] as const;

/**
 * A member (not the facilitator) opens their home and an engagement with something in every tab:
 * the web asks only for what that role may read, so no request is refused (the journey declares no
 * 403), no console error, and axe finds nothing in either colour scheme.
 */
describe('a member reads an engagement in Chromium', () => {
  const env = useServerAndBrowser();

  it('home, then every tab of the engagement page, with no refused request', async () => {
    const url = env.server.url;
    const ownerContext = await env.browser.newContext({ locale: 'en-GB', baseURL: url });
    const owner = await ownerContext.newPage();
    // Before signing in the shell asks who is there: the only failure this journey expects.
    env.watch.allowHttp(401, /\/api\/me$/);
    await owner.goto(url);
    await api(owner, 'post', '/api/setup', {
      email: 'owner@example.org',
      password: 'a long enough password',
      displayName: 'Owner',
    });
    const org = (await api(owner, 'post', '/api/orgs', { name: 'Maison commune' })) as { id: string };
    const base = `/api/orgs/${org.id}/engagements`;
    const engagement = (await api(owner, 'post', base, {
      title: 'Shared kitchen',
      request: 'Decide how we share it',
    })) as { id: string };
    const at = `${base}/${engagement.id}`;
    const withQuestion = (await api(owner, 'post', `${at}/questions`, {
      text: 'Who cleans up after the evening meal?',
    })) as { questions: { id: string }[] };
    const question = withQuestion.questions[0]!;
    const board = (await api(owner, 'post', `${at}/options-boards`, { title: 'Cleaning rota' })) as {
      id: string;
    };
    await api(owner, 'post', `${at}/options-boards/${board.id}/options`, { title: 'A weekly rota' });
    await api(owner, 'post', `${at}/links`, {
      from: { kind: 'question', id: question.id },
      to: { kind: 'options_board', id: board.id },
      relation: 'informs',
    });
    // The facilitator's own diagnostic campaign exists: a member's pages must not ask for its list.
    await api(owner, 'post', `${at}/campaigns`, {
      title: 'How the kitchen feels',
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [],
      hasMemberLinks: false,
      hasSharedLink: true,
    });

    const invite = (await api(owner, 'post', `/api/orgs/${org.id}/invitations`, {
      email: 'member@example.org',
      role: 'member',
    })) as { link: string };
    const memberContext = await env.browser.newContext({ locale: 'en-GB', baseURL: url });
    const page = await memberContext.newPage();
    await page.goto(url);
    const accepted = (await api(page, 'post', `/api/invitations/${invite.link.split('/invite/')[1]}/accept`, {
      displayName: 'Member',
      password: 'a long enough password',
    })) as { user: { id: string } };
    await api(owner, 'post', `${at}/stakeholders`, {
      kind: 'other',
      name: 'Member',
      userId: accepted.user.id,
    });

    const found: string[] = [];
    // Home: the campaigns card explains how a member takes part instead of listing (and asking for) campaigns.
    await page.goto(`${url}/`);
    await page.getByTestId('work-overview').waitFor();
    await page.getByText('you receive a personal link').waitFor();
    await settle(page);
    found.push(...(await axeInBothSchemes(page, 'member home')));

    await page.goto(`${url}/engagements/${engagement.id}`);
    await page.getByTestId('engagement-title').waitFor();
    for (const [value, name] of TABS) {
      const tab = page.getByRole('tab', { name });
      await tab.click();
      await page.waitForURL(new RegExp(`tab=${value}`));
      await page.locator('[role=tab][aria-selected=true]', { hasText: name }).waitFor();
      await settle(page);
      found.push(...(await axeInBothSchemes(page, `member engagement tab ${value}`)));
    }
    // What the tabs show is the engagement's content, read-only for this role.
    await page.getByRole('tab', { name: 'Options' }).click();
    await page.getByTestId('option-card').filter({ hasText: 'A weekly rota' }).waitFor();
    expect(await page.getByTestId('option-add-form').count()).toBe(0);
    await page.getByRole('tab', { name: 'Essential questions' }).click();
    await page.getByTestId('question-item').filter({ hasText: 'Who cleans up' }).waitFor();
    expect(await page.getByTestId('question-add-input').count()).toBe(0);

    // The ways into the work shown to a member open without a refused request either.
    const work = page.getByRole('navigation', { name: 'The work of this engagement' });
    const hrefs = await work
      .getByRole('link')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(hrefs.some((h) => h?.includes('/diagnostics'))).toBe(false);
    for (const href of hrefs) {
      await page.goto(`${url}${href}`);
      await settle(page);
    }

    expect(found).toEqual([]);
    await ownerContext.close();
    await memberContext.close();
  });
});
