/** @module The poll's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const pollStrings = bilingual(
  { name: 'Sondage', hint: 'Une réponse par participant parmi les options.' },
  { name: 'Poll', hint: 'One answer per participant among the options.' },
);
