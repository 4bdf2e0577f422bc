/** @module Fist-to-five config: the proposal and whether names are shown. */
import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProposalField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function FistToFiveConfigForm(props: ConfigFormProps) {
  const { t } = useTranslation();
  return (
    <>
      <ProposalField {...props} maxLength={2000} />
      <Checkbox
        label={t('workshop.fist.showNames')}
        description={t('workshop.fist.showNamesHelp')}
        checked={props.values.showNames}
        onChange={(e) => props.set('showNames', e.currentTarget.checked)}
        data-testid="fist-show-names"
      />
    </>
  );
}

export function buildFistToFive({ name, values }: ConfigContext) {
  const proposal = values.proposal.trim();
  const showNames = values.showNames;
  return proposal
    ? {
        type: 'fistToFive' as const,
        title: name,
        config: showNames ? { proposal, showNames } : { proposal },
      }
    : null;
}
