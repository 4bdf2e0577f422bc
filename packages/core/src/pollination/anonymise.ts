/**
 * Names of people from the roster removed from free text, and the check that none is left.
 *
 * Matching is on words, not characters: the text is folded (Unicode NFD, combining marks dropped,
 * lower case, œ/æ/ß expanded) and cut into runs of letters and digits, keeping each run's position in
 * the original text. A name is folded and cut the same way, so « Hélène », "HELENE" and "helene" are
 * one name, "Jean-Pierre" and "Jean Pierre" too, and "Marie" never matches inside "Mariette".
 *
 * What counts as a name of a person (over-removal is the safe side: a shared text can be re-read,
 * a leaked name cannot be taken back):
 * - the whole display name (every word in order, e.g. "Anne-Laure Le Gall");
 * - each word of it on its own, except one-letter words and name particles ("de", "le", "van"…), so
 *   "Anne-Laure" alone or "Le Gall" alone is found;
 * - its initials written with full stops ("A.-L. G." or, particle included, "A.-L. L. G."), only when the
 *   name has two significant words or more and every letter is a capital followed by a stop (a bare
 *   "AL" is too often an ordinary word);
 * - a capital initial with a stop right after a found name ("Marie D.") goes with it.
 * The organisation's names, when asked, are found the same way (whole name and each significant word).
 */

export interface RosterEntry {
  readonly id: string;
  readonly name: string;
}

export interface NameHit {
  readonly personId: string;
  /** The text as written, e.g. "Hélène D." */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface AnonymiseOptions {
  /** Names of the organisation (legal name, usual name…) to remove too. */
  readonly organisationNames?: readonly string[];
  /** Word used in placeholders, e.g. "personne" → "[personne 1]". */
  readonly personLabel?: string;
  readonly organisationLabel?: string;
}

export interface AnonymiseResult {
  readonly text: string;
  readonly hits: readonly NameHit[];
}

/** Particles of names, never removed on their own (they are ordinary words of French and English). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'di',
  'da',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'el',
  'al',
  'bin',
  'ben',
  'ibn',
  'st',
  'ste',
  'saint',
  'sainte',
]);

export const ORGANISATION_ID = '#organisation';

/** Ordinary words of organisation names, never removed on their own. */
const ORGANISATION_STOP = new Set([
  'pour',
  'avec',
  'sans',
  'dans',
  'chez',
  'from',
  'with',
  'the',
  'and',
  'for',
  'des',
  'aux',
]);

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/** Folded form of each character seen (a text has few distinct characters; NFD per character is slow). */
const FOLDED = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    folded = foldCharUncached(ch);
    if (FOLDED.size < 10_000) {
      FOLDED.set(ch, folded);
    }
  }
  return folded;
}

