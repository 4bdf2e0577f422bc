/** @module The timer's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const timerStrings = bilingual(
  { name: 'Minuteur', hint: 'Un compte à rebours affiché pour tous, pour un exercice ou une pause.' },
  { name: 'Timer', hint: 'A countdown shown to everyone, for an exercise or a break.' },
);
