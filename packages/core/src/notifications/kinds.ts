/**
 * What a person can be notified about. A kind is `<subject>.<event>`: the subject is the object the
 * notification points to (stored as `object_kind`), the event what happened to it (stored as `kind`,
 * which is how the first proposal notifications were written).
 */
export const NOTIFICATION_KINDS = [
  'proposal.opened',
  'proposal.closing_soon',
  'proposal.closed',
  'proposal.review_due',
  'engagement.invited',
  'collective.invited',
  'campaign.closing_soon',
  'charter.review_due',
  'decision.adopted',
  // Communities of practice (pollination): the subject is the community, the object id the item
  // (post, question, answer…) that named the person, so hiding or erasing the item finds its notices.
  'community.mentioned',
  'community.answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** `engagement.invited` → `{ subject: 'engagement', event: 'invited' }`. */
export function splitKind(kind: NotificationKind): { subject: string; event: string } {
  const dot = kind.indexOf('.');
  return { subject: kind.slice(0, dot), event: kind.slice(dot + 1) };
}

/**
 * How an email follows the in-app notification: `now` for what asks for action soon (an invitation,
 * a reminder before something closes or is due), `digest` for news that can wait for the daily summary.
 */
export const EMAIL_TIMING: Record<NotificationKind, 'now' | 'digest'> = {
  'proposal.opened': 'digest',
  'proposal.closing_soon': 'now',
  'proposal.closed': 'digest',
  'proposal.review_due': 'now',
  'engagement.invited': 'now',
  'collective.invited': 'now',
  'campaign.closing_soon': 'now',
  'charter.review_due': 'now',
  'decision.adopted': 'digest',
  'community.mentioned': 'digest',
  'community.answered': 'digest',
};
