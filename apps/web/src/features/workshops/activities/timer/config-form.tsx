/** @module Timer config: the duration in minutes. */
import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConfigContext, ConfigFormProps } from '../types';

export function TimerConfigForm({ values, set }: ConfigFormProps) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('workshop.add.minutes')}
      min={1}
      max={240}
      value={values.minutes}
      onChange={(v) => set('minutes', v)}
    />
  );
}

export function buildTimer({ name, values }: ConfigContext) {
  return {
    type: 'timer' as const,
    title: name,
    config: { durationMs: Math.max(1, Number(values.minutes) || 5) * 60_000, isBreak: false },
  };
}
