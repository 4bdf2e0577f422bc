import { frenchTypography } from '@essaim/core';
import type { NotificationKind } from '@essaim/core/notifications';

/**
 * The email templates of notifications, French and English, text and HTML, in our own words. The
 * recipient's language (`users.language`) picks the version; dates are written for that language in
 * UTC (said so, since the reader's zone is unknown). Every value from the database is HTML-escaped.
 * French text is set with French typography (non-breaking spaces before « : ; ? ! », as the web app).
 */
export type EmailLanguage = 'fr' | 'en';

export interface NotificationEmailInput {
  kind: NotificationKind;
  title: string;
  params: Record<string, string>;
  /** Absolute URL the email points to (public URL + the notification's in-app link). */
  url: string;
  orgName: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const emailLanguage = (language: string): EmailLanguage => (language === 'en' ? 'en' : 'fr');

function formatDate(value: string | undefined, lang: EmailLanguage): string {
  if (!value) {
    return '';
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) {
    return value;
  }
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  if (dateOnly) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d)} UTC`;
}

type Words = { subject: string; lead: string; action: string };
type Template = (title: string, p: Record<string, string>, lang: EmailLanguage) => Words;

const date = (p: Record<string, string>, key: string, lang: EmailLanguage) => formatDate(p[key], lang);

/** French output with its non-breaking spaces (applied after interpolation: a space typed before « : »
 * in a title becomes non-breaking too, which only keeps the sign on its word's line). */
const typeset = (text: string, lang: EmailLanguage) => (lang === 'fr' ? frenchTypography(text) : text);

function words(input: NotificationEmailInput, lang: EmailLanguage): Words {
  const w = TEMPLATES[input.kind][lang](input.title, input.params, lang);
  return { subject: typeset(w.subject, lang), lead: typeset(w.lead, lang), action: typeset(w.action, lang) };
}

const TEMPLATES: Record<NotificationKind, Record<EmailLanguage, Template>> = {
  'engagement.invited': {
    fr: (t) => ({
      subject: `Vous rejoignez la démarche « ${t} »`,
      lead: `Vous avez été ajouté·e à l'équipe de la démarche « ${t} ». Vous y trouverez ses questions, ses ateliers et ses décisions.`,
      action: 'Ouvrir la démarche',
    }),
    en: (t) => ({
      subject: `You have joined the engagement "${t}"`,
      lead: `You were added to the team of the engagement "${t}". Its questions, workshops and decisions are waiting for you there.`,
      action: 'Open the engagement',
    }),
  },
  'collective.invited': {
    fr: (t, p) => ({
      subject: `Votre collectif est invité dans « ${t} »`,
      lead: `Le collectif « ${p.collective ?? ''} », dont vous faites partie, prend part à la démarche « ${t} ».`,
      action: 'Découvrir la démarche',
    }),
    en: (t, p) => ({
      subject: `Your collective is taking part in "${t}"`,
      lead: `The collective "${p.collective ?? ''}", which you belong to, now takes part in the engagement "${t}".`,
      action: 'See the engagement',
    }),
  },
  'campaign.closing_soon': {
    fr: (t, p, l) => ({
      subject: `Le diagnostic « ${t} » se termine bientôt`,
      lead: `Le diagnostic « ${t} » ferme le ${date(p, 'closesAt', l)}. C'est le moment de relancer celles et ceux qui n'ont pas encore répondu.`,
      action: 'Voir la participation',
    }),
    en: (t, p, l) => ({
      subject: `The diagnostic "${t}" closes soon`,
      lead: `The diagnostic "${t}" closes on ${date(p, 'closesAt', l)}. Now is a good time to remind those who have not answered yet.`,
      action: 'See participation',
    }),
  },
  'proposal.opened': {
    fr: (t, p, l) => ({
      subject: `Nouvelle proposition : ${t}`,
      lead: `La proposition « ${t} » attend votre position jusqu'au ${date(p, 'deadline', l)}.`,
      action: 'Lire la proposition',
    }),
    en: (t, p, l) => ({
      subject: `New proposal: ${t}`,
      lead: `The proposal "${t}" is waiting for your position until ${date(p, 'deadline', l)}.`,
      action: 'Read the proposal',
    }),
  },
  'proposal.closing_soon': {
    fr: (t, p, l) => ({
      subject: `Plus que quelques heures pour « ${t} »`,
      lead: `La proposition « ${t} » se clôt le ${date(p, 'deadline', l)}. Si vous n'avez pas encore donné votre position, c'est maintenant.`,
      action: 'Donner ma position',
    }),
    en: (t, p, l) => ({
      subject: `A few hours left for "${t}"`,
      lead: `The proposal "${t}" closes on ${date(p, 'deadline', l)}. If you have not given your position yet, now is the time.`,
      action: 'Give my position',
    }),
  },
  'proposal.closed': {
    fr: (t) => ({
      subject: `Proposition close : ${t}`,
      lead: `La proposition « ${t} » est close ; son résultat est dans le registre des décisions.`,
      action: 'Voir le résultat',
    }),
    en: (t) => ({
      subject: `Proposal closed: ${t}`,
      lead: `The proposal "${t}" is closed; its outcome is in the decision register.`,
      action: 'See the outcome',
    }),
  },
  'proposal.review_due': {
    fr: (t) => ({
      subject: `Décision à revoir : ${t}`,
      lead: `La décision « ${t} » arrive à sa date de révision. Est-elle toujours la bonne ?`,
      action: 'Revoir la décision',
    }),
    en: (t) => ({
      subject: `Decision due for review: ${t}`,
      lead: `The decision "${t}" has reached its review date. Does it still hold?`,
      action: 'Review the decision',
    }),
  },
  'charter.review_due': {
    fr: (t, p, l) => ({
      subject: `Charte à relire : ${t}`,
      lead: `La charte « ${t} » devait être relue le ${date(p, 'reviewOn', l)}. Réunissez le collectif pour vérifier qu'elle décrit toujours votre façon de travailler.`,
      action: 'Ouvrir la charte',
    }),
    en: (t, p, l) => ({
      subject: `Charter due for review: ${t}`,
      lead: `The charter "${t}" was due for review on ${date(p, 'reviewOn', l)}. Bring the collective together to check it still describes how you work.`,
      action: 'Open the charter',
    }),
  },
  // The title of a community notice is the community's name, never the item's text: a moderator may
  // hide the item after the notice was written, and an email cannot be taken back.
  'community.mentioned': {
    fr: (t, p) => ({
      subject: `On parle de vous dans « ${t} »`,
      lead: `${p.author || 'Un membre'} a cité votre nom dans la communauté de pratique « ${t} ». Passez lire ce qui vous concerne.`,
      action: 'Ouvrir la communauté',
    }),
    en: (t, p) => ({
      subject: `You were mentioned in "${t}"`,
      lead: `${p.author || 'A member'} named you in the community of practice "${t}". Drop by to read what it is about.`,
      action: 'Open the community',
    }),
  },
  'community.answered': {
    fr: (t, p) => ({
      subject: `Une réponse à votre question dans « ${t} »`,
      lead: `${p.author || 'Un membre'} a répondu à la question que vous avez posée dans la communauté de pratique « ${t} ».`,
      action: 'Lire la réponse',
    }),
    en: (t, p) => ({
      subject: `An answer to your question in "${t}"`,
      lead: `${p.author || 'A member'} answered the question you asked in the community of practice "${t}".`,
      action: 'Read the answer',
    }),
  },
  'decision.adopted': {
    fr: (t) => ({
      subject: `Décision adoptée : ${t}`,
      lead: `La décision « ${t} » a été adoptée et inscrite au registre.`,
      action: 'Voir la décision',
    }),
    en: (t) => ({
      subject: `Decision adopted: ${t}`,
      lead: `The decision "${t}" was adopted and entered in the register.`,
      action: 'See the decision',
    }),
  },
};

