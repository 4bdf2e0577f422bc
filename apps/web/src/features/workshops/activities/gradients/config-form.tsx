/** @module Gradients config: the proposal. */
import { ProposalField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function GradientsConfigForm(props: ConfigFormProps) {
  return <ProposalField {...props} maxLength={2000} />;
}

export function buildGradients({ name, values }: ConfigContext) {
  const proposal = values.proposal.trim();
  return proposal ? { type: 'gradients' as const, title: name, config: { proposal } } : null;
}
