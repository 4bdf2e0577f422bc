/**
 * @module Normalised word frequencies for the word cloud (French and English).
 *
 * A word's key is its lower-case, accent-free form (Unicode NFD, marks removed), so "Équipe",
 * "équipe" and "equipe" count together; the displayed form is the most frequent lower-case
 * spelling (ties: first seen). Tokens are runs of letters, digits, apostrophe-free; stop words of
 * both languages (shared list of `../diagnostics/stop-words`) and one-letter tokens are dropped.
 * `weight` = count / max count (font scale), `frequency` = count / all kept tokens.
 */
import { STOP_WORDS } from '../diagnostics/stop-words';

export interface WordFrequency {
  readonly word: string;
  readonly count: number;
  readonly weight: number;
  readonly frequency: number;
}

function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Kept tokens of a text as `[key, displayed form]` pairs. */
export function wordTokens(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const key = foldAccents(raw);
    if (key.length >= 2 && !STOP_WORDS.has(key)) {
      out.push([key, raw.normalize('NFC')]);
    }
  }
  return out;
}

/**
 * Word frequencies over texts, most frequent first (ties alphabetical by key).
 * @example countWords(['Les équipes', 'equipes!'])[0] // { word: 'équipes', count: 2, weight: 1, frequency: 1 }
 */
export function countWords(texts: readonly string[], limit = 100): WordFrequency[] {
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  let total = 0;
  for (const text of texts) {
    for (const [key, form] of wordTokens(text)) {
      let entry = counts.get(key);
      if (entry === undefined) {
        entry = { count: 0, forms: new Map() };
        counts.set(key, entry);
      }
      entry.count += 1;
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      total += 1;
    }
  }
  const rows = [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit);
  const max = rows[0]?.[1].count ?? 1;
  return rows.map(([key, { count, forms }]) => {
    let word = key;
    let best = 0;
    for (const [form, n] of forms) {
      if (n > best) {
        word = form;
        best = n;
      }
    }
    return { word, count, weight: count / max, frequency: count / total };
  });
}
