import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Icon } from '../../components/icons';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { isApiError } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useRoom } from '../../lib/use-realtime';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type Engagement, engagementKeys, useEngagement } from './api';
import { LinksSection } from './links-section';
import { OptionsSection } from './options-section';
import { OverviewSection } from './overview-section';
import { PhasesSection } from './phases-section';
import { QuestionsSection } from './questions-section';
import { NoOrganisation, PHASES, StatusBadge } from './shared';
import { StakeholdersSection } from './stakeholders-section';
import { StatusBanner, StatusControl } from './status-control';
import { TimelineSection } from './timeline-section';
import { WorkLinks } from './work-links';

const TABS = ['overview', 'questions', 'phases', 'stakeholders', 'options', 'timeline', 'links'] as const;
type Tab = (typeof TABS)[number];
const TAB_ICON = {
  overview: 'info',
  questions: 'question',
  phases: 'route',
  stakeholders: 'users',
  options: 'scale',
  timeline: 'history',
  links: 'link',
} as const;

/** Keeps the engagement live: a status change shows at once (banner), anything else refreshes. */
function useEngagementRealtime(orgId: string, engagementId: string) {
  const queryClient = useQueryClient();
  useRoom(`engagement:${engagementId}`, (message) => {
    if (message.type !== 'event') {
      return;
    }
    if (message.event === 'engagement.status') {
      const payload = message.payload as Engagement['status'] | undefined;
      if (payload?.status) {
        queryClient.setQueryData<Engagement>(engagementKeys.one(orgId, engagementId), (old) =>
          old ? { ...old, status: payload } : old,
        );
      }
    }
    if (message.event === 'engagement.status' || message.event === 'engagement.updated') {
      void queryClient.invalidateQueries({ queryKey: engagementKeys.one(orgId, engagementId) });
      void queryClient.invalidateQueries({ queryKey: engagementKeys.list(orgId) });
    }
  });
}

function Dashboard({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const query = useEngagement(orgId, engagementId);
  useEngagementRealtime(orgId, engagementId);
  usePageTitle(query.data?.title ?? t('engagement.list.title'));

  const requested = params.get('tab');
  const tab: Tab = TABS.find((candidate) => candidate === requested) ?? 'overview';

  if (query.isPending) {
    return <PageSkeleton />;
  }
  if (query.isError) {
    return (
      <Stack gap="md">
        {isApiError(query.error) && query.error.status === 404 ? (
          <Text>{t('engagement.notFound')}</Text>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
        <Anchor component={Link} to="/engagements">
          {t('engagement.backToList')}
        </Anchor>
      </Stack>
    );
  }
  const engagement = query.data;
  const canEdit = can('engagement.update');
  const currentPhase = PHASES.find(
    (key) => engagement.phases.find((p) => p.key === key)?.status === 'active',
  );
  const openQuestions = engagement.questions.filter((q) => q.status === 'open').length;

  return (
    <>
      <Anchor component={Link} to="/engagements" size="sm" display="inline-flex" style={{ gap: 4 }} mb="sm">
        <Icon name="chevronLeft" size={16} />
        {t('engagement.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="lg">
        <Stack gap="xs" maw={720} style={{ flex: 1, minWidth: 280 }}>
          <Group gap="xs">
            <Text size="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.05em' }}>
              {t('engagement.dashboard.eyebrow')}
            </Text>
            <StatusBadge status={engagement.status.status} size="sm" />
          </Group>
          <Title
            order={1}
            fz={{ base: 28, sm: 34 }}
            data-testid="engagement-title"
            style={{ overflowWrap: 'anywhere' }}
          >
            {engagement.title}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color="gray" leftSection={<Icon name="route" size={12} />}>
              {currentPhase
                ? t('engagement.list.phase', {
                    number: PHASES.indexOf(currentPhase) + 1,
                    phase: t(`engagement.phases.${currentPhase}.label`),
                  })
                : t('engagement.list.noPhase')}
            </Badge>
            <Badge variant="light" color={openQuestions > 0 ? 'honey' : 'gray'}>
              {t('engagement.list.openQuestions', { count: openQuestions })}
            </Badge>
          </Group>
        </Stack>
        {can('engagement.changeStatus') && <StatusControl orgId={orgId} engagement={engagement} />}
      </Group>

      <StatusBanner engagement={engagement} />
      <WorkLinks engagementId={engagement.id} />

      <Tabs
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          next.set('tab', value ?? 'overview');
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('engagement.dashboard.tabsLabel')} mb="lg" style={{ flexWrap: 'wrap' }}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon name={TAB_ICON[value]} size={16} />}>
              {t(`engagement.dashboard.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewSection orgId={orgId} engagement={engagement} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="questions">
          <QuestionsSection orgId={orgId} engagement={engagement} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="phases">
          <PhasesSection orgId={orgId} engagement={engagement} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="stakeholders">
          <StakeholdersSection orgId={orgId} engagement={engagement} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="options">
          <OptionsSection orgId={orgId} engagement={engagement} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelineSection orgId={orgId} engagementId={engagement.id} />
        </Tabs.Panel>
        <Tabs.Panel value="links">
          <LinksSection orgId={orgId} engagement={engagement} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

export function EngagementPage() {
  const { engagementId = '' } = useParams();
  const { org } = useCurrentOrg();
  if (!org) {
    return <NoOrganisation />;
  }
  return <Dashboard key={`${org.id}-${engagementId}`} orgId={org.id} engagementId={engagementId} />;
}
