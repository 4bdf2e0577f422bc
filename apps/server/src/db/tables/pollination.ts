/** Tables of the pollination feature: the experience library and diffusion plans. */

/** One experience; free texts are the contributor's until anonymised; JSON columns hold lists. */
export interface ExperiencesTable {
  id: string;
  org_id: string;
  engagement_id: string | null;
  collective_id: string | null;
  title: string;
  context: string;
  question: string;
  what_happened: string;
  results: string;
  lessons: string;
  conditions: string;
  pitfalls: string;
  ic_forms: string;
  cynefin: string | null;
  method_ids: string;
  sector: string;
  size: number | null;
  indicators: string;
  diagnostic_deltas: string;
  diagnostic_profile: string;
  contacts: string;
  language: string;
  licence: string;
  /** collective | organisation | instance; null while not shared. */
  visibility: string | null;
  /** draft | anonymised | shared */
  status: string;
  remove_organisation: number;
  anonymised_at: string | null;
  shared_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An organisation's owner opted in to the instance-wide library (to share into it and read from it). */
export interface PollinationSettingsTable {
  org_id: string;
  instance_library_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface DiffusionPlansTable {
  id: string;
  org_id: string;
  engagement_id: string | null;
  experience_id: string | null;
  title: string;
  practice: string;
  collective_ids: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A change agent: from an accepted network proposal (with its predicted marginal reach) or by hand. */
export interface DiffusionAgentsTable {
  id: string;
  plan_id: string;
  person_id: string;
  proposal_id: string | null;
  marginal_reach: number | null;
  network_size: number | null;
}

export interface DiffusionSessionsTable {
  id: string;
  plan_id: string;
  kind: string;
  title: string;
  date: string;
  collective_id: string | null;
  carrier_person_id: string | null;
}

export interface AdoptionReportsTable {
  id: string;
  plan_id: string;
  collective_id: string;
  stage: string;
  date: string;
  note: string;
  reported_by: string | null;
  created_at: string;
}

/** A community of practice, hosted by one organisation. */
export interface CommunitiesTable {
  id: string;
  org_id: string;
  title: string;
  theme: string;
  description: string;
  created_by: string | null;
  created_at: string;
}

/** A guest organisation of a community: it takes part once `accepted_at` is set (both owners agreed). */
export interface CommunityOrgsTable {
  community_id: string;
  org_id: string;
  invited_by: string | null;
  invited_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
}

/** `org_id`: the organisation through which the person belongs; `role`: member | moderator. */
export interface CommunityMembersTable {
  community_id: string;
  user_id: string;
  org_id: string;
  role: string;
  digest: number;
  joined_at: string;
}

/** A contribution: post, question, answer (parent = the question), resource (url or file), event. */
export interface CommunityItemsTable {
  id: string;
  community_id: string;
  kind: string;
  parent_id: string | null;
  title: string;
  body: string;
  url: string | null;
  starts_at: string | null;
  place: string | null;
  author_id: string | null;
  author_org_id: string | null;
  useful_at: string | null;
  useful_by: string | null;
  hidden_at: string | null;
  hidden_by: string | null;
  hidden_reason: string | null;
  created_at: string;
}

export interface CommunityFilesTable {
  id: string;
  item_id: string;
  name: string;
  mime: string;
  size_bytes: number;
  data: Buffer | Uint8Array;
}

export interface CommunityReportsTable {
  id: string;
  item_id: string;
  reporter_id: string | null;
  reason: string;
  created_at: string;
}

/** A one-question pulse sent to a collective through a link (only the hash of its token is kept). */
export interface AdoptionPulsesTable {
  id: string;
  plan_id: string;
  collective_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface AdoptionPulseAnswersTable {
  id: string;
  pulse_id: string;
  stage: string;
  created_at: string;
}

export type PollinationTables = {
  communities: CommunitiesTable;
  community_orgs: CommunityOrgsTable;
  community_members: CommunityMembersTable;
  community_items: CommunityItemsTable;
  community_files: CommunityFilesTable;
  community_reports: CommunityReportsTable;
  adoption_pulses: AdoptionPulsesTable;
  adoption_pulse_answers: AdoptionPulseAnswersTable;
  experiences: ExperiencesTable;
  pollination_settings: PollinationSettingsTable;
  diffusion_plans: DiffusionPlansTable;
  diffusion_agents: DiffusionAgentsTable;
  diffusion_sessions: DiffusionSessionsTable;
  adoption_reports: AdoptionReportsTable;
};
