/**
 * Structural checks of a plan before it is stored: every reference points to something of the plan,
 * dates are in order, ids are unique, and milestone dependencies form no cycle (a cycle could never be
 * scheduled). Pacing is not checked here: pacing warns, this refuses.
 */
import type { PlanDocument } from './types.ts';

export type PlanIssueCode = 'dependency-cycle' | 'unknown-reference' | 'dates-reversed' | 'duplicate-id';

export interface PlanIssue {
  code: PlanIssueCode;
  /** Where, e.g. `milestones.m2.dependsOn`. */
  path: string;
  /** For a cycle: the milestone ids along it, first repeated at the end. */
  cycle?: string[];
}

/**
 * A dependency cycle among milestones, as the ids along it (first id repeated last), or null.
 * Depth-first search with three colours (Cormen et al., "Introduction to Algorithms", §22.3: a back
 * edge exists exactly when the graph has a cycle). Unknown dependency ids are ignored here.
 */
export function findDependencyCycle(
  milestones: readonly { id: string; dependsOn: readonly string[] }[],
): string[] | null {
  const edges = new Map(milestones.map((m) => [m.id, m.dependsOn]));
  const colour = new Map<string, 'grey' | 'black'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    colour.set(id, 'grey');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (!edges.has(next)) {
        continue;
      }
      const c = colour.get(next);
      if (c === 'grey') {
        return [...stack.slice(stack.indexOf(next)), next];
      }
      if (c === undefined) {
        const found = visit(next);
        if (found) {
          return found;
        }
      }
    }
    stack.pop();
    colour.set(id, 'black');
    return null;
  };
  for (const m of milestones) {
    if (!colour.has(m.id)) {
      const found = visit(m.id);
      if (found) {
        return found;
      }
    }
  }
  return null;
}

export function validatePlan(plan: PlanDocument): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const seen = new Set<string>();
  const unique = (kind: string, id: string) => {
    if (seen.has(id)) {
      issues.push({ code: 'duplicate-id', path: `${kind}.${id}` });
    }
    seen.add(id);
  };
  const ordered = (path: string, from: string, to: string) => {
    if (from > to) {
      issues.push({ code: 'dates-reversed', path });
    }
  };
  const workstreams = new Set(plan.workstreams.map((w) => w.id));
  const milestones = new Set(plan.milestones.map((m) => m.id));
  const scenarios = new Set(plan.scenarios.map((s) => s.id));
  const people = new Set(plan.people.map((p) => p.id));
  const reference = (path: string, id: string | null, among: Set<string>) => {
    if (id !== null && !among.has(id)) {
      issues.push({ code: 'unknown-reference', path });
    }
  };
  for (const w of plan.workstreams) {
    unique('workstreams', w.id);
    ordered(`workstreams.${w.id}`, w.startsOn, w.endsOn);
    for (const p of w.phases) {
      unique('phases', p.id);
      ordered(`workstreams.${w.id}.phases.${p.id}`, p.startsOn, p.endsOn);
    }
  }
  for (const m of plan.milestones) {
    unique('milestones', m.id);
    ordered(`milestones.${m.id}`, m.startsOn, m.dueOn);
    reference(`milestones.${m.id}.workstreamId`, m.workstreamId, workstreams);
    for (const d of m.dependsOn) {
      reference(`milestones.${m.id}.dependsOn`, d, milestones);
    }
  }
  for (const p of plan.people) {
    unique('people', p.id);
    // One figure per month: a second one would be silently ignored.
    const months = new Set<string>();
    for (const a of p.availability ?? []) {
      if (months.has(a.month)) {
        issues.push({ code: 'duplicate-id', path: `people.${p.id}.availability.${a.month}` });
      }
      months.add(a.month);
    }
  }
  for (const p of plan.unavailable) {
    unique('unavailable', p.id);
    ordered(`unavailable.${p.id}`, p.from, p.to);
  }
  for (const s of plan.scenarios) {
    unique('scenarios', s.id);
  }
  for (const l of plan.budgetLines) {
    unique('budgetLines', l.id);
    reference(`budgetLines.${l.id}.scenarioId`, l.scenarioId, scenarios);
    reference(`budgetLines.${l.id}.workstreamId`, l.workstreamId, workstreams);
    reference(`budgetLines.${l.id}.personId`, l.personId, people);
  }
  for (const i of plan.indicators) {
    unique('indicators', i.id);
    reference(`indicators.${i.id}.workstreamId`, i.workstreamId, workstreams);
  }
  const cycle = findDependencyCycle(plan.milestones);
  if (cycle) {
    issues.push({ code: 'dependency-cycle', path: `milestones.${cycle[0]}.dependsOn`, cycle });
  }
  return issues;
}
