/** @module What a participant does in a rating: one score per item. */
import { ownStateOf, RATING_SCALES } from '@essaim/core/live';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScaleButtons } from '../shared/scale-buttons';
import type { InputProps } from '../types';

export function RatingInput({ state, activity, me, session }: InputProps<'rating'>) {
  const { t } = useTranslation();
  const mine = ownStateOf(state, me).activities[activity.id]?.mine;
  const { min, max } = RATING_SCALES[activity.config.scale];
  const scores = mine as Record<string, number> | null | undefined;
  return (
    <Stack gap="sm">
      {activity.config.items.map((item) => (
        <Stack key={item.id} gap={4}>
          <Text>{item.label}</Text>
          <ScaleButtons
            values={Array.from({ length: max - min + 1 }, (_, i) => min + i)}
            selected={scores?.[item.id] ?? null}
            label={t('workshop.input.rateLabel', { label: item.label, min, max })}
            onPick={(value) =>
              session.send({ type: 'rating.rate', activityId: activity.id, itemId: item.id, value })
            }
          />
        </Stack>
      ))}
    </Stack>
  );
}
