/**
 * Sparse participant × statement vote matrix (CSR: one row per participant).
 *
 * Votes use the Polis export convention: agree = 1, disagree = -1, pass = 0. A missing vote is
 * simply absent from the row. When a participant voted several times on one statement, the
 * latest vote wins (Polis overwrites the cell, `named_matrix.clj` `update-nmat`).
 */

/** One vote as exported by Polis (`votes.csv`). */
export interface Vote {
  /** Participant identifier (Polis `voter-id`). */
  participant: string;
  /** Statement identifier (Polis `comment-id`). */
  statement: string;
  /** 1 agree, -1 disagree, 0 pass. */
  vote: -1 | 0 | 1;
  /** Milliseconds since epoch; orders repeated votes (later wins). Defaults to input order. */
  timestamp?: number;
}

/** Compressed sparse rows. Row r owns entries rowStart[r] .. rowStart[r + 1] - 1. */
export interface VoteMatrix {
  participants: string[];
  statements: string[];
  rowStart: Int32Array;
  column: Int32Array;
  value: Int8Array;
}

/** Natural order: numeric identifiers by value, then the rest lexicographically. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  const isNumA = a.trim() !== '' && Number.isFinite(na);
  const isNumB = b.trim() !== '' && Number.isFinite(nb);
  if (isNumA && isNumB) {
    return na - nb || (a < b ? -1 : a > b ? 1 : 0);
  }
  if (isNumA !== isNumB) {
    return isNumA ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the sparse matrix from a vote list. Rows and columns are sorted in natural id order so
 * the result does not depend on the order of the input.
 *
 * @example
 * const m = buildVoteMatrix([{ participant: 'p1', statement: 's1', vote: 1 }]);
 * m.participants; // ['p1']
 */
export function buildVoteMatrix(votes: readonly Vote[]): VoteMatrix {
  const order = votes.map((_, i) => i);
  order.sort((a, b) => (votes[a]!.timestamp ?? 0) - (votes[b]!.timestamp ?? 0) || a - b);
  const latest = new Map<string, Map<string, -1 | 0 | 1>>();
  const statementSet = new Set<string>();
  for (const i of order) {
    const v = votes[i]!;
    let row = latest.get(v.participant);
    if (!row) {
      row = new Map();
      latest.set(v.participant, row);
    }
    row.set(v.statement, v.vote);
    statementSet.add(v.statement);
  }
  const participants = [...latest.keys()].sort(compareIds);
  const statements = [...statementSet].sort(compareIds);
  const statementIndex = new Map(statements.map((s, j) => [s, j]));
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  participants.forEach((p, r) => {
    for (const [s, v] of latest.get(p)!) {
      rows.push(r);
      cols.push(statementIndex.get(s)!);
      vals.push(v);
    }
  });
  return voteMatrixFromTriplets({ participants, statements, row: rows, column: cols, value: vals });
}

/** Input of {@link voteMatrixFromTriplets}: parallel arrays of (row, column, value), no duplicates. */
export interface VoteTriplets {
  participants: string[];
  statements: string[];
  row: ArrayLike<number>;
  column: ArrayLike<number>;
  value: ArrayLike<number>;
}

/**
 * Fast constructor from index triplets (counting sort by row, columns sorted inside each row).
 * Used by the benchmark and by {@link buildVoteMatrix}; duplicates must already be removed.
 */
export function voteMatrixFromTriplets(t: VoteTriplets): VoteMatrix {
  const nRows = t.participants.length;
  const nnz = t.row.length;
  const rowStart = new Int32Array(nRows + 1);
  for (let k = 0; k < nnz; k++) {
    rowStart[t.row[k]! + 1]!++;
  }
  for (let r = 0; r < nRows; r++) {
    rowStart[r + 1]! += rowStart[r]!;
  }
  const fill = rowStart.slice(0, nRows);
  const column = new Int32Array(nnz);
  const value = new Int8Array(nnz);
  for (let k = 0; k < nnz; k++) {
    const r = t.row[k]!;
    const at = fill[r]!++;
    column[at] = t.column[k]!;
    value[at] = t.value[k]!;
  }
  for (let r = 0; r < nRows; r++) {
    sortRowSegment(column, value, rowStart[r]!, rowStart[r + 1]!);
  }
  return { participants: t.participants, statements: t.statements, rowStart, column, value };
}

function sortRowSegment(column: Int32Array, value: Int8Array, from: number, to: number): void {
  let isSorted = true;
  for (let i = from + 1; i < to && isSorted; i++) {
    isSorted = column[i - 1]! < column[i]!;
  }
  if (isSorted) {
    return;
  }
  // Pack (column, vote + 1) into one integer so a numeric typed-array sort orders both together.
  const keys = new Int32Array(to - from);
  for (let i = from; i < to; i++) {
    keys[i - from] = column[i]! * 4 + value[i]! + 1;
  }
  keys.sort();
  for (let i = from; i < to; i++) {
    const key = keys[i - from]!;
    column[i] = key >> 2;
    value[i] = (key & 3) - 1;
  }
}

/** Number of votes (agree, disagree or pass) cast by each participant. */
export function countVotesPerParticipant(m: VoteMatrix): Int32Array {
  const out = new Int32Array(m.participants.length);
  for (let r = 0; r < out.length; r++) {
    out[r] = m.rowStart[r + 1]! - m.rowStart[r]!;
  }
  return out;
}
