import type { CalendarFeedCreated, CalendarFeedStatus } from '@essaim/contracts';
import { type IcsEvent, writeIcs } from '@essaim/core/notifications';
import { calendarFeedsRepository } from '../db/repositories/calendar-feeds.repository.ts';
import { calendarItemsRepository } from '../db/repositories/calendar-items.repository.ts';
import { type Db, usersRepository } from '../db/repositories/users.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { recordAudit } from './audit.service.ts';

/**
 * A person's private calendar feed: one secret link (shown once, stored hashed) serving their
 * organisations' dated things as iCalendar. Making a new link revokes the previous; a revoked link
 * answers 410 `LINK_REVOKED`, an unknown one 404.
 */

export const calendarFeedPath = (token: string) => `/api/calendar-feeds/${token}.ics`;

export async function calendarFeedStatus(db: Db, userId: string): Promise<CalendarFeedStatus> {
  const feed = await calendarFeedsRepository.active(db, userId);
  return {
    active: feed !== undefined,
    createdAt: feed?.created_at ?? null,
    lastUsedAt: feed?.last_used_at ?? null,
  };
}

export async function createCalendarFeed(
  db: Db,
  userId: string,
  publicUrl: string,
  actor: Actor,
): Promise<CalendarFeedCreated> {
  const token = newToken();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await calendarFeedsRepository.revokeAll(trx, userId, now);
    await calendarFeedsRepository.insert(trx, {
      id: newId(),
      user_id: userId,
      token_hash: hashToken(token),
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    });
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'calendar_feed.created',
      objectKind: 'user',
      objectId: userId,
    });
  });
  return { url: `${publicUrl}${calendarFeedPath(token)}`, createdAt: now };
}

export async function revokeCalendarFeed(db: Db, userId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if ((await calendarFeedsRepository.revokeAll(trx, userId, nowIso())) === 0) {
      throw notFound('calendar feed');
    }
    await recordAudit(trx, actor, {
      orgId: null,
      action: 'calendar_feed.revoked',
      objectKind: 'user',
      objectId: userId,
    });
  });
}

/** Whose feed a token opens; throws 404 for an unknown token and 410 for a revoked one. */
export async function resolveCalendarFeed(
  db: Db,
  token: string,
): Promise<{ userId: string; language: string }> {
  const feed = await calendarFeedsRepository.findByHash(db, hashToken(token));
  if (!feed) {
    throw notFound('calendar feed');
  }
  if (feed.revoked_at) {
    throw new AppError('LINK_REVOKED', 'this calendar link was revoked');
  }
  const user = await usersRepository.findById(db, feed.user_id);
  if (!user || user.disabled_at) {
    throw notFound('calendar feed');
  }
  await calendarFeedsRepository.touch(db, feed.id, nowIso());
  return { userId: feed.user_id, language: user.language };
}

const LABELS = {
  fr: {
    calendar: 'Essaim',
    workshop: 'Atelier',
    deadline: 'Fin de la proposition',
    decisionReview: 'Révision de la décision',
    charterReview: 'Révision de la charte',
    engagement: 'Démarche',
  },
  en: {
    calendar: 'Essaim',
    workshop: 'Workshop',
    deadline: 'Proposal closes',
    decisionReview: 'Decision review',
    charterReview: 'Charter review',
    engagement: 'Engagement',
  },
} as const;

/** `2026-12-09` + `14:00` + 90 minutes → the wall-clock end, computed without any time zone. */
function addMinutes(date: string, start: string, minutes: number): string {
  const d = new Date(`${date}T${start}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
}

/**
 * The feed's text: workshop agendas with a date (at their start time, in the organisation's wall-clock
 * time, as written on the agenda), open proposals' deadlines (an instant), decision and charter review
 * dates (whole days). UIDs are built from the object's id, so a calendar updates events in place.
 */
export async function renderCalendarFeed(
  db: Db,
  feed: { userId: string; language: string },
  publicUrl: string,
): Promise<string> {
  const lang = feed.language === 'en' ? 'en' : 'fr';
  const L = LABELS[lang];
  const host = new URL(publicUrl).host;
  const uid = (kind: string, id: string) => `${kind}-${id}@${host}`;
  const colon = lang === 'fr' ? ' : ' : ': ';
  const context = (title: string | null) => (title ? `${L.engagement}${colon}${title}` : undefined);
  const events: IcsEvent[] = [];
  for (const a of await calendarItemsRepository.agendas(db, feed.userId)) {
    if (!a.date || !/^\d{4}-\d{2}-\d{2}$/.test(a.date)) {
      continue;
    }
    const start = /^\d{2}:\d{2}$/.test(a.start) ? a.start : null;
    const description = context(a.engagement_title);
    events.push({
      uid: uid('agenda', a.id),
      stamp: a.updated_at,
      ...(start
        ? {
            start: { local: `${a.date}T${start}` },
            end: { local: addMinutes(a.date, start, a.available_minutes ?? 120) },
          }
        : { start: { date: a.date } }),
      summary: `${L.workshop} — ${a.title}`,
      ...(description ? { description } : {}),
      url: `${publicUrl}/agendas/${a.id}`,
      categories: [L.workshop],
    });
  }
  for (const p of await calendarItemsRepository.openProposals(db, feed.userId)) {
    events.push({
      uid: uid('proposal-deadline', p.id),
      stamp: p.updated_at,
      start: { utc: p.deadline },
      end: { utc: p.deadline },
      summary: `${L.deadline} — ${p.title}`,
      description: context(p.engagement_title) ?? '',
      url: `${publicUrl}/engagements/${p.engagement_id}/proposals/${p.id}`,
      categories: [L.deadline],
    });
  }
  for (const d of await calendarItemsRepository.decisionReviews(db, feed.userId)) {
    if (!d.review_on) {
      continue;
    }
    events.push({
      uid: uid('decision-review', d.id),
      stamp: d.updated_at,
      start: { date: d.review_on.slice(0, 10) },
      summary: `${L.decisionReview} — ${d.title}`,
      url: `${publicUrl}${d.engagement_id ? `/engagements/${d.engagement_id}/decisions` : '/decisions'}`,
      categories: [L.decisionReview],
    });
  }
  for (const c of await calendarItemsRepository.charterReviews(db, feed.userId)) {
    if (!c.review_on) {
      continue;
    }
    const description = context(c.engagement_title);
    events.push({
      uid: uid('charter-review', c.id),
      stamp: c.updated_at,
      start: { date: c.review_on.slice(0, 10) },
      summary: `${L.charterReview} — ${c.title}`,
      ...(description ? { description } : {}),
      url: `${publicUrl}/engagements/${c.engagement_id}/charters/${c.id}`,
      categories: [L.charterReview],
    });
  }
  return writeIcs({ productId: '-//Essaim//Calendar feed//FR', name: L.calendar, events });
}
