/** @module Rating config: the items and the scale. */
import type { RatingScale } from '@essaim/core/live';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ItemsField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function RatingConfigForm(props: ConfigFormProps) {
  const { t } = useTranslation();
  return (
    <>
      <ItemsField {...props} />
      <Select
        label={t('workshop.add.scale')}
        data={[
          { value: 'oneToFive', label: t('workshop.add.scales.oneToFive') },
          { value: 'zeroToTen', label: t('workshop.add.scales.zeroToTen') },
        ]}
        value={props.values.scale}
        onChange={(v) => v && props.set('scale', v as RatingScale)}
        allowDeselect={false}
      />
    </>
  );
}

export function buildRating({ name, values, items }: ConfigContext) {
  return items.length > 0
    ? { type: 'rating' as const, title: name, config: { items, scale: values.scale } }
    : null;
}
