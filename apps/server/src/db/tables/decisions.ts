/** Tables of the decisions feature: the decision register, proposals, governance maps (notifications: tables/notifications.ts). */

/** One `DecisionRecord` (packages/core/src/decisions/record.ts); JSON columns hold its lists. */
export interface DecisionRecordsTable {
  id: string;
  org_id: string;
  engagement_id: string | null;
  source: string;
  source_id: string | null;
  title: string;
  statement: string;
  version: number;
  rule: string | null;
  decided_by: string;
  status: string;
  is_anonymous: number;
  participant_count: number;
  positions: string;
  objections: string;
  stand_asides: number;
  outcome: string | null;
  decided_at: string | null;
  review_on: string | null;
  links: string;
  collective_id: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An asynchronous proposal; `round` increases on each amendment or review so earlier positions stay history. */
export interface ProposalsTable {
  id: string;
  org_id: string;
  engagement_id: string;
  record_id: string;
  title: string;
  text: string;
  version: number;
  rule: string;
  config: string;
  deadline: string;
  is_anonymous: number;
  hide_results: number;
  collective_id: string | null;
  eligible_roles: string;
  status: string;
  round: number;
  outcome_statement: string | null;
  review_on: string | null;
  state: string;
  subject_kind: string | null;
  subject_id: string | null;
  closing_notified_at: string | null;
  review_notified_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ProposalVersionsTable {
  id: string;
  proposal_id: string;
  version: number;
  text: string;
  note: string;
  at: string;
}

/** People invited without an account; they vote with a participant token scoped to `proposal:<id>`. */
export interface ProposalInviteesTable {
  id: string;
  proposal_id: string;
  participant_id: string;
  display_name: string;
  created_at: string;
}

/** `voter_key` is `u:<userId>` or `p:<participantId>`; it is never returned for anonymous proposals. */
export interface ProposalPositionsTable {
  id: string;
  proposal_id: string;
  voter_key: string;
  user_id: string | null;
  display_name: string | null;
  round: number;
  version: number;
  value: string;
  reason: string | null;
  ballot: string | null;
  response: string | null;
  at: string;
}

export interface ProposalObjectionsTable {
  id: string;
  proposal_id: string;
  voter_key: string;
  user_id: string | null;
  display_name: string | null;
  reason: string;
  version: number;
  status: string;
  integration: string | null;
  integrated_in_version: number | null;
  tests: string | null;
  at: string;
}

/** `status`: current | proposed | adopted (superseded) | archived. `data` is a core `GovernanceMap`. */
export interface GovernanceMapsTable {
  id: string;
  org_id: string;
  title: string;
  status: string;
  data: string;
  based_on_id: string | null;
  decision_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  adopted_at: string | null;
}

export type DecisionsTables = {
  decision_records: DecisionRecordsTable;
  proposals: ProposalsTable;
  proposal_versions: ProposalVersionsTable;
  proposal_invitees: ProposalInviteesTable;
  proposal_positions: ProposalPositionsTable;
  proposal_objections: ProposalObjectionsTable;
  governance_maps: GovernanceMapsTable;
};
