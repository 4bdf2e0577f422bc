import { cutKey } from '@essaim/core/diagnostics';
import { measuredTrustLevel } from '@essaim/core/methods';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { surveysRepository } from '../db/repositories/surveys.repository.ts';
import { releasedCuts } from './campaigns-report.service.ts';

export interface MeasuredTrust {
  readonly level: number;
  readonly campaignId: string;
  readonly campaignTitle: string;
}

/**
 * The trust measured by the engagement's most recently closed diagnostic, read only from its
 * released whole-campaign cut (the frozen release stored at close). A cut the disclosure planner
 * suppressed carries no scores and is skipped, so a measurement too small to show is never used.
 */
export async function measuredTrustOf(
  db: Db,
  scope: OrgScope,
  engagementId: string,
): Promise<MeasuredTrust | null> {
  const closed = (await surveysRepository.campaignsOf(db, scope, engagementId))
    .filter((c) => c.status === 'closed')
    .sort((a, b) => (b.closed_at ?? '').localeCompare(a.closed_at ?? ''));
  const whole = cutKey({});
  for (const campaign of closed) {
    const cut = (await releasedCuts(db, campaign, [whole])).get(whole);
    if (cut?.status !== 'shown') {
      continue;
    }
    const level = measuredTrustLevel(cut.constructs);
    if (level !== null) {
      return { level, campaignId: campaign.id, campaignTitle: campaign.title };
    }
  }
  return null;
}
