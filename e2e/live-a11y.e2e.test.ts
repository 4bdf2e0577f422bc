import { ACTIVITY_KINDS, type ActivityKind, type ActivitySpec } from '@essaim/core/live';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeInBothSchemes, settle } from './axe.ts';
import { api, screenshotPath, useServerAndBrowser } from './browser.ts';
import { facilitatorSocket, focusIsVisible, tabTo } from './keyboard.ts';

const items = ['Alpha', 'Beta', 'Gamma'].map((label, i) => ({ id: `i${i}`, label }));

type SpecOf<K extends ActivityKind> = Extract<ActivitySpec, { readonly type: K }>;
const proposal = 'We meet on Mondays';

/**
 * One activity of each live kind, as the console would add it. Keyed by the core registry's kinds, so a
 * new kind does not type-check until it has a line here; the loop below walks `ACTIVITY_KINDS` itself.
 * A clustering sorts the cards of the brainstorm before it (the registry lists brainstorm first).
 */
const SPEC_OF: { readonly [K in ActivityKind]: (brainstormId: string | null) => SpecOf<K> } = {
  brainstorm: () => ({
    type: 'brainstorm',
    title: 'Ideas',
    config: { anonymity: 'optional', maxCardsPerParticipant: 10 },
  }),
  cluster: (brainstormId) => ({
    type: 'cluster',
    title: 'Clusters',
    config: { sourceActivityId: brainstormId ?? '', canParticipantsEdit: true },
  }),
  dotVote: () => ({
    type: 'dotVote',
    title: 'Dots',
    config: { items, dotsPerParticipant: 3, maxPerItem: 3 },
  }),
  rating: () => ({ type: 'rating', title: 'Rating', config: { items, scale: 'oneToFive' } }),
  ranking: () => ({ type: 'ranking', title: 'Ranking', config: { items } }),
  pairwise: () => ({
    type: 'pairwise',
    title: 'Pairs',
    config: { items, maxComparisonsPerParticipant: null },
  }),
  poll: () => ({ type: 'poll', title: 'Poll', config: { options: items, isMultiple: false, maxChoices: 1 } }),
  wordCloud: () => ({
    type: 'wordCloud',
    title: 'Words',
    config: { maxAnswersPerParticipant: 3, maxLength: 80 },
  }),
  fistToFive: () => ({ type: 'fistToFive', title: 'Fist', config: { proposal } }),
  consentRound: () => ({ type: 'consentRound', title: 'Consent', config: { proposal } }),
  gradients: () => ({ type: 'gradients', title: 'Gradients', config: { proposal } }),
  timer: () => ({ type: 'timer', title: 'Break', config: { durationMs: 300_000, isBreak: true } }),
  groups: () => ({
    type: 'groups',
    title: 'Teams',
    config: {
      size: 2,
      strategy: 'mix',
      attribute: { question: 'Your department', options: items.slice(0, 2) },
      fromActivityId: null,
    },
  }),
  matrix: () => ({
    type: 'matrix',
    title: 'Matrix',
    config: {
      items,
      x: { label: 'Impact', low: 'Low', high: 'High' },
      y: { label: 'Effort', low: 'Low', high: 'High' },
    },
  }),
  budget: () => ({ type: 'budget', title: 'Budget', config: { items, budget: 100 } }),
  questions: () => ({
    type: 'questions',
    title: 'Questions',
    config: { isModerated: true, allowNames: true },
  }),
  checkIn: () => ({
    type: 'checkIn',
    title: 'Weather',
    config: { scale: 'energy', allowWord: true, showNames: false },
  }),
};
const specOf = <K extends ActivityKind>(kind: K, brainstormId: string | null = null): SpecOf<K> =>
  SPEC_OF[kind](brainstormId);

