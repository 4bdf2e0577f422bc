/** @module A participant's phone in a budget allocation: points per item, what is left, send. */
import { ownStateOf } from '@essaim/core/live';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useActivityText } from '../shared/strings';
import type { InputProps } from '../types';
import { budgetStrings } from './strings';

export function BudgetInput({ state, activity, me, session }: InputProps<'budget'>) {
  const text = useActivityText(budgetStrings);
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as
    | { allocation: Record<string, number>; remaining: number }
    | undefined;
  const saved = mine?.allocation ?? {};
  const [draft, setDraft] = useState<Record<string, number> | null>(null);
  const current = draft ?? saved;
  const budget = activity.config.budget;
  const spent = Object.values(current).reduce((a, b) => a + b, 0);
  const isSaved = draft === null && Object.keys(saved).length > 0;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (spent <= budget) {
          session.send({ type: 'budget.allocate', activityId: activity.id, allocation: current });
          setDraft(null);
        }
      }}
    >
      <Stack gap="sm">
        <Text
          fw={600}
          role="status"
          aria-live="polite"
          c={spent > budget ? 'red' : undefined}
          data-testid="budget-remaining"
        >
          {spent > budget
            ? text('over', { n: spent - budget })
            : text('remaining', { n: budget - spent, budget })}
        </Text>
        {activity.config.items.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap">
            <Text style={{ flex: 1 }}>{item.label}</Text>
            <NumberInput
              w={110}
              min={0}
              max={budget}
              step={5}
              aria-label={text('pointsFor', { label: item.label })}
              value={current[item.id] ?? 0}
              onChange={(v) => setDraft({ ...current, [item.id]: Math.max(0, Math.floor(Number(v) || 0)) })}
            />
          </Group>
        ))}
        <Group>
          <Button type="submit" disabled={spent > budget || draft === null}>
            {text('send')}
          </Button>
          {isSaved ? (
            <Text size="sm" c="dimmed">
              {text('sent')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
