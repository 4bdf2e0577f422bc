import { dialectOf } from '../column-types.ts';
import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { decodeRows, StoredJson } from '../stored-json.ts';
import type { WorkshopEventsTable, WorkshopsTable } from '../tables/workshops.ts';

export type WorkshopRow = WorkshopsTable;

/**
 * Rows per multi-row insert of events (7 parameters each), under each dialect's bound-parameter
 * limit: PostgreSQL's 65,535 and SQLite's 32,766. A group commit (at most 2,000 events) is one insert.
 */
const rowsPerInsert = (db: Db) => (dialectOf(db) === 'postgres' ? 9000 : 4000);
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
    const chunk = rowsPerInsert(db);
    for (let i = 0; i < rows.length; i += chunk) {
      await db
        .insertInto('workshop_events')
        .values(rows.slice(i, i + chunk))
        .execute();
    }
  },

  /**
   * A live group commit's writes: its events and the workshop's new head. On PostgreSQL, one
   * statement (the head update as a data-modifying CTE of the multi-row insert) when the batch fits
   * in one: each statement is a round trip inside the transaction that holds the workshop row lock.
   */
  async appendBatch(
    db: Db,
    rows: WorkshopEventRow[],
    head: { id: string; lastSeq: number; status: string; at: string },
  ): Promise<void> {
    if (dialectOf(db) === 'postgres' && rows.length > 0 && rows.length <= rowsPerInsert(db)) {
      await db
        .with('head', (qb) =>
          qb
            .updateTable('workshops')
            .set({ last_seq: head.lastSeq, status: head.status, updated_at: head.at })
            .where('id', '=', head.id),
        )
        .insertInto('workshop_events')
        .values(rows)
        .execute();
      return;
    }
    await workshopsRepository.appendEvents(db, rows);
    await workshopsRepository.setHead(db, head.id, head.lastSeq, head.status, head.at);
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
