/**
 * The database schema as Kysely sees it. Timestamps are ISO strings, booleans 0/1,
 * JSON columns strings (see connect.ts for why both dialects agree on this).
 */
import type { Generated } from 'kysely';
import type { ConversationsTables } from './tables/conversations.ts';
import type { MethodsTables } from './tables/methods.ts';
import type { NetworksTables } from './tables/networks.ts';
import type { SsoTables } from './tables/sso.ts';
import type { SurveysTables } from './tables/surveys.ts';
import type { WorkshopsTables } from './tables/workshops.ts';

export interface InstanceMetaTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  language: string;
  is_admin: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserCredentialsTable {
  user_id: string;
  provider: string;
  subject: string;
  secret_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  contribution_policy: string;
  min_group_size: number;
  min_text_group_size: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface ParticipantsTable {
  id: string;
  org_id: string;
  scope_kind: string;
  scope_id: string;
  token_hash: string;
  display_name: string | null;
  linked_user_id: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  seq: number;
  org_id: string | null;
  actor_user_id: string | null;
  action: string;
  object_kind: string | null;
  object_id: string | null;
  at: string;
  ip: string | null;
  user_agent: string | null;
  details: string | null;
}

export interface Database
  extends EngagementTables,
    MethodsTables,
    SurveysTables,
    NetworksTables,
    WorkshopsTables,
    ConversationsTables,
    SsoTables {
  instance_meta: InstanceMetaTable;
  users: UsersTable;
  user_credentials: UserCredentialsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  participants: ParticipantsTable;
  audit_log: AuditLogTable;
}

export type { Generated };

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
