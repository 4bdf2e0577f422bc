import type { Db } from '../db.ts';
import { decodeRows, encodeRow } from '../stored-json.ts';
import { PollinationJson } from '../stored-json-pollination.ts';
import type { ExperiencesTable } from '../tables/pollination.ts';

const contactsJson = { contacts: PollinationJson.contacts };
type Contact = ReturnType<typeof PollinationJson.contacts.parse>[number];

/**
 * What pollination holds about one person (GDPR export and erasure): experiences they wrote, contact
 * lists naming their roster records, adoption they reported. Erasure runs in the caller's transaction
 * and stays inside the given organisation.
 */
export const pollinationPersonalDataRepository = {
  async experiencesWrittenBy(db: Db, userId: string) {
    return db
      .selectFrom('experiences')
      .select(['id', 'org_id', 'title', 'status', 'visibility', 'created_at', 'updated_at'])
      .where('created_by', '=', userId)
      .execute();
  },

  /** The user's roster records, in every organisation or only in `orgId`. */
  async personIdsOfUser(db: Db, userId: string, orgId?: string): Promise<string[]> {
    let q = db.selectFrom('people').select('id').where('user_id', '=', userId);
    if (orgId !== undefined) {
      q = q.where('org_id', '=', orgId);
    }
    return (await q.execute()).map((p) => p.id);
  },

  /** Experiences with their decoded contact lists, in every organisation or only in `orgId`. */
  async experienceContacts(db: Db, orgId?: string) {
    let q = db.selectFrom('experiences').select(['id', 'title', 'contacts']);
    if (orgId !== undefined) {
      q = q.where('org_id', '=', orgId);
    }
    return decodeRows(await q.execute(), contactsJson);
  },

  async setContacts(db: Db, experienceId: string, contacts: Contact[]): Promise<void> {
    await db
      .updateTable('experiences')
      .set(encodeRow<Partial<ExperiencesTable>>({ contacts }, contactsJson))
      .where('id', '=', experienceId)
      .execute();
  },

  async adoptionReportsBy(db: Db, userId: string) {
    return db
      .selectFrom('adoption_reports')
      .select(['plan_id', 'collective_id', 'stage', 'date', 'note', 'created_at'])
      .where('reported_by', '=', userId)
      .execute();
  },

  async deleteUnsharedExperiencesBy(db: Db, userId: string, orgId: string): Promise<void> {
    await db
      .deleteFrom('experiences')
      .where('created_by', '=', userId)
      .where('org_id', '=', orgId)
      .where('status', '!=', 'shared')
      .execute();
  },

  async detachAuthor(db: Db, userId: string, orgId: string): Promise<void> {
    await db
      .updateTable('experiences')
      .set({ created_by: null })
      .where('created_by', '=', userId)
      .where('org_id', '=', orgId)
      .execute();
  },

  /** The stage stays (the curve is the collective's), the free note and the link to the person go. */
  async detachAdoptionReports(db: Db, userId: string, orgId: string): Promise<void> {
    const plans = db.selectFrom('diffusion_plans').select('id').where('org_id', '=', orgId);
    await db
      .updateTable('adoption_reports')
      .set({ reported_by: null, note: '' })
      .where('reported_by', '=', userId)
      .where('plan_id', 'in', plans)
      .execute();
  },
};
