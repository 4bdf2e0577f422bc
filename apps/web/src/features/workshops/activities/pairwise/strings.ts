/** @module The pairwise comparison's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const pairwiseStrings = bilingual(
  {
    name: 'Comparaison par paires',
    hint: 'Les participants choisissent le meilleur de deux éléments, une paire à la fois ; les forces sont estimées par le modèle de Bradley–Terry.',
  },
  {
    name: 'Pairwise comparison',
    hint: 'Participants pick the better of two items, one pair at a time; strengths are estimated with the Bradley–Terry model.',
  },
);
