import { describe, expect, it } from 'vitest';
import { shiftDate, spanAfterKey } from './gantt-keys';

describe('timeline keys', () => {
  const span = { start: '2027-01-30', end: '2027-02-03' };

  it('moves the whole bar by a day, a week or a month', () => {
    expect(spanAfterKey(span, 'ArrowRight', false)).toEqual({ start: '2027-01-31', end: '2027-02-04' });
    expect(spanAfterKey(span, 'ArrowLeft', true)).toEqual({ start: '2027-01-23', end: '2027-01-27' });
    expect(spanAfterKey(span, 'PageDown', false)).toEqual({ start: '2027-03-02', end: '2027-03-03' });
    expect(spanAfterKey({ start: '2027-01-15', end: '2027-02-15' }, 'PageUp', false)).toEqual({
      start: '2026-12-15',
      end: '2027-01-15',
    });
  });

  it('moves only the end with up and down, never before the start', () => {
    expect(spanAfterKey(span, 'ArrowUp', false)).toEqual({ start: '2027-01-30', end: '2027-02-04' });
    expect(spanAfterKey(span, 'ArrowDown', false)).toEqual({ start: '2027-01-30', end: '2027-02-02' });
    expect(spanAfterKey(span, 'ArrowDown', true)).toEqual({ start: '2027-01-30', end: '2027-01-30' });
  });

  it('leaves other keys to the page', () => {
    expect(spanAfterKey(span, 'Tab', false)).toBeNull();
    expect(spanAfterKey(span, 'Enter', false)).toBeNull();
  });

  it('crosses months and years in UTC', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2028-02-28', 1)).toBe('2028-02-29');
  });
});
