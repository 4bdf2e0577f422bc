/**
 * `essaim opinions analyze`: maps opinion groups from a Polis export (votes.csv, or
 * participants-votes.csv when votes.csv is absent; optionally comments.csv for moderation) and
 * prints JSON or CSV. Thin shell around `@essaim/core/opinions` (`analyzePolisVotes`, the Polis
 * import mode): read files, parse, analyse, present.
 */

import { readFile } from 'node:fs/promises';
import { writeCsv } from '@essaim/core';
import {
  analyzePolisVotes,
  type OpinionAnalysis,
  PolisCsvError,
  parsePolisComments,
  parsePolisParticipantsVotes,
  parsePolisVotes,
  type Vote,
} from '@essaim/core/opinions';

export interface OpinionsAnalyzeOptions {
  /** Path of a Polis votes.csv, or '-' for standard input. */
  votes?: string;
  /** Path of a Polis participants-votes.csv: the vote source when `votes` is not given. */
  participantsVotes?: string;
  /** Meta statement ids (e.g. demographic questions): out of the maths, as Polis `meta-tids`. */
  meta?: string[];
  /** Statement ids to treat as moderated out, beside those marked -1 in comments.csv. */
  moderated?: string[];
  /**
   * Who is grouped: 'replay' rebuilds Polis' growing inclusion set from the vote timestamps;
   * 'final' applies Polis' rule (min(7, statements) votes, top-up to 15) to the final counts.
   * Default 'replay' (falls back to 'final' when votes carry no timestamps).
   */
  inclusion?: 'replay' | 'final';
  /** Path of the matching comments.csv; moderated-out comments (-1) are then excluded. */
  comments?: string;
  /** Seed of the deterministic PRNG. Default 1. */
  seed?: number;
  /** Output format. Default 'json'. */
  format?: 'json' | 'csv';
}

export interface OpinionsAnalyzeIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
}

/** Exit status for invalid input (unreadable file, malformed CSV). */
const EXIT_INPUT = 2;

class InputError extends Error {}

async function readSource(path: string, io: OpinionsAnalyzeIo): Promise<string> {
  if (path === '-') {
    return io.readStdin();
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new InputError(`${path}: cannot read file (${code})`);
  }
}

function parseWithLocation<T>(file: string, text: string, parse: (s: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof PolisCsvError) {
      throw new InputError(`${file}:${error.line}: ${error.reason}`);
    }
    throw error;
  }
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Presents the analysis in the CLI's JSON contract. */
export function presentOpinionsJson(analysis: OpinionAnalysis) {
  return {
    participants: analysis.participants.map((p) => ({
      id: p.id,
      group: p.group,
      x: round(p.x),
      y: round(p.y),
    })),
    groups: analysis.groups.map((g) => ({
      id: g.id,
      members: g.members,
      representative: g.representative.map((r) => ({ statement: r.statement, direction: r.direction })),
    })),
    consensus: [...analysis.consensus.agree, ...analysis.consensus.disagree].map((c) => ({
      statement: c.statement,
      direction: c.direction,
    })),
    bridging: analysis.bridging.map((b) => ({ statement: b.statement })),
    mode: analysis.mode,
    explanation: analysis.explanation,
  };
}

function presentOpinionsCsv(analysis: OpinionAnalysis): string {
  return writeCsv([
    ['participant', 'group', 'x', 'y'],
    ...analysis.participants.map((p) => [p.id, p.group, round(p.x), round(p.y)]),
  ]);
}

/**
 * Runs the command; returns the process exit code (0 ok, 2 invalid input).
 *
 * @example
 * await opinionsAnalyze({ votes: 'votes.csv', comments: 'comments.csv' }, io);
 */
export async function opinionsAnalyze(opts: OpinionsAnalyzeOptions, io: OpinionsAnalyzeIo): Promise<number> {
  try {
    let votes: Vote[];
    if (opts.votes !== undefined) {
      const votesName = opts.votes === '-' ? '<stdin>' : opts.votes;
      votes = parseWithLocation(votesName, await readSource(opts.votes, io), parsePolisVotes);
    } else if (opts.participantsVotes !== undefined) {
      const text = await readSource(opts.participantsVotes, io);
      votes = parseWithLocation(opts.participantsVotes, text, parsePolisParticipantsVotes).votes;
    } else {
      throw new InputError('give a votes.csv or --participants-votes <file>');
    }
    const comments = opts.comments
      ? parseWithLocation(opts.comments, await readSource(opts.comments, io), parsePolisComments)
      : [];
    const { analysis } = analyzePolisVotes(votes, comments, {
      seed: opts.seed ?? 1,
      moderatedOut: opts.moderated ?? [],
      metaStatements: opts.meta ?? [],
      inclusion: opts.inclusion ?? 'replay',
    });
    io.stdout(
      opts.format === 'csv'
        ? presentOpinionsCsv(analysis)
        : `${JSON.stringify(presentOpinionsJson(analysis), null, 2)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
}
