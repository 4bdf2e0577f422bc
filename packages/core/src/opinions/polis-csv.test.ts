import { describe, expect, it } from 'vitest';
import {
  formatPolisComments,
  formatPolisVotes,
  PolisCsvError,
  parseCsvRecords,
  parsePolisComments,
  parsePolisVotes,
} from './polis-csv';

describe('Polis CSV', () => {
  it('parses votes and keeps timestamps', () => {
    const votes = parsePolisVotes(
      'timestamp,datetime,comment-id,voter-id,vote\r\n10,Wed Jun 18 08:16:54 WIB 2014,0,7,-1\r\n',
    );
    expect(votes).toEqual([{ participant: '7', statement: '0', vote: -1, timestamp: 10 }]);
  });

  it('round-trips votes and comments (quotes, commas, line breaks)', () => {
    const votes = [
      { participant: '1', statement: '2', vote: 1 as const, timestamp: 1_403_054_214_196 },
      { participant: '3', statement: '2', vote: 0 as const, timestamp: 1_403_054_214_197 },
    ];
    expect(parsePolisVotes(formatPolisVotes(votes))).toEqual(votes);
    const comments = [
      { id: '4', body: 'Say "yes",\nor no', moderated: -1 as const, authorId: '9', agrees: 2, disagrees: 0 },
    ];
    expect(parsePolisComments(formatPolisComments(comments))).toEqual(comments);
  });

  it('reports errors with the line of the offending record', () => {
    const text = 'timestamp,datetime,comment-id,voter-id,vote\n1,"a\nb",1,2,1\n2,,1,3,2\n';
    expect(() => parsePolisVotes(text)).toThrow(new PolisCsvError(4, 'vote must be 1, -1 or 0, got "2"'));
    expect(() => parsePolisVotes('comment-id,vote\n1,1\n')).toThrow(/line 1: missing column "voter-id"/);
    expect(() => parseCsvRecords('a,"b\n')).toThrow(/line 1: unterminated/);
    expect(() => parsePolisVotes('timestamp,datetime,comment-id,voter-id,vote\n1,,1,2\n')).toThrow(
      /line 2: expected 5 fields, got 4/,
    );
  });

  it('guards formula bodies with an apostrophe Polis shows as text, and strips it on import', () => {
    const comments = [{ id: '0', body: '=HYPERLINK("http://evil.test","clic")', moderated: 1 as const }];
    const text = formatPolisComments(comments);
    expect(text.split('\n')[1]).toBe(',,0,,,,1,"\'=HYPERLINK(""http://evil.test"",""clic"")"');
    expect(parsePolisComments(text)).toEqual(comments);
    expect(formatPolisVotes([{ participant: '1', statement: '0', vote: -1 }])).toBe(
      'timestamp,datetime,comment-id,voter-id,vote\n,,0,1,-1\n',
    );
  });
});
