import type { Db } from '../db.ts';
import { decodeRow } from '../stored-json.ts';
import { DecisionsJson } from '../stored-json-decisions.ts';

const entriesJson = { positions: DecisionsJson.positions, objections: DecisionsJson.objections };

/**
 * What the decision feature holds about one person (GDPR export and erasure), and the title a trace
 * link shows. Erasure runs in the caller's transaction and stays inside the given organisation.
 */
export const decisionsPersonalDataRepository = {
  async recordTitle(db: Db, engagementId: string, id: string): Promise<string | null> {
    const row = await db
      .selectFrom('decision_records')
      .select('title')
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.title ?? null;
  },

  async exportOf(db: Db, userId: string) {
    const positions = await db
      .selectFrom('proposal_positions')
      .select(['proposal_id', 'value', 'reason', 'version', 'at'])
      .where('user_id', '=', userId)
      .execute();
    const objections = await db
      .selectFrom('proposal_objections')
      .select(['proposal_id', 'reason', 'status', 'at'])
      .where('user_id', '=', userId)
      .execute();
    const notifications = await db
      .selectFrom('notifications')
      .select(['kind', 'title', 'created_at'])
      .where('user_id', '=', userId)
      .execute();
    return { positions, objections, notifications };
  },

  /** The person's positions and objections in the organisation, with the record each was copied to. */
  async entriesOf(db: Db, userId: string, orgId: string) {
    const positions = await db
      .selectFrom('proposal_positions')
      .innerJoin('proposals', 'proposals.id', 'proposal_positions.proposal_id')
      .select(['proposals.record_id as recordId', 'proposal_positions.display_name as name'])
      .where('proposal_positions.user_id', '=', userId)
      .where('proposals.org_id', '=', orgId)
      .execute();
    const objections = await db
      .selectFrom('proposal_objections')
      .innerJoin('proposals', 'proposals.id', 'proposal_objections.proposal_id')
      .select([
        'proposals.record_id as recordId',
        'proposal_objections.id as id',
        'proposal_objections.display_name as name',
      ])
      .where('proposal_objections.user_id', '=', userId)
      .where('proposals.org_id', '=', orgId)
      .execute();
    return { positions, objections };
  },

  async recordEntries(db: Db, orgId: string, recordId: string) {
    const row = await db
      .selectFrom('decision_records')
      .select(['positions', 'objections'])
      .where('id', '=', recordId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row && decodeRow(row, entriesJson);
  },

  /**
   * Positions stay counted (the decision stands) but no longer name the person; their notifications
   * go; records they wrote no longer point at them.
   */
  async erase(db: Db, userId: string, orgId: string, erasedKey: string): Promise<void> {
    const inOrg = db.selectFrom('proposals').select('id').where('org_id', '=', orgId);
    await db
      .updateTable('proposal_positions')
      .set({ user_id: null, display_name: null, voter_key: erasedKey })
      .where('user_id', '=', userId)
      .where('proposal_id', 'in', inOrg)
      .execute();
    await db
      .updateTable('proposal_objections')
      .set({ user_id: null, display_name: null })
      .where('user_id', '=', userId)
      .where('proposal_id', 'in', inOrg)
      .execute();
    await db.deleteFrom('notifications').where('user_id', '=', userId).where('org_id', '=', orgId).execute();
    await db
      .updateTable('decision_records')
      .set({ recorded_by: null })
      .where('recorded_by', '=', userId)
      .where('org_id', '=', orgId)
      .execute();
  },
};
