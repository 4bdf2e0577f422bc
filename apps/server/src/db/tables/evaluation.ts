/** Tables of the evaluation feature. */

export interface WorkshopFeedbackTable {
  id: string;
  org_id: string;
  workshop_id: string;
  participant_id: string;
  /** 1–5 */
  usefulness: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationTables {
  workshop_feedback: WorkshopFeedbackTable;
}
