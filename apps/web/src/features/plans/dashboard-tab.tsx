import '@mantine/charts/styles.css';
import { indicatorProgress, MILESTONE_STATUSES, type PlanDocument } from '@essaim/core/plans';
import { LineChart } from '@mantine/charts';
import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanView } from './api';
import { planBase, tx } from './api';
import { today } from './draft';
import { StatusUpdate } from './status-update';
import { type AnyWarning, useNamer, WarningList } from './warnings';

const STATUS_COLOUR: Record<string, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'teal',
  at_risk: 'orange',
  stopped: 'red',
};

/**
 * The sponsor's dashboard: where milestones stand, what is at risk and why, what comes next, what each
 * scenario costs, the pacing warnings, and each indicator's progress from baseline towards target.
 */
export function DashboardTab({
  orgId,
  draft,
  view,
  warnings,
  readOnly,
  dirty,
}: {
  orgId: string;
  readOnly: boolean;
  dirty: boolean;
  draft: PlanDocument;
  view: PlanView;
  warnings: AnyWarning[];
}) {
  const { t, i18n } = useTranslation();
  const name = useNamer(draft, view);
  const money = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  const now = today();
  const atRisk = draft.milestones.filter((m) => m.status === 'at_risk' || m.status === 'stopped');
  const next = draft.milestones
    .filter((m) => m.status !== 'done' && m.status !== 'stopped' && m.dueOn >= now)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .slice(0, 5);
  const late = draft.milestones.filter((m) => m.status !== 'done' && m.status !== 'stopped' && m.dueOn < now);
  const m = view.measured;

  if (draft.workstreams.length === 0) {
    return (
      <Card p="xl" withBorder>
        <Title order={2} size="h3">
          {t('plans.dashboard.emptyTitle')}
        </Title>
        <Text c="dimmed">{t('plans.dashboard.emptyText')}</Text>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="flex-end">
        <Button
          component="a"
          href={`${planBase(orgId, view.engagementId)}.pdf`}
          variant="default"
          size="xs"
          download
        >
          {t('plans.dashboard.exportPdf')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {MILESTONE_STATUSES.map((s) => (
          <Card key={s} p="sm" withBorder>
            <Text size="xs" c="dimmed">
              {tx(t, `plans.statuses.${s}`)}
            </Text>
            <Text fz={26} fw={700} c={STATUS_COLOUR[s]}>
              {draft.milestones.filter((x) => x.status === s).length}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card p="lg" withBorder component="section" aria-labelledby="dash-risk">
          <Title order={2} size="h4" id="dash-risk" mb="sm">
            {t('plans.dashboard.atRisk')}
          </Title>
          {atRisk.length + late.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plans.dashboard.nothingAtRisk')}
            </Text>
          ) : (
            <Stack gap="xs">
              {[...atRisk, ...late.filter((x) => !atRisk.includes(x))].map((x) => (
                <div key={x.id}>
                  <Group gap="xs">
                    <Badge color={STATUS_COLOUR[x.status]} variant="light">
                      {tx(t, `plans.statuses.${x.status}`)}
                    </Badge>
                    <Text size="sm" fw={600}>
                      {x.title}
                    </Text>
                    {x.dueOn < now && (
                      <Badge color="red" variant="outline">
                        {t('plans.dashboard.late')}
                      </Badge>
                    )}
                  </Group>
                  {x.comment && (
                    <Text size="sm" c="dimmed">
                      {x.comment}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          )}
        </Card>
        <Card p="lg" withBorder component="section" aria-labelledby="dash-next">
          <Title order={2} size="h4" id="dash-next" mb="sm">
            {t('plans.dashboard.next')}
          </Title>
          {next.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plans.dashboard.nothingNext')}
            </Text>
          ) : (
            <Table fz="sm">
              <Table.Tbody>
                {next.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>{x.dueOn}</Table.Td>
                    <Table.Td>{x.title}</Table.Td>
                    <Table.Td c="dimmed">{x.owner}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>

      {!readOnly && (
        <StatusUpdate orgId={orgId} engagementId={view.engagementId} draft={draft} dirty={dirty} />
      )}

      <Card p="lg" withBorder component="section" aria-labelledby="dash-warnings">
        <Title order={2} size="h4" id="dash-warnings" mb={4}>
          {t('plans.warnings.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {m.effectivenessLevel === null && m.trustLevel === null
            ? t('plans.dashboard.notMeasured')
            : t('plans.dashboard.measured', {
                campaign: m.campaignTitle ?? '',
                level: m.effectivenessLevel ?? '—',
                trust: m.trustLevel ?? '—',
              })}
        </Text>
        <WarningList warnings={warnings} name={name} empty={t('plans.warnings.none')} />
      </Card>

      <Card p="lg" withBorder component="section" aria-labelledby="dash-budget">
        <Title order={2} size="h4" id="dash-budget" mb="sm">
          {t('plans.dashboard.budget')}
        </Title>
        {view.scenarios.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plans.investment.emptyText')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plans.investment.scenarioName')}</Table.Th>
                  <Table.Th ta="right">{t('plans.dashboard.total')}</Table.Th>
                  <Table.Th ta="right">{t('plans.dashboard.personDays')}</Table.Th>
                  <Table.Th ta="right">{t('plans.dashboard.warnings')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.scenarios.map((s) => (
                  <Table.Tr key={s.scenarioId}>
                    <Table.Td>{view.document.scenarios.find((x) => x.id === s.scenarioId)?.name}</Table.Td>
                    <Table.Td ta="right">{money.format(s.totals.total)}</Table.Td>
                    <Table.Td ta="right">{s.totals.personDays}</Table.Td>
                    <Table.Td ta="right">{s.warnings.length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <IndicatorsCard draft={draft} view={view} />
    </Stack>
  );
}

/** Each indicator's series as a line (with its baseline and target), and the same values as a table. */
function IndicatorsCard({ draft, view }: { draft: PlanDocument; view: PlanView }) {
  const { t } = useTranslation();
  return (
    <Card p="lg" withBorder component="section" aria-labelledby="dash-indicators">
      <Title order={2} size="h4" id="dash-indicators" mb="sm">
        {t('plans.indicators.title')}
      </Title>
      {draft.indicators.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.indicators.empty')}
        </Text>
      ) : (
        <Stack gap="lg">
          {draft.workstreams
            .filter((w) => draft.indicators.some((i) => i.workstreamId === w.id))
            .map((w) => (
              <Stack key={w.id} gap="xs" component="section" aria-labelledby={`dash-obj-${w.id}`}>
                <div>
                  <Title order={3} size="h5" id={`dash-obj-${w.id}`}>
                    {w.title}
                  </Title>
                  {w.objective && (
                    <Text size="sm" c="dimmed">
                      {t('plans.indicators.objective', { objective: w.objective })}
                    </Text>
                  )}
                </div>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  {draft.indicators
                    .filter((i) => i.workstreamId === w.id)
                    .map((ind) => {
                      const series = view.indicators.find((s) => s.indicatorId === ind.id)?.series ?? [];
                      const progress = indicatorProgress(
                        ind.baseline,
                        ind.target,
                        series.at(-1)?.value ?? null,
                      );
                      return (
                        <Stack key={ind.id} gap={4}>
                          <Text fw={600}>{ind.name}</Text>
                          <Text size="xs" c="dimmed">
                            {tx(t, `plans.indicators.sources.${ind.source}`)} ·{' '}
                            {t('plans.indicators.baseline')} {ind.baseline ?? '—'} →{' '}
                            {t('plans.indicators.target')} {ind.target ?? '—'}
                          </Text>
                          {progress !== null && (
                            <>
                              <Text size="sm">
                                {t('plans.indicators.progress', { percent: Math.round(progress * 100) })}
                              </Text>
                              {/* The sentence above says it; the bar is for the eye. */}
                              <div aria-hidden="true">
                                <Progress
                                  value={Math.max(0, Math.min(100, progress * 100))}
                                  color={progress >= 1 ? 'teal' : 'indigo'}
                                />
                              </div>
                            </>
                          )}
                          {series.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {t('plans.indicators.noPoint')}
                            </Text>
                          ) : (
                            <>
                              {/* The table below carries the same figures; the chart is for the eye only. */}
                              <div aria-hidden="true" inert>
                                <LineChart
                                  h={160}
                                  data={series.map((p) => ({ at: p.at, value: p.value }))}
                                  dataKey="at"
                                  series={[{ name: 'value', label: ind.name, color: 'indigo.6' }]}
                                  referenceLines={[
                                    ...(ind.target === null
                                      ? []
                                      : [
                                          {
                                            y: ind.target,
                                            label: t('plans.indicators.target'),
                                            color: 'teal.6',
                                          },
                                        ]),
                                    ...(ind.baseline === null
                                      ? []
                                      : [
                                          {
                                            y: ind.baseline,
                                            label: t('plans.indicators.baseline'),
                                            color: 'gray.6',
                                          },
                                        ]),
                                  ]}
                                />
                              </div>
                              <Table fz="xs" aria-label={ind.name}>
                                <Table.Tbody>
                                  {series.map((p) => (
                                    <Table.Tr key={`${p.at}-${p.value}`}>
                                      <Table.Td>{p.at}</Table.Td>
                                      <Table.Td ta="right">{p.value}</Table.Td>
                                    </Table.Tr>
                                  ))}
                                </Table.Tbody>
                              </Table>
                            </>
                          )}
                        </Stack>
                      );
                    })}
                </SimpleGrid>
              </Stack>
            ))}
        </Stack>
      )}
    </Card>
  );
}
