/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildPairwise, PairwiseConfigForm } from './config-form';
import { PairwiseInput } from './input';
import { PairwiseResultsView, pairwiseRows } from './results';
import { pairwiseStrings } from './strings';

export const pairwiseScreens: ActivityScreens<'pairwise'> = {
  Input: PairwiseInput,
  Results: PairwiseResultsView,
  ConfigForm: PairwiseConfigForm,
  buildSpec: buildPairwise,
  chartRows: pairwiseRows,
  strings: pairwiseStrings,
};
