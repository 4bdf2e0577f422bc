/** @module Brainstorm config: the defaults; only a title. */
import { ACTIVITY_DEFAULTS } from '@essaim/core/live';
import { NoConfigFields } from '../shared/config-fields';
import type { ConfigContext } from '../types';

export const BrainstormConfigForm = NoConfigFields;

export function buildBrainstorm({ name }: ConfigContext) {
  return { type: 'brainstorm' as const, title: name, config: { ...ACTIVITY_DEFAULTS.brainstorm } };
}
