/** @module The rating's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const ratingStrings = bilingual(
  {
    name: 'Notation',
    hint: 'Chaque élément reçoit une note ; les résultats montrent la moyenne et la dispersion.',
  },
  { name: 'Rating', hint: 'Each item gets a score; results show the mean and spread.' },
);
