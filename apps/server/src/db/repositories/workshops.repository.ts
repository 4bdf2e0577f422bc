import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { decodeRows, StoredJson } from '../stored-json.ts';
import type { WorkshopEventsTable, WorkshopsTable } from '../tables/workshops.ts';

export type WorkshopRow = WorkshopsTable;
export type WorkshopEventRow = WorkshopEventsTable;

/**
 * Workshops are read through the scope's organisation; their events and snapshots through a workshop
 * id already checked against a scope, a participant token or the join code.
 */
export const workshopsRepository = {
  async insert(db: Db, scope: OrgScope, row: Omit<WorkshopRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('workshops')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  get(db: Db, scope: OrgScope, id: string): Promise<WorkshopRow | undefined> {
    return db
      .selectFrom('workshops')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  list(db: Db, scope: OrgScope, engagementId?: string): Promise<WorkshopRow[]> {
    let q = db.selectFrom('workshops').selectAll().where('org_id', '=', scope.orgId);
    if (engagementId !== undefined) {
      q = q.where('engagement_id', '=', engagementId);
    }
    return q.orderBy('created_at', 'desc').execute();
  },

  /** Unchecked read by id: only for paths that authenticate afterwards (tokens, room authorizers). */
  byId(db: Db, id: string): Promise<WorkshopRow | undefined> {
    return db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  },

  byCode(db: Db, code: string): Promise<WorkshopRow | undefined> {
    return db.selectFrom('workshops').selectAll().where('code', '=', code).executeTakeFirst();
  },

  idsOfEngagement(db: Db, engagementId: string): Promise<{ id: string; status: string }[]> {
    return db
      .selectFrom('workshops')
      .select(['id', 'status'])
      .where('engagement_id', '=', engagementId)
      .execute();
  },

  async setHead(db: Db, id: string, lastSeq: number, status: string, at: string): Promise<void> {
    await db
      .updateTable('workshops')
      .set({ last_seq: lastSeq, status, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  async appendEvents(db: Db, rows: WorkshopEventRow[]): Promise<void> {
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('workshop_events')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  eventsAfter(db: Db, workshopId: string, afterSeq: number, limit = 100_000): Promise<WorkshopEventRow[]> {
    return db
      .selectFrom('workshop_events')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
  },

  /** Like `eventsAfter`, with each event parsed (for services; the live engine replays raw rows). */
  async parsedEventsAfter(db: Db, workshopId: string, afterSeq: number, limit = 100_000) {
    const rows = await db
      .selectFrom('workshop_events')
      .select(['seq', 'event'])
      .where('workshop_id', '=', workshopId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return decodeRows(rows, { event: StoredJson.liveEvent });
  },

  /** Seq of the last event of each of these command ids (idempotency beyond the in-state window). */
  async seqsOfCommands(
    db: Db,
    workshopId: string,
    commandIds: string[],
  ): Promise<{ command_id: string; actor_key: string; seq: number }[]> {
    if (commandIds.length === 0) {
      return [];
    }
    return db
      .selectFrom('workshop_events')
      .select(['command_id', 'actor_key'])
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('workshop_id', '=', workshopId)
      .where('command_id', 'in', commandIds)
      .groupBy(['command_id', 'actor_key'])
      .execute() as Promise<{ command_id: string; actor_key: string; seq: number }[]>;
  },

  snapshot(db: Db, workshopId: string) {
    return db
      .selectFrom('workshop_snapshots')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .executeTakeFirst();
  },

  async saveSnapshot(db: Db, workshopId: string, seq: number, state: string, at: string): Promise<void> {
    await db
      .insertInto('workshop_snapshots')
      .values({ workshop_id: workshopId, seq, state, at })
      .onConflict((oc) =>
        oc.column('workshop_id').doUpdateSet({ seq, state, at }).where('workshop_snapshots.seq', '<', seq),
      )
      .execute();
  },
};
