import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGENDA_TEMPLATES,
  type AgendaItem,
  composeAgenda,
  exportAgenda,
  formatClock,
  insertItem,
  instantiateTemplate,
  moveItem,
  parseClock,
  removeItem,
  replaceItem,
  swapItems,
} from './agenda';
import { METHOD_CATALOGUE } from './catalogue';

const ITEMS: AgendaItem[] = [
  { kind: 'method', methodId: 'check-in-round', durationMinutes: 10 },
  { kind: 'method', methodId: 'ls-1-2-4-all', durationMinutes: 15, notes: 'Question : que garder ?' },
  { kind: 'break', durationMinutes: 10 },
  { kind: 'custom', title: 'Point budget', durationMinutes: 20, materials: ['Tableur'] },
  { kind: 'method', methodId: 'fist-to-five', durationMinutes: 5 },
];

const itemArb: fc.Arbitrary<AgendaItem> = fc.oneof(
  fc.record({
    kind: fc.constant('method' as const),
    methodId: fc.constantFrom(...METHOD_CATALOGUE.map((m) => m.id)),
    durationMinutes: fc.integer({ min: 0, max: 240 }),
  }),
  fc.record({ kind: fc.constant('break' as const), durationMinutes: fc.integer({ min: 0, max: 60 }) }),
  fc.record({
    kind: fc.constant('custom' as const),
    title: fc.string(),
    durationMinutes: fc.integer({ min: 0, max: 120 }),
  }),
);
const clockArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('clock helpers', () => {
  it('parses and formats HH:MM, wrapping past midnight', () => {
    expect(parseClock('09:05')).toBe(545);
    expect(formatClock(545)).toBe('09:05');
    expect(formatClock(24 * 60 + 30)).toBe('00:30');
    expect(() => parseClock('9:5')).toThrow(/^methods\/parseClock:/);
    expect(() => parseClock('24:00')).toThrow(RangeError);
  });

  it('round-trips every valid clock', () => {
    fc.assert(fc.property(clockArb, (clock) => formatClock(parseClock(clock)) === clock));
  });
});

describe('composeAgenda', () => {
  it('computes times, totals and the remaining budget', () => {
    const agenda = composeAgenda(
      { title: 'Atelier', start: '09:00', availableMinutes: 90, items: ITEMS },
      METHOD_CATALOGUE,
    );
    expect(agenda.items.map((i) => `${i.start}-${i.end}`)).toEqual([
      '09:00-09:10',
      '09:10-09:25',
      '09:25-09:35',
      '09:35-09:55',
      '09:55-10:00',
    ]);
    expect(agenda.end).toBe('10:00');
    expect(agenda.totalMinutes).toBe(60);
    expect(agenda.breakMinutes).toBe(10);
    expect(agenda.remainingMinutes).toBe(30);
    expect(agenda.isOverTime).toBe(false);
    expect(agenda.warnings).toEqual([]);
  });

  it('warns when over budget, off a method range, unknown or without a break', () => {
    const agenda = composeAgenda(
      {
        start: '23:00',
        availableMinutes: 100,
        items: [
          { kind: 'method', methodId: 'world-cafe', durationMinutes: 30 },
          { kind: 'method', methodId: 'dot-voting', durationMinutes: 40 },
          { kind: 'method', methodId: 'no-such-method', durationMinutes: 40 },
        ],
      },
      METHOD_CATALOGUE,
    );
    expect(agenda.isOverTime).toBe(true);
    expect(agenda.warnings).toEqual([
      { code: 'OVER_AVAILABLE', overBy: 10, available: 100, total: 110 },
      { code: 'DURATION_BELOW_METHOD_MIN', index: 0, methodId: 'world-cafe', min: 60, planned: 30 },
      { code: 'DURATION_ABOVE_METHOD_MAX', index: 1, methodId: 'dot-voting', max: 15, planned: 40 },
      { code: 'NO_BREAK_FOR_LONG', index: 2, minutes: 110 },
      { code: 'UNKNOWN_METHOD', index: 2, methodId: 'no-such-method' },
    ]);
    expect(agenda.end).toBe('00:50');
    expect(agenda.items[2]?.dayOffset).toBe(1);
  });

  it('keeps items contiguous and the total equal to the sum of durations', () => {
    fc.assert(
      fc.property(clockArb, fc.array(itemArb, { maxLength: 12 }), (start, items) => {
        const agenda = composeAgenda({ start, items }, METHOD_CATALOGUE);
        expect(agenda.totalMinutes).toBe(items.reduce((s, i) => s + i.durationMinutes, 0));
        let cursor = parseClock(start);
        for (const scheduled of agenda.items) {
          expect(scheduled.startMinute).toBe(cursor);
          cursor = scheduled.endMinute;
        }
        expect(agenda.end).toBe(formatClock(cursor));
      }),
    );
  });
});

