/**
 * Import mode that reproduces a Polis export's grouping as closely as the export allows.
 *
 * Vote source: `votes.csv` when present (timestamped, so the conversation can be replayed),
 * otherwise the comment columns of `participants-votes.csv` (last vote of each participant, no
 * time). Statements: moderated-out comments (`comments.csv`, moderated = -1) and the meta
 * statements named by the caller are excluded from the maths, as Polis does (`mod-out`,
 * `meta-tids`). Inclusion: replayed from the timestamps (see `polis-inclusion.ts`), or, without
 * timestamps, Polis' rule applied to the final counts.
 */

import { type AnalyzeOptions, analyzeOpinions, type OpinionAnalysis } from './analyze';
import { listModeratedOut, type PolisComment, parsePolisComments, parsePolisVotes } from './polis-csv';
import { replayPolisInclusion } from './polis-inclusion';
import { parsePolisParticipantsVotes } from './polis-participants';
import type { Vote } from './vote-matrix';

export interface PolisExportFiles {
  /** Text of `votes.csv`, when the export has it. */
  votes?: string;
  /** Text of `participants-votes.csv`: the vote source when `votes.csv` is absent, and Polis' groups. */
  participantsVotes?: string;
  /** Text of `comments.csv` (moderation). */
  comments?: string;
}

export interface PolisImportOptions extends Omit<AnalyzeOptions, 'included'> {
  /**
   * Who is grouped: 'replay' rebuilds Polis' growing inclusion set from the vote timestamps
   * (falls back to 'final' without timestamps); 'final' applies Polis' rule once to the final
   * vote counts. Default 'replay'.
   */
  inclusion?: 'replay' | 'final';
  /** Exclude comments moderated out in comments.csv. Default true. */
  useModeration?: boolean;
}

export interface PolisImportResult {
  analysis: OpinionAnalysis;
  source: 'votes.csv' | 'participants-votes.csv';
  /** Polis' `group-id` per participant, when participants-votes.csv was given. */
  polisGroups: Map<string, string>;
  inclusion: 'replay' | 'final';
}

/**
 * Analyses a Polis export the way Polis grouped it.
 *
 * @example
 * const { analysis } = analyzePolisExport({ votes, comments }, { metaStatements: ['0', '1'] });
 */
export function analyzePolisExport(
  files: PolisExportFiles,
  options: PolisImportOptions = {},
): PolisImportResult {
  const fromParticipants = files.participantsVotes
    ? parsePolisParticipantsVotes(files.participantsVotes)
    : null;
  let votes: Vote[];
  let source: PolisImportResult['source'];
  if (files.votes !== undefined) {
    votes = parsePolisVotes(files.votes);
    source = 'votes.csv';
  } else if (fromParticipants) {
    votes = fromParticipants.votes;
    source = 'participants-votes.csv';
  } else {
    throw new Error('a Polis export needs votes.csv or participants-votes.csv');
  }
  const comments = files.comments ? parsePolisComments(files.comments) : [];
  const { analysis, inclusion } = analyzePolisVotes(votes, comments, options);
  return { analysis, source, polisGroups: fromParticipants?.groups ?? new Map(), inclusion };
}

/** Same as {@link analyzePolisExport} on parsed votes and comments. */
export function analyzePolisVotes(
  votes: readonly Vote[],
  comments: readonly PolisComment[],
  options: PolisImportOptions = {},
): { analysis: OpinionAnalysis; inclusion: 'replay' | 'final' } {
  const moderatedOut = [
    ...(options.moderatedOut ?? []),
    ...(options.useModeration === false ? [] : listModeratedOut(comments)),
  ];
  const hasTimes = votes.length > 0 && votes.every((v) => v.timestamp !== undefined);
  const inclusion = options.inclusion !== 'final' && hasTimes ? 'replay' : 'final';
  const analysis = analyzeOpinions(votes, {
    ...options,
    moderatedOut,
    ...(inclusion === 'replay'
      ? { included: replayPolisInclusion(votes, { minVotes: options.minVotes }) }
      : {}),
  });
  return { analysis, inclusion };
}
