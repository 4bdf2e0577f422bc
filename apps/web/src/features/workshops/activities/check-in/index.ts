/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildCheckIn, CheckInConfigForm } from './config-form';
import { CheckInInput } from './input';
import { CheckInResultsView, checkInRows } from './results';
import { checkInStrings } from './strings';

export const checkInScreens: ActivityScreens<'checkIn'> = {
  Input: CheckInInput,
  Results: CheckInResultsView,
  ConfigForm: CheckInConfigForm,
  buildSpec: buildCheckIn,
  chartRows: checkInRows,
  strings: checkInStrings,
};
