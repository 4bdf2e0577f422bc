/** @module Ranking config: two items or more. */
import { ItemsField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function RankingConfigForm(props: ConfigFormProps) {
  return <ItemsField {...props} />;
}

export function buildRanking({ name, items }: ConfigContext) {
  return items.length > 1 ? { type: 'ranking' as const, title: name, config: { items } } : null;
}
