import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetTotals, lineAmount } from './budget.ts';
import { monthsBetween, monthsOfQuarter } from './calendar.ts';
import { sectionChange } from './specification.ts';
import { emptyPlan } from './types.ts';
import { findDependencyCycle, validatePlan } from './validate.ts';

describe('findDependencyCycle', () => {
  it('finds a cycle and names it, first id repeated last', () => {
    const cycle = findDependencyCycle([
      { id: 'a', dependsOn: ['b'] },
      { id: 'b', dependsOn: ['c'] },
      { id: 'c', dependsOn: ['a'] },
    ]);
    expect(cycle).toEqual(['a', 'b', 'c', 'a']);
    expect(findDependencyCycle([{ id: 'a', dependsOn: ['a'] }])).toEqual(['a', 'a']);
  });

  it('accepts every graph whose edges go from a later to an earlier node', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(), { maxLength: 4 }), { maxLength: 12 }), (deps) => {
        const ms = deps.map((d, i) => ({ id: `m${i}`, dependsOn: i === 0 ? [] : d.map((x) => `m${x % i}`) }));
        expect(findDependencyCycle(ms)).toBeNull();
        if (ms.length > 1) {
          // m0 depending on the last one, which depends on something earlier, always closes a cycle.
          ms[0]!.dependsOn = [`m${ms.length - 1}`];
          ms[ms.length - 1]!.dependsOn = ['m0'];
          expect(findDependencyCycle(ms)).not.toBeNull();
        }
      }),
    );
  });
});

describe('validatePlan', () => {
  it('reports unknown references, reversed dates, duplicates and cycles', () => {
    const plan = emptyPlan('p');
    plan.workstreams.push({
      id: 'w',
      title: 'W',
      objective: '',
      constructIds: [],
      questionId: null,
      collectiveId: null,
      demandLevel: null,
      startsOn: '2027-05-01',
      endsOn: '2027-01-01',
      phases: [],
    });
    const m = {
      workstreamId: 'w',
      title: '',
      kind: 'delivery' as const,
      owner: '',
      startsOn: '2027-01-01',
      dueOn: '2027-01-02',
      deliverables: [],
      status: 'planned' as const,
      comment: '',
    };
    plan.milestones.push({ ...m, id: 'a', dependsOn: ['b'] }, { ...m, id: 'b', dependsOn: ['a', 'zz'] });
    plan.milestones.push({ ...m, id: 'c', workstreamId: 'nope', dependsOn: [] });
    plan.people.push({ id: 'p', name: 'A', daysPerMonth: 5 }, { id: 'p', name: 'B', daysPerMonth: 5 });
    expect(
      validatePlan(plan)
        .map((i) => i.code)
        .sort(),
    ).toEqual([
      'dates-reversed',
      'dependency-cycle',
      'duplicate-id',
      'unknown-reference',
      'unknown-reference',
    ]);
  });
});

describe('budget', () => {
  it('sums by workstream, category, quarter, year and funding source without drift', () => {
    const line = (id: string, over: object) => ({
      id,
      scenarioId: 's',
      workstreamId: 'w1',
      category: 'internal' as const,
      label: '',
      personId: null,
      quantity: 3,
      unitCost: 0.1,
      period: '2027-Q1',
      fundingSource: 'OPCO',
      ...over,
    });
    const t = budgetTotals([
      line('a', {}),
      line('b', { category: 'training', quantity: 1, unitCost: 1200, period: '2028-Q2', workstreamId: null }),
    ]);
    expect(lineAmount({ quantity: 3, unitCost: 0.1 })).toBe(0.3);
    expect(t).toMatchObject({
      total: 1200.3,
      personDays: 3,
      byWorkstream: { w1: 0.3, '': 1200 },
      byQuarter: { '2027-Q1': 0.3, '2028-Q2': 1200 },
      byYear: { '2027': 0.3, '2028': 1200 },
      byFunding: { OPCO: 1200.3 },
    });
    expect(t.byCategory.training).toBe(1200);
  });
});

describe('calendar', () => {
  it('lists months across a year end and the months of a quarter', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02-01', '2027-01-01')).toEqual([]);
    expect(monthsOfQuarter('2027-Q4')).toEqual(['2027-10', '2027-11', '2027-12']);
    expect(monthsOfQuarter('2027-Q5')).toEqual([]);
  });
});

describe('sectionChange', () => {
  it('names added and removed sources and lines', () => {
    const c = sectionChange(
      { text: 'a\nb', sources: [{ kind: 'question', id: '1', label: 'Q1' }] },
      { text: 'a\nc', sources: [{ kind: 'question', id: '2', label: 'Q2' }] },
    );
    expect(c).toMatchObject({ changed: true, addedLines: ['c'], removedLines: ['b'] });
    expect(c.addedSources.map((s) => s.id)).toEqual(['2']);
    expect(sectionChange({ text: 'x', sources: [] }, { text: 'x', sources: [] }).changed).toBe(false);
  });
});
