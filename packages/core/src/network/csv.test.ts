import { describe, expect, it } from 'vitest';
import { parseEdgeListCsv, parseNodeAttributesCsv, readCsvRecords } from './csv';

describe('readCsvRecords', () => {
  it('handles quotes, escaped quotes, CRLF, BOM and multi-line fields with start lines', () => {
    const { records, errors } = readCsvRecords('\ufeffa,b\r\n"x, y","say ""hi"""\n\n"multi\nline",z\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"'], line: 2 },
      { fields: ['multi\nline', 'z'], line: 4 },
    ]);
  });
});

describe('parseEdgeListCsv', () => {
  it('parses weights and relations', () => {
    const result = parseEdgeListCsv('source,target,weight,relation\na,b,2,trust\nb,c,1.5,energy\n');
    expect(result).toEqual({
      isOk: true,
      value: {
        edges: [
          { source: 'a', target: 'b', weight: 2, relation: 'trust', line: 2 },
          { source: 'b', target: 'c', weight: 1.5, relation: 'energy', line: 3 },
        ],
        hasWeights: true,
        hasRelations: true,
        relations: ['trust', 'energy'],
      },
    });
  });

  it('reports every problem with its line and returns no edges (all-or-nothing)', () => {
    const text = 'source,target,weight\na,b,1\na,a,1\nb,a,2\nc,zed,1\nd,e,-3\nonly-one\n';
    const result = parseEdgeListCsv(text, { knownNodes: new Set(['a', 'b', 'c', 'd', 'e']) });
    expect(result.isOk).toBe(false);
    if (!result.isOk) {
      expect(result.errors).toEqual([
        { line: 3, message: 'self-loop on "a"' },
        { line: 4, message: 'duplicate edge b - a (first at line 2)' },
        { line: 5, message: 'unknown node id "zed"' },
        { line: 6, message: 'weight "-3" must be a positive number' },
        { line: 7, message: 'expected 3 fields, found 1' },
      ]);
    }
  });

  it('treats reversed pairs as distinct when directed, and relations separately', () => {
    expect(parseEdgeListCsv('from,to\na,b\nb,a\n', { isDirected: true }).isOk).toBe(true);
    expect(parseEdgeListCsv('source,target,type\na,b,trust\na,b,advice\n').isOk).toBe(true);
  });

  it('requires a header with source and target, and a weight column when weighted', () => {
    expect(parseEdgeListCsv('')).toEqual({
      isOk: false,
      errors: [{ line: 1, message: 'empty file: expected a header row' }],
    });
    expect(parseEdgeListCsv('a,b\n').isOk).toBe(false);
    expect(parseEdgeListCsv('source,target\na,b\n', { isWeighted: true }).isOk).toBe(false);
  });
});

describe('parseNodeAttributesCsv', () => {
  it('parses attributes and rejects duplicate ids', () => {
    const ok = parseNodeAttributesCsv('id,department,consent\nana,ops,yes\nbo,rd,no\n');
    expect(ok.isOk && ok.value.rows[1]).toEqual({
      id: 'bo',
      attributes: { department: 'rd', consent: 'no' },
      line: 3,
    });
    const bad = parseNodeAttributesCsv('id,department\nana,ops\nana,rd\n');
    expect(bad).toEqual({
      isOk: false,
      errors: [{ line: 3, message: 'duplicate node id "ana" (first at line 2)' }],
    });
  });
});
