/** @module Config fields several kinds share: the items, one per line, and the proposal. */
import { Group, NumberInput, Select, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigFormProps } from '../types';
import { bilingual, useActivityText } from './strings';

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

const takeStrings = bilingual(
  {
    name: 'Reprendre des éléments',
    hint: 'Copie dans la liste les éléments d’une activité précédente.',
    from: 'Reprendre les éléments de',
    none: 'Aucune (saisie libre)',
    top: 'Combien (les premiers)',
  },
  {
    name: 'Take items',
    hint: 'Copies the items of an earlier activity into the list.',
    from: 'Take the items of',
    none: 'None (type them)',
    top: 'How many (the first ones)',
  },
);

/**
 * Items taken from an earlier activity's results (a brainstorm's cards, a cluster's groups, a matrix's
 * items by priority), the first `top` of them, copied into the items textarea where they can be edited.
 */
export function TakeItemsField({ activities, labelsOf, set, top = 0 }: ConfigFormProps & { top?: number }) {
  const text = useActivityText(takeStrings);
  const [from, setFrom] = useState<string | null>(null);
  const [count, setCount] = useState<number | string>(top);
  const fill = (id: string | null, n: number | string) => {
    if (id === null) {
      return;
    }
    const labels = labelsOf(id);
    const limit = Number(n) > 0 ? Number(n) : labels.length;
    set('lines', labels.slice(0, limit).join('\n'));
  };
  const sources = activities.filter((a) => labelsOf(a.value).length > 0);
  if (sources.length === 0) {
    return null;
  }
  return (
    <Group grow align="flex-end">
      <Select
        label={text('from')}
        placeholder={text('none')}
        data={sources.map((a) => ({ value: a.value, label: a.label }))}
        value={from}
        clearable
        onChange={(v) => {
          setFrom(v);
          fill(v, count);
        }}
        data-testid="take-items-from"
      />
      <NumberInput
        label={text('top')}
        min={0}
        max={200}
        value={count}
        onChange={(v) => {
          setCount(v);
          fill(from, v);
        }}
      />
    </Group>
  );
}
