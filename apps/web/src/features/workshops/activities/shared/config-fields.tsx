/** @module Config fields several kinds share: the items, one per line, and the proposal. */
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConfigFormProps } from '../types';

/** Items (or options), one per line; pairwise says how many pairs that makes. */
export function ItemsField({ values, set, items, isPairs = false }: ConfigFormProps & { isPairs?: boolean }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('workshop.add.items')}
      description={t(isPairs ? 'workshop.add.pairsHelp' : 'workshop.add.itemsHelp', {
        count: (items.length * (items.length - 1)) / 2,
      })}
      autosize
      minRows={3}
      value={values.lines}
      onChange={(e) => set('lines', e.currentTarget.value)}
    />
  );
}

export function ProposalField({ values, set, maxLength }: ConfigFormProps & { maxLength: number }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('workshop.add.proposal')}
      autosize
      minRows={2}
      value={values.proposal}
      onChange={(e) => set('proposal', e.currentTarget.value)}
      maxLength={maxLength}
    />
  );
}

/** For kinds whose defaults are all they need: the title is the only field. */
export function NoConfigFields(_props: ConfigFormProps) {
  return null;
}
