/**
 * The plan of an engagement: one versioned document (master plan, investment plan, people, unavailable
 * periods, indicators). A save carries the version it started from; a stale one is refused so two editors
 * never overwrite each other silently. Structure is refused when broken (unknown references, reversed
 * dates, dependency cycles: `DEPENDENCY_CYCLE`); pacing only warns (core/plans/pacing.ts).
 */
import type { PlanView } from '@essaim/contracts';
import type { CynefinDomain } from '@essaim/core/engagements';
import {
  describeWarning,
  emptyPlan,
  type PacingContext,
  type PacingWarning,
  type PlanDocument,
  pacingWarnings,
  scenarioTotals,
  validatePlan,
} from '@essaim/core/plans';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { plansRepository } from '../db/repositories/plans.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { indicatorSeries, measuredStateOf } from './plans-measure.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { listTraceLinks, registerTraceKind } from './trace.service.ts';
import { emitMilestoneChanged } from './webhooks-emitters.ts';

/** Kinds a roadmap item carries out. `charter_clause` resolves once the charters feature registers it. */
export const CARRIED_OUT_KINDS: readonly string[] = ['decision', 'charter_clause'];

const storedDocument = (db: Db, engagementId: string) => plansRepository.documentOf(db, engagementId);

// A milestone is the plan's roadmap item; an indicator measures an objective. Both can be trace-linked.
registerTraceKind(
  'roadmap_item',
  async (db, engagementId, id) =>
    (await storedDocument(db, engagementId))?.milestones.find((m) => m.id === id)?.title ?? null,
);
registerTraceKind(
  'indicator',
  async (db, engagementId, id) =>
    (await storedDocument(db, engagementId))?.indicators.find((i) => i.id === id)?.name ?? null,
);

export interface PlanChoices {
  questions: { id: string; text: string; domain: CynefinDomain | null }[];
  collectives: { id: string; name: string }[];
  decisions: { id: string; title: string }[];
}

export async function planChoices(db: Db, scope: OrgScope, engagementId: string): Promise<PlanChoices> {
  const [questions, collectives, decisions] = await Promise.all([
    plansRepository.questionsOf(db, engagementId),
    plansRepository.collectivesOf(db, scope),
    plansRepository.decisionsOf(db, scope, engagementId),
  ]);
  return {
    questions: questions.map((q) => ({
      id: q.id,
      text: q.text,
      domain: (q.complexity?.domain as CynefinDomain | undefined) ?? null,
    })),
    collectives,
    decisions: decisions.map((d) => ({ id: d.id, title: d.title })),
  };
}

function namer(doc: PlanDocument, choices: PlanChoices) {
  const names = new Map<string, string>([
    ...doc.workstreams.map((w) => [w.id, w.title] as const),
    ...doc.milestones.map((m) => [m.id, m.title] as const),
    ...choices.collectives.map((c) => [c.id, c.name] as const),
  ]);
  return (id: string) => names.get(id) ?? id;
}

function present(w: PacingWarning, lang: 'fr' | 'en', name: (id: string) => string) {
  return {
    rule: w.rule,
    subject: w.subject,
    data: { ...w.data },
    reason: describeWarning(w, lang, name),
  };
}

export async function readPlan(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  lang: 'fr' | 'en',
): Promise<PlanView> {
  const engagement = await loadEngagement(db, scope, engagementId);
  const row = await plansRepository.plan(db, scope, engagementId);
  const document = row?.document ?? emptyPlan(engagement.title);
  const [choices, measured, links, indicators] = await Promise.all([
    planChoices(db, scope, engagementId),
    measuredStateOf(db, scope, engagementId),
    listTraceLinks(db, scope, engagementId),
    indicatorSeries(db, scope, engagementId, document.indicators),
  ]);
  const ctx: PacingContext = {
    effectivenessLevel: measured.effectivenessLevel,
    trustLevel: measured.trustLevel,
    questionDomains: Object.fromEntries(choices.questions.map((q) => [q.id, q.domain])),
  };
  const name = namer(document, choices);
  const milestoneIds = new Set(document.milestones.map((m) => m.id));
  return {
    engagementId,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
    document,
    measured: {
      effectivenessLevel: measured.effectivenessLevel,
      trustLevel: measured.trustLevel,
      campaignTitle: measured.campaignTitle,
    },
    warnings: pacingWarnings(document, ctx).map((w) => present(w, lang, name)),
    scenarios: scenarioTotals(document).map(({ scenarioId, totals }) => ({
      scenarioId,
      totals,
      warnings: pacingWarnings(document, ctx, scenarioId)
        .filter((w) => w.rule === 'over-allocation')
        .map((w) => present(w, lang, name)),
    })),
    carriesOut: links.flatMap((l) => {
      // Either direction: the plan links a milestone to what it implements; the charters side links a
      // clause to the roadmap item that carries it out (docs/plans.md, Trace links).
      const [item, carried] = String(l.from.kind) === 'roadmap_item' ? [l.from, l.to] : [l.to, l.from];
      return String(item.kind) === 'roadmap_item' &&
        milestoneIds.has(item.id) &&
        CARRIED_OUT_KINDS.includes(carried.kind)
        ? [{ milestoneId: item.id, linkId: l.id, kind: carried.kind, id: carried.id, label: carried.label }]
        : [];
    }),
    indicators,
    choices,
  };
}