function foldCharUncached(ch: string): string {
  const lower = ch.toLowerCase();
  const ligature = LIGATURES[lower];
  if (ligature) {
    return ligature;
  }
  return lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/** Words of a text with their positions in the original string (combining marks stay with their letter). */
export function wordsOf(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let start = -1;
  let index = 0;
  for (const ch of text) {
    const isWord = WORD_CHAR.test(ch) || (start >= 0 && MARK.test(ch));
    if (isWord) {
      if (start < 0) {
        start = index;
      }
      word += foldChar(ch);
    } else if (start >= 0) {
      tokens.push({ word, start, end: index });
      word = '';
      start = -1;
    }
    index += ch.length;
  }
  if (start >= 0) {
    tokens.push({ word, start, end: index });
  }
  return tokens.filter((t) => t.word !== '');
}

/** A folded word sequence to look for, and whether it is an initials pattern (needs "X." in the text). */
interface Pattern {
  readonly id: string;
  readonly words: readonly string[];
  readonly initials: boolean;
}

function patternsOf(id: string, name: string): Pattern[] {
  const words = wordsOf(name).map((t) => t.word);
  if (words.length === 0) {
    return [];
  }
  const patterns: Pattern[] = [{ id, words, initials: false }];
  const significant = words.filter((w) => w.length >= 2 && !NAME_PARTICLES.has(w) && !/^\d+$/.test(w));
  for (const w of significant) {
    patterns.push({ id, words: [w], initials: false });
  }
  if (significant.length >= 2) {
    patterns.push({ id, words: significant.map((w) => w[0]!), initials: true });
    // "J.-P. L. G." for Jean-Pierre Le Gall: the particle's initial written too.
    if (words.length > significant.length) {
      patterns.push({ id, words: words.map((w) => w[0]!), initials: true });
    }
  }
  return patterns;
}

/** A one-letter word written as a capital followed by a full stop ("D."). */
function isCapitalInitial(text: string, token: Token): boolean {
  const raw = text.slice(token.start, token.end);
  return token.word.length === 1 && raw !== raw.toLowerCase() && text[token.end] === '.';
}

function matchAt(text: string, tokens: readonly Token[], at: number, pattern: Pattern): number {
  if (at + pattern.words.length > tokens.length) {
    return 0;
  }
  for (let k = 0; k < pattern.words.length; k++) {
    const token = tokens[at + k]!;
    if (token.word !== pattern.words[k]) {
      return 0;
    }
    if (pattern.initials && !isCapitalInitial(text, token)) {
      return 0;
    }
  }
  return pattern.words.length;
}

/** Index of patterns by their first word, so a text is scanned once whatever the roster size. */
function indexPatterns(patterns: readonly Pattern[]): Map<string, Pattern[]> {
  const byFirst = new Map<string, Pattern[]>();
  for (const p of patterns) {
    const list = byFirst.get(p.words[0]!) ?? [];
    list.push(p);
    byFirst.set(p.words[0]!, list);
  }
  for (const list of byFirst.values()) {
    list.sort((a, b) => b.words.length - a.words.length);
  }
  return byFirst;
}

function buildPatterns(roster: readonly RosterEntry[], options: AnonymiseOptions): Map<string, Pattern[]> {
  const patterns = roster.flatMap((p) => patternsOf(p.id, p.name));
  for (const name of options.organisationNames ?? []) {
    // The whole name, and its distinctive words: "Direction de l'emploi et des solidarités" must not
    // take every "et" and "des" of the story with it.
    patterns.push(
      ...patternsOf(ORGANISATION_ID, name).filter(
        (p) =>
          !p.initials &&
          (p.words.length > 1 || (p.words[0]!.length >= 4 && !ORGANISATION_STOP.has(p.words[0]!))),
      ),
    );
  }
  return indexPatterns(patterns);
}

function scan(text: string, byFirst: Map<string, Pattern[]>): NameHit[] {
  const tokens = wordsOf(text);
  const hits: NameHit[] = [];
  let i = 0;
  while (i < tokens.length) {
    let length = 0;
    let id = '';
    for (const p of byFirst.get(tokens[i]!.word) ?? []) {
      const n = matchAt(text, tokens, i, p);
      if (n > length) {
        length = n;
        id = p.id;
      }
    }
    if (length === 0) {
      i++;
      continue;
    }
    let last = i + length - 1;
    // "Marie D." — a capital initial right after a person's name is part of it.
    const next = tokens[last + 1];
    if (
      id !== ORGANISATION_ID &&
      next &&
      isCapitalInitial(text, next) &&
      /^\s+$/.test(text.slice(tokens[last]!.end, next.start))
    ) {
      last++;
    }
    const start = tokens[i]!.start;
    let end = tokens[last]!.end;
    if (text[end] === '.' && tokens[last]!.word.length === 1) {
      end++;
    }
    const previous = hits[hits.length - 1];
    // "Jean-Pierre" = first name "Jean" + "Pierre": one mention, so one placeholder.
    if (previous?.personId === id && /^[\s-]+$/.test(text.slice(previous.end, start))) {
      hits[hits.length - 1] = { ...previous, text: text.slice(previous.start, end), end };
    } else {
      hits.push({ personId: id, text: text.slice(start, end), start, end });
    }
    i = last + 1;
  }
  return hits;
}

/** Names of roster people (and of the organisation, when given) found in a text. */
export function findNames(
  text: string,
  roster: readonly RosterEntry[],
  options: AnonymiseOptions = {},
): NameHit[] {
  return scan(text, buildPatterns(roster, options));
}

/**
 * Placeholders are numbered per person in order of first appearance across all the texts of one
 * experience (`numbering` is shared between calls), so "[personne 1]" is the same person everywhere.
 */
export function anonymiseText(
  text: string,
  roster: readonly RosterEntry[],
  options: AnonymiseOptions = {},
  numbering: Map<string, number> = new Map(),
): AnonymiseResult {
  const byFirst = buildPatterns(roster, options);
  const personLabel = safeLabel(options.personLabel ?? 'person', byFirst);
  const organisationLabel = safeLabel(options.organisationLabel ?? 'organisation', byFirst);
  const hits = scan(text, byFirst);
  let out = '';
  let from = 0;
  for (const hit of hits) {
    out += text.slice(from, hit.start);
    if (hit.personId === ORGANISATION_ID) {
      out += `[${organisationLabel}]`;
    } else {
      if (!numbering.has(hit.personId)) {
        numbering.set(hit.personId, numbering.size + 1);
      }
      out += `[${personLabel} ${numbering.get(hit.personId)}]`;
    }
    from = hit.end;
  }
  out += text.slice(from);
  return { text: out, hits };
}

/** A placeholder word that is itself somebody's name would re-introduce it: fall back to "#". */
function safeLabel(label: string, byFirst: Map<string, Pattern[]>): string {
  return wordsOf(label).some((t) => byFirst.has(t.word)) ? '#' : label;
}

/** Every text of a record anonymised with one numbering. */
export function anonymiseTexts<K extends string>(
  texts: Readonly<Record<K, string>>,
  roster: readonly RosterEntry[],
  options: AnonymiseOptions = {},
): { texts: Record<K, string>; hits: Record<K, NameHit[]> } {
  const numbering = new Map<string, number>();
  const out = {} as Record<K, string>;
  const hits = {} as Record<K, NameHit[]>;
  for (const key of Object.keys(texts) as K[]) {
    const result = anonymiseText(texts[key], roster, options, numbering);
    out[key] = result.text;
    hits[key] = [...result.hits];
  }
  return { texts: out, hits };
}
