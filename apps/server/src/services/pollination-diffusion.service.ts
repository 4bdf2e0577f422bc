import type { DiffusionPlanView } from '@essaim/contracts';
import { can } from '@essaim/core';
import {
  type AdoptionStage,
  currentStages,
  type DiffusionSessionKind,
  diffusionCurve,
} from '@essaim/core/pollination';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type DiffusionPlanRow,
  pollinationRepository as repo,
} from '../db/repositories/pollination.repository.ts';
import { AppError, forbidden, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { loadEngagement } from './engagements.service.ts';

/**
 * Diffusion plans: a practice (or a shared experience) carried to target collectives by change agents,
 * through sessions, with adoption reported per collective over time.
 *
 * Change agents come from a network analysis only when the person accepted the proposal (the networks
 * feature records that answer; domain.md (e): nobody is made a change agent without agreeing), or are
 * chosen by hand. The predicted reach beside the observed one is the sum of the chosen agents' IMM
 * marginal gains (Tang, Shi & Xiao, SIGMOD 2015) over the network's size: exact for a prefix of the
 * greedy order, an upper estimate for another subset (said so in the view's help text).
 */
const canManage = (scope: OrgScope) => can(scope.role, 'methods.manage');

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Accepted proposals with the roster person each stands for: the node's link (survey networks), or a
 * roster person whose name is the node's label (imported networks; ambiguous names are left out).
 */
async function acceptedWithPeople(db: Db, scope: OrgScope, engagementId: string | null, proposalId?: string) {
  const rows = await repo.acceptedProposals(db, scope, engagementId, proposalId);
  const people = await repo.peopleOf(db, scope);
  const byName = new Map<string, { id: string; display_name: string } | null>();
  for (const p of people) {
    const key = fold(p.display_name);
    byName.set(key, byName.has(key) ? null : p);
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.flatMap((r) => {
    const person = r.person_id ? byId.get(r.person_id) : byName.get(fold(r.label));
    return person ? [{ ...r, person_id: person.id, display_name: person.display_name }] : [];
  });
}

export async function changeAgentCandidates(db: Db, scope: OrgScope, engagementId: string) {
  await loadEngagement(db, scope, engagementId);
  const rows = await acceptedWithPeople(db, scope, engagementId);
  return {
    candidates: rows.map((r) => ({
      personId: r.person_id,
      name: r.display_name,
      proposalId: r.proposal_id,
      analysisId: r.analysis_id,
      networkTitle: r.network_title,
      marginalReach: r.marginal_reach,
    })),
  };
}

interface PlanBody {
  title: string;
  practice: string;
  experienceId: string | null;
  engagementId: string | null;
  collectiveIds: string[];
  agents: { personId: string; proposalId: string | null }[];
  sessions: {
    kind: DiffusionSessionKind;
    title: string;
    date: string;
    collectiveId: string | null;
    carrierPersonId: string | null;
  }[];
}

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

export async function createPlan(db: Db, scope: OrgScope, body: PlanBody, actor: Actor) {
  if (!canManage(scope)) {
    throw forbidden();
  }
  return db.transaction().execute(async (trx) => {
    if (body.engagementId) {
      await loadEngagement(trx, scope, body.engagementId);
    }
    if (body.experienceId && !(await repo.findExperience(trx, scope, body.experienceId))) {
      throw invalid('experienceId', 'unknown experience');
    }
    const collectiveIds = [...new Set(body.collectiveIds)];
    const sessionCollectives = body.sessions.flatMap((s) => (s.collectiveId ? [s.collectiveId] : []));
    const known = new Set(
      (await repo.collectives(trx, scope, [...collectiveIds, ...sessionCollectives])).map((c) => c.id),
    );
    if ([...collectiveIds, ...sessionCollectives].some((id) => !known.has(id))) {
      throw invalid('collectiveIds', 'unknown collective');
    }
    const personIds = [
      ...body.agents.map((a) => a.personId),
      ...body.sessions.flatMap((s) => (s.carrierPersonId ? [s.carrierPersonId] : [])),
    ];
    const people = new Set((await repo.people(trx, scope, personIds)).map((p) => p.id));
    if (personIds.some((id) => !people.has(id))) {
      throw invalid('agents', 'unknown person');
    }
    const now = nowIso();
    const plan: DiffusionPlanRow = {
      id: newId(),
      org_id: scope.orgId,
      engagement_id: body.engagementId,
      experience_id: body.experienceId,
      title: body.title,
      practice: body.practice,
      collective_ids: collectiveIds,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertPlan(trx, plan);
    const agents = [];
    for (const a of body.agents) {
      let reach: number | null = null;
      let size: number | null = null;
      if (a.proposalId) {
        const [proposal] = await acceptedWithPeople(trx, scope, null, a.proposalId);
        // Only a proposal the person accepted, and the person it names, can make someone a change agent.
        if (!proposal || proposal.person_id !== a.personId) {
          throw invalid('agents', 'a change agent from a network analysis must have accepted');
        }
        reach = proposal.marginal_reach;
        size = await repo.networkSize(trx, proposal.network_id);
      }
      agents.push({
        id: newId(),
        plan_id: plan.id,
        person_id: a.personId,
        proposal_id: a.proposalId,
        marginal_reach: reach,
        network_size: size,
      });
    }
    await repo.insertAgents(trx, agents);
    await repo.insertSessions(
      trx,
      body.sessions.map((s) => ({
        id: newId(),
        plan_id: plan.id,
        kind: s.kind,
        title: s.title,
        date: s.date,
        collective_id: s.collectiveId,
        carrier_person_id: s.carrierPersonId,
      })),
    );
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.plan_created',
      objectKind: 'diffusion_plan',
      objectId: plan.id,
      details: { collectives: collectiveIds.length, agents: agents.length },
    });
    return readPlan(trx, scope, plan.id);
  });
}

async function requirePlan(db: Db, scope: OrgScope, id: string) {
  const plan = await repo.findPlan(db, scope, id);
  if (!plan) {
    throw notFound('plan');
  }
  return plan;
}

/** Leads, and the plan's change agents (their person records), report adoption. */
async function mayReport(db: Db, scope: OrgScope, planId: string): Promise<boolean> {
  if (canManage(scope)) {
    return true;
  }
  const mine = new Set(await repo.personIdsOfUser(db, scope, scope.userId));
  return (await repo.agents(db, planId)).some((a) => mine.has(a.person_id));
}

export async function readPlan(db: Db, scope: OrgScope, id: string): Promise<DiffusionPlanView> {
  const plan = await requirePlan(db, scope, id);
  const collectiveIds = plan.collective_ids;
  const [agents, sessions, reports] = await Promise.all([
    repo.agents(db, id),
    repo.sessions(db, id),
    repo.reports(db, id),
  ]);
  const collectiveNames = new Map(
    (
      await repo.collectives(db, scope, [
        ...collectiveIds,
        ...sessions.flatMap((s) => (s.collective_id ? [s.collective_id] : [])),
      ])
    ).map((c) => [c.id, c.name]),
  );
  const peopleNames = new Map(
    (
      await repo.people(db, scope, [
        ...agents.map((a) => a.person_id),
        ...sessions.flatMap((s) => (s.carrier_person_id ? [s.carrier_person_id] : [])),
      ])
    ).map((p) => [p.id, p.display_name]),
  );
  const adoption = reports.map((r) => ({
    collectiveId: r.collective_id,
    stage: r.stage as AdoptionStage,
    at: r.date,
  }));
  const stages = currentStages(collectiveIds, adoption);
  const reached = collectiveIds.filter((c) => stages[c] !== 'not_aware').length;
  const predicted = agents.filter((a) => a.marginal_reach !== null && a.network_size);
  const networkSize = Math.max(0, ...predicted.map((a) => a.network_size ?? 0));
  const experience = plan.experience_id
    ? await repo.findExperience(db, scope, plan.experience_id)
    : undefined;
  return {
    id: plan.id,
    title: plan.title,
    practice: plan.practice,
    experienceId: plan.experience_id,
    experienceTitle: experience?.title ?? null,
    engagementId: plan.engagement_id,
    collectives: collectiveIds.map((c) => ({
      id: c,
      name: collectiveNames.get(c) ?? '',
      stage: stages[c] ?? 'not_aware',
    })),
    agents: agents.map((a) => ({
      id: a.id,
      personId: a.person_id,
      name: peopleNames.get(a.person_id) ?? '',
      source: a.proposal_id ? ('network' as const) : ('manual' as const),
      proposalId: a.proposal_id,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind as DiffusionSessionKind,
      title: s.title,
      date: s.date,
      collectiveId: s.collective_id,
      carrierPersonId: s.carrier_person_id,
      collectiveName: s.collective_id ? (collectiveNames.get(s.collective_id) ?? null) : null,
      carrierName: s.carrier_person_id ? (peopleNames.get(s.carrier_person_id) ?? null) : null,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      collectiveId: r.collective_id,
      stage: r.stage as AdoptionStage,
      date: r.date,
      note: r.note,
    })),
    curve: diffusionCurve(adoption),
    predictedReach:
      networkSize > 0
        ? Math.min(1, predicted.reduce((s, a) => s + (a.marginal_reach ?? 0), 0) / networkSize)
        : null,
    observedReach: collectiveIds.length === 0 ? 0 : reached / collectiveIds.length,
    canReport: await mayReport(db, scope, id),
    createdAt: plan.created_at,
  };
}

export async function listPlans(db: Db, scope: OrgScope) {
  const plans = [];
  for (const plan of await repo.plansOf(db, scope)) {
    const view = await readPlan(db, scope, plan.id);
    plans.push({
      id: plan.id,
      title: plan.title,
      collectiveCount: view.collectives.length,
      observedReach: view.observedReach,
    });
  }
  return { plans };
}

export async function reportAdoption(
  db: Db,
  scope: OrgScope,
  planId: string,
  body: { collectiveId: string; stage: AdoptionStage; date: string; note: string },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const plan = await requirePlan(trx, scope, planId);
    if (!(await mayReport(trx, scope, planId))) {
      throw forbidden('only the plan’s change agents and facilitators report adoption');
    }
    if (!plan.collective_ids.includes(body.collectiveId)) {
      throw invalid('collectiveId', 'this collective is not a target of the plan');
    }
    const id = newId();
    await repo.insertReport(trx, {
      id,
      plan_id: planId,
      collective_id: body.collectiveId,
      stage: body.stage,
      date: body.date,
      note: body.note,
      reported_by: scope.userId,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.adoption_reported',
      objectKind: 'diffusion_plan',
      objectId: planId,
      details: { collectiveId: body.collectiveId, stage: body.stage, date: body.date },
    });
    return readPlan(trx, scope, planId);
  });
}

export async function deletePlan(db: Db, scope: OrgScope, planId: string, actor: Actor) {
  if (!canManage(scope)) {
    throw forbidden();
  }
  await db.transaction().execute(async (trx) => {
    await requirePlan(trx, scope, planId);
    await repo.deletePlan(trx, scope, planId);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.plan_deleted',
      objectKind: 'diffusion_plan',
      objectId: planId,
      details: {},
    });
  });
}
