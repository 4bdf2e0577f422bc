/**
 * @module A charter is an ordered list of clauses. Each clause has a stable id (kept by the editor as a
 * block attribute) so comments, amendments, decisions, commitments and trace links can point at it
 * whatever happens to the text around it.
 */

export const CLAUSE_KINDS = ['heading', 'paragraph'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export interface Clause {
  readonly id: string;
  readonly kind: ClauseKind;
  /** 1–3 for headings, 0 for paragraphs. */
  readonly level: number;
  readonly text: string;
}

/** Kinds of charter the templates cover (plus `blank`). */
export const CHARTER_KINDS = [
  'blank',
  'team',
  'collaborative_contract',
  'ethics',
  'meeting_agreements',
  'psychological_safety',
] as const;
export type CharterKind = (typeof CHARTER_KINDS)[number];

/** `drafting`: open to edits and amendments; `adopted`: the adopted text is read-only; `review`: re-opened. */
export const CHARTER_STATUSES = ['drafting', 'adopted', 'review'] as const;
export type CharterStatus = (typeof CHARTER_STATUSES)[number];

export const AMENDMENT_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const COMMITMENT_STATES = ['committed', 'declined', 'withdrawn'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export const COMMENT_STATUSES = ['open', 'resolved'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const MAX_CLAUSES = 2000;
export const MAX_CLAUSE_CHARS = 20_000;

/** Clause ids are short, URL-safe strings (the editor makes them; the server checks them). */
export function isClauseId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