const FOOTER: Record<EmailLanguage, (org: string) => string> = {
  fr: (org) =>
    `Vous recevez ce message parce que vous êtes membre de « ${org} » sur Essaim. Vos notifications sont aussi dans l'application, sous la cloche.`,
  en: (org) =>
    `You receive this message because you are a member of "${org}" on Essaim. Your notifications are also in the app, under the bell.`,
};

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function htmlPage(lang: EmailLanguage, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Essaim</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:36rem;margin:0 auto;padding:1.5rem">${body}</body></html>`;
}

/** One notification's email. */
export function renderNotificationEmail(input: NotificationEmailInput, lang: EmailLanguage): RenderedEmail {
  const w = words(input, lang);
  const footer = typeset(FOOTER[lang](input.orgName), lang);
  const text =
    typeset(`${w.lead}\n\n${w.action}${lang === 'fr' ? ' : ' : ': '}`, lang) +
    `${input.url}\n\n-- \n${footer}\n`;
  const html = htmlPage(
    lang,
    `<p>${escapeHtml(w.lead)}</p><p><a href="${escapeHtml(input.url)}" style="display:inline-block;padding:.5rem 1rem;background:#0b6e4f;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(w.action)}</a></p><hr><p style="font-size:.875rem;color:#52606d">${escapeHtml(footer)}</p>`,
  );
  return { subject: `Essaim — ${w.subject}`, text, html };
}

