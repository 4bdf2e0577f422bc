/** Tables of the reports feature. */

export interface ReportJobsTable {
  id: string;
  org_id: string;
  engagement_id: string;
  /** diagnostic | decisions | workshop | network | final */
  kind: string;
  lang: string;
  /** JSON: the campaign or workshop the report is about, when one is chosen. */
  params: string;
  /** queued | running | done | failed */
  status: string;
  stage: string;
  progress: number;
  error: string | null;
  file: Buffer | null;
  size_bytes: number | null;
  render_ms: number | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

export interface ReportsTables {
  report_jobs: ReportJobsTable;
}
