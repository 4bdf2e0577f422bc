/** @module Pairwise config: two items or more (the help says how many pairs). */
import { ACTIVITY_DEFAULTS } from '@essaim/core/live';
import { ItemsField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function PairwiseConfigForm(props: ConfigFormProps) {
  return <ItemsField {...props} isPairs />;
}

export function buildPairwise({ name, items }: ConfigContext) {
  return items.length > 1
    ? { type: 'pairwise' as const, title: name, config: { ...ACTIVITY_DEFAULTS.pairwise, items } }
    : null;
}
