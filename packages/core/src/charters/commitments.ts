/**
 * @module Commitments to an adopted charter version and the charter's own life cycle (drafting →
 * adopted → review → adopted …). Pure rules: the server asks them before writing.
 */
import type { CharterStatus, CommitmentState } from './types';

export interface CommitmentRecord {
  readonly memberId: string;
  readonly state: CommitmentState;
  readonly versionHash: string;
  readonly at: string;
}

export type CommitmentRefusal = 'NOT_ADOPTED' | 'STALE_VERSION' | 'NOT_COMMITTED' | 'ALREADY';

/**
 * Whether `member` may move to `next` on the charter's adopted version. A commitment is to one exact
 * text: after a new adoption, earlier commitments stay in the history but count for the old hash only.
 */
export function checkCommitment(input: {
  readonly status: CharterStatus;
  readonly adoptedHash: string | null;
  readonly versionHash: string;
  readonly current: CommitmentRecord | null;
  readonly next: CommitmentState;
}): CommitmentRefusal | null {
  const { status, adoptedHash, versionHash, current, next } = input;
  if (status !== 'adopted' && status !== 'review') {
    return 'NOT_ADOPTED';
  }
  if (adoptedHash === null) {
    return 'NOT_ADOPTED';
  }
  if (versionHash !== adoptedHash) {
    return 'STALE_VERSION';
  }
  const onThisVersion = current && current.versionHash === adoptedHash ? current : null;
  if (next === 'withdrawn') {
    return onThisVersion?.state === 'committed' ? null : 'NOT_COMMITTED';
  }
  return onThisVersion?.state === next ? 'ALREADY' : null;
}

export interface CommitmentCounts {
  readonly committed: number;
  readonly declined: number;
  readonly withdrawn: number;
  readonly pending: number;
  readonly members: number;
}

/** Counts on the adopted version; `members` is the size of the collective (pending = not yet answered). */
export function countCommitments(
  records: readonly CommitmentRecord[],
  adoptedHash: string | null,
  members: number,
): CommitmentCounts {
  const latest = new Map<string, CommitmentRecord>();
  for (const r of records) {
    if (r.versionHash !== adoptedHash) {
      continue;
    }
    const prev = latest.get(r.memberId);
    if (!prev || prev.at <= r.at) {
      latest.set(r.memberId, r);
    }
  }
  let committed = 0;
  let declined = 0;
  let withdrawn = 0;
  for (const r of latest.values()) {
    if (r.state === 'committed') {
      committed++;
    } else if (r.state === 'declined') {
      declined++;
    } else {
      withdrawn++;
    }
  }
  return { committed, declined, withdrawn, pending: Math.max(0, members - latest.size), members };
}

/** The adopted text is read-only; drafting and review accept edits and amendments. */
export function isEditable(status: CharterStatus): boolean {
  return status !== 'adopted';
}

/** True when the charter's review date is today or past and it is still adopted (ISO dates compare as strings). */
export function isReviewDue(status: CharterStatus, reviewOn: string | null, today: string): boolean {
  return status === 'adopted' && reviewOn !== null && reviewOn.slice(0, 10) <= today;
}
