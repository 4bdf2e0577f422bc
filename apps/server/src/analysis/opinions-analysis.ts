/**
 * The opinion map of one conversation, computed from its numbered votes with the core pipeline
 * (`@essaim/core/opinions`: Polis-style sparse PCA, clustering, repness, consensus, bridging, and
 * the small-group mode under ~15 participants). Runs in the opinions worker thread, or inline when
 * the worker file is not available. The stored form is compact: statement and participant ids are
 * the per-conversation numbers (Polis comment and voter ids).
 */
import { analyzeOpinions, type GroupCountSmoother, type OpinionAxes, type Vote } from '@essaim/core/opinions';

export interface OpinionsInput {
  votes: { participant: number; statement: number; vote: -1 | 0 | 1; timestamp: number }[];
  /** Statement numbers moderated out (rejected): zeroed in the maths, never representative. */
  moderatedOut: number[];
  seed: number;
  /** Warm start: the previous run's group-count smoother (Polis k stability rule). */
  previousSmoother: GroupCountSmoother | null;
  /** Warm start: the previous run's PCA axes, so the power iteration starts near the answer. */
  previousAxes?: OpinionAxes | null;
}

import type { StoredOpinionMap } from '../db/tables/conversations.ts';

export type { StoredOpinionMap };

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Run the analysis and keep what the screens and the routing need. */
export function computeOpinionMap(input: OpinionsInput): StoredOpinionMap {
  const votes: Vote[] = input.votes.map((v) => ({
    participant: String(v.participant),
    statement: String(v.statement),
    vote: v.vote,
    timestamp: v.timestamp,
  }));
  const a = analyzeOpinions(votes, {
    seed: input.seed,
    moderatedOut: input.moderatedOut.map(String),
    previousSmoother: input.previousSmoother ?? undefined,
    ...(input.previousAxes ? { previousAxes: input.previousAxes } : {}),
  });
  return {
    mode: a.mode,
    explanation: a.explanation,
    participants: a.participants.map((p) => ({
      id: p.id,
      group: p.group,
      x: round(p.x),
      y: round(p.y),
      isIncluded: p.isIncluded,
    })),
    groups: a.groups.map((g) => ({
      id: g.id,
      size: g.members.length,
      representative: g.representative.map((r) => ({
        statement: r.statement,
        direction: r.direction,
        share: round(r.pSuccess),
        ratio: round(r.repness),
      })),
    })),
    consensus: [...a.consensus.agree, ...a.consensus.disagree].map((c) => ({
      statement: c.statement,
      direction: c.direction,
      share: round(c.pSuccess),
    })),
    bridging: a.bridging.map((b) => ({ statement: b.statement, minGroupAgree: round(b.minGroupAgree) })),
    extremity: Object.fromEntries(a.statements.map((s) => [s.statement, round(s.extremity)])),
    smoother: a.smoother,
    axes: {
      statements: a.axes.statements,
      components: [
        a.axes.components[0].map((x) => round(x, 6)),
        a.axes.components[1].map((x) => round(x, 6)),
      ],
    },
  };
}
