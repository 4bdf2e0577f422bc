/// <reference path="./snowball-stemmers.d.ts" />
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

/**
 * Stems of words already seen: the Snowball port costs tens of microseconds a word and a library's
 * vocabulary is small, so a bounded memo makes indexing cost a map lookup per word. It holds results
 * of a pure function (no per-app state); it is cleared when full.
 */
const MEMO_LIMIT = 100_000;
const memo: Record<StemLanguage, Map<string, string | null>> = { fr: new Map(), en: new Map() };

export function stemTerm(term: string, language: StemLanguage): string | null {
  const lower = term.toLowerCase();
  const cache = memo[language];
  const known = cache.get(lower);
  if (known !== undefined) {
    return known;
  }
  const stem = STOP[language].has(fold(lower)) ? null : fold(STEMMERS[language].stem(lower));
  if (cache.size >= MEMO_LIMIT) {
    cache.clear();
  }
  cache.set(lower, stem);
  return stem;
}
