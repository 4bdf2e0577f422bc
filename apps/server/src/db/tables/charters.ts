/** Tables of the charters feature: charters with their Yjs snapshot and update log, versions, comments, amendments, commitments. */

export interface ChartersTable {
  id: string;
  org_id: string;
  engagement_id: string;
  collective_id: string | null;
  title: string;
  kind: string;
  locale: string;
  status: string;
  editors_may_decide: number;
  review_on: string | null;
  /** Highest update seq ever appended. */
  last_seq: number;
  /** Yjs update holding every update up to `snapshot_seq`, compacted. */
  snapshot: Uint8Array;
  snapshot_seq: number;
  /** Updates appended since the last compaction. */
  pending_updates: number;
  adopted_version_id: string | null;
  adopted_hash: string | null;
  adoption_decision_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CharterUpdatesTable {
  charter_id: string;
  seq: number;
  data: Uint8Array;
  actor: string | null;
  at: string;
}

export interface CharterVersionsTable {
  id: string;
  charter_id: string;
  number: number;
  name: string;
  content_hash: string;
  clauses: string;
  created_by: string | null;
  created_at: string;
}

export interface CharterCommentsTable {
  id: string;
  charter_id: string;
  clause_id: string;
  quote: string;
  body: string;
  status: string;
  author_user_id: string | null;
  author_participant_id: string | null;
  author_name: string;
  created_at: string;
  resolved_at: string | null;
}

export interface CharterAmendmentsTable {
  id: string;
  charter_id: string;
  clause_id: string;
  original_text: string;
  text: string;
  reason: string;
  status: string;
  rule: string | null;
  decision_id: string | null;
  positions: string;
  author_user_id: string | null;
  author_name: string;
  created_at: string;
  decided_at: string | null;
}

export interface CharterCommitmentsTable {
  id: string;
  charter_id: string;
  person_id: string;
  name: string;
  state: string;
  version_hash: string;
  via: string;
  at: string;
}

export interface CharterParticipantsTable {
  participant_id: string;
  charter_id: string;
  person_id: string;
  created_at: string;
}

export interface ChartersTables {
  charters: ChartersTable;
  charter_updates: CharterUpdatesTable;
  charter_versions: CharterVersionsTable;
  charter_comments: CharterCommentsTable;
  charter_amendments: CharterAmendmentsTable;
  charter_commitments: CharterCommitmentsTable;
  charter_participants: CharterParticipantsTable;
}
