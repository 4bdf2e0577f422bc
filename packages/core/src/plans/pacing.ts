/**
 * Pacing the plan to the collective's maturity and availability: warnings, never blocks.
 *
 * "Awakening the culture beyond what an organisation can bear is a mistake": each rule names a way a plan
 * can ask too much, too fast or at the wrong moment, with the data behind it, and leaves the decision to
 * the people. Rules and thresholds (docs/plans.md holds the same table):
 *
 * | rule                    | warns exactly when                                                                    |
 * |-------------------------|---------------------------------------------------------------------------------------|
 * | `beyond-maturity`       | a workstream's demand level > supported level + {@link MATURITY_STRETCH} (1), where   |
 * |                         | supported = the lower of the measured effectiveness level and measured trust level    |
 * |                         | (only the ones measured; none measured → no warning)                                  |
 * | `complex-straight-line` | the workstream answers a question placed in the Cynefin *complex* domain, has at least |
 * |                         | one milestone, and no probe is due on or before its first delivery milestone           |
 * | `too-many-changes`      | in some month, more than {@link concurrentChangeLimit} workstreams touch one collective |
 * |                         | (3; 2 when the measured effectiveness level is 1 or 2)                                 |
 * | `over-allocation`       | in a scenario, a person's person-days in a month (a quarter's internal days spread     |
 * |                         | evenly over its three months) exceed the days they can give that month: their days    |
 * |                         | for that month (or days per month), less the share of the month's calendar days the    |
 * |                         | whole collective marked unavailable                                                    |
 * | `unavailable-period`    | a milestone is due inside (bounds included) a period its collective, or the whole      |
 * |                         | collective, marked as unavailable                                                      |
 *
 * Why: probes before delivery follow Cynefin's probe–sense–respond for complex questions (Snowden &
 * Boone, HBR 2007). The stretch of one level on the 1–5 grid (diagnostics/effectiveness.ts) and the ceiling
 * of three concurrent changes are Essaim's defaults, product choices informed by the change-fatigue
 * research (Bernerth, Walker & Harris, Work & Stress 2011), not figures taken from a paper.
 */
import type { CynefinDomain } from '../engagements/cynefin.ts';
import {
  coveredDaysOfMonth,
  daysInMonth,
  monthOf,
  monthsBetween,
  monthsOfQuarter,
  within,
} from './calendar.ts';
import type { PlanDocument } from './types.ts';

/** How many levels above the supported one a workstream may ask before a warning. */
export const MATURITY_STRETCH = 1;
/** Concurrent changes one collective can carry. */
export const MAX_CONCURRENT_CHANGES = 3;
/** …when its measured effectiveness level is at most {@link FRAGILE_LEVEL}. */
export const MAX_CONCURRENT_CHANGES_FRAGILE = 2;
export const FRAGILE_LEVEL = 2;

export const PACING_RULES = [
  'beyond-maturity',
  'complex-straight-line',
  'too-many-changes',
  'over-allocation',
  'unavailable-period',
] as const;
export type PacingRule = (typeof PACING_RULES)[number];

export interface PacingContext {
  /** Measured effectiveness level (1–5) from the released whole-campaign cut; null when not measured. */
  effectivenessLevel: number | null;
  /** Measured trust level (1–5), same source; null when not measured. */
  trustLevel: number | null;
  /** Cynefin domain of each essential question (null: not placed yet). */
  questionDomains: Readonly<Record<string, CynefinDomain | null>>;
}

