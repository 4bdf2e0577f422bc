import type { Notification } from '@essaim/contracts';
import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { setCurrentOrgId } from '../orgs/use-current-org';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';
import { notificationText } from './notification-text';

function NotificationItem({ n }: { n: Notification }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const text = notificationText(t, n);
  const open = () => {
    if (unread) {
      markRead.mutate([n.id]);
    }
    // The link is a path inside the notification's organisation: switch to it first.
    setCurrentOrgId(n.orgId);
    if (n.link) {
      void navigate(n.link);
    }
  };
  return (
    <Card
      component="li"
      withBorder
      radius="md"
      p="md"
      data-testid="notification"
      style={unread ? { borderInlineStart: '4px solid var(--mantine-color-honey-filled)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {unread && (
            <Badge color="red" variant="light" size="sm">
              {t('notifications.page.new')}
            </Badge>
          )}
          <Text fw={unread ? 600 : 400}>{text}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {n.orgName} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
        </Text>
        <Group gap="xs">
          {n.link && (
            <Button size="xs" variant="light" onClick={open}>
              {t('notifications.page.open')}
              <VisuallyHidden>{` — ${text}`}</VisuallyHidden>
            </Button>
          )}
          {unread && (
            <Button
              size="xs"
              variant="subtle"
              loading={markRead.isPending}
              onClick={() => markRead.mutate([n.id])}
            >
              {t('notifications.page.markRead')}
              <VisuallyHidden>{` — ${text}`}</VisuallyHidden>
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** Every notification of the signed-in person, newest first, across their organisations. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.page.title'));
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const query = useNotifications(filter === 'unread');
  const markAll = useMarkAllRead();

  return (
    <>
      <PageHeader title={t('notifications.page.title')} description={t('notifications.page.intro')} />
      <Stack gap="md" maw={880}>
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v === 'unread' ? 'unread' : 'all')}
            aria-label={t('notifications.page.filter')}
            data={[
              { value: 'all', label: t('notifications.page.all') },
              { value: 'unread', label: t('notifications.page.unreadOnly') },
            ]}
          />
          <Button
            variant="default"
            leftSection={<Icon name="check" size={16} aria-hidden="true" />}
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={!query.data || query.data.unread === 0}
          >
            {t('notifications.page.markAll')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" role="status">
          {query.data ? t('notifications.page.unreadCount', { count: query.data.unread }) : ''}
        </Text>
        {query.isPending ? (
          <PageSkeleton />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.notifications.length === 0 ? (
          <Card withBorder radius="lg" p="xl" data-testid="notifications-empty">
            <Stack gap="xs" align="flex-start">
              <Icon name="bell" size={28} aria-hidden="true" />
              <Title order={2} size="h4">
                {filter === 'unread' ? t('notifications.empty.unreadTitle') : t('notifications.empty.title')}
              </Title>
              <Text c="dimmed">{t('notifications.empty.body')}</Text>
            </Stack>
          </Card>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('notifications.page.listLabel')}
          >
            {query.data.notifications.map((n) => (
              <NotificationItem key={n.id} n={n} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
