/** Tables of the competencies feature (consultant self-assessment). All owned by a user. */

export interface CompetencyAssessmentsTable {
  id: string;
  user_id: string;
  title: string;
  /** JSON list of ratings: { competencyId, level, evidenceKeys, ownEvidence, note }. */
  ratings: string;
  created_at: string;
  updated_at: string;
}

/** An assessment shared with an organisation; deleted when withdrawn. */
export interface CompetencySharesTable {
  assessment_id: string;
  org_id: string;
  user_id: string;
  shared_at: string;
}

export interface CompetencySettingsTable {
  user_id: string;
  use_level_in_recommender: number;
  updated_at: string;
}

export interface CompetencyFeedbackRoundsTable {
  id: string;
  user_id: string;
  title: string;
  message: string;
  competency_ids: string;
  /** open | closed */
  status: string;
  created_at: string;
  closed_at: string | null;
}

export interface CompetencyFeedbackInvitationsTable {
  id: string;
  round_id: string;
  label: string;
  relation: string;
  token_hash: string;
  is_answered: number;
  created_at: string;
}

/** An answer, with no link to the invitation it came from and only the day it was given. */
export interface CompetencyFeedbackAnswersTable {
  id: string;
  round_id: string;
  relation: string;
  ratings: string;
  comment: string;
  submitted_on: string;
}

export interface CompetencySupervisionsTable {
  id: string;
  assessment_id: string;
  user_id: string;
  peer_name: string;
  message: string;
  token_hash: string;
  review: string | null;
  reviewed_at: string | null;
  created_at: string;
}

export interface CompetencyGoalsTable {
  id: string;
  user_id: string;
  competency_id: string;
  target_level: number;
  practice_method_ids: string;
  resources: string;
  due_on: string | null;
  /** open | achieved | dropped */
  status: string;
  created_at: string;
  updated_at: string;
}

export type CompetenciesTables = {
  competency_assessments: CompetencyAssessmentsTable;
  competency_shares: CompetencySharesTable;
  competency_settings: CompetencySettingsTable;
  competency_feedback_rounds: CompetencyFeedbackRoundsTable;
  competency_feedback_invitations: CompetencyFeedbackInvitationsTable;
  competency_feedback_answers: CompetencyFeedbackAnswersTable;
  competency_supervisions: CompetencySupervisionsTable;
  competency_goals: CompetencyGoalsTable;
};
