/**
 * @module Feedback on a consultant's competencies, aggregated through the diagnostics disclosure
 * planner (diagnostics/disclosure-plan.ts) so that the consultant never sees an individual answer.
 *
 * Respondents answer by link, without accounts, in "rounds" (one request sent to several people).
 * Time is the first attack surface: an aggregate that changes when one more person answers gives
 * that person's answer by subtraction. So only closed rounds are aggregated, and every cut lies
 * inside one round: a closed round's answers never change, so neither does its plan, and rounds are
 * disjoint, so no combination across rounds reveals anything (an "all rounds" total would change at
 * every closing; an attack test showed the planner cannot protect past views it no longer sees).
 * Within a round, each respondent becomes a diagnostics respondent with attributes round and
 * relation (client, co-facilitator, participant, peer); the universe is the round and each
 * round × relation. Cells are (cut × population) pairs, populations being those who rated a given
 * competency; they are planned together with k = minRespondents (≥ 5), like diagnostics scores, and
 * comments with k = minOpenText (≥ 10). The anti-differencing guarantee of the planner therefore
 * holds across cuts and populations (Sweeney 2002, k-anonymity; see disclosure-plan.ts).
 */
import {
  type CollectiveNode,
  type CutDefinition,
  cutKey,
  type DisclosureRespondent,
} from '../diagnostics/cuts';
import {
  type DisclosureCell,
  type DisclosureReason,
  partitionIntoAtoms,
  planCells,
} from '../diagnostics/disclosure-plan';
import { resolveUniverse } from '../diagnostics/plan-disclosure';
import { resolveThresholds, type Thresholds } from '../diagnostics/thresholds';
import { type CompetencyLevel, isCompetencyLevel } from './levels';

export const FEEDBACK_RELATIONS = ['client', 'co-facilitator', 'participant', 'peer'] as const;
export type FeedbackRelation = (typeof FEEDBACK_RELATIONS)[number];

/** One submitted answer (as stored; never shown as such). */
export interface FeedbackAnswer {
  readonly roundId: string;
  readonly relation: FeedbackRelation;
  /** Level 1–4 per competency; null or absent = "cannot say". */
  readonly ratings: Readonly<Record<string, number | null>>;
  readonly comment: string;
}

/** A closed round. */
export interface ClosedRound {
  readonly id: string;
}

/** What a consultant may ask for: one round, or one relation within a round. */
export interface FeedbackCut {
  readonly roundId: string;
  readonly relation?: FeedbackRelation;
}

export interface CompetencyAggregate {
  readonly competencyId: string;
  readonly status: 'shown' | 'suppressed';
  readonly reason: DisclosureReason;
  readonly n: number | null;
  readonly mean?: number;
  /** Count per level 1–4. */
  readonly histogram?: readonly [number, number, number, number];
}

export interface FeedbackCutReport {
  readonly cut: FeedbackCut;
  readonly status: 'shown' | 'suppressed';
  readonly reason: DisclosureReason;
  readonly n: number | null;
  readonly competencies: readonly CompetencyAggregate[];
  readonly comments: {
    readonly status: 'shown' | 'suppressed';
    readonly reason: DisclosureReason;
    readonly n: number | null;
    /** Sorted alphabetically so that order says nothing about who wrote what or when. */
    readonly texts?: readonly string[];
  };
}

export interface AggregateFeedbackProps {
  readonly answers: readonly FeedbackAnswer[];
  /** Closed rounds; answers of other rounds are ignored. */
  readonly rounds: readonly ClosedRound[];
  readonly competencyIds: readonly string[];
  readonly requestedCuts: readonly FeedbackCut[];
  readonly thresholds?: Partial<Thresholds>;
}

/** The diagnostics cut for a feedback cut. */
export function toDiagnosticsCut(cut: FeedbackCut): CutDefinition {
  const filters: Record<string, string> = { round: cut.roundId };
  if (cut.relation !== undefined) {
    filters.relation = cut.relation;
  }
  return { filters };
}

/**
 * Respondents of the closed rounds and the whole requestable universe of cuts (exported for the
 * attack tests, which check exactly what the planner protects).
 */
export function feedbackUniverse(answers: readonly FeedbackAnswer[], rounds: readonly ClosedRound[]) {
  const closed = new Set(rounds.map((r) => r.id));
  const kept = answers.filter((a) => closed.has(a.roundId));
  const collectives: CollectiveNode[] = [];
  const respondents: DisclosureRespondent[] = kept.map((a, i) => ({
    id: `f${i}`,
    collectiveIds: [],
    attributes: { round: a.roundId, relation: a.relation },
  }));
  const universe = requestableFeedbackCuts(rounds).map(toDiagnosticsCut);
  return { kept, respondents, collectives, universe };
}

