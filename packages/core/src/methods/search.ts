/**
 * @module Accent-insensitive full-text search and filters over the method catalogue.
 *
 * Normalisation: Unicode NFD, combining marks stripped, lower case, every run of
 * non-alphanumeric characters becomes a separator. So « Débat » matches "debat" and
 * "l’écoute" yields the token "ecoute". Query tokens match indexed tokens by prefix
 * ("brainstorm" finds "brainstorming"), and every query token must match (AND).
 *
 * Field weights: name 5, id 4, purpose 2, steps/advantages/drawbacks/contra-indications/
 * materials 1, source and credit 0.5. A hit's score is the sum, over query tokens, of the
 * best weight that token matched.
 */
import type {
  FacilitationSkill,
  IcForm,
  Language,
  LiveActivityType,
  Method,
  MethodFamily,
  TrustLevel,
} from './types';

/** Words too common to be useful as query terms. */
const STOPWORDS = new Set([
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
  'the',
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
]);

/** Lower-cases, strips diacritics (NFD) and replaces punctuation with spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a text into normalised tokens of at least two characters (digits always kept). */
export function tokenise(text: string): string[] {
  const normalised = normaliseText(text);
  if (normalised === '') {
    return [];
  }
  return normalised.split(' ').filter((token) => token.length >= 2 || /\d/.test(token));
}

/** Filters applied before (or without) a text query. All set criteria must hold. */
export interface MethodFilters {
  /** Keep methods of any of these families. */
  readonly families?: readonly MethodFamily[];
  /** Keep methods serving at least one of these IC forms. */
  readonly icForms?: readonly IcForm[];
  /** Keep methods whose group-size range contains this number of participants. */
  readonly groupSize?: number;
  /** Keep methods whose minimum duration fits in this many minutes. */
  readonly maxDurationMinutes?: number;
  /** Keep methods that can run in this mode (`both` methods always pass). */
  readonly mode?: 'online' | 'onsite';
  /** Keep methods needing at most this facilitation skill. */
  readonly maxSkill?: FacilitationSkill;
  /** Keep methods needing at most this trust level. */
  readonly maxTrust?: TrustLevel;
  /** Keep methods with this live activity. */
  readonly liveActivity?: LiveActivityType;
}

/** True when the method satisfies every filter that is set. */
export function matchesFilters(method: Method, filters: MethodFilters): boolean {
  if (
    filters.families !== undefined &&
    filters.families.length > 0 &&
    !filters.families.includes(method.family)
  ) {
    return false;
  }
  if (
    filters.icForms !== undefined &&
    filters.icForms.length > 0 &&
    !method.icForms.some((form) => filters.icForms?.includes(form))
  ) {
    return false;
  }
  if (
    filters.groupSize !== undefined &&
    !isInRange(filters.groupSize, method.groupSize.min, method.groupSize.max)
  ) {
    return false;
  }
  if (filters.maxDurationMinutes !== undefined && method.durationMinutes.min > filters.maxDurationMinutes) {
    return false;
  }
  if (filters.mode !== undefined && !isModeCompatible(method, filters.mode)) {
    return false;
  }
  if (filters.maxSkill !== undefined && method.facilitationSkill > filters.maxSkill) {
    return false;
  }
  if (filters.maxTrust !== undefined && method.trustRequired > filters.maxTrust) {
    return false;
  }
  if (filters.liveActivity !== undefined && method.liveActivity !== filters.liveActivity) {
    return false;
  }
  return true;
}

/** The method with this id, if any. */
export function findMethodById(catalogue: readonly Method[], id: string): Method | undefined {
  return catalogue.find((method) => method.id === id);
}

/** The methods satisfying the filters, in catalogue order. */
export function filterMethods(catalogue: readonly Method[], filters: MethodFilters): Method[] {
  return catalogue.filter((method) => matchesFilters(method, filters));
}

/** True when a method can run in the requested mode. */
export function isModeCompatible(method: Method, mode: 'online' | 'onsite'): boolean {
  return method.mode === 'both' || method.mode === mode;
}

export interface SearchOptions {
  /** Free text; empty or absent returns every filtered method. */
  readonly query?: string;
  /** Restrict text matching to one language; default searches both. */
  readonly language?: Language;
  readonly filters?: MethodFilters;
  /** Maximum number of hits (default: all). */
  readonly limit?: number;
}

export interface SearchHit {
  readonly method: Method;
  /** Relevance; 0 when there is no query. */
  readonly score: number;
  /** Normalised query tokens that matched. */
  readonly matchedTerms: readonly string[];
}

/**
 * Searches the catalogue. Results are sorted by score (descending) then id, or kept in
 * catalogue order when the query is empty.
 *
 * @example searchMethods(METHOD_CATALOGUE, { query: 'debat', filters: { mode: 'onsite' } })
 */
export function searchMethods(catalogue: readonly Method[], options: SearchOptions = {}): SearchHit[] {
  const filtered = options.filters === undefined ? catalogue : filterMethods(catalogue, options.filters);
  const queryTokens = [...new Set(tokenise(options.query ?? ''))].filter((token) => !STOPWORDS.has(token));
  const hits: SearchHit[] = [];
  if (queryTokens.length === 0) {
    for (const method of filtered) {
      hits.push({ method, score: 0, matchedTerms: [] });
    }
    return applyLimit(hits, options.limit);
  }
  for (const method of filtered) {
    const index = indexMethod(method, options.language);
    let score = 0;
    let isMatch = true;
    for (const queryToken of queryTokens) {
      let best = 0;
      for (const [token, weight] of index) {
        if (weight > best && token.startsWith(queryToken)) {
          best = weight;
        }
      }
      if (best === 0) {
        isMatch = false;
        break;
      }
      score += best;
    }
    if (isMatch) {
      hits.push({ method, score, matchedTerms: queryTokens });
    }
  }
  hits.sort((a, b) => b.score - a.score || compareIds(a.method.id, b.method.id));
  return applyLimit(hits, options.limit);
}

function applyLimit(hits: SearchHit[], limit: number | undefined): SearchHit[] {
  return limit === undefined ? hits : hits.slice(0, Math.max(0, limit));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isInRange(value: number, min: number, max: number | null): boolean {
  return value >= min && (max === null || value <= max);
}

/** Token → best field weight, cached per method object and language. */
const indexCache = new WeakMap<Method, Map<string, Map<string, number>>>();

function indexMethod(method: Method, language: Language | undefined): Map<string, number> {
  const key = language ?? 'all';
  let perLanguage = indexCache.get(method);
  if (perLanguage === undefined) {
    perLanguage = new Map();
    indexCache.set(method, perLanguage);
  }
  const cached = perLanguage.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const index = new Map<string, number>();
  const languages: readonly Language[] = language === undefined ? ['fr', 'en'] : [language];
  const add = (text: string, weight: number): void => {
    for (const token of tokenise(text)) {
      if ((index.get(token) ?? 0) < weight) {
        index.set(token, weight);
      }
    }
  };
  add(method.id, 4);
  add(method.source, 0.5);
  add(method.credit, 0.5);
  for (const lang of languages) {
    add(method.name[lang], 5);
    add(method.purpose[lang], 2);
    for (const list of [
      method.steps,
      method.advantages,
      method.drawbacks,
      method.contraIndications,
      method.materials,
    ]) {
      for (const item of list) {
        add(item[lang], 1);
      }
    }
  }
  perLanguage.set(key, index);
  return index;
}
