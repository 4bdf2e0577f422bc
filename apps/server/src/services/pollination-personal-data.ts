import { pollinationPersonalDataRepository as repo } from '../db/repositories/pollination-personal-data.repository.ts';
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
    const written = await repo.experiencesWrittenBy(db, userId);
    const personIds = await repo.personIdsOfUser(db, userId);
    const named = [];
    if (personIds.length > 0) {
      for (const row of await repo.experienceContacts(db)) {
        for (const c of row.contacts) {
          if (c.personId && personIds.includes(c.personId)) {
            named.push({ experienceId: row.id, name: c.name, role: c.role, consentedAt: c.consentedAt });
          }
        }
      }
    }
    const adoptionReports = await repo.adoptionReportsBy(db, userId);
    return { experiencesWritten: written, namedAsContact: named, adoptionReports };
  },
  async erase(db, userId, orgId, policy) {
    const personIds = await repo.personIdsOfUser(db, userId, orgId);
    if (personIds.length > 0) {
      for (const row of await repo.experienceContacts(db, orgId)) {
        const kept = row.contacts.filter((c) => !c.personId || !personIds.includes(c.personId));
        if (kept.length !== row.contacts.length) {
          await repo.setContacts(db, row.id, kept);
        }
      }
    }
    if (policy === 'delete') {
      await repo.deleteUnsharedExperiencesBy(db, userId, orgId);
    }
    await repo.detachAuthor(db, userId, orgId);
    await repo.detachAdoptionReports(db, userId, orgId);
  },
});
