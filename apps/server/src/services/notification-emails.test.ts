import { NOTIFICATION_KINDS } from '@essaim/core/notifications';
import { describe, expect, it } from 'vitest';
import { renderDigestEmail, renderNotificationEmail } from './notification-emails.ts';

const input = (kind: (typeof NOTIFICATION_KINDS)[number]) => ({
  kind,
  title: '<b>Cuisine & co</b>',
  params: {
    deadline: '2026-12-09T16:00:00Z',
    closesAt: '2026-12-09T16:00:00Z',
    reviewOn: '2027-01-31',
    collective: 'Atelier "bois"',
  },
  url: 'https://essaim.example.org/engagements/e1?x=1&y=2',
  orgName: 'Ruche',
});

describe('notification emails', () => {
  it('has a French and an English version of every kind, each with the link and no raw HTML from values', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const fr = renderNotificationEmail(input(kind), 'fr');
      const en = renderNotificationEmail(input(kind), 'en');
      expect(fr.subject).not.toBe(en.subject);
      for (const mail of [fr, en]) {
        expect(mail.text).toContain('https://essaim.example.org/engagements/e1?x=1&y=2');
        expect(mail.html).toContain('href="https://essaim.example.org/engagements/e1?x=1&amp;y=2"');
        expect(mail.html).not.toContain('<b>Cuisine');
        expect(mail.html).toContain('&lt;b&gt;Cuisine &amp; co&lt;/b&gt;');
      }
    }
  });

  it('writes dates for the language, in UTC', () => {
    const fr = renderNotificationEmail(input('proposal.closing_soon'), 'fr');
    const en = renderNotificationEmail(input('proposal.closing_soon'), 'en');
    expect(fr.text).toContain('9 décembre 2026');
    expect(en.text).toContain('9 December 2026');
    expect(en.text).toContain('16:00 UTC');
    expect(renderNotificationEmail(input('charter.review_due'), 'en').text).toContain('31 January 2027');
  });

  it('lists every item of a digest', () => {
    const digest = renderDigestEmail(
      [input('decision.adopted'), input('proposal.closed')],
      'en',
      'https://x/n',
    );
    expect(digest.subject).toBe('Essaim — 2 updates since your last summary');
    expect(digest.text).toContain('Decision adopted: <b>Cuisine & co</b>');
    expect(digest.text).toContain('Proposal closed: <b>Cuisine & co</b>');
    expect(digest.html).not.toContain('<b>Cuisine');
  });

  it('sets French with non-breaking spaces before « : ; ? ! » and inside guillemets, English untouched', () => {
    const breakable = / [:;?!]|« | »/;
    for (const kind of NOTIFICATION_KINDS) {
      const fr = renderNotificationEmail(input(kind), 'fr');
      for (const text of [fr.subject, fr.text]) {
        expect(text).not.toMatch(breakable);
      }
    }
    const digest = renderDigestEmail([input('proposal.closed')], 'fr', 'https://x/n');
    expect(digest.text).not.toMatch(breakable);
    expect(digest.text).toContain('Proposition close\u00A0: <b>Cuisine & co</b>');
    expect(renderNotificationEmail(input('proposal.closed'), 'en').subject).toBe(
      'Essaim — Proposal closed: <b>Cuisine & co</b>',
    );
  });
});
