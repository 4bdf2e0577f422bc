/**
 * @module 2×2 matrix results: each item at its mean position, its spread drawn as an ellipse (one
 * standard deviation on each axis), individual placements as anonymous grey dots once shown, and the
 * same figures as a table for screen readers and for the console.
 */
import { Stack, Table, Text, useComputedColorScheme } from '@mantine/core';
import { useActivityText } from '../shared/strings';
import type { ResultsProps } from '../types';
import { matrixStrings } from './strings';

const SIZE = 400;
const PAD = 40;
const scale = (v: number) => PAD + (v / 100) * (SIZE - 2 * PAD);
const round = (v: number | null) => (v === null ? '—' : Math.round(v).toString());

export function MatrixResultsView({ results, isLarge, isProjector }: ResultsProps<'matrix'>) {
  const text = useActivityText(matrixStrings);
  const isDark = useComputedColorScheme('light') === 'dark';
  const ink = isDark ? '#e9ecef' : '#212529';
  const placed = results.items.filter((i) => i.x !== null && i.y !== null);
  return (
    <Stack gap="sm">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={text('chart')}
        style={{ width: '100%', maxWidth: isLarge ? 'min(720px, 62vh)' : 420 }}
        data-testid="matrix-chart"
      >
        <rect
          x={PAD}
          y={PAD}
          width={SIZE - 2 * PAD}
          height={SIZE - 2 * PAD}
          fill="none"
          stroke={ink}
          strokeOpacity={0.4}
        />
        <line
          x1={SIZE / 2}
          y1={PAD}
          x2={SIZE / 2}
          y2={SIZE - PAD}
          stroke={ink}
          strokeOpacity={0.25}
          strokeDasharray="4 4"
        />
        <line
          x1={PAD}
          y1={SIZE / 2}
          x2={SIZE - PAD}
          y2={SIZE / 2}
          stroke={ink}
          strokeOpacity={0.25}
          strokeDasharray="4 4"
        />
        <text x={SIZE / 2} y={SIZE - 8} textAnchor="middle" fontSize={13} fill={ink}>
          {results.x.label} ({results.x.low} → {results.x.high})
        </text>
        <text
          x={12}
          y={SIZE / 2}
          textAnchor="middle"
          fontSize={13}
          fill={ink}
          transform={`rotate(-90 12 ${SIZE / 2})`}
        >
          {results.y.label} ({results.y.low} → {results.y.high})
        </text>
        {results.items.map((item) => (
          // All of an item's anonymous dots as one path of small circles.
          <path
            key={`dots-${item.id}`}
            d={item.points
              .map((p) => `M ${scale(p[0]) - 3} ${SIZE - scale(p[1])} a 3 3 0 1 0 6 0 a 3 3 0 1 0 -6 0`)
              .join(' ')}
            fill={ink}
            fillOpacity={0.3}
          />
        ))}
        {placed.map((item) => (
          <g key={item.id}>
            <ellipse
              cx={scale(item.x!)}
              cy={SIZE - scale(item.y!)}
              rx={Math.max(4, ((item.spreadX ?? 0) / 100) * (SIZE - 2 * PAD))}
              ry={Math.max(4, ((item.spreadY ?? 0) / 100) * (SIZE - 2 * PAD))}
              fill="#228be6"
              fillOpacity={0.15}
              stroke="#228be6"
            />
            <circle cx={scale(item.x!)} cy={SIZE - scale(item.y!)} r={5} fill="#1c7ed6" />
            <text
              x={scale(item.x!) + 8}
              y={SIZE - scale(item.y!) - 8}
              fontSize={isLarge ? 15 : 12}
              fill={ink}
            >
              {item.label.length > 28 ? `${item.label.slice(0, 27)}…` : item.label}
            </text>
          </g>
        ))}
      </svg>
      {results.areDotsShown ? (
        <Text size="xs" c="dimmed">
          {text('dotsNote')}
        </Text>
      ) : null}
      {placed.length === 0 ? <Text c="dimmed">{text('none')}</Text> : null}
      {isProjector ? null : (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('item')}</Table.Th>
              <Table.Th>{text('count')}</Table.Th>
              <Table.Th>
                {results.x.label} ({text('mean')} ± {text('spread')})
              </Table.Th>
              <Table.Th>
                {results.y.label} ({text('mean')} ± {text('spread')})
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.label}</Table.Td>
                <Table.Td>{item.count}</Table.Td>
                <Table.Td>
                  {round(item.x)} ± {round(item.spreadX)}
                </Table.Td>
                <Table.Td>
                  {round(item.y)} ± {round(item.spreadY)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
