import { describe, expect, it } from 'vitest';
import { documentText, nestSections, type ReportDocument, strictest, tableOfContents } from './document.ts';

const doc: ReportDocument = {
  title: 'T',
  subtitle: 'S',
  lang: 'fr',
  confidentiality: 'internal',
  generatedAt: '2026-12-07T00:00:00Z',
  sections: [
    {
      id: 'a',
      blocks: [
        { kind: 'heading', level: 1, text: 'Un' },
        { kind: 'heading', level: 3, text: 'profond' },
        { kind: 'table', columns: ['c'], rows: [['cellule'], [null]] },
      ],
    },
    { id: 'b', blocks: [{ kind: 'heading', level: 2, text: 'Deux' }] },
  ],
};

describe('report document', () => {
  it('lists level 1 and 2 headings in order for the table of contents', () => {
    expect(tableOfContents(doc)).toEqual([
      { level: 1, text: 'Un' },
      { level: 2, text: 'Deux' },
    ]);
  });
  it('takes the strictest confidentiality level', () => {
    expect(strictest(['internal', 'restricted', 'public'])).toBe('restricted');
    expect(strictest([])).toBe('public');
  });
  it('collects every printed string', () => {
    expect(documentText(doc)).toContain('cellule');
  });
  it('nests sections under one new level-1 heading, headings one level down', () => {
    const nested = nestSections('Partie', doc.sections, 'p');
    expect(nested.map((s) => s.id)).toEqual(['p-a', 'p-b']);
    expect(tableOfContents({ ...doc, sections: nested })).toEqual([
      { level: 1, text: 'Partie' },
      { level: 2, text: 'Un' },
    ]);
    expect(nested[0]!.blocks[2]).toEqual({ kind: 'heading', level: 3, text: 'profond' });
    expect(nested[1]!.blocks[0]).toEqual({ kind: 'heading', level: 3, text: 'Deux' });
    expect(nestSections('Vide', [], 'v')).toEqual([]);
  });
});
