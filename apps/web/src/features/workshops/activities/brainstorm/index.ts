/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { BrainstormConfigForm, buildBrainstorm } from './config-form';
import { BrainstormInput } from './input';
import { BrainstormResultsView } from './results';
import { brainstormStrings } from './strings';

export const brainstormScreens: ActivityScreens<'brainstorm'> = {
  Input: BrainstormInput,
  Results: BrainstormResultsView,
  ConfigForm: BrainstormConfigForm,
  buildSpec: buildBrainstorm,
  strings: brainstormStrings,
};
