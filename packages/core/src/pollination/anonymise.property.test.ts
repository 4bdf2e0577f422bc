import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymiseTexts, findNames, NAME_PARTICLES, type RosterEntry } from './anonymise';

/**
 * The promise of the anonymisation step: whatever the roster and however a name is written (case,
 * accents, hyphens, order of first and last names, an initial after it), no word of a roster name
 * reaches the anonymised text. Checked against an oracle written independently (a plain split on
 * non-letters after NFD), not with the matcher under test.
 */
const LETTERS = 'abcdefghijklmnoprstuvyzéèêàçïôü'.split('');

const nameWord = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 8 })
  .map((l) => l.join(''))
  .map((w) => w[0]!.toUpperCase() + w.slice(1));
const particle = fc.constantFrom('de', 'Le', 'van', 'da');

const personName = fc
  .tuple(nameWord, fc.option(particle, { nil: undefined }), nameWord, fc.boolean(), fc.boolean())
  .map(([first, part, last, hyphen, single]) =>
    single ? first : `${first}${hyphen ? '-' : ' '}${part ? `${part} ` : ''}${last}`,
  );

const rosterArb = fc
  .array(personName, { minLength: 1, maxLength: 8 })
  .map((names) => names.map((name, i): RosterEntry => ({ id: `p${i}`, name })));

const FILLER = [
  'the',
  'team',
  'met',
  'on',
  'lundi',
  'équipe',
  'a',
  'décidé',
  'with',
  'and',
  'de',
  'la',
  'réunion',
];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

/** A mention of a name in one of the ways people write them. */
function mention(name: string, variant: number, initial: string): string {
  const words = name.split(/[\s-]+/);
  switch (variant % 7) {
    case 0:
      return name;
    case 1:
      return name.toUpperCase();
    case 2:
      return stripAccents(name).toLowerCase();
    case 3:
      return words[0]!;
    case 4:
      return words[words.length - 1]!;
    case 5:
      return `${words[0]} ${initial.toUpperCase()}.`;
    default:
      return words.join('-');
  }
}

const textArb = (roster: RosterEntry[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...FILLER),
        fc
          .tuple(fc.nat(roster.length - 1), fc.nat(), fc.constantFrom(...LETTERS))
          .map(([i, v, ini]) => mention(roster[i]!.name, v, ini)),
        fc.constantFrom(',', '.', '!', '’', '(', ')', '\n'),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(' '));

function significantWords(roster: readonly RosterEntry[]): Set<string> {
  return new Set(
    roster.flatMap((p) =>
      fold(p.name)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 2 && !NAME_PARTICLES.has(w)),
    ),
  );
}

describe('anonymisation properties', () => {
  it('lets no roster name through (generated rosters and texts)', () => {
    fc.assert(
      fc.property(
        rosterArb.chain((roster) =>
          fc.tuple(fc.constant(roster), fc.array(textArb(roster), { minLength: 1, maxLength: 4 })),
        ),
        ([roster, texts]) => {
          const record = Object.fromEntries(texts.map((t, i) => [`f${i}`, t]));
          const out = anonymiseTexts(record, roster, { personLabel: 'personne' });
          const banned = significantWords(roster);
          for (const text of Object.values(out.texts)) {
            const words = fold(text).split(/[^\p{L}\p{N}]+/u);
            const leaked = words.filter((w) => banned.has(w));
            expect(leaked).toEqual([]);
            expect(findNames(text, roster)).toEqual([]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('changes nothing in a text that mentions nobody', () => {
    fc.assert(
      fc.property(rosterArb, fc.array(fc.constantFrom(...FILLER), { maxLength: 30 }), (roster, words) => {
        // Any word of a name is left out (a one-word name such as "La" is that person's whole name).
        const nameWords = new Set(roster.flatMap((p) => fold(p.name).split(/[^\p{L}\p{N}]+/u)));
        const text = words.filter((w) => !nameWords.has(fold(w))).join(' ');
        expect(anonymiseTexts({ t: text }, roster).texts.t).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
