/** @module The clustering's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const clusterStrings = bilingual(
  {
    name: 'Regroupement',
    hint: 'Vous regroupez en direct les cartes d’un remue-méninges dans des groupes nommés.',
  },
  { name: 'Clustering', hint: 'You sort the cards of a brainstorm into named groups, live.' },
);
