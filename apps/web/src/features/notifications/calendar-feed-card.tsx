import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { Icon } from '../../components/icons';
import { formatDateTime } from '../../lib/format';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './api';

/**
 * Settings card of the private calendar link: make one (shown once: the server keeps only its hash),
 * copy it into a calendar application, replace or revoke it.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = feed.data?.active ?? false;

  const make = () => create.mutate(undefined, { onSuccess: (r) => setUrl(r.url) });

  return (
    <Card
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      data-testid="calendar-feed-card"
    >
      <Stack gap="md">
        <Group gap="sm">
          <Icon name="calendar" size={22} aria-hidden="true" />
          <Title order={2} size="h3">
            {t('notifications.calendar.title')}
          </Title>
        </Group>
        <Text c="dimmed">{t('notifications.calendar.intro')}</Text>
        {url && (
          <Stack gap="xs">
            <TextInput
              label={t('notifications.calendar.linkLabel')}
              description={t('notifications.calendar.shownOnce')}
              value={url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              data-testid="calendar-feed-url"
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  w="fit-content"
                  leftSection={<Icon name={copied ? 'check' : 'copy'} size={16} aria-hidden="true" />}
                  onClick={copy}
                >
                  {copied ? t('notifications.calendar.copied') : t('notifications.calendar.copy')}
                </Button>
              )}
            </CopyButton>
          </Stack>
        )}
        <Text size="sm" role="status">
          {feed.isPending
            ? ''
            : active
              ? t('notifications.calendar.activeSince', { date: formatDateTime(feed.data?.createdAt) })
              : t('notifications.calendar.none')}
        </Text>
        {active && feed.data?.lastUsedAt && (
          <Text size="sm" c="dimmed">
            {t('notifications.calendar.lastUsed', { date: formatDateTime(feed.data.lastUsedAt) })}
          </Text>
        )}
        <Group gap="sm">
          <Button
            onClick={make}
            loading={create.isPending}
            leftSection={<Icon name="link" size={16} aria-hidden="true" />}
          >
            {active ? t('notifications.calendar.replace') : t('notifications.calendar.create')}
          </Button>
          {active && (
            <Button
              variant="default"
              color="red"
              onClick={() => setConfirming(true)}
              loading={revoke.isPending}
            >
              {t('notifications.calendar.revoke')}
            </Button>
          )}
        </Group>
        {active && !url && (
          <Alert variant="light" color="gray" icon={<Icon name="info" size={18} aria-hidden="true" />}>
            {t('notifications.calendar.lost')}
          </Alert>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('notifications.calendar.revokeTitle')}
        body={t('notifications.calendar.revokeBody')}
        confirmLabel={t('notifications.calendar.revoke')}
        loading={revoke.isPending}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setUrl(null);
              setConfirming(false);
            },
          })
        }
      />
    </Card>
  );
}
