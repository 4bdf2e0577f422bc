/** Tables of the surveys feature (instruments, campaigns, invitations, responses). */

export interface SurveyInstrumentsTable {
  id: string;
  org_id: string;
  /** The core Instrument, as JSON. */
  definition: string;
  created_by: string | null;
  created_at: string;
}

export interface SurveyCampaignsTable {
  id: string;
  org_id: string;
  engagement_id: string;
  title: string;
  status: string;
  instrument_ref: string;
  /** The instrument frozen at launch (JSON); null while a draft. */
  instrument: string | null;
  collective_ids: string;
  attributes: string;
  has_member_links: number;
  has_shared_link: number;
  shared_token: string | null;
  /** What the report depends on, frozen at launch ({@link CampaignSnapshot} as JSON); null while a draft. */
  frozen: string | null;
  /** Most answers accepted through the shared link; null: no cap. */
  shared_cap: number | null;
  opens_at: string | null;
  closes_at: string | null;
  launched_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyInvitationsTable {
  id: string;
  campaign_id: string;
  person_id: string | null;
  person_name: string;
  participant_id: string;
  collective_ids: string;
  attributes: string;
  issued_at: string;
  /** How the current link reached its holder: `email` (sent by Essaim), `hand`, or null (not yet). */
  channel: string | null;
}

export interface SurveyResponsesTable {
  id: string;
  campaign_id: string;
  participant_id: string;
  collective_ids: string;
  attributes: string;
  answers: string;
  language: string;
  /** Hash of the key held by the browser that consented: drafts are returned and saved only with it. */
  resume_hash: string | null;
  consented_at: string | null;
  submitted_at: string | null;
  updated_at: string;
  /** How the respondent got their link: `shared`, `email` or `hand`. */
  channel: string;
}

/** The report released at close: one presented cut (contracts `CutReport`, JSON text) per requestable cut. */
export interface SurveyReleasedCutsTable {
  campaign_id: string;
  cut_key: string;
  position: number;
  body: string;
}

export type SurveysTables = {
  survey_instruments: SurveyInstrumentsTable;
  survey_campaigns: SurveyCampaignsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  survey_released_cuts: SurveyReleasedCutsTable;
};
