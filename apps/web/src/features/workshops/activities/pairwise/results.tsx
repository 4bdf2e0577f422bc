/** @module Pairwise results: strengths (Bradley–Terry, 1952). */
import type { PairwiseResults } from '@essaim/core/live';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartResults } from '../shared/chart-results';
import type { ResultsOf, ResultsProps, Row } from '../types';

/** Pairwise details: Bradley–Terry strength (share of 100) and raw wins. */
export function PairwiseTable({ results }: { results: PairwiseResults }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="results-table">
      <Table.Caption>{t('workshop.pairwise.caption', { count: results.comparisonCount })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('workshop.results.label')}</Table.Th>
          <Table.Th scope="col">{t('workshop.pairwise.strength')}</Table.Th>
          <Table.Th scope="col">{t('workshop.pairwise.wins')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Th scope="row" fw={500}>
              {item.label}
            </Table.Th>
            <Table.Td>{Math.round(item.strength * 1000) / 10}</Table.Td>
            <Table.Td>{item.wins}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function pairwiseRows(results: ResultsOf<'pairwise'>): Row[] {
  return results.items.map((i) => ({ label: i.label, value: Math.round(i.strength * 1000) / 10 }));
}

export function PairwiseResultsView({ results, isLarge, isProjector }: ResultsProps<'pairwise'>) {
  const { t } = useTranslation();
  return (
    <ChartResults
      rows={pairwiseRows(results)}
      summary={t('workshop.pairwise.summary', { count: results.comparisonCount })}
      isLarge={isLarge}
      isProjector={isProjector}
      table={<PairwiseTable results={results} />}
    />
  );
}
