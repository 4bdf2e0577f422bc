/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildDotVote, DotVoteConfigForm } from './config-form';
import { DotVoteInput } from './input';
import { DotVoteResultsView, dotVoteRows } from './results';
import { dotVoteStrings } from './strings';

export const dotVoteScreens: ActivityScreens<'dotVote'> = {
  Input: DotVoteInput,
  Results: DotVoteResultsView,
  ConfigForm: DotVoteConfigForm,
  buildSpec: buildDotVote,
  chartRows: dotVoteRows,
  strings: dotVoteStrings,
};