export type PacingWarning =
  | {
      rule: 'beyond-maturity';
      subject: { kind: 'workstream'; id: string };
      data: {
        demandLevel: number;
        effectivenessLevel: number | null;
        trustLevel: number | null;
        supportedLevel: number;
        stretch: number;
      };
    }
  | {
      rule: 'complex-straight-line';
      subject: { kind: 'workstream'; id: string };
      data: { questionId: string; probes: number; firstDeliveryDueOn: string | null };
    }
  | {
      rule: 'too-many-changes';
      subject: { kind: 'collective'; id: string | null };
      data: { month: string; count: number; limit: number; workstreamIds: string[] };
    }
  | {
      rule: 'over-allocation';
      subject: { kind: 'person'; id: string };
      data: {
        scenarioId: string;
        name: string;
        month: string;
        allocatedDays: number;
        availableDays: number;
        /** The person's days for that month before the collective's unavailable days. */
        baseDays: number;
        /** Calendar days of the month the whole collective marked unavailable. */
        unavailableDays: number;
      };
    }
  | {
      rule: 'unavailable-period';
      subject: { kind: 'milestone'; id: string };
      data: { dueOn: string; periodId: string; label: string; from: string; to: string };
    };

/** The level a collective supports: the lower of what was measured, or null when nothing was. */
export function supportedLevel(ctx: Pick<PacingContext, 'effectivenessLevel' | 'trustLevel'>): number | null {
  const measured = [ctx.effectivenessLevel, ctx.trustLevel].filter((v): v is number => v !== null);
  return measured.length === 0 ? null : Math.min(...measured);
}

export function concurrentChangeLimit(effectivenessLevel: number | null): number {
  return effectivenessLevel !== null && effectivenessLevel <= FRAGILE_LEVEL
    ? MAX_CONCURRENT_CHANGES_FRAGILE
    : MAX_CONCURRENT_CHANGES;
}

function beyondMaturity(plan: PlanDocument, ctx: PacingContext): PacingWarning[] {
  const supported = supportedLevel(ctx);
  if (supported === null) {
    return [];
  }
  return plan.workstreams.flatMap((w): PacingWarning[] =>
    w.demandLevel !== null && w.demandLevel > supported + MATURITY_STRETCH
      ? [
          {
            rule: 'beyond-maturity',
            subject: { kind: 'workstream', id: w.id },
            data: {
              demandLevel: w.demandLevel,
              effectivenessLevel: ctx.effectivenessLevel,
              trustLevel: ctx.trustLevel,
              supportedLevel: supported,
              stretch: MATURITY_STRETCH,
            },
          },
        ]
      : [],
  );
}

function complexStraightLine(plan: PlanDocument, ctx: PacingContext): PacingWarning[] {
  return plan.workstreams.flatMap((w): PacingWarning[] => {
    if (w.questionId === null || ctx.questionDomains[w.questionId] !== 'complex') {
      return [];
    }
    const own = plan.milestones.filter((m) => m.workstreamId === w.id);
    if (own.length === 0) {
      return [];
    }
    const probes = own.filter((m) => m.kind === 'probe');
    const deliveries = own.filter((m) => m.kind === 'delivery').map((m) => m.dueOn);
    const firstDelivery = deliveries.length === 0 ? null : deliveries.reduce((a, b) => (a < b ? a : b));
    const probedFirst = probes.some((p) => firstDelivery === null || p.dueOn <= firstDelivery);
    return probedFirst
      ? []
      : [
          {
            rule: 'complex-straight-line',
            subject: { kind: 'workstream', id: w.id },
            data: { questionId: w.questionId, probes: probes.length, firstDeliveryDueOn: firstDelivery },
          },
        ];
  });
}

function tooManyChanges(plan: PlanDocument, ctx: PacingContext): PacingWarning[] {
  const limit = concurrentChangeLimit(ctx.effectivenessLevel);
  const byCollective = new Map<string | null, Map<string, string[]>>();
  for (const w of plan.workstreams) {
    const months = byCollective.get(w.collectiveId) ?? new Map<string, string[]>();
    byCollective.set(w.collectiveId, months);
    for (const month of monthsBetween(w.startsOn, w.endsOn)) {
      months.set(month, [...(months.get(month) ?? []), w.id]);
    }
  }
  const warnings: PacingWarning[] = [];
  for (const [collectiveId, months] of byCollective) {
    // The busiest month (the earliest among ties) is the one worth showing.
    let peak: [string, string[]] | null = null;
    for (const entry of [...months].sort(([a], [b]) => a.localeCompare(b))) {
      if (peak === null || entry[1].length > peak[1].length) {
        peak = entry;
      }
    }
    if (peak && peak[1].length > limit) {
      warnings.push({
        rule: 'too-many-changes',
        subject: { kind: 'collective', id: collectiveId },
        data: { month: peak[0], count: peak[1].length, limit, workstreamIds: peak[1] },
      });
    }
  }
  return warnings;
}

