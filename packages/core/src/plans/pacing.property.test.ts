/**
 * Each pacing rule warns exactly when its threshold is crossed (docs/plans.md): random plans are built
 * around the threshold and the presence of the warning is compared with an independent statement of
 * the rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsBetween } from './calendar.ts';
import {
  concurrentChangeLimit,
  MATURITY_STRETCH,
  MAX_CONCURRENT_CHANGES,
  MAX_CONCURRENT_CHANGES_FRAGILE,
  type PacingContext,
  pacingWarnings,
} from './pacing.ts';
import { emptyPlan, type Milestone, type PlanDocument, type Workstream } from './types.ts';

const noContext: PacingContext = { effectivenessLevel: null, trustLevel: null, questionDomains: {} };

function workstream(id: string, over: Partial<Workstream> = {}): Workstream {
  return {
    id,
    title: id,
    objective: '',
    constructIds: [],
    questionId: null,
    collectiveId: null,
    demandLevel: null,
    startsOn: '2027-01-01',
    endsOn: '2027-03-31',
    phases: [],
    ...over,
  };
}

function milestone(id: string, workstreamId: string, over: Partial<Milestone> = {}): Milestone {
  return {
    id,
    workstreamId,
    title: id,
    kind: 'delivery',
    owner: '',
    startsOn: '2027-01-01',
    dueOn: '2027-02-01',
    dependsOn: [],
    deliverables: [],
    status: 'planned',
    comment: '',
    ...over,
  };
}

const plan = (over: Partial<PlanDocument>): PlanDocument => ({ ...emptyPlan('p'), ...over });
const level = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
/** A day of 2027 as an ISO date. */
const day = fc
  .integer({ min: 0, max: 364 })
  .map((d) => new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10));

describe('beyond-maturity', () => {
  it('warns exactly when the demand exceeds the lower measured level by more than the stretch', () => {
    fc.assert(
      fc.property(level, level, level, (demand, effectiveness, trust) => {
        const warnings = pacingWarnings(plan({ workstreams: [workstream('w', { demandLevel: demand })] }), {
          ...noContext,
          effectivenessLevel: effectiveness,
          trustLevel: trust,
        }).filter((w) => w.rule === 'beyond-maturity');
        const measured = [effectiveness, trust].filter((v) => v !== null);
        const expected =
          demand !== null && measured.length > 0 && demand - Math.min(...measured) >= MATURITY_STRETCH + 1;
        expect(warnings.length).toBe(expected ? 1 : 0);
        if (expected) {
          expect(warnings[0]!.data).toMatchObject({
            demandLevel: demand,
            supportedLevel: Math.min(...measured),
          });
        }
      }),
    );
  });

  it('says nothing when nothing was measured', () => {
    const w = pacingWarnings(plan({ workstreams: [workstream('w', { demandLevel: 5 })] }), noContext);
    expect(w).toEqual([]);
  });
});

describe('complex-straight-line', () => {
  it('warns exactly when a complex question has no probe due on or before its first delivery', () => {
    const kinds = fc.array(fc.record({ kind: fc.constantFrom('delivery', 'probe' as const), dueOn: day }), {
      maxLength: 6,
    });
    const domain = fc.constantFrom('clear', 'complicated', 'complex', 'chaotic', 'confusion', null);
    fc.assert(
      fc.property(kinds, domain, (ms, d) => {
        const milestones = ms.map((m, i) => milestone(`m${i}`, 'w', m));
        const warnings = pacingWarnings(
          plan({ workstreams: [workstream('w', { questionId: 'q' })], milestones }),
          { ...noContext, questionDomains: { q: d } },
        ).filter((w) => w.rule === 'complex-straight-line');
        const deliveries = ms
          .filter((m) => m.kind === 'delivery')
          .map((m) => m.dueOn)
          .sort();
        const probes = ms.filter((m) => m.kind === 'probe').map((m) => m.dueOn);
        const probed = probes.some((p) => deliveries.length === 0 || p <= deliveries[0]!);
        expect(warnings.length).toBe(d === 'complex' && ms.length > 0 && !probed ? 1 : 0);
      }),
    );
  });

  it('accepts a probe due the same day as the first delivery, and warns a day later', () => {
    const ctx = { ...noContext, questionDomains: { q: 'complex' as const } };
    const ws = [workstream('w', { questionId: 'q' })];
    const delivery = milestone('d', 'w', { dueOn: '2027-03-10' });
    const sameDay = milestone('p', 'w', { kind: 'probe', dueOn: '2027-03-10' });
    const dayAfter = milestone('p', 'w', { kind: 'probe', dueOn: '2027-03-11' });
    expect(pacingWarnings(plan({ workstreams: ws, milestones: [delivery, sameDay] }), ctx)).toEqual([]);
    expect(pacingWarnings(plan({ workstreams: ws, milestones: [delivery, dayAfter] }), ctx)).toHaveLength(1);
  });
});

