import { communitiesRepository as repo } from '../db/repositories/communities.repository.ts';
import { registerPersonalData } from './personal-data.ts';

/**
 * A person's contributions to communities of practice fall under their data rights (GDPR art. 15, 17,
 * 20): the export lists their memberships, what they wrote (texts, links, events, file names and sizes)
 * and what they reported. Erasure, per organisation: the "delete" policy removes what they wrote through
 * it (answers to a removed question go with it); "anonymise" keeps the texts without their account.
 * Their memberships, notifications and the link to their reports go in both cases.
 */
registerPersonalData({
  name: 'pollination-communities',
  async export(db, userId) {
    const memberships = (await repo.membershipsOf(db, userId)).map((m) => ({
      communityId: m.community_id,
      orgId: m.org_id,
      role: m.role,
      digest: m.digest === 1,
      joinedAt: m.joined_at,
    }));
    const contributions = await repo.itemsByAuthor(db, userId);
    const reports = await repo.reportsBy(db, userId);
    return { memberships, contributions, reports };
  },
  async erase(db, userId, orgId, policy) {
    await repo.eraseContributor(db, userId, orgId, policy);
  },
});
