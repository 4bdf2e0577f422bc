/** @module Pairwise input: one pair at a time, from the participant’s own replica (core `nextPair`). */
import { nextPair } from '@essaim/core/live';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputProps } from '../types';

/** One pair at a time; the next pair is computed locally from this participant's replica. */
export function PairwiseInput({ activity, me, session }: InputProps<'pairwise'>) {
  const { t } = useTranslation();
  const pair = nextPair(activity, me);
  const done = Object.keys(activity.data.byParticipant[me] ?? {}).length;
  const n = activity.config.items.length;
  const total = Math.min(
    (n * (n - 1)) / 2,
    activity.config.maxComparisonsPerParticipant ?? Number.POSITIVE_INFINITY,
  );
  const labelOf = (id: string) => activity.config.items.find((i) => i.id === id)?.label ?? id;
  return (
    <Stack gap="sm">
      <Text size="sm" role="status" aria-live="polite" data-testid="pairwise-progress">
        {t('workshop.pairwise.progress', { done, total })}
      </Text>
      {pair === null ? (
        <Paper withBorder p="md" radius="md">
          <Text data-testid="pairwise-done">{t('workshop.pairwise.done')}</Text>
        </Paper>
      ) : (
        <Stack gap="xs" role="group" aria-label={t('workshop.pairwise.question')}>
          <Text fw={600}>{t('workshop.pairwise.question')}</Text>
          {[
            [pair.leftId, pair.rightId],
            [pair.rightId, pair.leftId],
          ].map(([winnerId, loserId]) => (
            <Button
              key={winnerId}
              size="lg"
              variant="light"
              h="auto"
              py="md"
              styles={{ label: { whiteSpace: 'normal' } }}
              onClick={() =>
                session.send({
                  type: 'pairwise.choose',
                  activityId: activity.id,
                  winnerId: winnerId as string,
                  loserId: loserId as string,
                })
              }
            >
              {labelOf(winnerId as string)}
            </Button>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
