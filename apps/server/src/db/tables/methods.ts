/** Tables of the methods feature (custom methods, private notes, agendas, recorded method choices). */

/** An organisation's own method; `data` is the method JSON (same shape as the catalogue). */
export interface CustomMethodsTable {
  id: string;
  org_id: string;
  data: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Private notes and variants an organisation keeps on a catalogue or custom method. */
export interface MethodNotesTable {
  id: string;
  org_id: string;
  method_id: string;
  kind: string;
  title: string;
  body: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A method chosen by the group or the sponsor for an engagement, with what had been proposed. */
export interface MethodChoicesTable {
  id: string;
  engagement_id: string;
  question_id: string | null;
  method_id: string;
  method_name: string;
  reason: string;
  decided_by: string;
  recorded_by: string | null;
  proposed: string;
  request: string | null;
  at: string;
}

/** A session agenda; `items` is the ordered JSON list of items (each with its own id). */
export interface AgendasTable {
  id: string;
  org_id: string;
  engagement_id: string | null;
  title: string;
  date: string | null;
  start: string;
  available_minutes: number | null;
  items: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type MethodsTables = {
  custom_methods: CustomMethodsTable;
  method_notes: MethodNotesTable;
  method_choices: MethodChoicesTable;
  agendas: AgendasTable;
};
