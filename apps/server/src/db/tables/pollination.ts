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

export type PollinationTables = {
  experiences: ExperiencesTable;
  pollination_settings: PollinationSettingsTable;
  diffusion_plans: DiffusionPlansTable;
  diffusion_agents: DiffusionAgentsTable;
  diffusion_sessions: DiffusionSessionsTable;
  adoption_reports: AdoptionReportsTable;
};