describe('too-many-changes', () => {
  it('warns for a collective exactly when some month holds more workstreams than the limit', () => {
    const spans = fc.array(fc.record({ a: day, b: day, collective: fc.constantFrom('c1', 'c2', null) }), {
      maxLength: 7,
    });
    fc.assert(
      fc.property(spans, level, (raw, effectiveness) => {
        const workstreams = raw.map((s, i) =>
          workstream(`w${i}`, {
            startsOn: s.a < s.b ? s.a : s.b,
            endsOn: s.a < s.b ? s.b : s.a,
            collectiveId: s.collective,
          }),
        );
        const warnings = pacingWarnings(plan({ workstreams }), {
          ...noContext,
          effectivenessLevel: effectiveness,
        }).filter((w) => w.rule === 'too-many-changes');
        const limit = concurrentChangeLimit(effectiveness);
        for (const collective of ['c1', 'c2', null]) {
          const counts = new Map<string, number>();
          for (const w of workstreams.filter((x) => x.collectiveId === collective)) {
            for (const m of monthsBetween(w.startsOn, w.endsOn)) {
              counts.set(m, (counts.get(m) ?? 0) + 1);
            }
          }
          const peak = Math.max(0, ...counts.values());
          const got = warnings.filter((w) => w.subject.id === collective);
          expect(got.length).toBe(peak > limit ? 1 : 0);
          if (peak > limit) {
            expect(got[0]!.data).toMatchObject({ count: peak, limit });
          }
        }
      }),
    );
  });

  it('uses the lower limit for a fragile collective', () => {
    expect(concurrentChangeLimit(null)).toBe(MAX_CONCURRENT_CHANGES);
    expect(concurrentChangeLimit(2)).toBe(MAX_CONCURRENT_CHANGES_FRAGILE);
    expect(concurrentChangeLimit(3)).toBe(MAX_CONCURRENT_CHANGES);
  });
});

describe('over-allocation', () => {
  it('warns for a person and month exactly when the spread person-days exceed their days per month', () => {
    const lines = fc.array(
      fc.record({
        quarter: fc.constantFrom('2027-Q1', '2027-Q2'),
        days: fc.integer({ min: 0, max: 90 }),
        scenario: fc.constantFrom('s1', 's2'),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: 25 }), (ls, available) => {
        const doc = plan({
          people: [{ id: 'p', name: 'Ana', daysPerMonth: available }],
          scenarios: [
            { id: 's1', name: 'A', kind: 'standard' },
            { id: 's2', name: 'B', kind: 'accelerated' },
          ],
          budgetLines: ls.map((l, i) => ({
            id: `l${i}`,
            scenarioId: l.scenario,
            workstreamId: null,
            category: 'internal' as const,
            label: '',
            personId: 'p',
            quantity: l.days,
            unitCost: 500,
            period: l.quarter,
            fundingSource: '',
          })),
        });
        const warnings = pacingWarnings(doc, noContext, 's1').filter((w) => w.rule === 'over-allocation');
        // Independent statement: a quarter's days per month = its total / 3, in scenario s1 only.
        const expected = ['2027-Q1', '2027-Q2'].filter((q) => {
          const total = ls
            .filter((l) => l.scenario === 's1' && l.quarter === q)
            .reduce((s, l) => s + l.days, 0);
          return total > available * 3;
        });
        expect(warnings.length).toBe(expected.length * 3);
      }),
    );
  });

  it('does not warn at exactly the availability', () => {
    const doc = plan({
      people: [{ id: 'p', name: 'Ana', daysPerMonth: 10 }],
      scenarios: [{ id: 's', name: 'S', kind: 'standard' }],
      budgetLines: [
        {
          id: 'l',
          scenarioId: 's',
          workstreamId: null,
          category: 'internal',
          label: '',
          personId: 'p',
          quantity: 30,
          unitCost: 1,
          period: '2027-Q3',
          fundingSource: '',
        },
      ],
    });
    expect(pacingWarnings(doc, noContext, 's')).toEqual([]);
    doc.budgetLines[0]!.quantity = 31;
    expect(pacingWarnings(doc, noContext, 's').map((w) => w.rule)).toEqual([
      'over-allocation',
      'over-allocation',
      'over-allocation',
    ]);
  });
});

