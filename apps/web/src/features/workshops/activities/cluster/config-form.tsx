/** @module Cluster config: which brainstorm’s cards to group. */
import { ACTIVITY_DEFAULTS } from '@essaim/core/live';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConfigContext, ConfigFormProps } from '../types';

export function ClusterConfigForm({ values, set, brainstorms }: ConfigFormProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('workshop.add.source')}
      data={brainstorms}
      value={values.source ?? brainstorms[0]?.value ?? null}
      onChange={(v) => set('source', v)}
      description={brainstorms.length === 0 ? t('workshop.add.needBrainstorm') : undefined}
    />
  );
}

export function buildCluster({ name, values, brainstorms }: ConfigContext) {
  const from = values.source ?? brainstorms[0]?.value;
  return from
    ? {
        type: 'cluster' as const,
        title: name,
        config: { ...ACTIVITY_DEFAULTS.cluster, sourceActivityId: from },
      }
    : null;
}
