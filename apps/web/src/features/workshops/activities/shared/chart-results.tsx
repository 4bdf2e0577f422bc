/** @module Results that count something: a chart with an equivalent table (switchable). */
import { BarChart } from '@mantine/charts';
import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Row } from '../types';

export function ChartResults({
  rows,
  summary,
  isLarge,
  isProjector,
  header,
  chartExtra,
  table,
  footer,
}: {
  rows: Row[];
  /** The line above the chart (default: the total). */
  summary?: string;
  isLarge: boolean;
  isProjector: boolean;
  header?: ReactNode;
  /** Shown with the chart only. */
  chartExtra?: ReactNode;
  /** Replaces the plain label/value table. */
  table?: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const total = rows.reduce((s, r) => s + r.value, 0);
  const chartSummary = rows.map((r) => `${r.label}: ${r.value}`).join(', ');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {summary ?? t('workshop.results.total', { count: total })}
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
      {header}
      {view === 'chart' ? chartExtra : null}
      {view === 'chart' ? (
        <div
          role="img"
          aria-label={t('workshop.results.chartLabel', { summary: chartSummary })}
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
      ) : (
        (table ?? (
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
        ))
      )}
      {footer}
    </Stack>
  );
}
