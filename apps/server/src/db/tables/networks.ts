/** Tables of the networks feature (network surveys, imported networks, analyses, change-agent proposals). */

export interface NetworksTable {
  id: string;
  org_id: string;
  engagement_id: string;
  title: string;
  /** 'survey' | 'import' */
  source: string;
  is_directed: number;
  is_weighted: number;
  attribute_columns: string;
  collective_id: string | null;
  survey_relations: string | null;
  survey_scale: string | null;
  created_by: string | null;
  created_at: string;
}

export interface NetworkNodesTable {
  network_id: string;
  node_id: string;
  person_id: string | null;
  label: string;
  attributes: string;
  /** Imports: the `consent` column said yes (change-agent proposals). */
  import_consent: number;
}

export interface NetworkEdgesTable {
  id: string;
  network_id: string;
  source: string;
  target: string;
  relation: string;
  weight: number;
  /** network_respondents.id of the person who declared the tie (surveys), null for imports. */
  respondent_id: string | null;
}

export interface NetworkRespondentsTable {
  id: string;
  network_id: string;
  person_id: string;
  participant_id: string;
  invited_at: string;
  consented_at: string | null;
  submitted_at: string | null;
}

export interface NetworkAnalysesTable {
  id: string;
  network_id: string;
  status: string;
  stage: string;
  progress: number;
  options: string;
  result: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface NetworkProposalsTable {
  id: string;
  analysis_id: string;
  network_id: string;
  node_id: string;
  rank: number;
  reason: string;
  /** JSON NetworkProposalReason. */
  why: string;
  marginal_reach: number;
  mc_spread: number;
  mc_error: number;
  zones_bridged: number;
  status: string;
  note: string | null;
  responded_at: string | null;
  recorded_by: string | null;
}

export type NetworksTables = {
  networks: NetworksTable;
  network_nodes: NetworkNodesTable;
  network_edges: NetworkEdgesTable;
  network_respondents: NetworkRespondentsTable;
  network_analyses: NetworkAnalysesTable;
  network_proposals: NetworkProposalsTable;
};
