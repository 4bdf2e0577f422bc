import type { GroupCountSmoother, OpinionAxes } from '@essaim/core/opinions';

/** Tables of the conversations feature (opinion-mapping conversations: statements, votes, results). */

export interface ConversationsTable {
  id: string;
  org_id: string;
  engagement_id: string | null;
  /** Optional live workshop embedding this conversation (no foreign key: workshops may come later). */
  workshop_id: string | null;
  title: string;
  topic: string;
  status: string;
  allow_statements: number;
  /** Random code of the participant link (a capability: it lets anyone join anonymously). */
  join_code: string;
  next_statement_number: number;
  next_participant_number: number;
  /** Bumped on every vote or moderation change; the map is stale while result_version < it. */
  data_version: number;
  result_version: number;
  /** Latest analysis (JSON text), written by the recomputation scheduler. */
  result: string | null;
  result_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConversationStatementsTable {
  id: string;
  conversation_id: string;
  number: number;
  text: string;
  status: string;
  is_seed: number;
  /** Participant number of the author (null for the facilitator's seeds). */
  author_number: number | null;
  created_by: string | null;
  created_at: string;
  moderated_at: string | null;
}

export interface ConversationParticipantsTable {
  participant_id: string;
  conversation_id: string;
  number: number;
  created_at: string;
}

export interface ConversationVotesTable {
  conversation_id: string;
  statement_id: string;
  participant_id: string;
  vote: number;
  created_at: string;
  updated_at: string;
}

export type ConversationsTables = {
  conversations: ConversationsTable;
  conversation_statements: ConversationStatementsTable;
  conversation_participants: ConversationParticipantsTable;
  conversation_votes: ConversationVotesTable;
};

/** The stored form of an opinion map (`conversation_maps.result`), as `analysis/opinions-analysis.ts` writes it. */
export interface StoredOpinionMap {
  mode: 'polis' | 'small-group';
  explanation: { key: string; data: Record<string, number> };
  participants: { id: string; group: number | null; x: number; y: number; isIncluded: boolean }[];
  groups: {
    id: number;
    size: number;
    representative: { statement: string; direction: 'agree' | 'disagree'; share: number; ratio: number }[];
  }[];
  consensus: { statement: string; direction: 'agree' | 'disagree'; share: number }[];
  bridging: { statement: string; minGroupAgree: number }[];
  /** PCA extremity by statement number: feeds the routing priority between two recomputations. */
  extremity: Record<string, number>;
  smoother: GroupCountSmoother | null;
  axes?: OpinionAxes;
}
