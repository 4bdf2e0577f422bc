/** @module Budget results: points per item as bars, with each item's share and the spread of opinions. */
import { Table } from '@mantine/core';
import { ChartResults } from '../shared/chart-results';
import { useActivityText } from '../shared/strings';
import type { ResultsOf, ResultsProps, Row } from '../types';
import { budgetStrings } from './strings';

export function budgetRows(results: ResultsOf<'budget'>): Row[] {
  return results.items.map((i) => ({ label: i.label, value: i.total }));
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function BudgetResultsView({ results, isLarge, isProjector }: ResultsProps<'budget'>) {
  const text = useActivityText(budgetStrings);
  return (
    <ChartResults
      rows={budgetRows(results)}
      summary={text('summary', { voters: results.voterCount, spent: results.spent })}
      isLarge={isLarge}
      isProjector={isProjector}
      table={
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('item')}</Table.Th>
              <Table.Th>{text('total')}</Table.Th>
              <Table.Th>{text('share')}</Table.Th>
              <Table.Th>{text('spread')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.label}</Table.Td>
                <Table.Td>{i.total}</Table.Td>
                <Table.Td>{percent(i.share)}</Table.Td>
                <Table.Td>
                  {i.mean.toFixed(1)} ± {i.spread.toFixed(1)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
