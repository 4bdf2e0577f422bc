/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildGradients, GradientsConfigForm } from './config-form';
import { GradientsInput } from './input';
import { GradientsResultsView, gradientsRows } from './results';
import { gradientsStrings } from './strings';

export const gradientsScreens: ActivityScreens<'gradients'> = {
  Input: GradientsInput,
  Results: GradientsResultsView,
  ConfigForm: GradientsConfigForm,
  buildSpec: buildGradients,
  chartRows: gradientsRows,
  strings: gradientsStrings,
};
