import { readStored } from '../db/stored-json.ts';
import { PollinationJson } from '../db/stored-json-pollination.ts';
import { writeJson } from '../lib/json.ts';
import { registerPersonalData } from './personal-data.ts';

/**
 * A person's part in pollination falls under their data rights (GDPR art. 15, 17, 20): experiences they
 * wrote, the contacts that name them (through their roster record), adoption they reported.
 * Erasure: their name leaves every contact list; what they wrote stays as the collective's knowledge
 * without their account attached, except unshared drafts, which the "delete" policy removes.
 */
registerPersonalData({
  name: 'pollination',
  async export(db, userId) {
    const written = await db
      .selectFrom('experiences')
      .select(['id', 'org_id', 'title', 'status', 'visibility', 'created_at', 'updated_at'])
      .where('created_by', '=', userId)
      .execute();
    const personIds = (
      await db.selectFrom('people').select('id').where('user_id', '=', userId).execute()
    ).map((p) => p.id);
    const named = [];
    if (personIds.length > 0) {
      for (const row of await db.selectFrom('experiences').select(['id', 'title', 'contacts']).execute()) {
        for (const c of readStored(PollinationJson.contacts, row.contacts) ?? []) {
          if (c.personId && personIds.includes(c.personId)) {
            named.push({ experienceId: row.id, name: c.name, role: c.role, consentedAt: c.consentedAt });
          }
        }
      }
    }
    const adoptionReports = await db
      .selectFrom('adoption_reports')
      .select(['plan_id', 'collective_id', 'stage', 'date', 'note', 'created_at'])
      .where('reported_by', '=', userId)
      .execute();
    return { experiencesWritten: written, namedAsContact: named, adoptionReports };
  },
  async erase(db, userId, orgId, policy) {
    const personIds = (
      await db
        .selectFrom('people')
        .select('id')
        .where('user_id', '=', userId)
        .where('org_id', '=', orgId)
        .execute()
    ).map((p) => p.id);
    if (personIds.length > 0) {
      for (const row of await db
        .selectFrom('experiences')
        .select(['id', 'contacts'])
        .where('org_id', '=', orgId)
        .execute()) {
        const contacts = readStored(PollinationJson.contacts, row.contacts) ?? [];
        const kept = contacts.filter((c) => !c.personId || !personIds.includes(c.personId));
        if (kept.length !== contacts.length) {
          await db
            .updateTable('experiences')
            .set({ contacts: writeJson(kept) ?? '[]' })
            .where('id', '=', row.id)
            .execute();
        }
      }
    }
    if (policy === 'delete') {
      await db
        .deleteFrom('experiences')
        .where('created_by', '=', userId)
        .where('org_id', '=', orgId)
        .where('status', '!=', 'shared')
        .execute();
    }
    await db
      .updateTable('experiences')
      .set({ created_by: null })
      .where('created_by', '=', userId)
      .where('org_id', '=', orgId)
      .execute();
    const plans = db.selectFrom('diffusion_plans').select('id').where('org_id', '=', orgId);
    // The stage stays (the curve is the collective's), the free note and the link to the person go.
    await db
      .updateTable('adoption_reports')
      .set({ reported_by: null, note: '' })
      .where('reported_by', '=', userId)
      .where('plan_id', 'in', plans)
      .execute();
  },
});
