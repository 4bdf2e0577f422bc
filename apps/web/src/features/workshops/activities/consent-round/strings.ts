/** @module The consent round's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const consentRoundStrings = bilingual(
  {
    name: 'Tour de consentement',
    hint: 'Une décision par consentement : questions, réactions, puis objections que vous intégrez à la proposition.',
  },
  {
    name: 'Consent round',
    hint: 'A decision by consent: questions, reactions, then objections that you integrate into the proposal.',
  },
);
