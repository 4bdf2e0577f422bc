import { describe, expect, it } from 'vitest';
import { csvCell, guardFormula, readCsv, unguardFormula, writeCsv } from './csv.ts';

describe('CSV writer', () => {
  it('guards every formula trigger and leaves numbers alone', () => {
    for (const payload of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(payload).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(
      writeCsv([
        ['a', 'b'],
        ['=1+1', -0.5],
      ]),
    ).toBe("a,b\n'=1+1,-0.5\n");
  });

  it('quotes the delimiter, quotes and line breaks, and can start with a BOM', () => {
    expect(writeCsv([['x;y', 'say "hi"', 'a\nb']], { delimiter: ';', bom: true })).toBe(
      '\uFEFF"x;y";"say ""hi""";"a\nb"\n',
    );
  });

  it('reads back exactly what it wrote, guards included', () => {
    const rows = [
      ['=cmd', "'=already", "'plain", '-', 'a,b', 'line\nbreak', ''],
      ['@x', '+', 'x"y', ' spaced ', '\t', 'é', 'z'],
    ];
    const back = readCsv(writeCsv(rows), { trim: false }).records.map((r) => r.fields.map(unguardFormula));
    expect(back).toEqual(rows);
    expect(guardFormula("'=x")).toBe("''=x");
  });
});

describe('CSV reader', () => {
  it('detects ; and reports unterminated quotes with their line', () => {
    const r = readCsv('a;b\n1;"x;y"\n2;"open\n');
    expect(r.delimiter).toBe(';');
    expect(r.records[1]!.fields).toEqual(['1', 'x;y']);
    expect(r.errors).toEqual([{ line: 3, message: 'unterminated quoted field' }]);
  });

  it('stops at the first cap exceeded (records, cells, characters)', () => {
    expect(readCsv('a\n1\n2\n3\n', { limits: { maxRecords: 2 } }).limitExceeded).toEqual({
      line: 3,
      message: 'more than 2 rows',
    });
    expect(readCsv('a,b,c,d\n', { limits: { maxFields: 3 } }).limitExceeded?.message).toMatch(
      /more than 3 cells/,
    );
    const long = readCsv(`a\n"${'x'.repeat(5000)}"\n`, { limits: { maxFieldLength: 100 } });
    expect(long.limitExceeded).toEqual({ line: 2, message: 'a cell is longer than 100 characters' });
  });

  it('in strict mode refuses stray quotes', () => {
    expect(readCsv('a,b"c\n', { strict: true }).errors[0]!.message).toMatch(/unexpected quote/);
    expect(readCsv('"a"b,c\n', { strict: true }).errors[0]!.message).toMatch(/after a closing quote/);
    expect(readCsv('a,b"c\n').records[0]!.fields).toEqual(['a', 'b"c']);
  });
});
