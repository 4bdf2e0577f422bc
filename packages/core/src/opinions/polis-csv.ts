/**
 * Interoperability with the Polis data export (`votes.csv`, `comments.csv`), as published for
 * the Polis open data sets (github.com/compdemocracy/openData):
 *
 *   votes.csv     timestamp,datetime,comment-id,voter-id,vote          vote: 1 agree, -1 disagree, 0 pass
 *   comments.csv  timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
 *                 moderated: 1 accepted, 0 unmoderated, -1 moderated out
 *
 * Pure string functions over the shared CSV module (RFC 4180). Errors carry the 1-based line where
 * the offending record starts. Exports are formula-guarded like every CSV Essaim writes: a comment
 * body starting with =, +, -, @, tab or CR gets a leading apostrophe (Polis then shows that
 * apostrophe as part of the text); numbers, ids and votes are never changed. Importing strips the
 * guard again, so an Essaim export round-trips exactly.
 */

import { type CsvRecord, readCsv, unguardFormula, writeCsv } from '../csv.ts';
import type { Vote } from './vote-matrix';

/** Parse failure at a given line; `message` is "line N: reason". */
export class PolisCsvError extends Error {
  readonly line: number;
  readonly reason: string;

  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'PolisCsvError';
    this.line = line;
    this.reason = reason;
  }
}

/** RFC 4180 records with the line each starts on (the shared reader, strict, fields untrimmed). */
export function parseCsvRecords(text: string): CsvRecord[] {
  const { records, errors } = readCsv(text, { delimiter: ',', trim: false, strict: true });
  const first = errors[0];
  if (first) {
    throw new PolisCsvError(first.line, first.message);
  }
  return records;
}

function indexHeader(
  header: CsvRecord | undefined,
  required: readonly string[],
  file: string,
): Map<string, number> {
  if (!header) {
    throw new PolisCsvError(1, `empty ${file}: expected a header row`);
  }
  const index = new Map(header.fields.map((name, i) => [name.trim(), i]));
  for (const name of required) {
    if (!index.has(name)) {
      throw new PolisCsvError(header.line, `missing column "${name}" in ${file} header`);
    }
  }
  return index;
}

function cell(record: CsvRecord, index: Map<string, number>, name: string): string {
  const i = index.get(name);
  return i === undefined ? '' : (record.fields[i] ?? '').trim();
}

function parseInteger(text: string, line: number, name: string): number {
  if (!/^-?\d+$/.test(text)) {
    throw new PolisCsvError(line, `${name} must be an integer, got "${text}"`);
  }
  return Number(text);
}

/**
 * Parses a Polis `votes.csv`.
 *
 * @example
 * parsePolisVotes('timestamp,datetime,comment-id,voter-id,vote\n1,,3,7,1\n');
 * // [{ participant: '7', statement: '3', vote: 1, timestamp: 1 }]
 */
export function parsePolisVotes(text: string): Vote[] {
  const [header, ...rows] = parseCsvRecords(text);
  const index = indexHeader(header, ['comment-id', 'voter-id', 'vote'], 'votes.csv');
  return rows.map((record) => {
    if (record.fields.length !== header!.fields.length) {
      throw new PolisCsvError(
        record.line,
        `expected ${header!.fields.length} fields, got ${record.fields.length}`,
      );
    }
    const statement = cell(record, index, 'comment-id');
    const participant = cell(record, index, 'voter-id');
    if (statement === '') {
      throw new PolisCsvError(record.line, 'empty comment-id');
    }
    if (participant === '') {
      throw new PolisCsvError(record.line, 'empty voter-id');
    }
    const raw = cell(record, index, 'vote');
    const vote = Number(raw);
    if (raw === '' || !(vote === 1 || vote === -1 || vote === 0)) {
      throw new PolisCsvError(record.line, `vote must be 1, -1 or 0, got "${raw}"`);
    }
    const ts = cell(record, index, 'timestamp');
    const parsed: Vote = { participant, statement, vote: vote as -1 | 0 | 1 };
    if (ts !== '') {
      parsed.timestamp = parseInteger(ts, record.line, 'timestamp');
    }
    return parsed;
  });
}

/** One row of a Polis `comments.csv`. */
export interface PolisComment {
  id: string;
  body: string;
  /** 1 accepted, 0 unmoderated, -1 moderated out. */
  moderated: -1 | 0 | 1;
  authorId?: string;
  timestamp?: number;
  agrees?: number;
  disagrees?: number;
}

/** Parses a Polis `comments.csv`. */
export function parsePolisComments(text: string): PolisComment[] {
  const [header, ...rows] = parseCsvRecords(text);
  const index = indexHeader(header, ['comment-id', 'comment-body'], 'comments.csv');
  return rows.map((record) => {
    if (record.fields.length !== header!.fields.length) {
      throw new PolisCsvError(
        record.line,
        `expected ${header!.fields.length} fields, got ${record.fields.length}`,
      );
    }
    const id = cell(record, index, 'comment-id');
    if (id === '') {
      throw new PolisCsvError(record.line, 'empty comment-id');
    }
    const moderatedText = cell(record, index, 'moderated');
    const moderated = moderatedText === '' ? 0 : parseInteger(moderatedText, record.line, 'moderated');
    if (moderated < -1 || moderated > 1) {
      throw new PolisCsvError(record.line, `moderated must be 1, 0 or -1, got "${moderatedText}"`);
    }
    const comment: PolisComment = {
      id,
      body: unguardFormula(record.fields[index.get('comment-body')!] ?? ''),
      moderated: moderated as -1 | 0 | 1,
    };
    const optionalInt = (name: string): number | undefined => {
      const v = cell(record, index, name);
      return v === '' ? undefined : parseInteger(v, record.line, name);
    };
    const author = cell(record, index, 'author-id');
    if (author !== '') {
      comment.authorId = author;
    }
    const timestamp = optionalInt('timestamp');
    const agrees = optionalInt('agrees');
    const disagrees = optionalInt('disagrees');
    if (timestamp !== undefined) {
      comment.timestamp = timestamp;
    }
    if (agrees !== undefined) {
      comment.agrees = agrees;
    }
    if (disagrees !== undefined) {
      comment.disagrees = disagrees;
    }
    return comment;
  });
}

/** Ids of comments moderated out (moderated = -1), to pass as `moderatedOut`. */
export function listModeratedOut(comments: readonly PolisComment[]): string[] {
  return comments.filter((c) => c.moderated === -1).map((c) => c.id);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Polis' human-readable datetime column ("Wed Jun 18 01:16:54 UTC 2014"), in UTC. */
export function formatPolisDatetime(timestamp: number): string {
  const d = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}

function timeFields(timestamp: number | undefined): (string | number)[] {
  return timestamp === undefined ? ['', ''] : [timestamp, formatPolisDatetime(timestamp)];
}

/** Serialises votes in Polis' `votes.csv` format (agree = 1, disagree = -1, pass = 0). */
export function formatPolisVotes(votes: readonly Vote[]): string {
  return writeCsv([
    ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'],
    ...votes.map((v) => [...timeFields(v.timestamp), v.statement, v.participant, v.vote]),
  ]);
}

/** Serialises comments in Polis' `comments.csv` format. */
export function formatPolisComments(comments: readonly PolisComment[]): string {
  return writeCsv([
    ['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'],
    ...comments.map((c) => [
      ...timeFields(c.timestamp),
      c.id,
      c.authorId ?? '',
      c.agrees,
      c.disagrees,
      c.moderated,
      c.body,
    ]),
  ]);
}
