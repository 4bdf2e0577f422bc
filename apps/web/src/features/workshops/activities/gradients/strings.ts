/** @module The gradients of agreement's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const gradientsStrings = bilingual(
  {
    name: "Degrés d'accord",
    hint: 'Huit niveaux, du plein soutien au veto, pour voir les nuances de l’accord.',
  },
  {
    name: 'Gradients of agreement',
    hint: 'Eight levels from full support to veto, to see nuances of agreement.',
  },
);
