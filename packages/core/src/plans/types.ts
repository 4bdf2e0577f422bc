/**
 * The plan that follows a diagnosis: the master plan (schéma directeur: workstreams, phases,
 * milestones), the investment plan (scenarios and budget lines), the people who carry it with their
 * availability, the periods a collective marked as unavailable, and the indicators per objective.
 * Dates are ISO calendar dates (YYYY-MM-DD); a budget period is a quarter (YYYY-Qn).
 */

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'at_risk', 'stopped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A probe is a small, safe-to-fail experiment (Cynefin: probe–sense–respond); a delivery hands something over. */
export const MILESTONE_KINDS = ['delivery', 'probe'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const BUDGET_CATEGORIES = ['internal', 'training', 'external', 'tools', 'events'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const SCENARIO_KINDS = ['gradual', 'standard', 'accelerated', 'custom'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export const INDICATOR_SOURCES = ['construct', 'decisions', 'workshops', 'manual'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export interface Phase {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

export interface Workstream {
  id: string;
  title: string;
  objective: string;
  /** Diagnostic constructs or IC forms (e.g. `ic-creative`, `psychological-safety`) the objective aims at. */
  constructIds: string[];
  /** The essential question it answers, whose Cynefin domain matters for pacing. */
  questionId: string | null;
  /** The collective it changes (null: the engagement's whole collective). */
  collectiveId: string | null;
  /** Effectiveness level (1–5) the workstream asks of the collective; null when not stated. */
  demandLevel: number | null;
  startsOn: string;
  endsOn: string;
  phases: Phase[];
}

export interface Milestone {
  id: string;
  workstreamId: string;
  title: string;
  kind: MilestoneKind;
  owner: string;
  startsOn: string;
  dueOn: string;
  dependsOn: string[];
  deliverables: string[];
  status: MilestoneStatus;
  comment: string;
}

export interface PlanPerson {
  id: string;
  name: string;
  /** Working days this person can give the plan in a month. */
  daysPerMonth: number;
  /**
   * Months where this person can give a different number of days (a part-time month, a leave): replaces
   * `daysPerMonth` for that month. Absent in plans saved before it existed.
   */
  availability?: MonthlyAvailability[];
}

export interface MonthlyAvailability {
  /** YYYY-MM */
  month: string;
  days: number;
}

export interface UnavailablePeriod {
  id: string;
  /** null: the whole collective of the engagement. */
  collectiveId: string | null;
  label: string;
  from: string;
  to: string;
}

export interface Scenario {
  id: string;
  name: string;
  kind: ScenarioKind;
}

export interface BudgetLine {
  id: string;
  scenarioId: string;
  workstreamId: string | null;
  category: BudgetCategory;
  label: string;
  /** For internal lines, whose person-days these are (over-allocation check). */
  personId: string | null;
  /** Person-days for internal lines, units otherwise. */
  quantity: number;
  /** Day rate for internal lines, unit cost otherwise. */
  unitCost: number;
  /** YYYY-Qn */
  period: string;
  fundingSource: string;
}

export interface IndicatorPoint {
  at: string;
  value: number;
}

export interface Indicator {
  id: string;
  workstreamId: string;
  name: string;
  source: IndicatorSource;
  /** For `construct`: the construct re-measured by pulse campaigns. */
  constructId: string | null;
  baseline: number | null;
  target: number | null;
  /** Hand-entered values (source `manual`). */
  points: IndicatorPoint[];
}

export interface PlanDocument {
  title: string;
  workstreams: Workstream[];
  milestones: Milestone[];
  people: PlanPerson[];
  unavailable: UnavailablePeriod[];
  scenarios: Scenario[];
  budgetLines: BudgetLine[];
  indicators: Indicator[];
}

export function emptyPlan(title: string): PlanDocument {
  return {
    title,
    workstreams: [],
    milestones: [],
    people: [],
    unavailable: [],
    scenarios: [],
    budgetLines: [],
    indicators: [],
  };
}
