import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type EngagementSummary, useEngagements } from './api';
import { NoOrganisation, PHASES, StatusBadge } from './shared';

function EngagementCard({ engagement }: { engagement: EngagementSummary }) {
  const { t } = useTranslation();
  const phaseIndex = engagement.currentPhase ? PHASES.indexOf(engagement.currentPhase) : -1;
  const dates =
    engagement.startsOn || engagement.endsOn
      ? t('engagement.list.dates', {
          start: formatDate(engagement.startsOn) || '…',
          end: formatDate(engagement.endsOn) || '…',
        })
      : null;
  return (
    <Card component="article" p="lg" style={{ display: 'flex', flexDirection: 'column' }}>
      <Stack gap="sm" style={{ flex: 1 }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            <Anchor
              component={Link}
              to={`/engagements/${engagement.id}`}
              inherit
              c="inherit"
              underline="hover"
            >
              {engagement.title}
            </Anchor>
          </Title>
          <StatusBadge status={engagement.status.status} size="sm" />
        </Group>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {engagement.request}
        </Text>
        <Group gap="xs" mt="auto">
          <Badge variant="light" color="gray" leftSection={<Icon name="route" size={12} />}>
            {engagement.currentPhase
              ? t('engagement.list.phase', {
                  number: phaseIndex + 1,
                  phase: t(`engagement.phases.${engagement.currentPhase}.label`),
                })
              : t('engagement.list.noPhase')}
          </Badge>
          <Badge variant="light" color={engagement.openQuestions > 0 ? 'honey' : 'gray'}>
            {t('engagement.list.openQuestions', { count: engagement.openQuestions })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {dates ? `${dates} · ` : ''}
          {t('engagement.list.updated', { date: formatDate(engagement.updatedAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

function FirstEngagement({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  return (
    <Card p={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="xl" align="center">
        <EmptyState icon={<Icon name="route" size={30} />} variant="light" size="lg" maw={600}>
          <EmptyState.Title order={2}>{t('engagement.empty.title')}</EmptyState.Title>
          <EmptyState.Description>
            {canCreate ? t('engagement.empty.body') : t('engagement.empty.bodyReadOnly')}
          </EmptyState.Description>
          {canCreate && (
            <EmptyState.Actions>
              <Button
                component={Link}
                to="/engagements/new"
                size="md"
                leftSection={<Icon name="plus" size={18} />}
              >
                {t('engagement.empty.cta')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
        {canCreate && (
          <Stack gap="xs" maw={560} w="100%">
            <Text fw={600} size="sm" component="h3">
              {t('engagement.empty.stepsTitle')}
            </Text>
            <List type="ordered" spacing="xs" size="sm">
              <List.Item>{t('engagement.empty.stepRequest')}</List.Item>
              <List.Item>{t('engagement.empty.stepQuestions')}</List.Item>
              <List.Item>{t('engagement.empty.stepPeople')}</List.Item>
              <List.Item>{t('engagement.empty.stepPhases')}</List.Item>
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function EngagementList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const engagements = useEngagements(orgId);
  const canCreate = can('engagement.create');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <VisibilityNote>{t('engagement.visibility.list')}</VisibilityNote>
        <Group gap="sm">
          {can('collective.read') && (
            <Button
              component={Link}
              to="/people"
              variant="default"
              leftSection={<Icon name="users" size={16} />}
            >
              {t('engagement.list.people')}
            </Button>
          )}
          {canCreate && engagements.data && engagements.data.length > 0 && (
            <Button component={Link} to="/engagements/new" leftSection={<Icon name="plus" size={16} />}>
              {t('engagement.list.create')}
            </Button>
          )}
        </Group>
      </Group>
      {engagements.isPending && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true">
          {['a', 'b', 'c'].map((key) => (
            <Skeleton key={key} height={180} radius="lg" />
          ))}
        </SimpleGrid>
      )}
      {engagements.isError && (
        <QueryError error={engagements.error} onRetry={() => void engagements.refetch()} />
      )}
      {engagements.data?.length === 0 && <FirstEngagement canCreate={canCreate} />}
      {engagements.data && engagements.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="engagement-list">
          {engagements.data.map((engagement) => (
            <EngagementCard key={engagement.id} engagement={engagement} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function EngagementsPage() {
  const { t } = useTranslation();
  const { org } = useCurrentOrg();
  usePageTitle(t('engagement.list.title'));
  return (
    <>
      <PageHeader title={t('engagement.list.title')} description={t('engagement.list.intro')} />
      {org ? <EngagementList key={org.id} orgId={org.id} /> : <NoOrganisation />}
    </>
  );
}
