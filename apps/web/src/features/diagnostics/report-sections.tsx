/** Sections of the campaign report: each chart comes with its table (the accessible alternative). */

import { BarChart, RadarChart } from '@mantine/charts';
import type { TFunction } from 'i18next';
import '@mantine/charts/styles.css';
import { Badge, Card, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import type { CampaignReport, CutReport } from './api';
import { useComparison } from './api';
import { fmt, type Reason, type useInstrumentLabels, useProgressText, useReasonText } from './shared';

type Labels = ReturnType<typeof useInstrumentLabels>;
type Thresholds = CampaignReport['thresholds'];

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="lg" component="section" data-testid={testId} style={{ breakInside: 'avoid' }}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** Every requested cut with its status, and why each hidden one is hidden. */
export function CutsOverview({ report }: { report: CampaignReport }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const progressText = useProgressText();
  return (
    <Section title={t('diagnostic.report.cutsTitle')} testId="cuts-overview">
      <Table.ScrollContainer minWidth={420}>
        <Table withTableBorder striped>
          <Table.Caption>{t('diagnostic.report.cutsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('diagnostic.counts.group')}</Table.Th>
              {report.isReleased && <Table.Th scope="col">{t('diagnostic.report.respondents')}</Table.Th>}
              <Table.Th scope="col">{t('diagnostic.report.statusColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.cuts.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Th scope="row">
                  {c.collectiveId === null && Object.keys(c.filters).length === 0
                    ? t('diagnostic.report.whole')
                    : c.label}
                </Table.Th>
                {report.isReleased && <Table.Td>{c.n ?? '—'}</Table.Td>}
                <Table.Td>
                  {!report.isReleased
                    ? progressText(c.progress)
                    : c.status !== 'shown'
                      ? reasonText(c.reason as Reason, report.thresholds)
                      : t('diagnostic.report.shown')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function ruleText(t: TFunction, labels: Labels, rule: string): string {
  const [subject = '', value = ''] = rule.split('>=');
  const who =
    subject === 'index'
      ? t('diagnostic.report.rules.index')
      : subject === 'every-construct'
        ? t('diagnostic.report.rules.everyConstruct')
        : subject === 'trust'
          ? t('diagnostic.report.rules.trust')
          : subject === 'creative-and-innovative'
            ? t('diagnostic.report.rules.creativeInnovative')
            : labels.construct(subject);
  return t('diagnostic.report.rules.atLeast', { who, value });
}

export function Effectiveness({ cut, labels }: { cut: CutReport; labels: Labels }) {
  const { t } = useTranslation();
  const e = cut.interpretation?.effectiveness;
  if (!e) {
    return null;
  }
  return (
    <Section title={t('diagnostic.report.effectivenessTitle')} testId="effectiveness">
      <Group align="baseline" gap="sm">
        <Text fz={40} fw={700} lh={1}>
          {e.level}/5
        </Text>
        <Text fw={600}>{t(`diagnostic.report.levels.${e.level as 1 | 2 | 3 | 4 | 5}`)}</Text>
      </Group>
      <Text size="sm">{t('diagnostic.report.index', { value: fmt(e.index) })}</Text>
      {e.unmetForNextLevel.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            {t('diagnostic.report.nextLevel')}
          </Text>
          <List size="sm">
            {e.unmetForNextLevel.map((r) => (
              <List.Item key={r}>{ruleText(t, labels, r)}</List.Item>
            ))}
          </List>
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('diagnostic.report.levelsExplained')}
      </Text>
    </Section>
  );
}

export function IcForms({ cut, labels }: { cut: CutReport; labels: Labels }) {
  const { t } = useTranslation();
  const profile = cut.interpretation?.profile;
  const forms = (profile?.forms ?? []).filter((f) => f.score !== null);
  if (!profile || forms.length === 0) {
    return null;
  }
  const data = forms.map((f) => ({ form: labels.construct(f.constructId), score: Math.round(f.score ?? 0) }));
  return (
    <Section title={t('diagnostic.report.formsTitle')} testId="ic-forms">
      {forms.length >= 3 && (
        <div
          role="img"
          aria-label={t('diagnostic.report.chartSummary', {
            summary: data.map((d) => `${d.form}: ${d.score}`).join(', '),
          })}
        >
          <RadarChart
            h={300}
            data={data}
            dataKey="form"
            series={[{ name: 'score', label: t('diagnostic.report.score'), color: 'honey.6', opacity: 0.3 }]}
            withPolarRadiusAxis
            polarRadiusAxisProps={{ domain: [0, 100] }}
          />
        </div>
      )}
      <Table withTableBorder>
        <Table.Caption>{t('diagnostic.report.formsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('diagnostic.report.form')}</Table.Th>
            <Table.Th scope="col">{t('diagnostic.report.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((d) => (
            <Table.Tr key={d.form}>
              <Table.Th scope="row">{d.form}</Table.Th>
              <Table.Td>{d.score}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {profile.spread !== null && profile.spread > 25 && (
        <Text size="sm">{t('diagnostic.report.unbalanced', { spread: fmt(profile.spread) })}</Text>
      )}
    </Section>
  );
}

export function Constructs({ cut, labels }: { cut: CutReport; labels: Labels }) {
  const { t } = useTranslation();
  const scored = cut.constructs.filter((c) => c.score !== null);
  if (scored.length === 0) {
    return null;
  }
  const data = scored.map((c) => ({
    construct: labels.construct(c.constructId),
    score: Math.round(c.score ?? 0),
  }));
  return (
    <Section title={t('diagnostic.report.constructsTitle')} testId="constructs">
      <div
        role="img"
        aria-label={t('diagnostic.report.chartSummary', {
          summary: data.map((d) => `${d.construct}: ${d.score}`).join(', '),
        })}
      >
        <BarChart
          h={Math.max(160, data.length * 34 + 40)}
          data={data}
          dataKey="construct"
          orientation="vertical"
          yAxisProps={{ width: 190 }}
          xAxisProps={{ domain: [0, 100] }}
          series={[{ name: 'score', label: t('diagnostic.report.score'), color: 'honey.6' }]}
          withBarValueLabel
          withTooltip={false}
          gridAxis="x"
        />
      </div>
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder striped data-testid="constructs-table">
          <Table.Caption>{t('diagnostic.report.constructsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('diagnostic.report.construct')}</Table.Th>
              <Table.Th scope="col">{t('diagnostic.report.score')}</Table.Th>
              <Table.Th scope="col">n</Table.Th>
              <Table.Th scope="col">{t('diagnostic.report.sd')}</Table.Th>
              <Table.Th scope="col">{t('diagnostic.report.alpha')}</Table.Th>
              <Table.Th scope="col">{t('diagnostic.report.bands')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scored.map((c) => (
              <Table.Tr key={c.constructId}>
                <Table.Th scope="row" title={labels.constructDescription(c.constructId)}>
                  {labels.construct(c.constructId)}
                </Table.Th>
                <Table.Td>{fmt(c.score)}</Table.Td>
                <Table.Td>{c.n}</Table.Td>
                <Table.Td>{fmt(c.standardDeviation)}</Table.Td>
                <Table.Td>
                  {c.alpha.value === null
                    ? '—'
                    : `${fmt(c.alpha.value, 2)} (n=${c.alpha.n}, k=${c.alpha.itemCount})`}
                </Table.Td>
                <Table.Td aria-label={t('diagnostic.report.bandsLabel', { bands: c.bands.join(' / ') })}>
                  {c.bands.join(' · ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('diagnostic.report.bandsHelp')}
      </Text>
    </Section>
  );
}

export function Reliability({ cut, labels }: { cut: CutReport; labels: Labels }) {
  const { t } = useTranslation();
  const low = cut.constructs.filter((c) => c.alpha.value !== null && c.alpha.value < 0.7);
  const single = cut.constructs.filter((c) => c.alpha.itemCount < 2 && c.family !== 'open');
  return (
    <Section title={t('diagnostic.report.reliabilityTitle')} testId="reliability">
      <Text size="sm">{t('diagnostic.report.reliabilityHelp')}</Text>
      {low.length === 0 && single.length === 0 ? (
        <Text size="sm">{t('diagnostic.report.reliabilityOk')}</Text>
      ) : (
        <List size="sm">
          {low.map((c) => (
            <List.Item key={c.constructId}>
              {t('diagnostic.report.lowAlpha', {
                construct: labels.construct(c.constructId),
                alpha: fmt(c.alpha.value, 2),
                n: c.alpha.n,
              })}
            </List.Item>
          ))}
          {single.length > 0 && (
            <List.Item>
              {t('diagnostic.report.singleItem', {
                constructs: single.map((c) => labels.construct(c.constructId)).join(', '),
              })}
            </List.Item>
          )}
        </List>
      )}
    </Section>
  );
}

export function Highlights({ cut, labels }: { cut: CutReport; labels: Labels }) {
  const { t } = useTranslation();
  const i = cut.interpretation;
  if (!i) {
    return null;
  }
  const name = (h: { kind: string; id: string }) =>
    h.kind === 'construct' ? labels.construct(h.id) : labels.item(h.id);
  const list = (items: typeof i.contributors, empty: string) =>
    items.length === 0 ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : (
      <List size="sm" spacing="xs">
        {items.map((h) => (
          <List.Item key={`${h.kind}-${h.id}`}>
            <Text span fw={500}>
              {name(h)}
            </Text>{' '}
            <Text span size="xs" c="dimmed">
              {t('diagnostic.report.evidence', {
                score: fmt(h.score),
                mean: fmt(h.referenceMean),
                distance: fmt(h.distance),
                z: fmt(h.z, 1),
                n: h.n,
              })}
            </Text>
          </List.Item>
        ))}
      </List>
    );
  return (
    <Section title={t('diagnostic.report.highlightsTitle')} testId="highlights">
      <Text size="sm" c="dimmed">
        {t('diagnostic.report.highlightsHelp')}
      </Text>
      <Title order={3} size="h5">
        {t('diagnostic.report.contributors')}
      </Title>
      {list([...i.contributors, ...i.itemContributors], t('diagnostic.report.noContributors'))}
      <Title order={3} size="h5">
        {t('diagnostic.report.blockers')}
      </Title>
      {list([...i.blockers, ...i.itemBlockers], t('diagnostic.report.noBlockers'))}
    </Section>
  );
}

export function OpenText({
  cut,
  labels,
  thresholds,
}: {
  cut: CutReport;
  labels: Labels;
  thresholds: Thresholds;
}) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  if (cut.openText.length === 0) {
    return null;
  }
  return (
    <Section title={t('diagnostic.report.openTitle')} testId="open-text">
      {cut.openText.map((o) => (
        <Stack key={o.itemId} gap={4}>
          <Text fw={500}>{labels.item(o.itemId)}</Text>
          {o.status !== 'shown' ? (
            <Text size="sm" c="dimmed">
              {reasonText(o.reason as Reason, thresholds, true)}
            </Text>
          ) : o.themes.length === 0 ? (
            <Text size="sm">{t('diagnostic.report.noThemes', { count: o.n ?? 0 })}</Text>
          ) : (
            <List size="sm" spacing="xs">
              {o.themes.map((th) => (
                <List.Item key={th.label}>
                  <Text span fw={500}>
                    {th.label}
                  </Text>{' '}
                  <Badge size="sm" variant="light">
                    {t('diagnostic.report.themeCount', { count: th.count })}
                  </Badge>
                  {th.examples.map((ex) => (
                    <Text key={ex} size="xs" c="dimmed" fs="italic">
                      « {ex} »
                    </Text>
                  ))}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      ))}
    </Section>
  );
}

export function Withheld({
  cut,
  labels,
  thresholds,
}: {
  cut: CutReport;
  labels: Labels;
  thresholds: Thresholds;
}) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  if (cut.withheld.length === 0) {
    return null;
  }
  return (
    <Section title={t('diagnostic.report.withheldTitle')}>
      <List size="sm">
        {cut.withheld.map((w) => (
          <List.Item key={`${w.kind}-${w.id}`}>
            {w.kind === 'construct' ? labels.construct(w.id) : labels.item(w.id)} —{' '}
            {reasonText(w.reason as Reason, thresholds)}
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

export function BeforeAfter({
  orgId,
  report,
  labels,
}: {
  orgId: string;
  report: CampaignReport;
  labels: Labels;
}) {
  const { t } = useTranslation();
  const [beforeId, setBeforeId] = useState<string | null>(null);
  const comparison = useComparison(orgId, report.campaignId, beforeId);
  const whole = comparison.data?.cuts.find((c) => c.key === 'collective=*');
  return (
    <Section title={t('diagnostic.report.beforeAfterTitle')} testId="before-after">
      {report.comparable.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('diagnostic.report.noComparable')}
        </Text>
      ) : (
        <Select
          label={t('diagnostic.report.compareWith')}
          data={report.comparable.map((c) => ({ value: c.id, label: c.title }))}
          value={beforeId}
          onChange={setBeforeId}
          clearable
        />
      )}
      {comparison.isFetching && <PageSkeleton />}
      {comparison.isError && <QueryError error={comparison.error} />}
      {comparison.data && (
        <Stack gap="sm">
          {comparison.data.cuts.map((c) => (
            <Stack key={c.key} gap={4}>
              <Text fw={500}>{c.key === whole?.key ? t('diagnostic.report.whole') : c.label}</Text>
              {c.status !== 'compared' ? (
                <Text size="sm" c="dimmed">
                  {t(`diagnostic.report.notComparable.${c.reason ?? 'missing-before'}`)}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={520}>
                  <Table withTableBorder striped>
                    <Table.Caption>{t('diagnostic.report.deltaCaption')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('diagnostic.report.construct')}</Table.Th>
                        <Table.Th scope="col">{t('diagnostic.report.before')}</Table.Th>
                        <Table.Th scope="col">{t('diagnostic.report.after')}</Table.Th>
                        <Table.Th scope="col">{t('diagnostic.report.delta')}</Table.Th>
                        <Table.Th scope="col">{t('diagnostic.report.interval')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.constructs.map((k) => (
                        <Table.Tr key={k.constructId}>
                          <Table.Th scope="row">{labels.construct(k.constructId)}</Table.Th>
                          <Table.Td>{`${fmt(k.before.score)} (n=${k.before.n})`}</Table.Td>
                          <Table.Td>{`${fmt(k.after.score)} (n=${k.after.n})`}</Table.Td>
                          <Table.Td>
                            {k.delta > 0 ? '+' : ''}
                            {fmt(k.delta, 1)}
                            {k.isSignificant ? ` ${t('diagnostic.report.significant')}` : ''}
                          </Table.Td>
                          <Table.Td>
                            {k.low === null || k.high === null
                              ? '—'
                              : `[${fmt(k.low, 1)} ; ${fmt(k.high, 1)}]`}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          ))}
          <Text size="xs" c="dimmed">
            {t('diagnostic.report.intervalHelp')}
          </Text>
        </Stack>
      )}
    </Section>
  );
}
