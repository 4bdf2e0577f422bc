import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, writeIcs } from './ics.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Unfolding (RFC 5545 §3.1): remove every CRLF followed by one space. */
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('iCalendar writer', () => {
  it('folds any line into lines of at most 75 octets that unfold to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `SUMMARY:${text}`;
        const folded = foldIcsLine(line);
        for (const part of folded.split('\r\n')) {
          expect(octets(part)).toBeLessThanOrEqual(75);
        }
        expect(unfold(folded)).toBe(line);
      }),
    );
  });

  it('never cuts inside a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(80)}`;
    const parts = foldIcsLine(line).split('\r\n');
    expect(parts[0]).toBe(`SUMMARY:${'é'.repeat(33)}`);
    expect(octets(parts[0]!)).toBe(74);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
  });

  it('escapes TEXT values', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes CRLF lines, UTC stamps and an exclusive end for all-day events', () => {
    const ics = writeIcs({
      productId: '-//Essaim//Calendar//EN',
      name: 'Essaim',
      events: [
        {
          uid: 'x@essaim',
          stamp: '2026-12-08T09:30:00.000Z',
          start: { date: '2026-12-31' },
          summary: 'Review',
        },
        {
          uid: 'y@essaim',
          stamp: '2026-12-08T09:30:00.000Z',
          start: { local: '2026-12-09T14:00' },
          end: { local: '2026-12-09T16:30' },
          summary: 'Workshop',
        },
      ],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('DTSTAMP:20261208T093000Z\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(ics).toContain('DTSTART:20261209T140000\r\nDTEND:20261209T163000\r\n');
  });

  it('refuses a malformed date rather than writing an invalid feed', () => {
    expect(() =>
      writeIcs({
        productId: 'p',
        name: 'n',
        events: [{ uid: 'u', stamp: '2026-12-08T00:00:00Z', start: { date: '31/12/2026' }, summary: 's' }],
      }),
    ).toThrow();
  });
});
