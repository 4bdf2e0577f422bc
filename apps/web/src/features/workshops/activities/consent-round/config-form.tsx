/** @module Consent round config: the proposal. */
import { ProposalField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function ConsentRoundConfigForm(props: ConfigFormProps) {
  return <ProposalField {...props} maxLength={5000} />;
}

export function buildConsentRound({ name, values }: ConfigContext) {
  const proposal = values.proposal.trim();
  return proposal ? { type: 'consentRound' as const, title: name, config: { proposal } } : null;
}