/** References outside the document (questions of the engagement, collectives of the organisation). */
function outsideReferenceIssues(doc: PlanDocument, choices: PlanChoices): string[] {
  const questions = new Set(choices.questions.map((q) => q.id));
  const collectives = new Set(choices.collectives.map((c) => c.id));
  const paths: string[] = [];
  for (const w of doc.workstreams) {
    if (w.questionId !== null && !questions.has(w.questionId)) {
      paths.push(`workstreams.${w.id}.questionId`);
    }
    if (w.collectiveId !== null && !collectives.has(w.collectiveId)) {
      paths.push(`workstreams.${w.id}.collectiveId`);
    }
  }
  for (const p of doc.unavailable) {
    if (p.collectiveId !== null && !collectives.has(p.collectiveId)) {
      paths.push(`unavailable.${p.id}.collectiveId`);
    }
  }
  return paths;
}

/** `plan.milestone.changed` for each milestone whose status or dates this save changes (new ones included). */
async function emitMilestoneChanges(
  trx: Db,
  scope: OrgScope,
  engagementId: string,
  before: PlanDocument | null,
  after: PlanDocument,
  version: number,
): Promise<void> {
  const previous = new Map((before?.milestones ?? []).map((m) => [m.id, m]));
  for (const m of after.milestones) {
    const was = previous.get(m.id);
    if (was && was.status === m.status && was.startsOn === m.startsOn && was.dueOn === m.dueOn) {
      continue;
    }
    await emitMilestoneChanged(trx, {
      orgId: scope.orgId,
      engagementId,
      id: m.id,
      title: m.title,
      status: m.status,
      previousStatus: was?.status ?? null,
      startsOn: m.startsOn,
      dueOn: m.dueOn,
      version,
    });
  }
}

async function writeDocument(
  trx: Db,
  scope: OrgScope,
  engagementId: string,
  expected: number,
  document: PlanDocument,
  actor: Actor,
  event: { kind: string; data: Record<string, unknown> },
): Promise<void> {
  await loadEngagement(trx, scope, engagementId);
  await assertEngagementAcceptsInput(trx, engagementId);
  const issues = validatePlan(document);
  const cycle = issues.find((i) => i.code === 'dependency-cycle');
  if (cycle) {
    throw new AppError('DEPENDENCY_CYCLE', 'milestone dependencies form a cycle', { cycle: cycle.cycle });
  }
  const outside = outsideReferenceIssues(document, await planChoices(trx, scope, engagementId));
  if (issues.length > 0 || outside.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'the plan is inconsistent', {
      issues: [...issues, ...outside.map((path) => ({ code: 'unknown-reference', path }))],
    });
  }
  const now = nowIso();
  const current = await plansRepository.plan(trx, scope, engagementId);
  if ((current?.version ?? 0) !== expected) {
    throw new AppError('CONFLICT', 'the plan changed since you opened it', {
      reason: 'stale-version',
      version: current?.version ?? 0,
    });
  }
  if (!current) {
    await plansRepository.insertPlan(trx, {
      id: newId(),
      org_id: scope.orgId,
      engagement_id: engagementId,
      version: 1,
      document,
      updated_by: scope.userId,
      created_at: now,
      updated_at: now,
    });
  } else if (
    !(await plansRepository.updatePlan(trx, scope, engagementId, expected, {
      version: expected + 1,
      document,
      updated_by: scope.userId,
      updated_at: now,
    }))
  ) {
    throw new AppError('CONFLICT', 'the plan changed since you opened it', { reason: 'stale-version' });
  }
  await emitMilestoneChanges(trx, scope, engagementId, current?.document ?? null, document, expected + 1);
  await recordEngagementEvent(trx, actor, {
    orgId: scope.orgId,
    engagementId,
    kind: event.kind,
    objectKind: 'plan',
    objectId: engagementId,
    data: { version: expected + 1, ...event.data },
  });
}

export async function savePlan(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: { version: number; document: PlanDocument },
  actor: Actor,
  lang: 'fr' | 'en',
): Promise<PlanView> {
  await db.transaction().execute((trx) =>
    writeDocument(trx, scope, engagementId, body.version, body.document, actor, {
      kind: 'plan.saved',
      data: {
        workstreams: body.document.workstreams.length,
        milestones: body.document.milestones.length,
        budgetLines: body.document.budgetLines.length,
      },
    }),
  );
  return readPlan(db, scope, engagementId, lang);
}

/** Status and comment of one milestone (the sponsor's dashboard's everyday edit), on the current version. */
export async function setMilestoneStatus(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  milestoneId: string,
  body: { status: PlanDocument['milestones'][number]['status']; comment: string },
  actor: Actor,
  lang: 'fr' | 'en',
): Promise<PlanView> {
  await db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    const row = await plansRepository.plan(trx, scope, engagementId);
    const doc = row?.document;
    const milestone = doc?.milestones.find((m) => m.id === milestoneId);
    if (!row || !doc || !milestone) {
      throw notFound('milestone');
    }
    milestone.status = body.status;
    milestone.comment = body.comment;
    await writeDocument(trx, scope, engagementId, row.version, doc, actor, {
      kind: 'plan.milestone_status',
      data: { milestoneId, status: body.status },
    });
  });
  return readPlan(db, scope, engagementId, lang);
}
