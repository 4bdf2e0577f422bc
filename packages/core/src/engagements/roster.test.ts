import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from './roster.ts';

describe('parseRosterCsv', () => {
  it('reads French headers with semicolons, collectives with parents and free attributes', () => {
    const csv =
      '\uFEFFNom;Courriel;Fonction;Équipe;Collectif parent;Site\nAnne Martin;anne@ex.fr;Cheffe;Accueil;Direction;Lyon\nBob;;Agent;Accueil;;Paris\n';
    const r = parseRosterCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        displayName: 'Anne Martin',
        email: 'anne@ex.fr',
        title: 'Cheffe',
        collectives: ['Accueil'],
        attributes: { Site: 'Lyon' },
        mergedLines: [],
      },
      {
        line: 3,
        displayName: 'Bob',
        email: null,
        title: 'Agent',
        collectives: ['Accueil'],
        attributes: { Site: 'Paris' },
        mergedLines: [],
      },
    ]);
    expect(r.collectives).toEqual([
      { name: 'Accueil', parent: 'Direction', kind: 'team' },
      { name: 'Direction', parent: null, kind: 'department' },
    ]);
    expect(r.attributeColumns).toEqual(['Site']);
  });

  it('names the line and column of every error', () => {
    const r = parseRosterCsv('name,email\nAnn,not-an-email\n,\n"Unclosed,x@y.org\n');
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [4, null, 'MALFORMED'],
      [2, 'email', 'INVALID_EMAIL'],
    ]);
  });

  it('requires a name or an email on each line', () => {
    const r = parseRosterCsv('name,email,team\n,,Accueil\n');
    expect(r.errors).toEqual([
      { line: 2, column: 'name', code: 'MISSING_VALUE', message: 'a name or an email is required' },
    ]);
  });

  it('merges lines sharing an email and reports them', () => {
    const r = parseRosterCsv('name,email,team\nAnn,ANN@ex.org,A\nAnn M.,ann@ex.org,B\n');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ displayName: 'Ann', collectives: ['A', 'B'], mergedLines: [3] });
  });

  it('refuses a file without a name or email column', () => {
    expect(parseRosterCsv('foo,bar\n1,2\n').errors[0]).toMatchObject({ line: 1, code: 'MISSING_COLUMN' });
  });
});
