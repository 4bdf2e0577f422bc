/**
 * The outcomes an evaluation puts beside the diagnostics: adopted charters with commitment counts, plan
 * progress against its targets, and the adoption of spread practices. Read-only; only counts and
 * aggregates leave (never who committed or declined).
 */
import type { EvaluationView } from '@essaim/contracts';
import { countCommitments } from '@essaim/core/charters';
import { indicatorProgress, MILESTONE_STATUSES } from '@essaim/core/plans';
import { ADOPTION_STAGES, type AdoptionStage, currentStages } from '@essaim/core/pollination';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { evaluationRepository } from '../db/repositories/evaluation.repository.ts';
import { indicatorSeries } from './plans-measure.service.ts';

type Outcomes = Pick<EvaluationView, 'charters' | 'plan' | 'practices'>;
type Finding = EvaluationView['findings'][number];

export async function outcomesOf(db: Db, scope: OrgScope, engagementId: string): Promise<Outcomes> {
  const [adopted, document, diffusion] = await Promise.all([
    evaluationRepository.adoptedChartersOf(db, scope, engagementId),
    evaluationRepository.planDocumentOf(db, scope, engagementId),
    evaluationRepository.diffusionOf(db, scope, engagementId),
  ]);
  const records = await evaluationRepository.commitmentsOf(
    db,
    adopted.map((c) => c.id),
  );
  const charters = adopted.map((c) => {
    const counts = countCommitments(
      records
        .filter((r) => r.charter_id === c.id)
        .map((r) => ({
          memberId: r.person_id,
          state: r.state as 'committed',
          versionHash: r.version_hash,
          at: r.at,
        })),
      c.adopted_hash,
      0,
    );
    return {
      id: c.id,
      title: c.title,
      version: Number(c.number),
      adoptedAt: c.adopted_at,
      committed: counts.committed,
      declined: counts.declined,
      withdrawn: counts.withdrawn,
    };
  });

  let plan: Outcomes['plan'] = null;
  if (document) {
    // The same series the plan screen draws (re-measures, decisions, workshops or hand-entered values).
    const series = await indicatorSeries(db, scope, engagementId, document.indicators);
    plan = {
      milestones: MILESTONE_STATUSES.map((status) => ({
        status,
        count: document.milestones.filter((m) => m.status === status).length,
      })),
      indicators: document.indicators.map((i) => {
        const points = series.find((s) => s.indicatorId === i.id)?.series ?? [];
        const latest = points.at(-1)?.value ?? null;
        return {
          id: i.id,
          name: i.name,
          baseline: i.baseline,
          target: i.target,
          latest,
          measures: points.length,
          progress: indicatorProgress(i.baseline, i.target, latest),
        };
      }),
    };
  }

  const practices = diffusion.map((p) => {
    const ids = p.collective_ids ?? [];
    const stages = currentStages(
      ids,
      p.reports.map((r) => ({ collectiveId: r.collective_id, stage: r.stage as AdoptionStage, at: r.date })),
    );
    return {
      id: p.id,
      title: p.title,
      practice: p.practice,
      collectives: ids.length,
      stages: ADOPTION_STAGES.map((stage) => ({
        stage,
        count: ids.filter((c) => stages[c] === stage).length,
      })),
    };
  });
  return { charters, plan, practices };
}

/**
 * Statements from the outcomes: an indicator's way towards its target is stated only once it was measured
 * again (two measures at least); measured once or never, it cannot be concluded. Adoption is a count, not an effect.
 */
export function outcomeFindings(outcomes: Outcomes): Finding[] {
  const findings: Finding[] = [];
  for (const i of outcomes.plan?.indicators ?? []) {
    if (i.baseline === null || i.target === null) {
      continue;
    }
    if (i.measures < 2) {
      findings.push({ kind: 'cannot-conclude', code: 'indicator-not-remeasured', subject: i.name });
    } else if (i.progress !== null) {
      findings.push({ kind: 'changed', code: 'indicator-progressed', subject: i.name, delta: i.progress });
    }
  }
  for (const p of outcomes.practices) {
    const adopted = p.stages.find((s) => s.stage === 'adopted')?.count ?? 0;
    if (adopted > 0) {
      findings.push({ kind: 'changed', code: 'practice-adopted', subject: p.practice, delta: adopted });
    }
  }
  return findings;
}
