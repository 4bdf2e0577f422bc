import { can } from '@essaim/core';
import { resolveThresholds } from '@essaim/core/diagnostics';
import { ADOPTION_STAGES, type AdoptionStage } from '@essaim/core/pollination';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { pollinationRepository as repo } from '../db/repositories/pollination.repository.ts';
import { AppError, forbidden, notFound } from '../lib/app-error.ts';
import { hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';

/**
 * The one-question adoption pulse: "where is your collective with this practice?" sent to a target
 * collective of a diffusion plan as a link, answered without an account. No respondent identity is
 * kept. The answers are shown, and fed into the plan as an adoption report, only once there are at
 * least the organisation's minimum group size of them (the same threshold as diagnostics), so a small
 * collective's individual answers cannot be read off the result.
 */
const canManage = (scope: OrgScope) => can(scope.role, 'methods.manage');

async function threshold(db: Db, scope: OrgScope): Promise<number> {
  return resolveThresholds({ minRespondents: (await repo.minGroupSize(db, scope)) ?? undefined })
    .minRespondents;
}

async function requirePlan(db: Db, scope: OrgScope, planId: string) {
  const plan = await repo.findPlan(db, scope, planId);
  if (!plan) {
    throw notFound('plan');
  }
  return plan;
}

/** Most frequent stage; a tie goes to the earlier stage (the cautious reading of adoption). */
export function modalStage(stages: readonly string[]): AdoptionStage | null {
  let best: AdoptionStage | null = null;
  let bestCount = 0;
  for (const stage of ADOPTION_STAGES) {
    const n = stages.filter((s) => s === stage).length;
    if (n > bestCount) {
      best = stage;
      bestCount = n;
    }
  }
  return best;
}

export async function createPulse(
  db: Db,
  scope: OrgScope,
  planId: string,
  collectiveId: string,
  actor: Actor,
) {
  if (!canManage(scope)) {
    throw forbidden();
  }
  const plan = await requirePlan(db, scope, planId);
  if (!plan.collective_ids.includes(collectiveId)) {
    throw new AppError('VALIDATION_FAILED', 'this collective is not a target of the plan', {
      field: 'collectiveId',
    });
  }
  const token = newToken();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertPulse(trx, {
      id,
      plan_id: plan.id,
      collective_id: collectiveId,
      token_hash: hashToken(token),
      created_by: scope.userId,
      created_at: nowIso(),
      closed_at: null,
    });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.pulse_created',
      objectKind: 'diffusion_plan',
      objectId: plan.id,
      details: { collectiveId },
    });
  });
  return { id, token };
}

export async function listPulses(db: Db, scope: OrgScope, planId: string) {
  const plan = await requirePlan(db, scope, planId);
  const min = await threshold(db, scope);
  const pulses = [];
  for (const p of await repo.pulsesOf(db, plan.id)) {
    const stages = await repo.pulseStages(db, p.id);
    const shown = stages.length >= min;
    pulses.push({
      id: p.id,
      collectiveId: p.collective_id,
      createdAt: p.created_at,
      closedAt: p.closed_at,
      answers: stages.length,
      threshold: min,
      distribution: shown
        ? Object.fromEntries(ADOPTION_STAGES.map((s) => [s, stages.filter((x) => x === s).length]))
        : null,
    });
  }
  return { pulses };
}

/** Close the pulse; with enough answers, its modal stage becomes the collective's adoption report. */
export async function closePulse(db: Db, scope: OrgScope, planId: string, pulseId: string, actor: Actor) {
  if (!canManage(scope)) {
    throw forbidden();
  }
  const plan = await requirePlan(db, scope, planId);
  const pulse = await repo.pulse(db, plan.id, pulseId);
  if (!pulse) {
    throw notFound('pulse');
  }
  if (pulse.closed_at) {
    throw new AppError('CONFLICT', 'the pulse is closed', { reason: 'closed' });
  }
  const stages = await repo.pulseStages(db, pulse.id);
  const min = await threshold(db, scope);
  const stage = stages.length >= min ? modalStage(stages) : null;
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.closePulse(trx, pulse.id, now);
    if (stage) {
      await repo.insertReport(trx, {
        id: newId(),
        plan_id: plan.id,
        collective_id: pulse.collective_id,
        stage,
        date: now.slice(0, 10),
        note: '',
        reported_by: null,
        created_at: now,
      });
    }
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'pollination.pulse_closed',
      objectKind: 'diffusion_plan',
      objectId: plan.id,
      details: { pulseId: pulse.id, answers: stages.length, recorded: stage },
    });
  });
  return { answers: stages.length, threshold: min, recordedStage: stage };
}

/** The question behind a link (public: the link is the right to answer). */
export async function pulseQuestion(db: Db, token: string) {
  const pulse = await repo.pulseByTokenHash(db, hashToken(token));
  if (!pulse) {
    throw notFound('pulse');
  }
  return { practice: pulse.practice, collective: pulse.collective_name, open: pulse.closed_at === null };
}

export async function answerPulse(db: Db, token: string, stage: AdoptionStage) {
  const pulse = await repo.pulseByTokenHash(db, hashToken(token));
  if (!pulse) {
    throw notFound('pulse');
  }
  if (pulse.closed_at) {
    throw new AppError('CONFLICT', 'the pulse is closed', { reason: 'closed' });
  }
  await repo.insertPulseAnswer(db, pulse.id, stage, nowIso(), newId());
  return { recorded: true };
}
