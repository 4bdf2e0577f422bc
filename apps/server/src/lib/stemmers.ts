import snowball from 'snowball-stemmers';

/**
 * French and English Snowball stemmers (M. Porter, "Snowball: A language for stemming algorithms",
 * 2001; the French and English (Porter2) algorithms of snowballstem.org), as search-term processors:
 * lower case → stem (the French algorithm reads accents, so it runs before they are dropped) → accents
 * stripped, so « expériences », "experience" and "EXPÉRIENCE" meet on one term.
 */
const STEMMERS = { fr: snowball.newStemmer('french'), en: snowball.newStemmer('english') };
export type StemLanguage = keyof typeof STEMMERS;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

const STOP: Record<StemLanguage, Set<string>> = {
  fr: new Set([
    'le',
    'la',
    'les',
    'de',
    'des',
    'du',
    'un',
    'une',
    'et',
    'ou',
    'en',
    'au',
    'aux',
    'pour',
    'par',
    'sur',
    'avec',
    'dans',
    'est',
    'que',
    'qui',
    'a',
    'l',
    'd',
  ]),
  en: new Set([
    'the',
    'a',
    'an',
    'of',
    'and',
    'or',
    'to',
    'in',
    'on',
    'for',
    'with',
    'by',
    'is',
    'was',
    'it',
    'that',
  ]),
};

export function stemTerm(term: string, language: StemLanguage): string | null {
  const lower = term.toLowerCase();
  if (STOP[language].has(fold(lower))) {
    return null;
  }
  return fold(STEMMERS[language].stem(lower));
}
