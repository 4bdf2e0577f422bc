/** Tables of identity and organisations: instance facts, accounts, sessions, memberships, participants, audit. */

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

export interface IdentityTables {
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
