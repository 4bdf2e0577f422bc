/** Tables of engagements: the engagement, its questions, people and collectives, consents, options boards, timeline, trace links. */

export interface EngagementsTable {
  id: string;
  org_id: string;
  title: string;
  request: string;
  context: string;
  intention: string;
  starts_on: string | null;
  ends_on: string | null;
  status: string;
  status_reason: string | null;
  status_by: string | null;
  status_at: string | null;
  confidentiality_text: string;
  confidentiality_version: number;
  confidentiality_updated_at: string | null;
  phases: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionsTable {
  id: string;
  engagement_id: string;
  position: number;
  text: string;
  status: string;
  answer: string;
  complexity: string | null;
  created_at: string;
}

export interface CollectivesTable {
  id: string;
  org_id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  created_at: string;
}

export interface PeopleTable {
  id: string;
  org_id: string;
  display_name: string;
  email: string | null;
  title: string;
  attributes: string;
  user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonCollectivesTable {
  person_id: string;
  collective_id: string;
}

export interface StakeholdersTable {
  id: string;
  engagement_id: string;
  kind: string;
  name: string;
  user_id: string | null;
  collective_id: string | null;
  note: string;
  created_at: string;
}

export interface ConsentsTable {
  id: string;
  org_id: string;
  person_id: string;
  engagement_id: string | null;
  purpose: string;
  text_version: string;
  granted_at: string;
  withdrawn_at: string | null;
}

export interface OptionsBoardsTable {
  id: string;
  engagement_id: string;
  question_id: string | null;
  title: string;
  criteria: string;
  created_at: string;
}

export interface OptionsTable {
  id: string;
  board_id: string;
  position: number;
  title: string;
  description: string;
  advantages: string;
  drawbacks: string;
  risks: string;
  effort: number;
  cost: string;
  scores: string;
  created_at: string;
}

export interface OptionChoicesTable {
  id: string;
  board_id: string;
  option_id: string;
  option_title: string;
  reason: string;
  decided_by: string;
  recorded_by: string | null;
  at: string;
}

export interface TimelineTable {
  id: string;
  seq: number;
  engagement_id: string;
  kind: string;
  actor_user_id: string | null;
  object_kind: string | null;
  object_id: string | null;
  data: string | null;
  at: string;
}

export interface TraceLinksTable {
  id: string;
  engagement_id: string;
  from_kind: string;
  from_id: string;
  to_kind: string;
  to_id: string;
  relation: string;
  created_by: string | null;
  created_at: string;
}

export interface EngagementTables {
  engagements: EngagementsTable;
  questions: QuestionsTable;
  collectives: CollectivesTable;
  people: PeopleTable;
  person_collectives: PersonCollectivesTable;
  stakeholders: StakeholdersTable;
  consents: ConsentsTable;
  options_boards: OptionsBoardsTable;
  options: OptionsTable;
  option_choices: OptionChoicesTable;
  timeline: TimelineTable;
  trace_links: TraceLinksTable;
}
