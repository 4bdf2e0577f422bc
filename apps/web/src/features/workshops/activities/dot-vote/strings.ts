/** @module The dot voting's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const dotVoteStrings = bilingual(
  { name: 'Vote par gommettes', hint: 'Chaque participant répartit quelques gommettes entre les éléments.' },
  { name: 'Dot voting', hint: 'Each participant spreads a few dots over the items.' },
);
