import { REPORT_NEEDS, type ReportJob, type ReportKind, type ReportRequest } from '@essaim/contracts';
import { can } from '@essaim/core';
import {
  REPORT_LABELS,
  type ReportDocument,
  type ReportLang,
  type ReportSection,
  strictest,
} from '@essaim/core/reports';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { type ReportJobSummaryRow, reportsRepository } from '../db/repositories/reports.repository.ts';
import { AppError, forbidden, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { loadCharter } from './charters.service.ts';
import { loadEngagement } from './engagements.service.ts';
import { engagementEvaluation } from './evaluation.service.ts';
import type { LiveRuntime } from './live.service.ts';
import { renderReportPdf } from './report-pdf.ts';
import { charterPart, planPart, type ReportPart } from './reports-charters-plans.ts';
import {
  CONFIDENTIALITY_OF,
  decisionSections,
  diagnosticSections,
  evaluationBlocks,
  networkSections,
  workshopSections,
} from './reports-content.service.ts';

/** The permission each report needs (shared with the web picker; the final report adds parts by right). */
const NEEDS = REPORT_NEEDS;

export function presentJob(r: ReportJobSummaryRow): ReportJob {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    kind: r.kind as ReportKind,
    lang: r.lang as ReportLang,
    status: r.status as ReportJob['status'],
    stage: r.stage,
    progress: r.progress,
    error: r.error,
    sizeBytes: r.size_bytes,
    renderMs: r.render_ms,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/** Build the document of a report for this reader (the same services and checks as the screens). */
export async function buildReportDocument(
  db: Db,
  live: LiveRuntime,
  scope: OrgScope,
  engagementId: string,
  request: ReportRequest,
): Promise<ReportDocument> {
  const engagement = await loadEngagement(db, scope, engagementId);
  const lang = request.lang;
  const parts: ReportPart[] = [];
  const add = async (kind: keyof typeof CONFIDENTIALITY_OF, p: Promise<ReportSection[]>) =>
    parts.push({ sections: await p, level: CONFIDENTIALITY_OF[kind] });
  switch (request.kind) {
    case 'diagnostic':
      await add('diagnostic', diagnosticSections(db, scope, engagementId, lang, request.campaignId));
      break;
    case 'decisions':
      await add('decisions', decisionSections(db, scope, engagementId, lang));
      break;
    case 'workshop':
      await add('workshop', workshopSections(db, live, scope, engagementId, lang, request.workshopId));
      break;
    case 'network':
      await add('network', networkSections(db, scope, engagementId, lang));
      break;
    case 'charter':
      parts.push(await charterPart(db, scope, engagementId, lang, request.charterId));
      break;
    case 'plan':
      parts.push(await planPart(db, scope, engagementId, lang));
      break;
    case 'final':
      await add('diagnostic', diagnosticSections(db, scope, engagementId, lang));
      await add('workshop', workshopSections(db, live, scope, engagementId, lang));
      await add('decisions', decisionSections(db, scope, engagementId, lang));
      parts.push(await charterPart(db, scope, engagementId, lang));
      if (can(scope.role, 'plan.read')) {
        parts.push(await planPart(db, scope, engagementId, lang));
      }
      if (can(scope.role, 'network.readReport')) {
        await add('network', networkSections(db, scope, engagementId, lang));
      }
      await add(
        'diagnostic',
        Promise.resolve([
          {
            id: 'evaluation',
            blocks: evaluationBlocks(await engagementEvaluation(db, scope, engagementId, lang), lang),
          },
        ]),
      );
      break;
  }
  return {
    title: `${REPORT_LABELS[lang].kinds[request.kind]}`,
    subtitle: engagement.title,
    lang,
    confidentiality: strictest(parts.map((p) => p.level)),
    generatedAt: nowIso(),
    sections: parts.flatMap((p) => p.sections),
  };
}

/**
 * Report generation off the request path: the request stores a queued job and returns; the job runs
 * after the response on this process (pdfkit yields between blocks), writing its stage and progress
 * to the row, which the screen polls. Jobs left unfinished by a stopped process are marked failed at
 * start (`failInterrupted`).
 */
export class ReportJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly live: LiveRuntime,
  ) {}

  async failInterrupted(): Promise<void> {
    await reportsRepository.failUnfinished(this.db, nowIso());
  }

  async request(
    scope: OrgScope,
    engagementId: string,
    body: ReportRequest,
    actor: Actor,
  ): Promise<ReportJob> {
    if (!can(scope.role, NEEDS[body.kind])) {
      throw forbidden(body.kind === 'network' ? 'the network report is for facilitators only' : undefined);
    }
    await loadEngagement(this.db, scope, engagementId);
    if (body.kind === 'charter' && body.charterId !== undefined) {
      // A charter of another engagement or tenant is refused now (404), not as a failed job later.
      await loadCharter(this.db, scope, engagementId, body.charterId);
    }
    const row = {
      id: newId(),
      org_id: scope.orgId,
      engagement_id: engagementId,
      kind: body.kind,
      lang: body.lang,
      params: JSON.stringify({
        campaignId: body.campaignId ?? null,
        workshopId: body.workshopId ?? null,
        charterId: body.charterId ?? null,
      }),
      status: 'queued',
      stage: 'queued',
      progress: 0,
      error: null,
      file: null,
      size_bytes: null,
      render_ms: null,
      created_by: scope.userId,
      created_at: nowIso(),
      finished_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await reportsRepository.insert(trx, row);
      await recordAudit(trx, actor, {
        orgId: scope.orgId,
        action: 'report.requested',
        objectKind: 'report',
        objectId: row.id,
        details: { engagementId, kind: body.kind, lang: body.lang },
      });
    });
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(row.id, scope, engagementId, body))
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return presentJob(row);
  }

  /** Resolves when every job started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }

  private async run(id: string, scope: OrgScope, engagementId: string, body: ReportRequest): Promise<void> {
    const started = performance.now();
    try {
      await reportsRepository.update(this.db, id, { status: 'running', stage: 'gathering', progress: 0.05 });
      const doc = await buildReportDocument(this.db, this.live, scope, engagementId, body);
      await reportsRepository.update(this.db, id, { stage: 'rendering', progress: 0.3 });
      let lastSaved = 0.3;
      let writes: Promise<unknown> = Promise.resolve();
      const pdf = await renderReportPdf(doc, (done, total) => {
        const progress = 0.3 + 0.65 * (done / Math.max(1, total));
        if (progress - lastSaved >= 0.1) {
          lastSaved = progress;
          writes = writes.then(() => reportsRepository.update(this.db, id, { progress })).catch(() => {});
        }
      });
      await writes;
      await reportsRepository.update(this.db, id, {
        status: 'done',
        stage: 'done',
        progress: 1,
        file: pdf,
        size_bytes: pdf.length,
        render_ms: Math.round(performance.now() - started),
        finished_at: nowIso(),
      });
    } catch (error) {
      await reportsRepository
        .update(this.db, id, {
          status: 'failed',
          stage: 'failed',
          error:
            error instanceof AppError
              ? error.code
              : error instanceof Error
                ? error.message.slice(0, 300)
                : 'report failed',
          finished_at: nowIso(),
        })
        .catch(() => {});
    }
  }
}

export async function listMyReports(db: Db, scope: OrgScope, engagementId: string) {
  await loadEngagement(db, scope, engagementId);
  return { reports: (await reportsRepository.mine(db, scope, engagementId)).map(presentJob) };
}

export async function readMyReport(db: Db, scope: OrgScope, id: string): Promise<ReportJob> {
  const row = await reportsRepository.findMine(db, scope, id);
  if (!row) {
    throw notFound('report');
  }
  return presentJob(row);
}

/** The PDF, for the person who asked for it (their rights shaped it), once done; their rights re-checked. */
export async function readMyReportFile(db: Db, scope: OrgScope, id: string) {
  const row = await reportsRepository.fileOfMine(db, scope, id);
  if (!row) {
    throw notFound('report');
  }
  if (!can(scope.role, NEEDS[row.kind as ReportKind])) {
    throw forbidden();
  }
  if (row.status !== 'done' || !row.file) {
    throw new AppError('CONFLICT', 'the report is not ready', { reason: row.status });
  }
  return { file: Buffer.from(row.file), kind: row.kind as ReportKind, lang: row.lang as ReportLang };
}