/** The daily summary of news that did not need an email of its own. */
export function renderDigestEmail(
  items: NotificationEmailInput[],
  lang: EmailLanguage,
  appUrl: string,
): RenderedEmail {
  const heading =
    lang === 'fr'
      ? `${items.length} nouvelle${items.length > 1 ? 's' : ''} depuis votre dernier résumé`
      : `${items.length} update${items.length > 1 ? 's' : ''} since your last summary`;
  const lines = items.map((i) => ({ subject: words(i, lang).subject, url: i.url, org: i.orgName }));
  const all = lang === 'fr' ? 'Toutes vos notifications' : 'All your notifications';
  const footer =
    lang === 'fr'
      ? 'Essaim vous envoie ce résumé au plus une fois par jour, quand des nouvelles vous attendent.'
      : 'Essaim sends this summary at most once a day, when there is news waiting for you.';
  const text = `${heading}\n\n${lines.map((l) => `- ${l.subject} (${l.org})\n  ${l.url}`).join('\n')}\n\n${typeset(`${all}${lang === 'fr' ? ' : ' : ': '}`, lang)}${appUrl}\n\n-- \n${footer}\n`;
  const html = htmlPage(
    lang,
    `<h1 style="font-size:1.25rem">${escapeHtml(heading)}</h1><ul>${lines
      .map(
        (l) =>
          `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.subject)}</a> <span style="color:#52606d">(${escapeHtml(l.org)})</span></li>`,
      )
      .join(
        '',
      )}</ul><p><a href="${escapeHtml(appUrl)}">${escapeHtml(all)}</a></p><hr><p style="font-size:.875rem;color:#52606d">${escapeHtml(footer)}</p>`,
  );
  return { subject: `Essaim — ${heading}`, text, html };
}

const typesetWords = <T extends Record<string, string>>(w: T): T =>
  Object.fromEntries(Object.entries(w).map(([k, v]) => [k, frenchTypography(v)])) as T;

/**
 * An invitation to join an organisation. The invitee has no account yet, so no known language: one
 * email in both, French first, each complete on its own.
 */
export function renderOrgInvitationEmail(input: {
  orgName: string;
  inviterName: string;
  link: string;
  expiresAt: string;
}): RenderedEmail {
  const fr = typesetWords({
    lead: `${input.inviterName} vous invite à rejoindre « ${input.orgName} » sur Essaim, l'espace où ce collectif prépare ses ateliers, ses diagnostics et ses décisions.`,
    action: "Accepter l'invitation",
    note: `Ce lien personnel est valable jusqu'au ${formatDate(input.expiresAt, 'fr')}. Si vous ne vous attendiez pas à ce message, ignorez-le.`,
  });
  const en = {
    lead: `${input.inviterName} invites you to join "${input.orgName}" on Essaim, where this collective prepares its workshops, diagnostics and decisions.`,
    action: 'Accept the invitation',
    note: `This personal link is valid until ${formatDate(input.expiresAt, 'en')}. If you did not expect this message, ignore it.`,
  };
  const text = [fr, en]
    .map((w, i) => `${w.lead}\n\n${w.action}${i === 0 ? '\u00A0: ' : ': '}${input.link}\n\n${w.note}`)
    .join('\n\n---\n\n');
  const block = (w: typeof fr, lang: EmailLanguage) =>
    `<div lang="${lang}"><p>${escapeHtml(w.lead)}</p><p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:.5rem 1rem;background:#0b6e4f;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(w.action)}</a></p><p style="font-size:.875rem;color:#52606d">${escapeHtml(w.note)}</p></div>`;
  return {
    subject: `Essaim — Invitation\u00A0: ${input.orgName} / Invitation: ${input.orgName}`,
    text: `${text}\n`,
    html: htmlPage('fr', `${block(fr, 'fr')}<hr>${block(en, 'en')}`),
  };
}
