/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildFistToFive, FistToFiveConfigForm } from './config-form';
import { FistToFiveInput } from './input';
import { FistToFiveResultsView, fistToFiveRows } from './results';
import { fistToFiveStrings } from './strings';

export const fistToFiveScreens: ActivityScreens<'fistToFive'> = {
  Input: FistToFiveInput,
  Results: FistToFiveResultsView,
  ConfigForm: FistToFiveConfigForm,
  buildSpec: buildFistToFive,
  chartRows: fistToFiveRows,
  strings: fistToFiveStrings,
};
