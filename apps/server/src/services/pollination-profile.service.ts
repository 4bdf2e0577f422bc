import { cutKey } from '@essaim/core/diagnostics';
import { type CynefinDomain, type IcForm, METHOD_CATALOGUE } from '@essaim/core/methods';
import type { DiagnosticDelta, EngagementProfile } from '@essaim/core/pollination';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { pollinationRepository as repo } from '../db/repositories/pollination.repository.ts';
import { surveysRepository } from '../db/repositories/surveys.repository.ts';
import { releasedCuts } from './campaigns-report.service.ts';

/**
 * What an engagement already knows about itself, read for an experience draft and for "experiences
 * like this engagement": methods of its agendas (and their IC forms in the catalogue), the Cynefin
 * domain of its first assessed question, and its diagnostic profile.
 *
 * Diagnostic scores come only from released whole-campaign cuts of closed campaigns (the frozen release
 * the report shows): a cut the disclosure planner suppressed (too few respondents, thresholds of the
 * organisation) carries no scores and is skipped, so an experience never shows a number the
 * diagnostic itself would hide.
 */
export interface EngagementFacts {
  readonly methodIds: string[];
  readonly icForms: IcForm[];
  readonly cynefin: CynefinDomain | null;
  readonly question: string;
  readonly profile: Record<string, number>;
  readonly deltas: DiagnosticDelta[];
  readonly size: number | null;
}

const CATALOGUE = new Map(METHOD_CATALOGUE.map((m) => [m.id, m]));

export function methodName(id: string, language: 'fr' | 'en'): string {
  return CATALOGUE.get(id)?.name[language] ?? id;
}

async function releasedProfiles(db: Db, scope: OrgScope, engagementId: string) {
  const closed = (await surveysRepository.campaignsOf(db, scope, engagementId))
    .filter((c) => c.status === 'closed')
    .sort((a, b) => (a.closed_at ?? '').localeCompare(b.closed_at ?? ''));
  const whole = cutKey({});
  const profiles: Record<string, number>[] = [];
  for (const campaign of closed) {
    const cut = (await releasedCuts(db, campaign, [whole])).get(whole);
    if (cut?.status !== 'shown') {
      continue;
    }
    const profile: Record<string, number> = {};
    for (const c of cut.constructs) {
      if (c.score !== null && Number.isFinite(c.score)) {
        profile[c.constructId] = Math.round(c.score * 10) / 10;
      }
    }
    profiles.push(profile);
  }
  return profiles;
}

export async function engagementFacts(
  db: Db,
  scope: OrgScope,
  engagementId: string,
): Promise<EngagementFacts> {
  const agendas = await repo.agendaItemsOf(db, scope, engagementId);
  const methodIds = [
    ...new Set(
      agendas.flatMap((items) =>
        items.flatMap((item) => (item.kind === 'method' && item.methodId ? [item.methodId] : [])),
      ),
    ),
  ];
  const icForms = [...new Set(methodIds.flatMap((id) => CATALOGUE.get(id)?.icForms ?? []))];
  const questions = await repo.questionsOf(db, scope, engagementId);
  const cynefin = questions.find((q) => q.complexity !== null)?.complexity?.domain ?? null;
  const profiles = await releasedProfiles(db, scope, engagementId);
  const first = profiles[0];
  const last = profiles[profiles.length - 1];
  const deltas: DiagnosticDelta[] =
    first && last && profiles.length >= 2
      ? Object.keys(last)
          .filter((k) => k in first)
          .map((k) => ({ constructId: k, before: first[k]!, after: last[k]! }))
      : [];
  const size = await repo.stakeholderPeopleCount(db, engagementId);
  return {
    methodIds,
    icForms,
    cynefin: (cynefin as CynefinDomain | null) ?? null,
    question: questions[0]?.text ?? '',
    profile: last ?? {},
    deltas,
    size: size || null,
  };
}

export function profileOfFacts(
  facts: EngagementFacts,
  sector: string | null,
  size: number | null,
): EngagementProfile {
  return {
    icForms: facts.icForms,
    cynefin: facts.cynefin,
    methodIds: facts.methodIds,
    sector,
    size: size ?? facts.size,
    diagnostic: facts.profile,
  };
}
