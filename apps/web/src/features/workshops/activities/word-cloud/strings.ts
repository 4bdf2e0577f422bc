/** @module The word cloud's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const wordCloudStrings = bilingual(
  { name: 'Nuage de mots', hint: 'Des réponses courtes qui forment un nuage des mots les plus fréquents.' },
  { name: 'Word cloud', hint: 'Short answers that form a cloud of the most frequent words.' },
);
