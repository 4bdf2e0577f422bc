/** @module 2×2 matrix config: the items (typed or taken from an earlier activity) and the two axes. */
import type { MatrixAxis } from '@essaim/core/live';
import { ACTIVITY_DEFAULTS } from '@essaim/core/live';
import { Group, Stack, TextInput } from '@mantine/core';
import { ItemsField, TakeItemsField } from '../shared/config-fields';
import { useActivityText } from '../shared/strings';
import type { ConfigContext, ConfigFormProps } from '../types';
import { matrixStrings } from './strings';

function axisOf(extra: Readonly<Record<string, unknown>>, key: 'x' | 'y'): MatrixAxis {
  const given = extra[key] as Partial<MatrixAxis> | undefined;
  const fallback = ACTIVITY_DEFAULTS.matrix[key];
  return {
    label: given?.label ?? fallback.label,
    low: given?.low ?? fallback.low,
    high: given?.high ?? fallback.high,
  };
}

function AxisFields({
  axis,
  legend,
  onChange,
}: {
  axis: MatrixAxis;
  legend: string;
  onChange: (a: MatrixAxis) => void;
}) {
  const text = useActivityText(matrixStrings);
  return (
    <Group grow align="flex-end">
      <TextInput
        label={legend}
        value={axis.label}
        maxLength={200}
        onChange={(e) => onChange({ ...axis, label: e.currentTarget.value })}
      />
      <TextInput
        label={text('low')}
        value={axis.low}
        maxLength={200}
        onChange={(e) => onChange({ ...axis, low: e.currentTarget.value })}
      />
      <TextInput
        label={text('high')}
        value={axis.high}
        maxLength={200}
        onChange={(e) => onChange({ ...axis, high: e.currentTarget.value })}
      />
    </Group>
  );
}

export function MatrixConfigForm(props: ConfigFormProps) {
  const text = useActivityText(matrixStrings);
  const { values, set } = props;
  return (
    <Stack gap="sm">
      <TakeItemsField {...props} />
      <ItemsField {...props} />
      <AxisFields
        axis={axisOf(values.extra, 'x')}
        legend={text('xAxis')}
        onChange={(x) => set('extra', { ...values.extra, x })}
      />
      <AxisFields
        axis={axisOf(values.extra, 'y')}
        legend={text('yAxis')}
        onChange={(y) => set('extra', { ...values.extra, y })}
      />
    </Stack>
  );
}

export function buildMatrix({ name, values, items }: ConfigContext) {
  const x = axisOf(values.extra, 'x');
  const y = axisOf(values.extra, 'y');
  const isComplete = [x.label, x.low, x.high, y.label, y.low, y.high].every((t) => t.trim() !== '');
  return items.length > 0 && isComplete
    ? { type: 'matrix' as const, title: name, config: { items, x, y } }
    : null;
}
