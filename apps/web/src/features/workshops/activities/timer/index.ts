/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildTimer, TimerConfigForm } from './config-form';
import { TimerInput } from './input';
import { TimerResultsView } from './results';
import { timerStrings } from './strings';

export const timerScreens: ActivityScreens<'timer'> = {
  Input: TimerInput,
  Results: TimerResultsView,
  ConfigForm: TimerConfigForm,
  buildSpec: buildTimer,
  strings: timerStrings,
};
