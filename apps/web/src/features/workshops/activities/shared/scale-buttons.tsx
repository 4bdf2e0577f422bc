/** @module A row of equal number buttons (rating, fist-to-five, gradients). */
import { Button, Group } from '@mantine/core';

export function ScaleButtons({
  values,
  label,
  selected,
  labelOf,
  onPick,
}: {
  values: number[];
  label: string;
  selected: number | null;
  labelOf?: (v: number) => string;
  onPick: (v: number) => void;
}) {
  return (
    // One row on a 390 px phone: equal buttons sharing the width (at least 40 px each).
    <Group gap={6} role="group" aria-label={label} wrap="nowrap" grow preventGrowOverflow={false}>
      {values.map((v) => (
        <Button
          key={v}
          variant={selected === v ? 'filled' : 'default'}
          size="md"
          px={0}
          miw={0}
          aria-pressed={selected === v}
          title={labelOf?.(v)}
          aria-label={labelOf ? `${v}. ${labelOf(v)}` : undefined}
          onClick={() => onPick(v)}
        >
          {v}
        </Button>
      ))}
    </Group>
  );
}