function intersect(members: Int32Array, keep: (index: number) => boolean): Int32Array {
  return Int32Array.from(Array.from(members).filter(keep));
}

/**
 * Aggregates for the requested cuts; a cell is shown only when the diagnostics planner allows it.
 * @example aggregateFeedback({ answers, rounds, competencyIds: ['presence'], requestedCuts: [{}] })
 */
export function aggregateFeedback(props: AggregateFeedbackProps): FeedbackCutReport[] {
  const thresholds = resolveThresholds(props.thresholds);
  const { kept, respondents, collectives, universe } = feedbackUniverse(props.answers, props.rounds);
  const requested = props.requestedCuts.map(toDiagnosticsCut);
  const resolved = resolveUniverse(respondents, requested, universe, collectives);
  const rated = (r: number, competencyId: string) => isCompetencyLevel(kept[r]!.ratings[competencyId]);
  const populations: { key: string; keep: (r: number) => boolean }[] = [
    { key: 'all', keep: () => true },
    ...props.competencyIds.map((id) => ({ key: `c:${id}`, keep: (r: number) => rated(r, id) })),
  ];
  const cells: DisclosureCell[] = [];
  const cellOf = new Map<string, number>();
  resolved.keys.forEach((key, cut) => {
    for (const population of populations) {
      cellOf.set(`${key}#${population.key}`, cells.length);
      cells.push({
        key: `${key}#${population.key}`,
        members: intersect(resolved.members[cut]!, population.keep),
      });
    }
  });
  const partition = partitionIntoAtoms(cells, kept.length);
  const decisions = planCells(cells, kept.length, thresholds.minRespondents, partition);
  const hasComment = (r: number) => kept[r]!.comment.trim() !== '';
  const commentCells = resolved.members.map((members, cut) => ({
    key: resolved.keys[cut]!,
    members: intersect(members, hasComment),
  }));
  const commentDecisions = planCells(commentCells, kept.length, thresholds.minOpenText);
  const indexOfKey = new Map(resolved.keys.map((key, i) => [key, i]));

  return props.requestedCuts.map((cut, i): FeedbackCutReport => {
    const key = cutKey(requested[i]!);
    const cutIndex = indexOfKey.get(key)!;
    const main = decisions[cellOf.get(`${key}#all`)!]!;
    const commentDecision = commentDecisions[cutIndex]!;
    const commentMembers = commentCells[cutIndex]!.members;
    const comments =
      main.status === 'shown' && commentDecision.status === 'shown'
        ? {
            ...commentDecision,
            n: commentMembers.length,
            texts: Array.from(commentMembers, (m) => kept[m]!.comment.trim()).sort((x, y) =>
              x.localeCompare(y),
            ),
          }
        : {
            status: 'suppressed' as const,
            reason: main.status === 'shown' ? commentDecision.reason : main.reason,
            n: null,
          };
    if (main.status !== 'shown') {
      return {
        cut,
        ...main,
        n: null,
        competencies: props.competencyIds.map((competencyId) => ({ competencyId, ...main, n: null })),
        comments,
      };
    }
    const competencies = props.competencyIds.map((competencyId): CompetencyAggregate => {
      const cellIndex = cellOf.get(`${key}#c:${competencyId}`)!;
      const decision = decisions[cellIndex]!;
      if (decision.status !== 'shown') {
        return { competencyId, ...decision, n: null };
      }
      const members = cells[cellIndex]!.members;
      const histogram: [number, number, number, number] = [0, 0, 0, 0];
      let sum = 0;
      for (const m of members) {
        const level = kept[m]!.ratings[competencyId] as CompetencyLevel;
        histogram[level - 1]! += 1;
        sum += level;
      }
      return { competencyId, ...decision, n: members.length, mean: sum / members.length, histogram };
    });
    return { cut, ...main, n: resolved.members[cutIndex]!.length, competencies, comments };
  });
}

/** Every cut a consultant's feedback screen offers: each round, and each relation within it. */
export function requestableFeedbackCuts(rounds: readonly ClosedRound[]): FeedbackCut[] {
  const cuts: FeedbackCut[] = [];
  for (const round of rounds) {
    cuts.push({ roundId: round.id });
    for (const relation of FEEDBACK_RELATIONS) {
      cuts.push({ roundId: round.id, relation });
    }
  }
  return cuts;
}
