/** Tables of the workshops feature (live workshops: events, snapshots, participants). */

export interface WorkshopsTable {
  id: string;
  org_id: string;
  /** `null` for a workshop that stands alone in its organisation. */
  engagement_id: string | null;
  title: string;
  /** 6-character join code from an unambiguous alphabet; unique while the workshop exists. */
  code: string;
  /** Mirror of the live state's status (running | paused | stopped), for lists. */
  status: string;
  /** Sequence number of the last event appended (0 before the first). */
  last_seq: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The event log: one row per event, gapless `seq` per workshop. */
export interface WorkshopEventsTable {
  workshop_id: string;
  seq: number;
  command_id: string;
  /** `f` for the facilitator, the participant id otherwise (scopes command ids for idempotency). */
  actor_key: string;
  type: string;
  /** The whole event as JSON (core `LiveEvent`). */
  event: string;
  at: string;
}

/** Latest snapshot of a workshop's state, so a restart replays only the tail of the log. */
export interface WorkshopSnapshotsTable {
  workshop_id: string;
  seq: number;
  state: string;
  at: string;
}

export type WorkshopsTables = {
  workshops: WorkshopsTable;
  workshop_events: WorkshopEventsTable;
  workshop_snapshots: WorkshopSnapshotsTable;
};
