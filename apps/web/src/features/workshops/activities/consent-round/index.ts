/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildConsentRound, ConsentRoundConfigForm } from './config-form';
import { ConsentRoundInput } from './input';
import { ConsentRoundResultsView } from './results';
import { consentRoundStrings } from './strings';

export const consentRoundScreens: ActivityScreens<'consentRound'> = {
  Input: ConsentRoundInput,
  Results: ConsentRoundResultsView,
  ConfigForm: ConsentRoundConfigForm,
  buildSpec: buildConsentRound,
  strings: consentRoundStrings,
};
