import { Anchor, Badge, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { useEngagement } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type NetworkSummary, useNetworks } from './api';
import { EgoSection } from './ego-view';
import { ImportPanel } from './import-panel';
import { SurveyPanel } from './survey-panel';

function NetworkCard({ network }: { network: NetworkSummary }) {
  const { t } = useTranslation();
  const a = network.latestAnalysis;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`net-${network.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Anchor component={Link} to={network.id} fw={600} id={`net-${network.id}`}>
            {network.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('network.list.counts', { nodes: network.nodeCount, edges: network.edgeCount })}
          </Text>
          {network.survey && (
            <Text size="sm" c="dimmed">
              {t('network.list.surveyCounts', {
                invited: network.survey.invited,
                consented: network.survey.consented,
                submitted: network.survey.submitted,
                roster: network.survey.rosterSize,
              })}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          <Badge variant="light">{t(`network.source.${network.source}`)}</Badge>
          <Badge variant="outline" color={a?.status === 'done' ? 'teal' : 'gray'}>
            {a ? t(`network.analysis.status.${a.status}`) : t('network.analysis.none')}
          </Badge>
        </Stack>
      </Group>
    </Card>
  );
}

/** `/engagements/:id/network`: facilitators list, import and survey networks; members see their own ties. */
export function NetworksPage() {
  const { t } = useTranslation();
  const { engagementId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const canRead = can('network.readReport');
  const canManage = can('network.manage');
  const engagement = useEngagement(orgId, engagementId);
  const networks = useNetworks(orgId, engagementId, canRead && orgId !== '');
  usePageTitle(t('network.title'));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/engagements/${engagementId}`} size="sm">
        ← {engagement.data?.title ?? t('network.backToEngagement')}
      </Anchor>
      <PageHeader title={t('network.title')} description={t('network.intro')} />
      {canRead ? (
        <VisibilityNote>{t('network.visibility.facilitators')}</VisibilityNote>
      ) : (
        <VisibilityNote>{t('network.visibility.ego')}</VisibilityNote>
      )}
      {!canRead && <EgoSection orgId={orgId} engagementId={engagementId} />}
      {canRead && networks.isPending && <PageSkeleton />}
      {canRead && networks.isError && (
        <QueryError error={networks.error} onRetry={() => void networks.refetch()} />
      )}
      {canRead && networks.data && (
        <Stack gap="md">
          <Title order={2}>{t('network.list.title')}</Title>
          {networks.data.length === 0 ? (
            <EmptyState icon={<Icon name="users" size={30} />} variant="light" size="lg">
              <EmptyState.Title order={3}>{t('network.list.emptyTitle')}</EmptyState.Title>
              <EmptyState.Description>{t('network.list.emptyBody')}</EmptyState.Description>
            </EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {networks.data.map((n) => (
                <NetworkCard key={n.id} network={n} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
      {canManage && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <ImportPanel orgId={orgId} engagementId={engagementId} />
          <SurveyPanel orgId={orgId} engagementId={engagementId} />
        </SimpleGrid>
      )}
      {canRead && !canManage && <Text c="dimmed">{t('network.readOnly')}</Text>}
    </Stack>
  );
}
