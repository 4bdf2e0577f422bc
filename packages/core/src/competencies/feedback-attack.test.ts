/**
 * The diagnostics attack suite (diagnostics/disclosure-attack.test.ts) applied to feedback cuts:
 * random answers over rounds and relations; the exact oracle then looks for any group smaller than
 * k whose answers follow from the cells shown to the consultant, across every cut and every
 * competency population, including the cumulative views of earlier closings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCutMembers } from '../diagnostics/cuts';
import { findExposedGroup } from '../diagnostics/disclosure-oracle';
import {
  aggregateFeedback,
  FEEDBACK_RELATIONS,
  type FeedbackAnswer,
  type FeedbackCut,
  feedbackUniverse,
  requestableFeedbackCuts,
  toDiagnosticsCut,
} from './feedback';

const COMPETENCIES = ['presence', 'method-choice'];
const rounds = [{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }];

const answerArb = fc.record({
  roundId: fc.constantFrom('r1', 'r2', 'r3'),
  relation: fc.constantFrom(...FEEDBACK_RELATIONS),
  presence: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  choice: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  comment: fc.constantFrom('', 'Très clair', 'Could listen more'),
});

type Draft = {
  roundId: string;
  relation: FeedbackAnswer['relation'];
  presence: number | null;
  choice: number | null;
  comment: string;
};

function toAnswers(drafts: readonly Draft[]): FeedbackAnswer[] {
  return drafts.map((d) => ({
    roundId: d.roundId,
    relation: d.relation,
    ratings: { presence: d.presence, 'method-choice': d.choice },
    comment: d.comment,
  }));
}

/** Member sets (respondent indexes) of every cell the consultant is shown, scores and comments apart. */
function shownSets(answers: FeedbackAnswer[], cuts: FeedbackCut[], k: number) {
  const reports = aggregateFeedback({
    answers,
    rounds,
    competencyIds: COMPETENCIES,
    requestedCuts: cuts,
    thresholds: { minRespondents: k, minOpenText: k },
  });
  const { respondents, collectives, kept } = feedbackUniverse(answers, rounds);
  const members = computeCutMembers(respondents, cuts.map(toDiagnosticsCut), collectives);
  const scores: Int32Array[] = [];
  const comments: Int32Array[] = [];
  reports.forEach((report, i) => {
    if (report.status === 'shown') {
      scores.push(members[i]!);
    }
    for (const c of report.competencies) {
      if (c.status === 'shown') {
        const rated = Array.from(members[i]!).filter((m) => kept[m]!.ratings[c.competencyId] != null);
        scores.push(Int32Array.from(rated));
        expect(c.n).toBe(rated.length);
      } else {
        expect(c.n).toBeNull();
        expect(c.mean).toBeUndefined();
      }
    }
    if (report.comments.status === 'shown') {
      comments.push(Int32Array.from(Array.from(members[i]!).filter((m) => kept[m]!.comment !== '')));
    } else {
      expect(report.comments.texts).toBeUndefined();
    }
  });
  return { scores, comments, n: kept.length, reports };
}

describe('feedback aggregates under differencing attacks', () => {
  it('never exposes a group smaller than k across cuts and competency populations (k = 2..4)', () => {
    fc.assert(
      fc.property(
        fc.array(answerArb, { minLength: 1, maxLength: 10 }),
        fc.subarray(requestableFeedbackCuts(rounds), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 2, max: 4 }),
        (drafts, cuts, k) => {
          const { scores, comments, n } = shownSets(toAnswers(drafts), cuts, k);
          for (const m of [...scores, ...comments]) {
            expect(m.length).toBeGreaterThanOrEqual(k);
          }
          expect(findExposedGroup(scores, n, k)).toBeNull();
          expect(findExposedGroup(comments, n, k)).toBeNull();
        },
      ),
      { numRuns: 120, seed: 20261207 },
    );
  });

  it('holds at the production thresholds (5) and a closed round never changes when later rounds close', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 4, maxLength: 14 }), (drafts) => {
        const answers = toAnswers(drafts);
        const cuts = requestableFeedbackCuts(rounds);
        const { scores, comments, n } = shownSets(answers, cuts, 5);
        expect(findExposedGroup(scores, n, 5)).toBeNull();
        expect(comments).toEqual([]);
        // What the consultant saw when only r1 was closed is exactly what they see now.
        const early = aggregateFeedback({
          answers,
          rounds: rounds.slice(0, 1),
          competencyIds: COMPETENCIES,
          requestedCuts: requestableFeedbackCuts(rounds.slice(0, 1)),
        });
        const late = aggregateFeedback({
          answers,
          rounds,
          competencyIds: COMPETENCIES,
          requestedCuts: requestableFeedbackCuts(rounds.slice(0, 1)),
        });
        expect(late).toEqual(early);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('shows whole-feedback scores at 5 answers and withholds comments until 10', () => {
    const answers: FeedbackAnswer[] = Array.from({ length: 5 }, (_, i) => ({
      roundId: 'r1',
      relation: i < 2 ? 'client' : 'participant',
      ratings: { presence: 3, 'method-choice': i < 4 ? 2 : null },
      comment: `Comment ${i}`,
    }));
    const [whole, clients] = aggregateFeedback({
      answers,
      rounds: [{ id: 'r1' }],
      competencyIds: COMPETENCIES,
      requestedCuts: [{ roundId: 'r1' }, { roundId: 'r1', relation: 'client' }],
    });
    expect(whole!.status).toBe('shown');
    expect(whole!.competencies[0]).toMatchObject({
      competencyId: 'presence',
      n: 5,
      mean: 3,
      histogram: [0, 0, 5, 0],
    });
    expect(whole!.competencies[1]).toMatchObject({ status: 'suppressed', reason: 'below-minimum', n: null });
    expect(whole!.comments).toMatchObject({ status: 'suppressed', reason: 'below-minimum', n: null });
    expect(clients).toMatchObject({ status: 'suppressed', n: null });
    // Answers of a round that is not closed are ignored.
    const open = aggregateFeedback({
      answers,
      rounds: [],
      competencyIds: COMPETENCIES,
      requestedCuts: [{ roundId: 'r1' }],
    });
    expect(open[0]).toMatchObject({ status: 'suppressed', reason: 'no-respondents' });
  });

  it('refuses a relation cut whose complement inside the round is small', () => {
    const answers: FeedbackAnswer[] = Array.from({ length: 8 }, (_, i) => ({
      roundId: 'r1',
      relation: i < 6 ? 'participant' : 'client',
      ratings: { presence: 2 },
      comment: '',
    }));
    const [whole, participants, clients] = aggregateFeedback({
      answers,
      rounds: [{ id: 'r1' }],
      competencyIds: ['presence'],
      requestedCuts: [
        { roundId: 'r1' },
        { roundId: 'r1', relation: 'participant' },
        { roundId: 'r1', relation: 'client' },
      ],
    });
    // Round (8) minus participants (6) would give the two clients' answers.
    expect(whole!.status).toBe('shown');
    expect(participants).toMatchObject({ status: 'suppressed', reason: 'differencing-risk', n: null });
    expect(clients).toMatchObject({ status: 'suppressed', reason: 'below-minimum' });
  });
});
