import { describe, expect, it } from 'vitest';
import { anonymiseText, anonymiseTexts, findNames, type RosterEntry } from './anonymise';

const roster: RosterEntry[] = [
  { id: 'p1', name: 'Hélène Dupré' },
  { id: 'p2', name: 'Jean-Pierre Le Gall' },
  { id: 'p3', name: 'Marie' },
  { id: 'p4', name: "Aoife O'Brien" },
];

describe('findNames', () => {
  it('finds names whatever the case and accents, on word boundaries only', () => {
    const hits = findNames('HELENE a parlé à helene, puis Mariette et Marie.', roster);
    expect(hits.map((h) => [h.personId, h.text])).toEqual([
      ['p1', 'HELENE'],
      ['p1', 'helene'],
      ['p3', 'Marie'],
    ]);
  });

  it('takes a multi-word name as one hit, with or without its hyphen', () => {
    const hits = findNames('Jean Pierre Le Gall et jean-pierre, et M. Le Gall.', roster);
    expect(hits.map((h) => h.text)).toEqual(['Jean Pierre Le Gall', 'jean-pierre', 'Gall']);
  });

  it('leaves particles alone but removes initials written with stops', () => {
    expect(findNames('le chef de la cuisine', roster)).toEqual([]);
    expect(findNames('J.-P. G. a animé', roster).map((h) => h.text)).toEqual(['J.-P. G.']);
    expect(findNames('JPG est un format', roster)).toEqual([]);
  });

  it('takes the initial after a first name with it', () => {
    expect(findNames('Marie D. était là', roster).map((h) => h.text)).toEqual(['Marie D.']);
  });

  it('finds the organisation only when asked', () => {
    expect(findNames('Chez Acme Industries, on…', roster)).toEqual([]);
    const hits = findNames('Chez ACME industries, on…', roster, { organisationNames: ['Acme Industries'] });
    expect(hits.map((h) => h.text)).toEqual(['ACME industries']);
  });

  it('does not take ordinary words of the organisation’s name', () => {
    const options = { organisationNames: ['Direction de l’emploi et des solidarités'] };
    expect(
      findNames('Les agents et la direction de l’emploi ont parlé des solidarités', [], options).map(
        (h) => h.text,
      ),
    ).toEqual(['direction', 'emploi', 'solidarités']);
  });
});

describe('anonymiseText', () => {
  it('numbers each person once across every text of an experience', () => {
    const { texts } = anonymiseTexts(
      { a: 'Hélène a proposé, Marie a suivi.', b: 'Ensuite helene DUPRÉ a conclu.' },
      roster,
      { personLabel: 'personne' },
    );
    expect(texts).toEqual({
      a: '[personne 1] a proposé, [personne 2] a suivi.',
      b: 'Ensuite [personne 1] a conclu.',
    });
  });

  it('keeps the rest of the text as written, including emoji and combining accents', () => {
    const decomposed = 'He\u0301le\u0300ne 👋 bonjour';
    expect(anonymiseText(decomposed, roster).text).toBe('[person 1] 👋 bonjour');
  });

  it('does not use a placeholder word that is somebody’s name', () => {
    const r = anonymiseText('Person told us', [{ id: 'x', name: 'Person' }]);
    expect(r.text).toBe('[# 1] told us');
    expect(findNames(r.text, [{ id: 'x', name: 'Person' }])).toEqual([]);
  });
});
