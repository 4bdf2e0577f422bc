import type { ConversationResults } from '@essaim/contracts';
import { computePriority, createRng, pickNextStatement } from '@essaim/core/opinions';
import { type OpinionsJob, OpinionsScheduler } from '../analysis/opinions-scheduler.ts';
import type { Db } from '../db/db.ts';
import {
  type ConversationRow,
  conversationsRepository,
  type StatementWithTally,
} from '../db/repositories/conversations.repository.ts';
import { nowIso } from '../lib/tokens.ts';

/**
 * The opinion map of a conversation: recomputed off the request path by an {@link OpinionsScheduler}
 * (debounced, worker thread, warm-started with the previous run's PCA axes and group-count smoother), stored on
 * the conversation row, presented here with statement ids and texts.
 */

/** Fixed seed: the same votes always give the same map. */
const SEED = 1;

export function createConversationScheduler(
  db: Db,
  onResult: (row: ConversationRow) => Promise<void>,
  delayMs = 400,
  onError: (error: unknown) => void = () => {},
): OpinionsScheduler {
  const job: OpinionsJob = {
    async load(conversationId) {
      const row = await conversationsRepository.byIdUnchecked(db, conversationId);
      if (!row || row.result_version >= row.data_version) {
        return null;
      }
      const statements = await conversationsRepository.statements(db, row.id);
      const votes = await conversationsRepository.numberedVotes(db, row.id);
      const previous = row.result;
      return {
        version: row.data_version,
        input: {
          votes: votes.map((v) => ({
            participant: v.participantNumber,
            statement: v.statementNumber,
            vote: v.vote as -1 | 0 | 1,
            timestamp: Date.parse(v.at),
          })),
          moderatedOut: statements.filter((s) => s.status === 'rejected').map((s) => s.number),
          seed: SEED,
          previousSmoother: previous?.smoother ?? null,
          previousAxes: previous?.axes ?? null,
        },
      };
    },
    async store(conversationId, version, result) {
      await conversationsRepository.writeResult(db, conversationId, version, result, nowIso());
      const row = await conversationsRepository.byIdUnchecked(db, conversationId);
      if (row) {
        await onResult(row);
      }
      return !!row && row.data_version > version;
    },
  };
  return new OpinionsScheduler(job, delayMs, onError);
}

/** The stored map with statement ids and texts, ready for the screens. */
export function presentResults(
  row: ConversationRow,
  statements: StatementWithTally[],
  counts: { participants: number; votes: number },
): ConversationResults {
  const stored = row.result;
  const byNumber = new Map(statements.map((s) => [String(s.number), s]));
  const texts: Record<string, string> = {};
  const idOf = (number: string): string | null => {
    const s = byNumber.get(number);
    if (s?.status !== 'accepted') {
      return null;
    }
    texts[s.id] = s.text;
    return s.id;
  };
  const base = {
    computedAt: row.result_at,
    isStale: row.result_version < row.data_version,
    participants: counts.participants,
    votes: counts.votes,
  };
  if (!stored) {
    return {
      mode: 'small-group',
      explanation: { key: 'opinions.empty', data: { participants: 0, statements: 0 } },
      points: [],
      groups: [],
      consensus: [],
      bridging: [],
      statements: {},
      ...base,
    };
  }
  return {
    mode: stored.mode,
    explanation: stored.explanation,
    points: stored.participants,
    groups: stored.groups.map((g) => ({
      id: g.id,
      size: g.size,
      // A group's fallback "best" statement can have a minority share: only majority stances characterise it.
      representative: g.representative.flatMap((r) => {
        const id = r.share >= 0.5 ? idOf(r.statement) : null;
        return id ? [{ statementId: id, direction: r.direction, share: r.share, ratio: r.ratio }] : [];
      }),
    })),
    consensus: stored.consensus.flatMap((c) => {
      const id = idOf(c.statement);
      return id ? [{ statementId: id, direction: c.direction, share: c.share }] : [];
    }),
    bridging: stored.bridging.flatMap((b) => {
      const id = idOf(b.statement);
      return id ? [{ statementId: id, minGroupAgree: b.minGroupAgree }] : [];
    }),
    statements: texts,
    ...base,
  };
}

/** Where one participant stands on the stored map. */
export function positionOf(row: ConversationRow, participantNumber: number) {
  const stored = row.result;
  const p = stored?.participants.find((q) => q.id === String(participantNumber));
  return p ? { x: p.x, y: p.y, group: p.group, isIncluded: p.isIncluded } : null;
}

/** FNV-1a: a stable per-participant seed, so routing is reproducible yet differs between people. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * The next statement for a participant: Polis routing priority from the live tallies and the
 * latest map's extremity (0 for statements newer than the map), drawn ∝ priority among the
 * accepted statements they have not voted on.
 */
export function routeNextStatement(
  row: ConversationRow,
  statements: StatementWithTally[],
  voted: ReadonlySet<string>,
  participantId: string,
): StatementWithTally | null {
  const extremity = row.result?.extremity ?? {};
  const open = statements.filter((s) => s.status === 'accepted');
  const prioritised = open.map((s) => ({
    statement: s.id,
    priority: computePriority(
      s.agree,
      s.pass,
      s.agree + s.disagree + s.pass,
      extremity[String(s.number)] ?? 0,
    ),
  }));
  const rng = createRng(hashSeed(`${participantId}:${voted.size}`));
  const id = pickNextStatement(prioritised, voted, rng);
  return open.find((s) => s.id === id) ?? null;
}
