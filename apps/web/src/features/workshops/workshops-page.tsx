import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useCreateWorkshop, useWorkshops, type Workshop } from './api';

const STATUS_COLOR = { running: 'teal', paused: 'yellow', stopped: 'gray' } as const;

function WorkshopCard({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  return (
    <Card component="article" p="lg">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/workshops/${workshop.id}`} inherit c="inherit" underline="hover">
              {workshop.title}
            </Anchor>
          </Title>
          <Badge color={STATUS_COLOR[workshop.status]} variant="light">
            {t(`workshop.status.${workshop.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {workshop.engagementTitle
            ? t('workshop.console.ofEngagement', { title: workshop.engagementTitle })
            : t('workshop.console.standalone')}
        </Text>
        <Text size="sm">
          {t('workshop.list.code')}{' '}
          <Text span ff="monospace" fw={700}>
            {workshop.code}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {t('workshop.list.created', { date: formatDate(workshop.createdAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

function CreateWorkshop({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const engagements = useEngagements(orgId);
  const create = useCreateWorkshop(orgId);
  const [title, setTitle] = useState('');
  const [engagementId, setEngagementId] = useState<string | null>(null);
  return (
    <Card p="lg" component="section" aria-labelledby="create-workshop-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { title: title.trim(), ...(engagementId ? { engagementId } : {}) },
            { onSuccess: (w) => navigate(`/workshops/${w.id}`) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="create-workshop-title">
            {t('workshop.create.title')}
          </Title>
          <Group grow align="flex-end">
            <TextInput
              label={t('workshop.create.name')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={200}
            />
            <Select
              label={t('workshop.create.engagement')}
              placeholder={t('workshop.create.standalone')}
              clearable
              data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
              value={engagementId}
              onChange={setEngagementId}
            />
          </Group>
          {create.isError ? (
            <Text c="red" role="alert">
              {describeError(t, create.error)}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" disabled={!title.trim()} loading={create.isPending}>
              {t('workshop.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function WorkshopsPage() {
  const { t } = useTranslation();
  const { org, can } = useCurrentOrg();
  usePageTitle(t('workshop.list.title'));
  const orgId = org?.id ?? '';
  const workshops = useWorkshops(orgId);
  const canRun = can('workshop.run');
  return (
    <Stack gap="lg">
      <PageHeader title={t('workshop.list.title')} description={t('workshop.list.intro')} />
      <VisibilityNote>{t('workshop.visibility.list')}</VisibilityNote>
      {canRun ? <CreateWorkshop orgId={orgId} /> : null}
      {workshops.isError ? (
        <QueryError error={workshops.error} />
      ) : workshops.data && workshops.data.length === 0 ? (
        <Card p="xl">
          <EmptyState variant="light" size="lg">
            <EmptyState.Title order={2}>{t('workshop.empty.title')}</EmptyState.Title>
            <EmptyState.Description>
              {canRun ? t('workshop.empty.body') : t('workshop.empty.bodyReadOnly')}
            </EmptyState.Description>
          </EmptyState>
          {canRun ? (
            <List type="ordered" size="sm" spacing="xs" maw={560} mx="auto" mt="md">
              <List.Item>{t('workshop.empty.step1')}</List.Item>
              <List.Item>{t('workshop.empty.step2')}</List.Item>
              <List.Item>{t('workshop.empty.step3')}</List.Item>
            </List>
          ) : null}
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {(workshops.data ?? []).map((w) => (
            <WorkshopCard key={w.id} workshop={w} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
