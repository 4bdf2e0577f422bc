/** @module Ranking results: Borda scores (de Borda 1781) and the spread of ranks. */
import type { RankingResults } from '@essaim/core/live';
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartResults } from '../shared/chart-results';
import type { ResultsOf, ResultsProps, Row } from '../types';

/** Ranking details: mean rank, standard deviation and best–worst range of every item. */
export function RankingTable({ results }: { results: RankingResults }) {
  const { t } = useTranslation();
  const fmt = (n: number | null) => (n === null ? '–' : String(Math.round(n * 10) / 10));
  return (
    <Table striped withTableBorder data-testid="results-table">
      <Table.Caption>{t('workshop.ranking.caption', { count: results.ballotCount })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('workshop.results.label')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.score')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.meanRank')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.spread')}</Table.Th>
          <Table.Th scope="col">{t('workshop.ranking.range')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Th scope="row" fw={500}>
              {item.label}
            </Table.Th>
            <Table.Td>{item.score}</Table.Td>
            <Table.Td>{fmt(item.meanRank)}</Table.Td>
            <Table.Td>{fmt(item.rankStandardDeviation)}</Table.Td>
            <Table.Td>
              {item.bestRank === null
                ? '–'
                : t('workshop.ranking.rangeValue', { best: item.bestRank, worst: item.worstRank })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function rankingRows(results: ResultsOf<'ranking'>): Row[] {
  return results.items.map((i) => ({ label: i.label, value: i.score }));
}

export function RankingResultsView({ results, isLarge, isProjector }: ResultsProps<'ranking'>) {
  const { t } = useTranslation();
  return (
    <ChartResults
      rows={rankingRows(results)}
      summary={t('workshop.ranking.summary', { count: results.ballotCount })}
      isLarge={isLarge}
      isProjector={isProjector}
      chartExtra={
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
      }
      table={<RankingTable results={results} />}
    />
  );
}