describe('reorder helpers', () => {
  it('move, swap, insert, remove and replace without mutating', () => {
    const letters = ['a', 'b', 'c', 'd'];
    expect(moveItem(letters, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(letters, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(swapItems(letters, 1, 3)).toEqual(['a', 'd', 'c', 'b']);
    expect(insertItem(letters, 4, 'e')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(removeItem(letters, 1)).toEqual(['a', 'c', 'd']);
    expect(replaceItem(letters, 2, 'x')).toEqual(['a', 'b', 'x', 'd']);
    expect(letters).toEqual(['a', 'b', 'c', 'd']);
    expect(() => moveItem(letters, 4, 0)).toThrow(/^methods\/moveItem:/);
  });

  it('moveItem preserves the items and puts the moved one at its target', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer(), { minLength: 1, maxLength: 20 })
          .chain((arr) => fc.tuple(fc.constant(arr), fc.nat(arr.length - 1), fc.nat(arr.length - 1))),
        ([arr, from, to]) => {
          const moved = moveItem(arr, from, to);
          expect(moved[to]).toBe(arr[from]);
          expect([...moved].sort((x, y) => x - y)).toEqual([...arr].sort((x, y) => x - y));
        },
      ),
    );
  });
});

describe('templates', () => {
  it('reference existing methods of the declared family', () => {
    const ids = new Map(METHOD_CATALOGUE.map((m) => [m.id, m]));
    for (const template of AGENDA_TEMPLATES) {
      for (const step of template.steps) {
        if (step.methodId !== null) {
          expect(ids.get(step.methodId)?.family, `${template.id}/${step.methodId}`).toBe(step.family);
        }
      }
      const agenda = composeAgenda(
        instantiateTemplate(template.id, { start: '14:00' }, METHOD_CATALOGUE),
        METHOD_CATALOGUE,
      );
      expect(agenda.warnings, template.id).toEqual([]);
    }
  });

  it('scales to a time budget without going below method minimums', () => {
    const input = instantiateTemplate(
      'diverge-converge-decide',
      { start: '09:00', availableMinutes: 180 },
      METHOD_CATALOGUE,
    );
    const agenda = composeAgenda(input, METHOD_CATALOGUE);
    expect(Math.abs(agenda.totalMinutes - 180)).toBeLessThanOrEqual(4);
    const tight = composeAgenda(
      instantiateTemplate(
        'diverge-converge-decide',
        { start: '09:00', availableMinutes: 30 },
        METHOD_CATALOGUE,
      ),
      METHOD_CATALOGUE,
    );
    expect(tight.warnings.some((w) => w.code === 'DURATION_BELOW_METHOD_MIN')).toBe(false);
    expect(tight.isOverTime).toBe(true);
    expect(() => instantiateTemplate('nope', { start: '09:00' })).toThrow(RangeError);
  });
});

describe('exportAgenda', () => {
  it('produces a stable JSON shape in the chosen language', () => {
    const agenda = composeAgenda(
      { title: 'Atelier', start: '09:00', availableMinutes: 90, items: ITEMS },
      METHOD_CATALOGUE,
    );
    const exported = exportAgenda(agenda, METHOD_CATALOGUE, 'en');
    expect(exported.format).toBe('essaim.agenda');
    expect(exported.version).toBe(1);
    expect(exported.items.map((i) => i.title)).toEqual([
      'Check-in round',
      '1-2-4-All',
      'Break',
      'Point budget',
      'Fist to five',
    ]);
    expect(exported.items[3]?.materials).toEqual(['Tableur']);
    expect(exported.items[0]?.materials.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(exportAgenda(agenda, METHOD_CATALOGUE).items[2]?.title).toBe('Pause');
  });
});
