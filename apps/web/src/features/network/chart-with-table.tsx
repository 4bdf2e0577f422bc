import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart with its accessible twin: a real table (the default for screen readers, one
 * click away for everyone). The chart itself is hidden from assistive technology.
 */
export function ChartWithTable(props: {
  title: string;
  description: string;
  data: BarDatum[];
  labelHeader: string;
  valueHeader: string;
  format: (v: number) => string;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5" id={titleId}>
            {props.title}
          </Title>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: t('network.chart.chart') },
              { value: 'table', label: t('network.chart.table') },
            ]}
            aria-label={t('network.chart.switch', { title: props.title })}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {props.description}
        </Text>
        {view === 'chart' ? (
          // Inert as well as hidden: the chart library makes its drawing focusable, and a hidden
          // element must not take keyboard focus (the table is the accessible version).
          <div aria-hidden="true" inert>
            <BarChart
              h={Math.max(160, props.data.length * 28)}
              data={props.data}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 130 }}
              series={[{ name: 'value', label: props.valueHeader, color: 'blue.6' }]}
              valueFormatter={props.format}
              gridAxis="none"
            />
          </div>
        ) : (
          <Table striped withTableBorder>
            <Table.Caption>{props.title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{props.labelHeader}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {props.valueHeader}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.data.map((d) => (
                <Table.Tr key={d.label}>
                  <Table.Th scope="row" fw={400}>
                    {d.label}
                  </Table.Th>
                  <Table.Td ta="right">{props.format(d.value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
