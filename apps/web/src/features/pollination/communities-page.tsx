import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useMarkRead, useNotifications } from '../notifications/api';
import { notificationText } from '../notifications/notification-text';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useCommunities, useCommunityAction, useCreateCommunity } from './communities-api';

/** Communities of practice: those the organisation hosts or joined, invitations to accept, mentions. */
export function CommunitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('pollination.communities.title'));
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const list = useCommunities(orgId);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('pollination.communities.title')}
        description={t('pollination.communities.intro')}
      />
      <Notifications orgId={orgId} />
      {(list.data?.invitations.length ?? 0) > 0 && (
        <Card withBorder p="lg" component="section" aria-labelledby="community-invitations">
          <Title order={2} size="h3" mb="sm" id="community-invitations">
            {t('pollination.communities.invitations')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('pollination.communities.invitationsHelp')}
          </Text>
          <Stack gap="sm">
            {list.data?.invitations.map((i) => (
              <Invitation
                key={i.communityId}
                orgId={orgId}
                id={i.communityId}
                title={i.title}
                host={i.hostOrganisation}
              />
            ))}
          </Stack>
        </Card>
      )}
      <Card withBorder p="lg" component="section" aria-labelledby="community-list">
        <Title order={2} size="h3" mb="sm" id="community-list">
          {t('pollination.communities.list')}
        </Title>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : list.data && list.data.communities.length === 0 ? (
          <Text c="dimmed">
            {can('methods.manage')
              ? t('pollination.communities.emptyCreate')
              : t('pollination.communities.empty')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {list.data?.communities.map((c) => (
              <Card key={c.id} withBorder p="md">
                <Group justify="space-between" align="flex-start">
                  <Anchor component={Link} to={`/pollination/communities/${c.id}`} fw={600}>
                    {c.title}
                  </Anchor>
                  {c.isMember && <Badge variant="light">{t('pollination.communities.joined')}</Badge>}
                </Group>
                {c.theme && (
                  <Text size="sm" c="dimmed">
                    {c.theme}
                  </Text>
                )}
                <Text size="sm" mt="xs">
                  {t('pollination.communities.memberCount', { count: c.memberCount })}
                  {!c.isHost && ` · ${t('pollination.communities.hostedBy', { name: c.hostOrganisation })}`}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Card>
      {can('methods.manage') && <NewCommunity orgId={orgId} />}
      {can('org.update') && (
        <Text size="sm" c="dimmed">
          {t('pollination.communities.ownId')} <Code>{orgId}</Code>
        </Text>
      )}
    </Stack>
  );
}

function Invitation({ orgId, id, title, host }: { orgId: string; id: string; title: string; host: string }) {
  const { t } = useTranslation();
  const accept = useCommunityAction(orgId, id);
  return (
    <Group justify="space-between">
      <Text>{t('pollination.communities.invitedBy', { title, host })}</Text>
      <Button size="xs" loading={accept.isPending} onClick={() => accept.mutate({ path: 'accept' })}>
        {t('pollination.communities.accept')}
      </Button>
    </Group>
  );
}

/**
 * This organisation's unread community notices, read from the platform's notifications (the bell
 * holds them too): marking them read here marks them read there.
 */
function Notifications({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const list = useNotifications(true);
  const read = useMarkRead();
  const unread =
    list.data?.notifications.filter((n) => n.orgId === orgId && n.kind.startsWith('community.')) ?? [];
  if (unread.length === 0) {
    return null;
  }
  return (
    <Card withBorder p="lg" component="section" aria-labelledby="community-mentions">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="community-mentions">
          {t('pollination.communities.mentions', { count: unread.length })}
        </Title>
        <Button
          variant="subtle"
          size="xs"
          loading={read.isPending}
          onClick={() => read.mutate(unread.map((n) => n.id))}
        >
          {t('pollination.communities.markRead')}
        </Button>
      </Group>
      <Stack gap={4}>
        {unread.map((n) => (
          <Text key={n.id} size="sm">
            <Anchor component={Link} to={n.link ?? '/notifications'}>
              {notificationText(t, n)}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

function NewCommunity({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCommunity(orgId);
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [description, setDescription] = useState('');
  return (
    <Card withBorder p="lg" component="section" aria-labelledby="community-new">
      <Title order={2} size="h3" mb="sm" id="community-new">
        {t('pollination.communities.create')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { title, theme, description },
            { onSuccess: (c) => navigate(`/pollination/communities/${c.id}`) },
          );
        }}
      >
        <Stack gap="sm" maw={560}>
          <TextInput
            label={t('pollination.communities.fieldTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('pollination.communities.fieldTheme')}
            description={t('pollination.communities.fieldThemeHelp')}
            value={theme}
            onChange={(e) => setTheme(e.currentTarget.value)}
          />
          <Textarea
            label={t('pollination.communities.fieldDescription')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={title.trim().length === 0}>
              {t('pollination.communities.createButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
