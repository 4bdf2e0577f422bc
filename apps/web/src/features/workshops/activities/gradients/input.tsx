/** @module What a participant does in gradients of agreement: pick one of eight levels. */
import { ownStateOf } from '@essaim/core/live';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScaleButtons } from '../shared/scale-buttons';
import type { InputProps } from '../types';

type GradientKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';

export function GradientsInput({ state, activity, me, session }: InputProps<'gradients'>) {
  const { t } = useTranslation();
  const mine = ownStateOf(state, me).activities[activity.id]?.mine;
  return (
    <Stack gap="sm">
      <Text>{(activity.config as { proposal: string }).proposal}</Text>
      <ScaleButtons
        values={[1, 2, 3, 4, 5, 6, 7, 8]}
        selected={(mine as number | null | undefined) ?? null}
        labelOf={(v) => t(`workshop.gradients.levels.${String(v) as GradientKey}`)}
        label={t('workshop.input.gradientsLabel')}
        onPick={(level) => session.send({ type: 'gradients.choose', activityId: activity.id, level })}
      />
      <Text size="sm" c="dimmed" data-testid="gradients-choice">
        {typeof mine === 'number'
          ? t('workshop.gradients.yourChoice', {
              level: mine,
              label: t(`workshop.gradients.levels.${String(mine) as GradientKey}`),
            })
          : t('workshop.gradients.help')}
      </Text>
    </Stack>
  );
}
