/** @module The fist to five's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const fistToFiveStrings = bilingual(
  {
    name: 'Poing à cinq',
    hint: 'Une prise de température rapide : c’est validé quand chacun montre 3 doigts ou plus.',
  },
  { name: 'Fist to five', hint: 'A quick temperature check: it passes when everyone shows 3 or more.' },
);
