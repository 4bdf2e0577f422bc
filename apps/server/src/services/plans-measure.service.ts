/**
 * What a plan reads from the diagnosis: the effectiveness and trust levels the pacing rules compare
 * against, and the series of construct-based indicators. Only released results are read — the stored
 * whole-campaign cut of closed campaigns (`releasedCuts`), and only when the disclosure planner showed it;
 * an open campaign or a suppressed cut contributes nothing (docs/diagnostics.md §6).
 */
import type { CutReport } from '@essaim/contracts';
import { type ConstructResult, cutKey, rateEffectiveness } from '@essaim/core/diagnostics';
import { measuredTrustLevel } from '@essaim/core/methods';
import type { Indicator } from '@essaim/core/plans';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { plansRepository } from '../db/repositories/plans.repository.ts';
import type { CampaignRow } from '../db/repositories/surveys.repository.ts';
import { surveysRepository } from '../db/repositories/surveys.repository.ts';
import { releasedCuts } from './campaigns-report.service.ts';

export interface MeasuredState {
  effectivenessLevel: number | null;
  trustLevel: number | null;
  campaignTitle: string | null;
  /** Shown construct scores of that cut, for the specification's diagnosis section. */
  constructs: { constructId: string; score: number }[];
  campaignId: string | null;
}

interface ReleasedWhole {
  campaign: CampaignRow;
  constructs: { constructId: string; score: number }[];
}

/** Closed campaigns of the engagement whose whole-campaign cut was shown, oldest first. */
async function releasedWholeCuts(db: Db, scope: OrgScope, engagementId: string): Promise<ReleasedWhole[]> {
  const closed = (await surveysRepository.campaignsOf(db, scope, engagementId))
    .filter((c) => c.status === 'closed')
    .sort((a, b) => (a.closed_at ?? '').localeCompare(b.closed_at ?? ''));
  const whole = cutKey({});
  const out: ReleasedWhole[] = [];
  for (const campaign of closed) {
    const cut: CutReport | undefined = (await releasedCuts(db, campaign, [whole])).get(whole);
    if (cut?.status !== 'shown') {
      continue;
    }
    out.push({
      campaign,
      constructs: cut.constructs.flatMap((c) =>
        c.score === null || !Number.isFinite(c.score) ? [] : [{ constructId: c.constructId, score: c.score }],
      ),
    });
  }
  return out;
}

/** Only `constructId` and `score` are read by the effectiveness grid; the other fields are inert. */
const asConstructResult = (c: { constructId: string; score: number }): ConstructResult => ({
  constructId: c.constructId,
  family: 'ic-form' as ConstructResult['family'],
  n: 0,
  score: c.score,
  rawMean: Number.NaN,
  standardDeviation: Number.NaN,
  alpha: { value: null, n: 0, itemCount: 0 },
  bands: [],
});

export async function measuredStateOf(db: Db, scope: OrgScope, engagementId: string): Promise<MeasuredState> {
  const cuts = await releasedWholeCuts(db, scope, engagementId);
  const latest = cuts.at(-1);
  if (!latest || latest.constructs.length === 0) {
    return {
      effectivenessLevel: null,
      trustLevel: null,
      campaignTitle: null,
      constructs: [],
      campaignId: null,
    };
  }
  return {
    effectivenessLevel: rateEffectiveness({ items: [], constructs: latest.constructs.map(asConstructResult) })
      .level,
    trustLevel: measuredTrustLevel(latest.constructs),
    campaignTitle: latest.campaign.title,
    campaignId: latest.campaign.id,
    constructs: latest.constructs,
  };
}

export interface IndicatorSeries {
  indicatorId: string;
  series: { at: string; value: number; label: string }[];
}

/** Progress over time of each indicator, from its source. */
export async function indicatorSeries(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  indicators: readonly Indicator[],
): Promise<IndicatorSeries[]> {
  if (indicators.length === 0) {
    return [];
  }
  const needs = new Set(indicators.map((i) => i.source));
  const cuts = needs.has('construct') ? await releasedWholeCuts(db, scope, engagementId) : [];
  const decisions = needs.has('decisions')
    ? await plansRepository.passedDecisionDates(db, scope, engagementId)
    : [];
  const workshops = needs.has('workshops')
    ? await plansRepository.workshopDates(db, scope, engagementId)
    : [];
  const cumulative = (dates: (string | null)[], label: string) =>
    dates.filter((d): d is string => d !== null).map((d, i) => ({ at: d.slice(0, 10), value: i + 1, label }));
  return indicators.map((indicator) => {
    switch (indicator.source) {
      case 'construct':
        return {
          indicatorId: indicator.id,
          series: cuts.flatMap((c) => {
            const found = c.constructs.find((x) => x.constructId === indicator.constructId);
            return found
              ? [
                  {
                    at: (c.campaign.closed_at ?? c.campaign.created_at).slice(0, 10),
                    value: Math.round(found.score * 10) / 10,
                    label: c.campaign.title,
                  },
                ]
              : [];
          }),
        };
      case 'decisions':
        return {
          indicatorId: indicator.id,
          series: cumulative(decisions, 'decisions'),
        };
      case 'workshops':
        return {
          indicatorId: indicator.id,
          series: cumulative(workshops, 'workshops'),
        };
      default:
        // manual: the hand-entered values
        return {
          indicatorId: indicator.id,
          series: [...indicator.points]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((p) => ({ ...p, label: 'manual' })),
        };
    }
  });
}
