/** @module Dot-vote config: the items and the dots each participant has. */
import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ItemsField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function DotVoteConfigForm(props: ConfigFormProps) {
  const { t } = useTranslation();
  return (
    <>
      <ItemsField {...props} />
      <NumberInput
        label={t('workshop.add.dots')}
        min={1}
        max={20}
        value={props.values.dots}
        onChange={(v) => props.set('dots', v)}
      />
    </>
  );
}

export function buildDotVote({ name, values, items }: ConfigContext) {
  return items.length > 0
    ? {
        type: 'dotVote' as const,
        title: name,
        config: { items, dotsPerParticipant: Number(values.dots) || 3, maxPerItem: Number(values.dots) || 3 },
      }
    : null;
}
