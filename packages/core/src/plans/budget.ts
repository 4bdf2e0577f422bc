/**
 * Totals of the investment plan. A line's amount is quantity × unit cost (person-days × day rate for
 * internal time). Amounts are kept in cents while summing so that totals do not drift.
 */
import { yearOfQuarter } from './calendar.ts';
import type { BudgetCategory, BudgetLine, PlanDocument } from './types.ts';

export function lineAmount(line: Pick<BudgetLine, 'quantity' | 'unitCost'>): number {
  return Math.round(line.quantity * line.unitCost * 100) / 100;
}

export interface BudgetTotals {
  total: number;
  personDays: number;
  byWorkstream: Record<string, number>;
  byCategory: Record<BudgetCategory, number>;
  byQuarter: Record<string, number>;
  byYear: Record<string, number>;
  byFunding: Record<string, number>;
}

/** Key of lines not attached to a workstream in `byWorkstream`. */
export const NO_WORKSTREAM = '';

export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const cents = (v: number) => Math.round(v * 100);
  const add = (record: Record<string, number>, key: string, amount: number) => {
    record[key] = (record[key] ?? 0) + amount;
  };
  const acc = {
    total: 0,
    personDays: 0,
    byWorkstream: {} as Record<string, number>,
    byCategory: { internal: 0, training: 0, external: 0, tools: 0, events: 0 } as Record<
      BudgetCategory,
      number
    >,
    byQuarter: {} as Record<string, number>,
    byYear: {} as Record<string, number>,
    byFunding: {} as Record<string, number>,
  };
  for (const line of lines) {
    const c = cents(lineAmount(line));
    acc.total += c;
    if (line.category === 'internal') {
      acc.personDays += line.quantity;
    }
    add(acc.byWorkstream, line.workstreamId ?? NO_WORKSTREAM, c);
    add(acc.byCategory, line.category, c);
    add(acc.byQuarter, line.period, c);
    add(acc.byYear, yearOfQuarter(line.period), c);
    add(acc.byFunding, line.fundingSource, c);
  }
  const euros = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v / 100]));
  return {
    total: acc.total / 100,
    personDays: acc.personDays,
    byWorkstream: euros(acc.byWorkstream),
    byCategory: euros(acc.byCategory) as Record<BudgetCategory, number>,
    byQuarter: euros(acc.byQuarter),
    byYear: euros(acc.byYear),
    byFunding: euros(acc.byFunding),
  };
}

export function scenarioTotals(plan: PlanDocument): { scenarioId: string; totals: BudgetTotals }[] {
  return plan.scenarios.map((s) => ({
    scenarioId: s.id,
    totals: budgetTotals(plan.budgetLines.filter((l) => l.scenarioId === s.id)),
  }));
}
