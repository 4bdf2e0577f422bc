import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHOD_CATALOGUE } from './catalogue';
import {
  filterMethods,
  findMethodById,
  matchesFilters,
  normaliseText,
  searchMethods,
  tokenise,
} from './search';
import { IC_FORMS, METHOD_FAMILIES } from './types';

const ids = (query: string, language?: 'fr' | 'en'): string[] =>
  searchMethods(METHOD_CATALOGUE, { query, language }).map((hit) => hit.method.id);

describe('normaliseText / tokenise', () => {
  it('strips diacritics, case and punctuation', () => {
    expect(normaliseText('Débat « Mouvant » — l’Écoute!')).toBe('debat mouvant l ecoute');
    expect(tokenise('Quoi ? Et alors ? 1-2-4-Tous')).toEqual(['quoi', 'et', 'alors', '1', '2', '4', 'tous']);
    expect(tokenise('   ')).toEqual([]);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (text) => normaliseText(normaliseText(text)) === normaliseText(text)));
  });
});

describe('searchMethods', () => {
  it('is accent- and case-insensitive', () => {
    expect(ids('debat')).toContain('debat-mouvant');
    expect(ids('DÉBAT')).toEqual(ids('debat'));
    expect(ids('ecoute')).toEqual(ids('écoute'));
    expect(ids('election sans candidat')[0]).toBe('election-sans-candidat');
  });

  it('searches French and English, optionally one language only', () => {
    expect(ids('remue-méninges')[0]).toBe('brainstorming');
    expect(ids('consent')).toContain('consent-decision-making');
    expect(ids('aquarium', 'fr')).toContain('fishbowl');
    expect(ids('aquarium', 'en')).not.toContain('fishbowl');
  });

  it('matches by prefix and requires every query term', () => {
    expect(ids('brainstorm')).toContain('brainstorming');
    expect(ids('vote gommettes')).toEqual(['dot-voting']);
    expect(ids('zzzz-nothing')).toEqual([]);
  });

  it('ranks name matches above body matches', () => {
    const hits = searchMethods(METHOD_CATALOGUE, { query: 'retrospective' });
    expect(hits[0]?.method.id).toBe('agile-retrospective');
    for (let i = 1; i < hits.length; i += 1) {
      expect((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0)).toBe(true);
    }
  });

  it('returns every filtered method for an empty query, and honours the limit', () => {
    expect(searchMethods(METHOD_CATALOGUE).length).toBe(METHOD_CATALOGUE.length);
    expect(searchMethods(METHOD_CATALOGUE, { query: '', limit: 4 })).toHaveLength(4);
  });

  it('finds a method by id', () => {
    expect(findMethodById(METHOD_CATALOGUE, 'lean-coffee')?.family).toBe('converge');
    expect(findMethodById(METHOD_CATALOGUE, 'nope')).toBeUndefined();
  });

  it('applies filters', () => {
    const online = filterMethods(METHOD_CATALOGUE, { mode: 'online' });
    expect(online.some((m) => m.id === 'debat-mouvant')).toBe(false);
    expect(online.some((m) => m.id === 'pairwise-wiki-survey')).toBe(true);
    const onsite = filterMethods(METHOD_CATALOGUE, { mode: 'onsite' });
    expect(onsite.some((m) => m.id === 'pairwise-wiki-survey')).toBe(false);
    const small = filterMethods(METHOD_CATALOGUE, {
      groupSize: 3,
      maxDurationMinutes: 15,
      maxSkill: 1,
      maxTrust: 1,
    });
    expect(small.length).toBeGreaterThan(0);
    for (const m of small) {
      expect(m.groupSize.min).toBeLessThanOrEqual(3);
      expect(m.durationMinutes.min).toBeLessThanOrEqual(15);
      expect(m.facilitationSkill).toBe(1);
      expect(m.trustRequired).toBe(1);
    }
    expect(filterMethods(METHOD_CATALOGUE, { liveActivity: 'fistToFive' }).map((m) => m.id)).toEqual([
      'fist-to-five',
    ]);
  });

  it('only returns methods that satisfy the filters', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            families: fc.subarray([...METHOD_FAMILIES]),
            icForms: fc.subarray([...IC_FORMS]),
            groupSize: fc.integer({ min: 1, max: 500 }),
            maxDurationMinutes: fc.integer({ min: 0, max: 600 }),
            mode: fc.constantFrom('online' as const, 'onsite' as const),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom('', 'groupe', 'vote', 'idées', 'trust', 'décision'),
        (filters, query) => {
          for (const hit of searchMethods(METHOD_CATALOGUE, { query, filters })) {
            expect(matchesFilters(hit.method, filters)).toBe(true);
            if (filters.families !== undefined && filters.families.length > 0) {
              expect(filters.families).toContain(hit.method.family);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
