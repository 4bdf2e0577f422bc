import { ActionIcon, Indicator, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import { useUnreadCount } from './api';

/**
 * The header's bell: opens the notifications page. Its name says how many are unread (the badge is
 * only its visual form), and the count is polled so a reminder shows up without reloading.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useUnreadCount();
  const unread = data?.unread ?? 0;
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <Indicator
      // The count is said by the link's name; the badge is for the eyes only.
      label={<span aria-hidden="true">{shown}</span>}
      disabled={unread === 0}
      size={18}
      offset={4}
      color="red"
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        radius="xl"
        data-testid="notification-bell"
      >
        <Icon name="bell" aria-hidden="true" />
        <VisuallyHidden>
          {unread === 0 ? t('notifications.bell.none') : t('notifications.bell.unread', { count: unread })}
        </VisuallyHidden>
      </ActionIcon>
    </Indicator>
  );
}
