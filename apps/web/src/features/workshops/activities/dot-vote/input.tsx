/** @module What a participant does in a dot vote: place and take back dots. */
import { ownStateOf } from '@essaim/core/live';
import { ActionIcon, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputProps } from '../types';

export function DotVoteInput({ state, activity, me, session }: InputProps<'dotVote'>) {
  const { t } = useTranslation();
  const config = activity.config as unknown as { items: { id: string; label: string }[] };
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as
    | { dots: Record<string, number>; remaining: number }
    | undefined;
  const remaining = mine?.remaining ?? 0;
  return (
    <Stack gap="sm">
      <Text fw={600} role="status" aria-live="polite" data-testid="dots-remaining">
        {t('workshop.input.dotsRemaining', { count: remaining })}
      </Text>
      {config.items.map((item) => {
        const count = mine?.dots[item.id] ?? 0;
        return (
          <Paper key={item.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap">
              <Text style={{ flex: 1 }}>{item.label}</Text>
              <Group gap={6} wrap="nowrap">
                <ActionIcon
                  size="lg"
                  variant="default"
                  disabled={count === 0}
                  aria-label={t('workshop.input.removeDot', { label: item.label })}
                  onClick={() =>
                    session.send({ type: 'dotVote.revoke', activityId: activity.id, itemId: item.id })
                  }
                >
                  −
                </ActionIcon>
                <Text
                  fw={700}
                  w={28}
                  ta="center"
                  aria-label={t('workshop.input.dotsOn', { count, label: item.label })}
                >
                  {count}
                </Text>
                <ActionIcon
                  size="lg"
                  disabled={remaining === 0}
                  aria-label={t('workshop.input.addDot', { label: item.label })}
                  onClick={() =>
                    session.send({ type: 'dotVote.place', activityId: activity.id, itemId: item.id })
                  }
                >
                  +
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