/** Rounded to the hundredth so that 10/3 + 10/3 + 10/3 compares as 10. */
const hundredths = (v: number) => Math.round(v * 100) / 100;

/** Person-days per person and month in one scenario (a quarter's days spread evenly over its months). */
export function monthlyAllocation(plan: PlanDocument, scenarioId: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const line of plan.budgetLines) {
    if (line.scenarioId !== scenarioId || line.category !== 'internal' || line.personId === null) {
      continue;
    }
    const months = monthsOfQuarter(line.period);
    const perPerson = out.get(line.personId) ?? new Map<string, number>();
    out.set(line.personId, perPerson);
    for (const month of months) {
      perPerson.set(month, (perPerson.get(month) ?? 0) + line.quantity / months.length);
    }
  }
  return out;
}

/**
 * Days a person can give the plan in a month: their days for that month (or their usual days per month),
 * reduced by the share of the month's calendar days the whole collective marked unavailable.
 */
export function availableDays(
  plan: PlanDocument,
  person: PlanDocument['people'][number],
  month: string,
): { availableDays: number; baseDays: number; unavailableDays: number } {
  const baseDays = person.availability?.find((a) => a.month === month)?.days ?? person.daysPerMonth;
  const unavailableDays = coveredDaysOfMonth(
    month,
    plan.unavailable.filter((p) => p.collectiveId === null),
  );
  return {
    availableDays: hundredths((baseDays * (daysInMonth(month) - unavailableDays)) / daysInMonth(month)),
    baseDays,
    unavailableDays,
  };
}

function overAllocation(plan: PlanDocument, scenarioId: string): PacingWarning[] {
  const warnings: PacingWarning[] = [];
  for (const [personId, months] of monthlyAllocation(plan, scenarioId)) {
    const person = plan.people.find((p) => p.id === personId);
    if (!person) {
      continue;
    }
    for (const [month, days] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
      const available = availableDays(plan, person, month);
      if (hundredths(days) > available.availableDays) {
        warnings.push({
          rule: 'over-allocation',
          subject: { kind: 'person', id: personId },
          data: { scenarioId, name: person.name, month, allocatedDays: hundredths(days), ...available },
        });
      }
    }
  }
  return warnings;
}

function unavailablePeriod(plan: PlanDocument): PacingWarning[] {
  return plan.milestones.flatMap((m): PacingWarning[] => {
    const collectiveId = plan.workstreams.find((w) => w.id === m.workstreamId)?.collectiveId ?? null;
    const period = plan.unavailable.find(
      (p) => (p.collectiveId === null || p.collectiveId === collectiveId) && within(m.dueOn, p.from, p.to),
    );
    return period
      ? [
          {
            rule: 'unavailable-period',
            subject: { kind: 'milestone', id: m.id },
            data: {
              dueOn: m.dueOn,
              periodId: period.id,
              label: period.label,
              from: period.from,
              to: period.to,
            },
          },
        ]
      : [];
  });
}

/**
 * Every warning of the plan: the timeline's (maturity, probes, concurrency, unavailable periods) and,
 * for the scenario given, its people's allocation. Pure and deterministic.
 */
export function pacingWarnings(
  plan: PlanDocument,
  ctx: PacingContext,
  scenarioId: string | null = null,
): PacingWarning[] {
  return [
    ...beyondMaturity(plan, ctx),
    ...complexStraightLine(plan, ctx),
    ...tooManyChanges(plan, ctx),
    ...(scenarioId === null ? [] : overAllocation(plan, scenarioId)),
    ...unavailablePeriod(plan),
  ];
}

/** The month a milestone falls in (for the over-allocation view beside the timeline). */
export const milestoneMonth = (m: { dueOn: string }) => monthOf(m.dueOn);
