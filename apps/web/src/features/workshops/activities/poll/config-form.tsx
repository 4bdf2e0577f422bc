/** @module Poll config: two options or more. */
import { ACTIVITY_DEFAULTS } from '@essaim/core/live';
import { ItemsField } from '../shared/config-fields';
import type { ConfigContext, ConfigFormProps } from '../types';

export function PollConfigForm(props: ConfigFormProps) {
  return <ItemsField {...props} />;
}

export function buildPoll({ name, items }: ConfigContext) {
  return items.length > 1
    ? { type: 'poll' as const, title: name, config: { ...ACTIVITY_DEFAULTS.poll, options: items } }
    : null;
}
