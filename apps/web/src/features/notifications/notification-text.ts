/** One notification as a sentence in the reader's language (strings under `notifications.kind.*`). */
import type { Notification } from '@essaim/contracts';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../lib/format';

export function notificationText(t: TFunction, n: Notification): string {
  const p = n.params;
  return t(`notifications.kind.${n.kind}`, {
    title: n.title,
    author: p.author ?? t('notifications.someone'),
    collective: p.collective ?? '',
    deadline: formatDateTime(p.deadline),
    closesAt: formatDateTime(p.closesAt),
    // A review date is a day: read at noon UTC so no time zone moves it to the day before.
    reviewOn: p.reviewOn ? formatDate(`${p.reviewOn.slice(0, 10)}T12:00:00Z`) : '',
  });
}
