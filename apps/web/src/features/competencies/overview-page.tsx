import '@mantine/charts/styles.css';
import { areaLevels, levelTimeline } from '@essaim/core/competencies';
import { RadarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useAssessments, useCoverage, useSaveSettings, useSettings } from './api';
import { AssessmentDetail } from './assessment-detail';
import { AREAS, competencyName, LevelBadge } from './shared';

type Levels = Record<string, number>;

/** Radar of mean level per area: the first and the latest self-assessment, with a table twin. */
function ProgressRadar({ first, latest }: { first: Levels | null; latest: Levels }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const lng = currentLanguage();
  const now = areaLevels(latest);
  const before = first ? areaLevels(first) : null;
  const data = AREAS.filter((a) => now[a.id] !== null || (before && before[a.id] !== null)).map((a) => ({
    name: a.name[lng],
    // Short axis labels keep the chart readable; the table twin carries the full names.
    area: a.name[lng].length > 18 ? `${a.name[lng].slice(0, 17)}…` : a.name[lng],
    latest: now[a.id] ?? 0,
    first: before?.[a.id] ?? 0,
  }));
  const table = (
    <Table data-testid="radar-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('competencies.radar.area')}</Table.Th>
          {before ? <Table.Th>{t('competencies.radar.first')}</Table.Th> : null}
          <Table.Th>{t('competencies.radar.latest')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((d) => (
          <Table.Tr key={d.name}>
            <Table.Td>{d.name}</Table.Td>
            {before ? <Table.Td>{d.first ? d.first.toFixed(1) : '—'}</Table.Td> : null}
            <Table.Td>{d.latest ? d.latest.toFixed(1) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Card withBorder component="section" aria-labelledby="radar-title" data-testid="competency-radar">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="radar-title">
          {t('competencies.radar.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
          data={[
            { value: 'chart', label: t('competencies.radar.chart') },
            { value: 'table', label: t('competencies.radar.table') },
          ]}
        />
      </Group>
      {data.length < 3 ? (
        <Text c="dimmed" size="sm">
          {t('competencies.radar.tooFew')}
        </Text>
      ) : null}
      {view === 'chart' && data.length >= 3 ? (
        <div aria-hidden="true">
          <RadarChart
            h={340}
            data={data}
            dataKey="area"
            withPolarRadiusAxis
            radarChartProps={{ outerRadius: '62%' }}
            polarRadiusAxisProps={{ domain: [0, 4], tickCount: 5 }}
            series={[
              ...(before
                ? [{ name: 'first', label: t('competencies.radar.first'), color: 'gray.5', opacity: 0.15 }]
                : []),
              { name: 'latest', label: t('competencies.radar.latest'), color: 'teal.6', opacity: 0.3 },
            ]}
            withLegend
          />
        </div>
      ) : null}
      {view === 'chart' && data.length >= 3 ? <VisuallyHidden>{table}</VisuallyHidden> : table}
    </Card>
  );
}

function RecommenderPermission() {
  const { t } = useTranslation();
  const settings = useSettings();
  const save = useSaveSettings();
  return (
    <Switch
      data-testid="use-level-switch"
      checked={settings.data?.useLevelInRecommender ?? false}
      disabled={!settings.data || save.isPending}
      onChange={(e) => save.mutate({ useLevelInRecommender: e.currentTarget.checked })}
      label={t('competencies.settings.useLevel')}
      description={t('competencies.settings.useLevelHint')}
    />
  );
}

function TeamCoverage() {
  const { t } = useTranslation();
  const { org, can } = useCurrentOrg();
  const coverage = useCoverage(org && can('members.read') ? org.id : null);
  if (!org || !can('members.read')) {
    return null;
  }
  const members = coverage.data?.members ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="coverage-title">
      <Title order={2} size="h4" id="coverage-title" mb="xs">
        {t('competencies.coverage.title', { org: org.name })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('competencies.coverage.intro')}
      </Text>
      {members.length === 0 ? (
        <Text size="sm">{t('competencies.coverage.empty')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('competencies.coverage.person')}</Table.Th>
              <Table.Th>{t('competencies.coverage.level')}</Table.Th>
              <Table.Th>{t('competencies.coverage.assessed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.displayName}</Table.Td>
                <Table.Td>{m.facilitatorLevel ?? '—'}</Table.Td>
                <Table.Td>{formatDate(m.assessedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function OverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('competencies.title'));
  const assessments = useAssessments();
  const [selected, setSelected] = useState<string | null>(null);
  if (assessments.isPending) {
    return <PageSkeleton />;
  }
  if (assessments.isError) {
    return <QueryError error={assessments.error} onRetry={() => void assessments.refetch()} />;
  }
  const list = assessments.data.assessments;
  const latest = list[0] ?? null;
  const first = list.length > 1 ? list[list.length - 1]! : null;
  const shownId = selected ?? latest?.id ?? null;
  return (
    <Stack gap="lg">
      <PageHeader title={t('competencies.title')} description={t('competencies.intro')} />
      <Alert color="gray" variant="light" icon={<Icon name="lock" />} data-testid="privacy-note">
        {t('competencies.privacy')}
      </Alert>
      <Group>
        <Button
          component={Link}
          to="/competencies/assess"
          leftSection={<Icon name="plus" />}
          data-testid="new-assessment"
        >
          {t('competencies.actions.assess')}
        </Button>
        <Button
          component={Link}
          to="/competencies/feedback"
          variant="light"
          leftSection={<Icon name="send" />}
        >
          {t('competencies.actions.feedback')}
        </Button>
        <Button component={Link} to="/competencies/plan" variant="light" leftSection={<Icon name="flag" />}>
          {t('competencies.actions.plan')}
        </Button>
        <Button
          component="a"
          href={`/api/me/competencies/portfolio.pdf?lang=${currentLanguage()}`}
          variant="subtle"
          leftSection={<Icon name="download" />}
          data-testid="portfolio-link"
        >
          {t('competencies.actions.portfolio')}
        </Button>
      </Group>
      {latest === null ? (
        <Card withBorder data-testid="competencies-empty">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('competencies.empty.title')}
            </Title>
            <Text size="sm">{t('competencies.empty.body')}</Text>
            <Anchor component={Link} to="/competencies/assess">
              {t('competencies.empty.cta')}
            </Anchor>
          </Stack>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <ProgressRadar first={first?.levels ?? null} latest={latest.levels} />
          <Card withBorder component="section" aria-labelledby="timeline-title">
            <Title order={2} size="h4" id="timeline-title" mb="xs">
              {t('competencies.timeline.title')}
            </Title>
            <Stack gap="xs" data-testid="assessment-timeline">
              {list.map((a) => (
                <Group key={a.id} justify="space-between" wrap="nowrap">
                  <Anchor
                    component="button"
                    type="button"
                    ta="left"
                    onClick={() => setSelected(a.id)}
                    fw={a.id === shownId ? 700 : 400}
                    aria-current={a.id === shownId ? 'true' : undefined}
                  >
                    {a.title || t('competencies.timeline.untitled')} — {formatDate(a.createdAt)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('competencies.timeline.rated', { count: Object.keys(a.levels).length })}
                    {a.sharedWith > 0 ? ` · ${t('competencies.timeline.shared')}` : ''}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Title order={3} size="h5" mt="md" mb={4}>
              {t('competencies.timeline.byCompetency')}
            </Title>
            <Stack gap={4} data-testid="level-timeline">
              {Object.keys(latest.levels).map((id) => {
                const steps = levelTimeline(
                  list.map((a) => ({ at: a.createdAt, ratings: a.levels })),
                  id,
                );
                return (
                  <Group key={id} justify="space-between" wrap="nowrap">
                    <Text size="sm">{competencyName(id)}</Text>
                    <Group gap={4} wrap="nowrap">
                      {steps.length > 1 ? (
                        <Text size="xs" c="dimmed">
                          {steps
                            .slice(0, -1)
                            .map((step) => step.level)
                            .join(' → ')}{' '}
                          →
                        </Text>
                      ) : null}
                      <LevelBadge level={latest.levels[id]!} />
                    </Group>
                  </Group>
                );
              })}
            </Stack>
          </Card>
        </SimpleGrid>
      )}
      {shownId ? <AssessmentDetail id={shownId} /> : null}
      <Card withBorder component="section">
        <RecommenderPermission />
      </Card>
      <TeamCoverage />
    </Stack>
  );
}
