import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type Conversation, conversationKeys, conversationsPath, useConversations } from './api';

function CreateConversation({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState('');
  const [allow, setAllow] = useState(true);
  const create = useMutation({
    mutationFn: () =>
      api.post<Conversation>(conversationsPath(orgId), { title, topic, allowParticipantStatements: allow }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.list(orgId) });
      void navigate(`/conversations/${c.id}`);
    },
  });
  return (
    <Card withBorder p="lg" component="section" aria-labelledby="create-conversation">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h3" id="create-conversation">
            {t('opinion.create.title')}
          </Title>
          <TextInput
            label={t('opinion.create.name')}
            description={t('opinion.create.nameHint')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('opinion.create.topic')}
            description={t('opinion.create.topicHint')}
            autosize
            minRows={2}
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
          />
          <Switch
            label={t('opinion.create.allow')}
            description={t('opinion.create.allowHint')}
            checked={allow}
            onChange={(e) => setAllow(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={create.isPending} disabled={title.trim() === ''}>
              {t('opinion.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Conversations of the current organisation, and a form to start one. */
export function ConversationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('opinion.list.title'));
  const { org, can } = useCurrentOrg();
  const list = useConversations(org?.id ?? '');
  if (!org) {
    return <Text>{t('opinion.list.noOrg')}</Text>;
  }
  const canRun = can('workshop.run');
  return (
    <Stack gap="lg">
      <PageHeader title={t('opinion.list.title')} description={t('opinion.list.description')} />
      <VisibilityNote>{t('opinion.visibility.list')}</VisibilityNote>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState icon={<Icon name="users" size={30} />} variant="light" size="lg" maw={640}>
          <EmptyState.Title order={2}>{t('opinion.list.emptyTitle')}</EmptyState.Title>
          <EmptyState.Description>
            {canRun ? t('opinion.list.emptyBody') : t('opinion.list.emptyReadOnly')}
          </EmptyState.Description>
        </EmptyState>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {(list.data ?? []).map((c) => (
          <Card key={c.id} withBorder component="article">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Title order={2} size="h4">
                  <Anchor component={Link} to={`/conversations/${c.id}`} inherit c="inherit">
                    {c.title}
                  </Anchor>
                </Title>
                <Badge color={c.status === 'open' ? 'teal' : 'gray'}>{t(`opinion.status.${c.status}`)}</Badge>
              </Group>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {c.topic}
              </Text>
              <Text size="sm">
                {t('opinion.list.counts', { participants: c.participants, votes: c.votes })}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {canRun ? <CreateConversation orgId={org.id} /> : null}
    </Stack>
  );
}