describe("over-allocation with monthly availability and the collective's unavailable periods", () => {
  const month = fc.constantFrom('2027-01', '2027-02', '2027-03');
  it("compares each month with the person's days for that month, less the share the collective is away", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 25 }),
        fc.array(fc.record({ month, days: fc.integer({ min: 0, max: 25 }) }), { maxLength: 3 }),
        fc.option(
          fc.record({ from: fc.integer({ min: 1, max: 59 }), length: fc.integer({ min: 0, max: 40 }) }),
          {
            nil: null,
          },
        ),
        fc.boolean(),
        (quarterDays, usual, overrides, away, ownCollective) => {
          // One figure per month (the plan refuses duplicates): the last drawn wins here.
          const availability = [...new Map(overrides.map((o) => [o.month, o])).values()];
          // Days from 2027-01-01 (day 1) to a date.
          const date = (n: number) => new Date(Date.UTC(2027, 0, n)).toISOString().slice(0, 10);
          const unavailable = away
            ? [
                {
                  id: 'u',
                  collectiveId: ownCollective ? 'c1' : null,
                  label: 'Away',
                  from: date(away.from),
                  to: date(away.from + away.length),
                },
              ]
            : [];
          const doc = plan({
            people: [{ id: 'p', name: 'Ana', daysPerMonth: usual, availability }],
            unavailable,
            scenarios: [{ id: 's', name: 'S', kind: 'standard' }],
            budgetLines: [
              {
                id: 'l',
                scenarioId: 's',
                workstreamId: null,
                category: 'internal',
                label: '',
                personId: 'p',
                quantity: quarterDays,
                unitCost: 1,
                period: '2027-Q1',
                fundingSource: '',
              },
            ],
          });
          const warned = pacingWarnings(doc, noContext, 's')
            .filter((w) => w.rule === 'over-allocation')
            .map((w) => (w.data as { month: string }).month);
          // Independent statement, day by day: only a whole-collective period reduces a person's days.
          const lengths: Record<string, number> = { '2027-01': 31, '2027-02': 28, '2027-03': 31 };
          const start: Record<string, number> = { '2027-01': 1, '2027-02': 32, '2027-03': 60 };
          const expected = ['2027-01', '2027-02', '2027-03'].filter((m) => {
            const base = availability.find((a) => a.month === m)?.days ?? usual;
            let awayDays = 0;
            for (let d = start[m]!; d < start[m]! + lengths[m]!; d++) {
              if (away && !ownCollective && d >= away.from && d <= away.from + away.length) {
                awayDays++;
              }
            }
            const available = Math.round(((base * (lengths[m]! - awayDays)) / lengths[m]!) * 100) / 100;
            return Math.round((quarterDays / 3) * 100) / 100 > available;
          });
          expect(warned).toEqual(expected);
        },
      ),
    );
  });

  it('warns at one day over a month reduced by a collective holiday, not at it', () => {
    const doc = plan({
      // 10 usual days, 8 in February; the whole collective is away 1–14 March (14 of 31 days).
      people: [{ id: 'p', name: 'Ana', daysPerMonth: 10, availability: [{ month: '2027-02', days: 8 }] }],
      unavailable: [{ id: 'u', collectiveId: null, label: 'Break', from: '2027-03-01', to: '2027-03-14' }],
      scenarios: [{ id: 's', name: 'S', kind: 'standard' }],
      budgetLines: [
        {
          id: 'l',
          scenarioId: 's',
          workstreamId: null,
          category: 'internal',
          label: '',
          personId: 'p',
          quantity: 3 * 5.48,
          unitCost: 1,
          period: '2027-Q1',
          fundingSource: '',
        },
      ],
    });
    // March: 10 × 17/31 = 5.48 available; 5.48 planned → no warning.
    expect(pacingWarnings(doc, noContext, 's')).toEqual([]);
    doc.budgetLines[0]!.quantity = 3 * 8.01;
    const warnings = pacingWarnings(doc, noContext, 's');
    expect(warnings.map((w) => (w.data as { month: string }).month)).toEqual(['2027-02', '2027-03']);
    expect(warnings[1]!.data).toMatchObject({ availableDays: 5.48, baseDays: 10, unavailableDays: 14 });
  });
});

describe('unavailable-period', () => {
  it('warns exactly when a milestone is due inside a period of its collective or of everyone', () => {
    fc.assert(
      fc.property(day, day, day, fc.constantFrom('c1', 'c2', null), (due, a, b, periodCollective) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const doc = plan({
          workstreams: [workstream('w', { collectiveId: 'c1' })],
          milestones: [milestone('m', 'w', { startsOn: '2027-01-01', dueOn: due })],
          unavailable: [{ id: 'u', collectiveId: periodCollective, label: 'Summer', from, to }],
        });
        const warnings = pacingWarnings(doc, noContext).filter((w) => w.rule === 'unavailable-period');
        const applies = periodCollective === null || periodCollective === 'c1';
        expect(warnings.length).toBe(applies && due >= from && due <= to ? 1 : 0);
      }),
    );
  });
});
