/** @module Budget config: the items (typed or the top ones of an earlier activity) and the points each. */
import { NumberInput, Stack } from '@mantine/core';
import { ItemsField, TakeItemsField } from '../shared/config-fields';
import { useActivityText } from '../shared/strings';
import type { ConfigContext, ConfigFormProps } from '../types';
import { budgetStrings } from './strings';

const budgetOf = (extra: Readonly<Record<string, unknown>>) =>
  typeof extra.budget === 'number' && extra.budget > 0 ? extra.budget : 100;

export function BudgetConfigForm(props: ConfigFormProps) {
  const text = useActivityText(budgetStrings);
  return (
    <Stack gap="sm">
      <TakeItemsField {...props} top={4} />
      <ItemsField {...props} />
      <NumberInput
        label={text('budget')}
        min={1}
        max={10_000}
        value={budgetOf(props.values.extra)}
        onChange={(v) => props.set('extra', { ...props.values.extra, budget: Number(v) || 100 })}
      />
    </Stack>
  );
}

export function buildBudget({ name, values, items }: ConfigContext) {
  return items.length > 0
    ? { type: 'budget' as const, title: name, config: { items, budget: budgetOf(values.extra) } }
    : null;
}