/**
 * Issue 21 on live screens: keyboard-only journeys for a participant (join, brainstorm, vote, rank)
 * and a facilitator (launch an activity, pause, stop), focus visible at every stop, a live region
 * announcing what changes, axe on the console, the phone and the projector for every activity
 * kind in light and dark, and reduced motion respected.
 */
describe('live workshop accessibility in Chromium', () => {
  const env = useServerAndBrowser();

  async function facilitatorWithWorkshop(options: Parameters<typeof env.browser.newContext>[0] = {}) {
    const url = env.server.url;
    const context = await env.browser.newContext({
      locale: 'en-GB',
      baseURL: url,
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    const page = await context.newPage();
    // The first test sets the instance up; the others sign in as the same person.
    const account = { email: 'lea@example.org', password: 'a long enough password' };
    const setup = await page.request.post(`${url}/api/setup`, {
      data: { ...account, displayName: 'Léa' },
      headers: { origin: url },
    });
    if (setup.status() === 409) {
      await api(page, 'post', `${url}/api/auth/sign-in`, account);
    }
    const me = await api(page, 'get', `${url}/api/me`);
    const org =
      me.memberships.length > 0
        ? { id: me.memberships[0].orgId as string }
        : await api(page, 'post', `${url}/api/orgs`, { name: 'Coop Gamma' });
    const workshop = await api(page, 'post', `${url}/api/orgs/${org.id}/workshops`, { title: 'Retreat' });
    return { context, page, workshop: workshop as { id: string; code: string } };
  }

  it('participant and facilitator journeys with the keyboard alone', async () => {
    const url = env.server.url;
    const f = await facilitatorWithWorkshop();
    // The agenda is prepared beforehand (as it would be the day before); the journeys run it live.
    const socket = await facilitatorSocket(f.context, url, f.workshop.id);
    for (const spec of [specOf('brainstorm'), specOf('dotVote'), specOf('ranking')]) {
      await socket.send({ type: 'activity.add', activity: spec });
    }
    socket.close();
    const console = f.page;
    await console.goto(`/workshops/${f.workshop.id}`);
    await console.getByTestId('join-code').filter({ hasText: f.workshop.code }).waitFor();
    const agenda = console.getByTestId('agenda');
    const rowOf = (title: string) => agenda.getByRole('listitem').filter({ hasText: title });

    // Participant: join with the keyboard (code, then name, then Enter).
    const phoneContext = await env.browser.newContext({
      locale: 'en-GB',
      baseURL: url,
      viewport: { width: 390, height: 844 },
    });
    const phone = await phoneContext.newPage();
    await phone.goto('/join');
    await tabTo(phone, phone.getByRole('textbox', { name: 'Workshop code' }).first());
    await phone.keyboard.type(f.workshop.code);
    const name = phone.getByLabel('Your first name or nickname');
    await tabTo(phone, name);
    await phone.keyboard.type('Ana');
    await phone.keyboard.press('Enter');
    await phone.waitForURL(/\/w\//);
    await phone
      .getByText(/Waiting for the facilitator|is about to start/)
      .first()
      .waitFor();

    // Facilitator: launch the brainstorm with the keyboard.
    await tabTo(console, rowOf('1. Ideas').getByRole('button', { name: 'Start' }));
    await console.keyboard.press('Enter');
    // The participant's live region says what started.
    await phone
      .getByTestId('live-announcer')
      .filter({ hasText: 'Current activity: Ideas. Input is open.' })
      .waitFor();

    // Participant: write a card and send it.
    await tabTo(phone, phone.getByLabel('Your idea'));
    await phone.keyboard.type('Meet on Mondays');
    await tabTo(phone, phone.getByRole('button', { name: 'Send the card' }));
    await phone.keyboard.press('Enter');
    await console.getByText('Meet on Mondays').first().waitFor();

    // Dot vote: two dots on Beta with Enter and Space.
    await tabTo(console, rowOf('2. Dots').getByRole('button', { name: 'Start' }));
    await console.keyboard.press('Enter');
    await phone.getByTestId('live-announcer').filter({ hasText: 'Current activity: Dots.' }).waitFor();
    await tabTo(phone, phone.getByRole('button', { name: 'Add a dot to “Beta”' }));
    await phone.keyboard.press('Enter');
    await phone.getByTestId('dots-remaining').filter({ hasText: '2' }).waitFor();
    await phone.keyboard.press('Space');
    await phone.getByTestId('dots-remaining').filter({ hasText: '1' }).waitFor();

    // Ranking: move Gamma to the top with the arrow keys, then send.
    await tabTo(console, rowOf('3. Ranking').getByRole('button', { name: 'Start' }));
    await console.keyboard.press('Enter');
    await phone.getByTestId('live-announcer').filter({ hasText: 'Current activity: Ranking.' }).waitFor();
    await tabTo(phone, phone.getByRole('button', { name: 'Move “Gamma” up' }));
    await phone.keyboard.press('Enter');
    await phone.keyboard.press('Enter');
    await phone.getByText('Gamma moved to position 1 of 3').waitFor({ state: 'attached' });
    await tabTo(phone, phone.getByRole('button', { name: 'Send my ranking' }));
    await phone.keyboard.press('Enter');
    await phone.getByTestId('ranking-sent').waitFor();

    // Facilitator: pause (announced on the phone), resume, then stop through the dialog.
    await tabTo(console, console.getByRole('button', { name: 'Pause' }));
    await console.keyboard.press('Enter');
    await phone.getByTestId('live-announcer').filter({ hasText: 'The workshop is paused' }).waitFor();
    await phone.getByTestId('status-banner').waitFor();
    // The same button, now "Resume", keeps the focus.
    await console.getByRole('button', { name: 'Resume' }).waitFor();
    expect(
      await console.getByRole('button', { name: 'Resume' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await console.keyboard.press('Enter');
    await phone.getByTestId('status-banner').waitFor({ state: 'detached' });
    await tabTo(console, console.getByRole('button', { name: 'Stop the workshop' }));
    await console.keyboard.press('Enter');
    const dialog = console.getByRole('dialog', { name: 'Stop the workshop?' });
    // Focus moves into the dialog, on the reason; Tab reaches the confirmation.
    await dialog.getByLabel(/Reason, shown to participants/).waitFor();
    expect(
      await dialog
        .getByLabel(/Reason, shown to participants/)
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await console.keyboard.type('Time is up');
    await tabTo(console, dialog.getByRole('button', { name: 'Stop the workshop' }));
    await console.keyboard.press('Enter');
    await console.getByTestId('stopped-note').waitFor();
    await phone.getByTestId('live-announcer').filter({ hasText: 'The workshop has stopped' }).waitFor();
    // Focus left the closed dialog somewhere visible.
    expect(await focusIsVisible(console)).toBeNull();
    for (const scheme of ['light', 'dark'] as const) {
      await phone.emulateMedia({ colorScheme: scheme });
      await console.emulateMedia({ colorScheme: scheme });
      await phone.screenshot({ path: screenshotPath(`a11y-participant-stopped-${scheme}`) });
      await console.screenshot({ path: screenshotPath(`a11y-console-stopped-${scheme}`), fullPage: true });
      await console.setViewportSize({ width: 390, height: 844 });
      await console.screenshot({
        path: screenshotPath(`a11y-console-stopped-phone-${scheme}`),
        fullPage: true,
      });
      await console.setViewportSize({ width: 1280, height: 900 });
    }
    // Resume from the stopped console: participants can contribute again.
    await console.getByRole('button', { name: 'Resume the workshop' }).click();
    await phone.getByTestId('live-announcer').filter({ hasText: 'Current activity: Ranking.' }).waitFor();
    await phoneContext.close();
    await f.context.close();
  }, 300_000);

  it('axe finds nothing on the console, the phone and the projector for every kind of activity', async () => {
    const url = env.server.url;
    const f = await facilitatorWithWorkshop();
    const socket = await facilitatorSocket(f.context, url, f.workshop.id);
    const console = f.page;
    await console.goto(`/workshops/${f.workshop.id}`);
    const screen = await f.context.newPage();
    await screen.goto(`/screen/${f.workshop.id}`);
    const phoneContext = await env.browser.newContext({
      locale: 'en-GB',
      baseURL: url,
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const joined = await phoneContext.request.post(`${url}/api/workshops/join`, {
      data: { code: f.workshop.code, displayName: 'Ana' },
      headers: { origin: url },
    });
    expect(joined.status()).toBe(200);
    const phone = await phoneContext.newPage();
    await phone.goto(`/w/${f.workshop.id}`);
    const pages: [string, Page][] = [
      ['console', console],
      ['phone', phone],
      ['projector', screen],
    ];
    const found: string[] = [];
    let brainstormId: string | null = null;
    const seen: string[] = [];
    for (const kind of ACTIVITY_KINDS) {
      const spec = specOf(kind, brainstormId);
      const activityId = await socket.send({ type: 'activity.add', activity: spec });
      seen.push(kind);
      if (spec.type === 'brainstorm') {
        brainstormId = activityId;
      }
      await socket.send({ type: 'activity.start', activityId });
      await phone
        .getByTestId('live-announcer')
        .filter({ hasText: `Current activity: ${spec.title}.` })
        .waitFor();
      for (const [label, page] of pages) {
        await settle(page);
        found.push(...(await axeInBothSchemes(page, `${label} ${spec.type}`)));
      }
      if (spec.type === 'cluster') {
        await phone.emulateMedia({ colorScheme: 'dark' });
        await phone.screenshot({ path: screenshotPath('live-phone-cluster-dark') });
        await screen.screenshot({ path: screenshotPath('live-projector-cluster-dark') });
      }
      // Revealed results, on the projector and the phone too.
      await socket.send({ type: 'activity.revealResults', activityId });
      await phone.getByTestId('live-announcer').filter({ hasText: 'Results are shown.' }).waitFor();
      for (const [label, page] of pages) {
        found.push(...(await axeInBothSchemes(page, `${label} ${spec.type} revealed`)));
      }
      await socket.send({ type: 'activity.close', activityId });
    }
    expect(seen.sort()).toEqual(Object.keys(SPEC_OF).sort());
    socket.close();
    expect(found).toEqual([]);
    await phoneContext.close();
    await f.context.close();
  }, 900_000);

  it('respects reduced motion: nothing animates or slides, the dialog appears at once', async () => {
    const { context, page, workshop } = await facilitatorWithWorkshop({ reducedMotion: 'reduce' });
    /** Every element that would move: a running animation or a transition longer than 10 ms. */
    const moving = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .map((el) => ({ el, s: getComputedStyle(el) }))
          .filter(
            ({ s }) =>
              (s.animationName !== 'none' && Number.parseFloat(s.animationDuration) * 1000 > 10) ||
              s.transitionDuration
                .split(',')
                .some((d) => Number.parseFloat(d) * (d.endsWith('ms') ? 1 : 1000) > 10),
          )
          .map(({ el }) => `${el.tagName.toLowerCase()}.${(el.className?.toString() ?? '').slice(0, 60)}`),
      );
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    for (const path of ['/', '/workshops', `/workshops/${workshop.id}`, '/engagements/new']) {
      await page.goto(path);
      await settle(page);
      expect(await moving(), path).toEqual([]);
    }
    await page.goto(`/workshops/${workshop.id}`);
    await page.getByRole('button', { name: 'Stop the workshop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop the workshop?' });
    await dialog.waitFor();
    expect(await moving(), 'with the dialog open').toEqual([]);
    // Without the setting, the same page does animate (the check above can fail).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Stop the workshop' }).click();
    expect((await moving()).length).toBeGreaterThan(0);
    await context.close();
  }, 120_000);
});
