/**
 * @module Themes of open answers, grouped by shared keywords (FR and EN).
 *
 * 1. Tokenise: lower case, strip accents (NFD), split on non-letters, drop stop words and
 *    tokens shorter than 3 letters.
 * 2. Light stemming ({@link stemWord}): strip common French and English inflections so that
 *    "réunion"/"réunions" or "meeting"/"meetings" share a stem. Deliberately crude: it only has
 *    to make plurals and verb forms meet, never to be linguistically right.
 * 3. Greedy cover: the stem present in the most not-yet-covered answers (ties: alphabetical)
 *    opens a theme holding those answers; repeat while a stem covers at least `minAnswers`.
 *    Keywords of a theme are the stems present in at least half of its answers.
 * Only ever run on a cell that passed the open-text threshold.
 */
import { STOP_WORDS } from './stop-words';

const SUFFIXES = [
  'ements',
  'ement',
  'ation',
  'ments',
  'ment',
  'ingly',
  'ing',
  'ites',
  'ite',
  'ity',
  'euse',
  'eux',
  'ive',
  'ion',
  'ee',
  'ed',
  'er',
  'ly',
  'e',
];

/**
 * Strip a plural s/x, then one common inflection, keeping at least 4 letters of stem.
 * @example stemWord('reunions') // 'reun'
 */
export function stemWord(word: string): string {
  const singular =
    (word.endsWith('s') || word.endsWith('x')) && !word.endsWith('ss') && word.length > 4
      ? word.slice(0, -1)
      : word;
  for (const suffix of SUFFIXES) {
    if (singular.endsWith(suffix) && singular.length - suffix.length >= 4) {
      return singular.slice(0, singular.length - suffix.length);
    }
  }
  return singular;
}

/** Lower-case, accent-free content words of a text (stop words removed). */
export function tokenise(text: string): string[] {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return plain.split(/[^\p{L}]+/u).filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

/** One theme: the answers sharing its keywords. */
export interface Theme {
  /** Most frequent surface word of the opening stem. */
  readonly label: string;
  /** Most frequent surface words of the theme's keywords. */
  readonly keywords: readonly string[];
  /** Number of answers in the theme. */
  readonly count: number;
  /** Positions of the theme's answers in the input. */
  readonly answerIndexes: readonly number[];
}

/** Options of {@link groupThemes}. */
export interface ThemeOptions {
  /** Smallest number of answers a theme must hold (default 2). */
  readonly minAnswers: number;
  /** Maximum number of themes (default 8). */
  readonly maxThemes: number;
}

/** An answer reduced to its stems, with the surface words behind each stem. */
export interface TokenisedAnswer {
  readonly stems: ReadonlySet<string>;
  readonly words: readonly (readonly [stem: string, word: string])[];
}

/** Tokenise and stem one answer (done once per answer, reused across cuts). */
export function tokeniseAnswer(text: string): TokenisedAnswer {
  const words = tokenise(text).map((word) => [stemWord(word), word] as const);
  return { stems: new Set(words.map(([stem]) => stem)), words };
}

/**
 * Group open answers into themes by shared keywords.
 * @example groupThemes(['Les réunions trop longues', 'Réunion sans fin', 'Good meetings'])
 */
export function groupThemes(answers: readonly string[], options: Partial<ThemeOptions> = {}): Theme[] {
  return groupTokenisedThemes(answers.map(tokeniseAnswer), options);
}

/** {@link groupThemes} on answers already tokenised with {@link tokeniseAnswer}. */
export function groupTokenisedThemes(
  answers: readonly TokenisedAnswer[],
  options: Partial<ThemeOptions> = {},
): Theme[] {
  const minAnswers = Math.max(1, options.minAnswers ?? 2);
  const maxThemes = options.maxThemes ?? 8;
  // Intern stems so that counting runs on typed arrays.
  const stemIds = new Map<string, number>();
  const stems: string[] = [];
  const wordCounts: Map<string, number>[] = [];
  const answerStems = answers.map((answer) => {
    for (const [stem, word] of answer.words) {
      let id = stemIds.get(stem);
      if (id === undefined) {
        id = stems.length;
        stemIds.set(stem, id);
        stems.push(stem);
        wordCounts.push(new Map());
      }
      const forms = wordCounts[id]!;
      forms.set(word, (forms.get(word) ?? 0) + 1);
    }
    return Int32Array.from(answer.stems, (stem) => stemIds.get(stem)!);
  });
  const byName = (a: number, b: number) => (stems[a]! < stems[b]! ? -1 : stems[a]! > stems[b]! ? 1 : 0);
  const surfaceOf = (id: number) => {
    let best = stems[id]!;
    let bestCount = 0;
    for (const [word, count] of wordCounts[id]!) {
      if (count > bestCount || (count === bestCount && word < best)) {
        best = word;
        bestCount = count;
      }
    }
    return best;
  };
  // Answers per stem among those not yet covered, kept up to date as themes take answers.
  const counts = new Int32Array(stems.length);
  for (const ids of answerStems) {
    for (const id of ids) {
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  const isCovered = new Uint8Array(answers.length);
  const themes: Theme[] = [];
  const shared = new Int32Array(stems.length);
  while (themes.length < maxThemes) {
    let best = -1;
    for (let id = 0; id < stems.length; id++) {
      const count = counts[id] ?? 0;
      if (best < 0 || count > (counts[best] ?? 0) || (count === counts[best] && byName(id, best) < 0)) {
        best = id;
      }
    }
    if (best < 0 || (counts[best] ?? 0) < minAnswers) {
      break;
    }
    const answerIndexes: number[] = [];
    shared.fill(0);
    answerStems.forEach((ids, index) => {
      if (isCovered[index] === 1 || !ids.includes(best)) {
        return;
      }
      answerIndexes.push(index);
      isCovered[index] = 1;
      for (const id of ids) {
        shared[id] = (shared[id] ?? 0) + 1;
        counts[id] = (counts[id] ?? 0) - 1;
      }
    });
    const keywords: number[] = [];
    for (let id = 0; id < stems.length; id++) {
      if ((shared[id] ?? 0) * 2 >= answerIndexes.length) {
        keywords.push(id);
      }
    }
    keywords.sort((a, b) => (shared[b] ?? 0) - (shared[a] ?? 0) || byName(a, b));
    themes.push({
      label: surfaceOf(best),
      keywords: keywords.slice(0, 5).map(surfaceOf),
      count: answerIndexes.length,
      answerIndexes,
    });
  }
  return themes;
}
