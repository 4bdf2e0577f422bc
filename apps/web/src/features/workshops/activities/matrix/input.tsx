/** @module A participant's phone in a 2×2 matrix: two sliders per item (the matrix's axes). */
import { ownStateOf } from '@essaim/core/live';
import { Badge, Group, Paper, Slider, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useActivityText } from '../shared/strings';
import type { InputProps } from '../types';
import { matrixStrings } from './strings';

export function MatrixInput({ state, activity, me, session }: InputProps<'matrix'>) {
  const text = useActivityText(matrixStrings);
  const mine = (ownStateOf(state, me).activities[activity.id]?.mine ?? {}) as Record<
    string,
    readonly [number, number]
  >;
  const [draft, setDraft] = useState<Record<string, [number, number]>>({});
  const { x, y } = activity.config;
  const place = (itemId: string, point: [number, number]) =>
    session.send({ type: 'matrix.place', activityId: activity.id, itemId, x: point[0], y: point[1] });
  return (
    <Stack gap="sm">
      <Text size="sm">{text('place')}</Text>
      {activity.config.items.map((item) => {
        const placed = mine[item.id];
        const point: [number, number] = draft[item.id] ?? (placed ? [placed[0], placed[1]] : [50, 50]);
        const change = (next: [number, number]) => setDraft((d) => ({ ...d, [item.id]: next }));
        return (
          <Paper key={item.id} withBorder p="sm" radius="md" data-testid="matrix-item">
            <Group justify="space-between" mb={4}>
              <Text fw={600}>{item.label}</Text>
              <Badge variant={placed ? 'light' : 'outline'} color={placed ? 'teal' : 'gray'}>
                {placed ? text('placed') : text('notPlaced')}
              </Badge>
            </Group>
            {(['x', 'y'] as const).map((axisKey, i) => {
              const axis = axisKey === 'x' ? x : y;
              return (
                <Stack key={axisKey} gap={2} mt={6}>
                  <Text size="xs" c="dimmed" id={`${activity.id}-${item.id}-${axisKey}`}>
                    {text('axisOf', { axis: axis.label, low: axis.low, high: axis.high })}
                  </Text>
                  <Slider
                    min={0}
                    max={100}
                    value={point[i]!}
                    label={null}
                    aria-labelledby={`${activity.id}-${item.id}-${axisKey}`}
                    thumbLabel={`${item.label} — ${axis.label}`}
                    data-testid={`matrix-${axisKey}`}
                    onChange={(v) => change(i === 0 ? [v, point[1]] : [point[0], v])}
                    onChangeEnd={(v) => place(item.id, i === 0 ? [v, point[1]] : [point[0], v])}
                  />
                </Stack>
              );
            })}
          </Paper>
        );
      })}
    </Stack>
  );
}
