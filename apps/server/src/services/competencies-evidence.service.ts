import type { CompetencyEvidenceItem } from '@essaim/contracts';
import {
  collectEvidence,
  type EvidenceItem,
  type MethodUseFact,
  type PlatformFacts,
} from '@essaim/core/competencies';
import { METHOD_CATALOGUE } from '@essaim/core/methods';
import { competenciesEvidenceRepository as repo } from '../db/repositories/competencies-evidence.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';

/**
 * Platform facts about a consultant's own work, turned into evidence by the core rules
 * (packages/core/src/competencies/evidence.ts). Decisions and charters are not stored by the platform
 * yet: `decisions` and `charters` stay empty until those features fill them (the extension point).
 */
export async function gatherFacts(
  db: Db,
  userId: string,
): Promise<{ facts: PlatformFacts; orgOfEngagement: Map<string, string> }> {
  const memberships = await repo.memberships(db, userId);
  const orgIds = memberships.map((m) => m.orgId);
  const orgName = new Map(memberships.map((m) => [m.orgId, m.orgName]));
  const thresholds = new Map(memberships.map((m) => [m.orgId, m]));
  const engagements = await repo.engagementsFacilitated(db, userId, orgIds);
  const ids = engagements.map((e) => e.id);
  const orgOfEngagement = new Map(engagements.map((e) => [e.id, orgName.get(e.org_id) ?? '']));
  const none = <T>(): Promise<T[]> => Promise.resolve([]);
  const [questions, campaigns, choices, agendas, workshops, stops, networks] = await Promise.all([
    ids.length
      ? repo.assessedQuestions(db, ids)
      : none<Awaited<ReturnType<typeof repo.assessedQuestions>>[number]>(),
    ids.length ? repo.campaigns(db, ids) : none<Awaited<ReturnType<typeof repo.campaigns>>[number]>(),
    ids.length ? repo.methodChoices(db, ids) : none<Awaited<ReturnType<typeof repo.methodChoices>>[number]>(),
    orgIds.length
      ? repo.agendas(db, userId, orgIds, ids)
      : none<Awaited<ReturnType<typeof repo.agendas>>[number]>(),
    orgIds.length
      ? repo.workshops(db, userId, orgIds, ids)
      : none<Awaited<ReturnType<typeof repo.workshops>>[number]>(),
    ids.length ? repo.stops(db, userId, ids) : none<Awaited<ReturnType<typeof repo.stops>>[number]>(),
    ids.length ? repo.networks(db, ids) : none<Awaited<ReturnType<typeof repo.networks>>[number]>(),
  ]);
  const catalogue = new Map(METHOD_CATALOGUE.map((m) => [m.id, m]));
  const methods: MethodUseFact[] = [];
  for (const c of choices) {
    const m = catalogue.get(c.method_id);
    if (m) {
      methods.push({
        engagementId: c.engagement_id,
        methodId: m.id,
        family: m.family,
        skill: m.facilitationSkill,
        source: 'choice',
        decidedBy: c.decided_by,
      });
    }
  }
  for (const a of agendas) {
    for (const item of a.items) {
      const m = item.kind === 'method' && item.methodId ? catalogue.get(item.methodId) : undefined;
      if (m) {
        methods.push({
          engagementId: a.engagement_id,
          methodId: m.id,
          family: m.family,
          skill: m.facilitationSkill,
          source: 'agenda',
        });
      }
    }
  }
  const domains = new Map<string, string[]>();
  for (const q of questions) {
    const domain = q.complexity?.domain;
    if (domain) {
      domains.set(q.engagement_id, [...(domains.get(q.engagement_id) ?? []), domain]);
    }
  }
  const facts: PlatformFacts = {
    engagements: engagements.map((e) => ({
      id: e.id,
      title: e.title,
      status: e.status,
      phases: e.phases.map((p) => ({
        key: p.key,
        status: p.status,
      })),
      assessedDomains: domains.get(e.id) ?? [],
    })),
    campaigns: campaigns.map((c) => ({
      id: c.id,
      engagementId: c.engagement_id,
      title: c.title,
      status: c.status,
      responses: Number(c.responses ?? 0),
      minRespondents: Math.max(5, thresholds.get(c.org_id)?.minGroup ?? 5),
      minOpenText: Math.max(10, thresholds.get(c.org_id)?.minText ?? 10),
    })),
    methods,
    workshops: workshops.map((w) => ({
      id: w.id,
      engagementId: w.engagement_id,
      title: w.title,
      status: w.status,
      participants: Number(w.participants ?? 0),
    })),
    stops: stops.map((s) => ({
      engagementId: s.engagement_id,
      status: s.kind === 'engagement.stopped' ? 'stopped' : 'paused',
      at: s.at,
    })),
    networks: networks.map((n) => ({ id: n.id, engagementId: n.engagement_id, status: n.source })),
    decisions: [],
    charters: [],
  };
  return { facts, orgOfEngagement };
}

export function presentEvidence(
  item: EvidenceItem,
  orgOfEngagement: Map<string, string>,
): CompetencyEvidenceItem {
  return {
    key: item.key,
    kind: item.kind,
    engagementId: item.engagementId,
    orgName: item.engagementId ? (orgOfEngagement.get(item.engagementId) ?? null) : null,
    label: item.label,
    figures: { ...item.figures },
    competencyIds: [...item.competencyIds],
  };
}

/** The consultant's platform evidence, keyed for citation in a self-rating. */
export async function listEvidence(db: Db, userId: string): Promise<CompetencyEvidenceItem[]> {
  const { facts, orgOfEngagement } = await gatherFacts(db, userId);
  return collectEvidence(facts).map((item) => presentEvidence(item, orgOfEngagement));
}

/** Method ids the consultant has used (for development-goal practice targets). */
export function practisedMethods(facts: PlatformFacts): Set<string> {
  return new Set(facts.methods.map((m) => m.methodId));
}
