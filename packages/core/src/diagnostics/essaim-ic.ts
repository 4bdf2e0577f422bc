/**
 * @module The built-in "Essaim IC diagnostic": full version (45 items) and pulse (12 items).
 *
 * The pulse keeps a subset of the full items under the same ids, so a full campaign can be
 * rescored as a pulse (see {@link restrictInstrument}) and compared before/after.
 */
import { restrictInstrument } from './build-instrument';
import { ESSAIM_IC_CONSTRUCTS } from './essaim-ic-constructs';
import { ESSAIM_IC_ITEMS } from './essaim-ic-items';
import type { Instrument } from './instrument';

/** Full Essaim IC diagnostic. Also serves as the item bank for custom instruments. */
export const ESSAIM_IC: Instrument = {
  id: 'essaim-ic',
  version: '1.0.0',
  name: {
    fr: 'Diagnostic Essaim d’intelligence collective',
    en: 'Essaim collective intelligence diagnostic',
  },
  constructs: ESSAIM_IC_CONSTRUCTS,
  items: ESSAIM_IC_ITEMS,
};

/** Item ids of the pulse version, a subset of {@link ESSAIM_IC}. */
export const ESSAIM_IC_PULSE_ITEM_IDS: readonly string[] = [
  'relational-needs',
  'rational-facts',
  'emotional-tensions',
  'creative-together',
  'innovative-trials',
  'safety-speaking-up',
  'safety-asking-help',
  'trust-hard-times',
  'direction-one-sentence',
  'energy-after-meetings',
  'open-helps',
  'open-hinders',
];

/** Pulse Essaim IC diagnostic (12 items). */
export const ESSAIM_IC_PULSE: Instrument = {
  ...restrictInstrument(ESSAIM_IC, ESSAIM_IC_PULSE_ITEM_IDS, 'essaim-ic-pulse'),
  name: { fr: 'Pouls Essaim d’intelligence collective', en: 'Essaim collective intelligence pulse' },
};
