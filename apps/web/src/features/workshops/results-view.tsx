import type { ActivityResults } from '@essaim/core/live';
import { BarChart } from '@mantine/charts';
import {
  Badge,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentTrace, FistDetails, PairwiseTable, RankingTable } from './decision-results';

interface Row {
  readonly label: string;
  readonly value: number;
}

/** Bars for results that count something; `null` for text results (cards, groups). */
export function chartRows(results: ActivityResults): Row[] | null {
  if (results.isHidden) {
    return null;
  }
  switch (results.type) {
    case 'dotVote':
      return results.items.map((i) => ({ label: i.label, value: i.dots }));
    case 'poll':
      return results.options.map((o) => ({ label: o.label, value: o.count }));
    case 'rating':
      return results.items.map((i) => ({ label: i.label, value: Math.round((i.mean ?? 0) * 10) / 10 }));
    case 'fistToFive':
      return results.histogram.map((count, fingers) => ({ label: String(fingers), value: count }));
    case 'wordCloud':
      return results.words.slice(0, 15).map((w) => ({ label: w.word, value: w.count }));
    case 'gradients':
      return results.levels.map((l) => ({ label: `${l.level}. ${l.label}`, value: l.count }));
    case 'ranking':
      return results.items.map((i) => ({ label: i.label, value: i.score }));
    case 'pairwise':
      return results.items.map((i) => ({ label: i.label, value: Math.round(i.strength * 1000) / 10 }));
    default:
      return null;
  }
}

/** Results of one activity: a chart with an equivalent table (switchable), or the cards and groups. */
export function ResultsView({
  results,
  isLarge = false,
  isProjector = false,
}: {
  results: ActivityResults;
  isLarge?: boolean;
  /** On the room's screen: no chart/table switch (nobody there can click it). */
  isProjector?: boolean;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  if (results.isHidden) {
    return (
      <Text c="dimmed" fz={isLarge ? 28 : undefined} data-testid="results-hidden">
        {t('workshop.results.hidden')}
      </Text>
    );
  }
  if (results.type === 'brainstorm') {
    const cards = results.cards.filter((c) => !c.isHidden);
    return cards.length === 0 ? (
      <Text c="dimmed">{t('workshop.results.noCards')}</Text>
    ) : (
      <SimpleGrid cols={{ base: 1, sm: 2, md: isLarge ? 4 : 3 }} data-testid="cards">
        {cards.map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="md" component="article">
            <Text fz={isLarge ? 26 : 'md'}>{c.text}</Text>
            {c.author ? (
              <Text size="xs" c="dimmed">
                {c.author}
              </Text>
            ) : null}
          </Paper>
        ))}
      </SimpleGrid>
    );
  }
  if (results.type === 'cluster') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="groups">
        {results.groups.map((g) => (
          <Paper key={g.id} withBorder p="sm" radius="md" component="section" aria-label={g.name}>
            <Title order={3} size="h5">
              {g.name} <Badge variant="light">{g.cards.length}</Badge>
            </Title>
            <List size="sm" mt="xs">
              {g.cards.map((c) => (
                <List.Item key={c.id}>{c.text}</List.Item>
              ))}
            </List>
          </Paper>
        ))}
        {results.ungrouped.length > 0 ? (
          <Paper
            withBorder
            p="sm"
            radius="md"
            component="section"
            aria-label={t('workshop.results.ungrouped')}
          >
            <Title order={3} size="h5">
              {t('workshop.results.ungrouped')}
            </Title>
            <List size="sm" mt="xs">
              {results.ungrouped.map((c) => (
                <List.Item key={c.id}>{c.text}</List.Item>
              ))}
            </List>
          </Paper>
        ) : null}
      </SimpleGrid>
    );
  }
  if (results.type === 'timer') {
    const seconds = Math.ceil(results.remainingMs / 1000);
    return (
      <Text size={isLarge ? '4rem' : 'xl'} fw={700} aria-live="polite">
        {`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`}
      </Text>
    );
  }
  if (results.type === 'consentRound') {
    return <ConsentTrace results={results} isLarge={isLarge} />;
  }
  const rows = chartRows(results) ?? [];
  const total = rows.reduce((s, r) => s + r.value, 0);
  const summary = rows.map((r) => `${r.label}: ${r.value}`).join(', ');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {results.type === 'rating'
            ? t('workshop.results.meanScale')
            : results.type === 'ranking'
              ? t('workshop.ranking.summary', { count: results.ballotCount })
              : results.type === 'pairwise'
                ? t('workshop.pairwise.summary', { count: results.comparisonCount })
                : t('workshop.results.total', { count: total })}
        </Text>
        {isProjector ? null : (
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('workshop.results.chart') },
              { value: 'table', label: t('workshop.results.table') },
            ]}
            aria-label={t('workshop.results.viewLabel')}
          />
        )}
      </Group>
      {results.type === 'fistToFive' ? (
        <Text fw={600} c={results.isPassing ? 'teal' : 'orange'}>
          {results.isPassing
            ? t('workshop.fist.passing')
            : t('workshop.fist.notPassing', { count: results.flaggedCount })}
        </Text>
      ) : null}
      {results.type === 'ranking' && view === 'chart' ? (
        <Stack gap={2} data-testid="ranking-spread">
          <Text size="xs" c="dimmed">
            {t('workshop.ranking.chartHelp')}
          </Text>
          {results.items.map((i) =>
            i.meanRank === null ? null : (
              <Text key={i.id} size="sm">
                {t('workshop.ranking.spreadLine', {
                  label: i.label,
                  mean: Math.round(i.meanRank * 10) / 10,
                  sd: Math.round((i.rankStandardDeviation ?? 0) * 10) / 10,
                  best: i.bestRank,
                  worst: i.worstRank,
                })}
              </Text>
            ),
          )}
        </Stack>
      ) : null}
      {view === 'chart' ? (
        <div
          role="img"
          aria-label={t('workshop.results.chartLabel', { summary })}
          data-testid="results-chart"
        >
          <BarChart
            h={Math.max(140, rows.length * (isLarge ? 56 : 40) + 40)}
            data={rows.map((r) => ({ label: r.label, value: r.value }))}
            dataKey="label"
            orientation="vertical"
            yAxisProps={{ width: isLarge ? 260 : 160 }}
            series={[{ name: 'value', label: t('workshop.results.value'), color: 'honey.6' }]}
            withBarValueLabel
            // Axis labels in the body text colour: the default dimmed grey is too faint in dark mode.
            textColor="bright"
            withTooltip={false}
            gridAxis="x"
          />
        </div>
      ) : results.type === 'ranking' ? (
        <RankingTable results={results} />
      ) : results.type === 'pairwise' ? (
        <PairwiseTable results={results} />
      ) : (
        <Table striped withTableBorder data-testid="results-table">
          <Table.Caption>{t('workshop.results.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('workshop.results.label')}</Table.Th>
              <Table.Th scope="col">{t('workshop.results.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>{r.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {results.type === 'fistToFive' ? <FistDetails results={results} /> : null}
    </Stack>
  );
}
