/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildPoll, PollConfigForm } from './config-form';
import { PollInput } from './input';
import { PollResultsView, pollRows } from './results';
import { pollStrings } from './strings';

export const pollScreens: ActivityScreens<'poll'> = {
  Input: PollInput,
  Results: PollResultsView,
  ConfigForm: PollConfigForm,
  buildSpec: buildPoll,
  chartRows: pollRows,
  strings: pollStrings,
};
