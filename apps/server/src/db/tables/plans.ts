/** Tables of plans: the plan document per engagement and the specification's versions. */

export interface PlansTable {
  id: string;
  org_id: string;
  engagement_id: string;
  version: number;
  document: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanSpecificationsTable {
  id: string;
  org_id: string;
  engagement_id: string;
  version: number;
  /** Language the sources were pulled in (fr | en): later pulls compare in the same language. */
  lang: string;
  sections: string;
  created_by: string | null;
  created_at: string;
}

export interface PlansTables {
  plans: PlansTable;
  plan_specifications: PlanSpecificationsTable;
}
