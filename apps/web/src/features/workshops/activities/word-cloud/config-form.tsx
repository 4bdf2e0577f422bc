/** @module Word-cloud config: the defaults; only a title. */
import { ACTIVITY_DEFAULTS } from '@essaim/core/live';
import { NoConfigFields } from '../shared/config-fields';
import type { ConfigContext } from '../types';

export const WordCloudConfigForm = NoConfigFields;

export function buildWordCloud({ name }: ConfigContext) {
  return { type: 'wordCloud' as const, title: name, config: { ...ACTIVITY_DEFAULTS.wordCloud } };
}
