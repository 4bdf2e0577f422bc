/** @module The brainstorm's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const brainstormStrings = bilingual(
  { name: 'Remue-méninges', hint: 'Les participants envoient des cartes d’idées, signées ou anonymes.' },
  { name: 'Brainstorm', hint: 'Participants send idea cards, signed or anonymous.' },
);
