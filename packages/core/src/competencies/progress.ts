/**
 * @module Self-assessment history, development goals and the facilitator level used by the
 * method recommender and the agenda builder.
 */
import type { FacilitationSkill, Method } from '../methods/types';
import { AREAS, COMPETENCIES, type CompetencyArea, METHOD_LEADING_COMPETENCIES } from './grid';
import { type CompetencyLevel, isCompetencyLevel, skillForLevel } from './levels';

/** A dated self-assessment: a level per rated competency. */
export interface AssessmentSnapshot {
  readonly at: string;
  readonly ratings: Readonly<Record<string, number>>;
}

/**
 * The method facilitation skill (1–3) a consultant's self-assessment supports: the weakest of the
 * method-leading competencies they rated (conservative on purpose: a warning is cheap, an
 * over-ambitious method in a fragile group is not). Null when none was rated.
 */
export function facilitatorLevelFrom(ratings: Readonly<Record<string, number>>): FacilitationSkill | null {
  const levels = METHOD_LEADING_COMPETENCIES.map((id) => ratings[id]).filter(isCompetencyLevel);
  if (levels.length === 0) {
    return null;
  }
  return skillForLevel(Math.min(...levels) as CompetencyLevel);
}

/** Mean rated level per area (null when no competency of the area is rated), for the radar. */
export function areaLevels(ratings: Readonly<Record<string, number>>): Record<CompetencyArea, number | null> {
  const result = {} as Record<CompetencyArea, number | null>;
  for (const area of AREAS) {
    const levels = COMPETENCIES.filter((c) => c.area === area.id)
      .map((c) => ratings[c.id])
      .filter(isCompetencyLevel);
    result[area.id] = levels.length === 0 ? null : levels.reduce((s, l) => s + l, 0) / levels.length;
  }
  return result;
}

/** Level of one competency across assessments, oldest first (the timeline). */
export function levelTimeline(
  snapshots: readonly AssessmentSnapshot[],
  competencyId: string,
): { at: string; level: CompetencyLevel }[] {
  return [...snapshots]
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))
    .flatMap((s) => {
      const level = s.ratings[competencyId];
      return isCompetencyLevel(level) ? [{ at: s.at, level }] : [];
    });
}

export interface DevelopmentGoal {
  readonly competencyId: string;
  readonly targetLevel: CompetencyLevel;
  /** Methods from the library to practise. */
  readonly practiceMethodIds: readonly string[];
  readonly dueOn: string | null;
}

export interface GoalProgress {
  readonly currentLevel: CompetencyLevel | null;
  readonly isLevelReached: boolean;
  readonly practised: readonly string[];
  readonly remaining: readonly string[];
  /** 0..1: practice targets done plus the level reached, over their total. */
  readonly ratio: number;
  readonly isOverdue: boolean;
}

/**
 * Progress of a goal: latest self-rated level versus the target, and which practice methods the
 * platform has seen the consultant use since the goal was set.
 */
export function goalProgress(
  goal: DevelopmentGoal,
  latest: Readonly<Record<string, number>>,
  practisedMethodIds: ReadonlySet<string>,
  today: string,
): GoalProgress {
  const level = latest[goal.competencyId];
  const currentLevel = isCompetencyLevel(level) ? level : null;
  const isLevelReached = currentLevel !== null && currentLevel >= goal.targetLevel;
  const practised = goal.practiceMethodIds.filter((id) => practisedMethodIds.has(id));
  const remaining = goal.practiceMethodIds.filter((id) => !practisedMethodIds.has(id));
  const ratio = (practised.length + (isLevelReached ? 1 : 0)) / (goal.practiceMethodIds.length + 1);
  const isOverdue = goal.dueOn !== null && goal.dueOn < today.slice(0, 10) && ratio < 1;
  return { currentLevel, isLevelReached, practised, remaining, ratio, isOverdue };
}

export interface SkillWarning {
  readonly index: number;
  readonly methodId: string;
  readonly required: FacilitationSkill;
  readonly facilitator: FacilitationSkill;
}

/**
 * Agenda items whose method asks for a higher facilitation skill than the consultant's assessed
 * level (domain ethics: competence boundaries, warn rather than forbid).
 */
export function agendaSkillWarnings(
  methodIds: readonly (string | null)[],
  catalogue: readonly Method[],
  facilitator: FacilitationSkill,
): SkillWarning[] {
  const byId = new Map(catalogue.map((m) => [m.id, m]));
  return methodIds.flatMap((methodId, index) => {
    const method = methodId === null ? undefined : byId.get(methodId);
    return method && method.facilitationSkill > facilitator
      ? [{ index, methodId: method.id, required: method.facilitationSkill, facilitator }]
      : [];
  });
}
