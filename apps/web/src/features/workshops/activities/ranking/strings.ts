/** @module The ranking's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const rankingStrings = bilingual(
  {
    name: 'Classement',
    hint: 'Chaque participant ordonne tous les éléments ; l’ordre du groupe est calculé par la méthode de Borda, avec l’ampleur des désaccords.',
  },
  {
    name: 'Ranking',
    hint: 'Each participant orders every item; the group order is computed by Borda count, with how much people disagree.',
  },
);
