import { describe, expect, it } from 'vitest';
import { groupThemes, stemWord, tokenise } from './themes';

describe('tokenise and stemWord', () => {
  it('drops accents, case and French/English stop words', () => {
    expect(tokenise("L'équipe et les réunions, c'est trop !")).toEqual(['equipe', 'reunions']);
    expect(tokenise('The meetings are way too long')).toEqual(['meetings', 'way', 'long']);
  });

  it('lets plurals and verb forms meet', () => {
    expect(stemWord('reunions')).toBe(stemWord('reunion'));
    expect(stemWord('meetings')).toBe(stemWord('meeting'));
    expect(stemWord('decisions')).toBe(stemWord('decision'));
    expect(stemWord('communication')).toBe(stemWord('communications'));
  });
});

describe('groupThemes', () => {
  it('groups answers by their most shared keyword, greedily', () => {
    const themes = groupThemes([
      'Trop de réunions',
      'Des réunions longues',
      'Réunion du lundi inutile',
      'Manque de confiance',
      'La confiance entre équipes',
      'Rien à signaler',
    ]);
    expect(themes.map((t) => [t.label, t.count])).toEqual([
      ['reunions', 3],
      ['confiance', 2],
    ]);
    expect(themes[0]!.answerIndexes).toEqual([0, 1, 2]);
  });

  it('respects minAnswers and maxThemes', () => {
    expect(groupThemes(['one idea', 'another thought'], { minAnswers: 2 })).toEqual([]);
    expect(groupThemes(['alpha beta', 'alpha gamma', 'beta gamma'], { maxThemes: 1 })).toHaveLength(1);
  });
});
