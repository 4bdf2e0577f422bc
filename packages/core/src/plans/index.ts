export { type BudgetTotals, budgetTotals, lineAmount, NO_WORKSTREAM, scenarioTotals } from './budget.ts';
export {
  DATE_PATTERN,
  monthOf,
  monthsBetween,
  monthsOfQuarter,
  QUARTER_PATTERN,
  within,
  yearOfQuarter,
} from './calendar.ts';
export { describeWarning } from './describe.ts';
export {
  concurrentChangeLimit,
  FRAGILE_LEVEL,
  MATURITY_STRETCH,
  MAX_CONCURRENT_CHANGES,
  MAX_CONCURRENT_CHANGES_FRAGILE,
  monthlyAllocation,
  PACING_RULES,
  type PacingContext,
  type PacingRule,
  type PacingWarning,
  pacingWarnings,
  supportedLevel,
} from './pacing.ts';
export { indicatorProgress } from './progress.ts';
export {
  type PulledContent,
  type SectionChange,
  SPEC_SECTION_KEYS,
  SPEC_SECTION_TITLES,
  type SpecSection,
  type SpecSectionKey,
  type SpecSource,
  sectionChange,
  sectionsFromPulled,
} from './specification.ts';
export * from './types.ts';
export { findDependencyCycle, type PlanIssue, type PlanIssueCode, validatePlan } from './validate.ts';
