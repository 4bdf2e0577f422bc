import { type AnalysisInput, analyseNetwork } from '../analysis/network-analysis.ts';
import { type RunningAnalysis, runAnalysisInWorker } from '../analysis/network-analysis-runner.ts';
import type { Db } from '../db/db.ts';
import { networksRepository } from '../db/repositories/networks.repository.ts';
import { nowIso } from '../lib/tokens.ts';
import { storeAnalysisResult } from './networks.service.ts';

/** Stage and reason of an analysis whose process ended before it finished (the web recognises the stage). */
export const INTERRUPTED_STAGE = 'interrupted';
export const INTERRUPTED_REASON = 'interrupted by a restart';

/**
 * Jobs live in memory: an analysis left `queued` or `running` by a previous process will never finish.
 * At start, mark those failed with the reason, so the facilitator sees it and runs the analysis again.
 * (With several instances on one database, start them before any analysis is requested.)
 */
export async function failInterruptedAnalyses(db: Db): Promise<string[]> {
  return networksRepository.failUnfinishedAnalyses(db, {
    status: 'failed',
    stage: INTERRUPTED_STAGE,
    error: INTERRUPTED_REASON,
    finished_at: nowIso(),
  });
}

/** Where progress goes besides the database (the route plugin broadcasts to room `network:<id>`). */
export type AnalysisNotifier = (networkId: string, payload: Record<string, unknown>) => Promise<void> | void;

interface Job {
  networkId: string;
  engagementId: string;
  run: RunningAnalysis | null;
}

/**
 * Runs analyses off the request path: each in a worker thread (one at a time per network, refused
 * upstream), progress written to the analysis row (at most every 10 %) and broadcast. A stop or pause
 * of the engagement cancels its running analyses. `inline` runs on the main thread after the response
 * (tests without tsx workers).
 */
export class NetworkAnalysisJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly db: Db,
    private readonly notify: AnalysisNotifier,
    private readonly mode: 'worker' | 'inline' = 'worker',
  ) {}

  start(analysisId: string, engagementId: string, networkId: string, input: AnalysisInput): void {
    const job: Job = { networkId, engagementId, run: null };
    this.jobs.set(analysisId, job);
    let lastSaved = 0;
    // Progress writes are chained so none lands after the final result.
    let writes: Promise<unknown> = networksRepository.updateAnalysis(this.db, analysisId, {
      status: 'running',
      stage: 'starting',
    });
    const onProgress = (stage: string, progress: number) => {
      if (progress - lastSaved >= 0.1 || progress === 1) {
        lastSaved = progress;
        writes = writes
          .then(() =>
            networksRepository.updateAnalysis(this.db, analysisId, { status: 'running', stage, progress }),
          )
          .then(() => this.notify(networkId, { analysisId, status: 'running', stage, progress }))
          .catch(() => {});
      }
    };
    if (this.mode === 'worker') {
      job.run = runAnalysisInWorker(input, onProgress);
    }
    const result = job.run
      ? job.run.result
      : new Promise<ReturnType<typeof analyseNetwork>>((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(analyseNetwork(input, onProgress));
            } catch (error) {
              reject(error);
            }
          }),
        );
    void result
      .then(async (output) => {
        await writes.catch(() => {});
        if (!this.jobs.has(analysisId)) {
          return;
        }
        await storeAnalysisResult(this.db, analysisId, networkId, output);
        await this.notify(networkId, { analysisId, status: 'done', stage: 'done', progress: 1 });
      })
      .catch(async (error: unknown) => {
        await writes.catch(() => {});
        if (!this.jobs.has(analysisId)) {
          return;
        }
        await networksRepository.updateAnalysis(this.db, analysisId, {
          status: 'failed',
          stage: 'failed',
          error: error instanceof Error ? error.message.slice(0, 500) : 'analysis failed',
          finished_at: nowIso(),
        });
        await this.notify(networkId, { analysisId, status: 'failed' });
      })
      .finally(() => this.jobs.delete(analysisId));
  }

  /** Cancel every running analysis of an engagement (stop/pause). */
  async cancelEngagement(engagementId: string): Promise<void> {
    for (const [analysisId, job] of [...this.jobs]) {
      if (job.engagementId !== engagementId) {
        continue;
      }
      this.jobs.delete(analysisId);
      await job.run?.cancel();
      await networksRepository.updateAnalysis(this.db, analysisId, {
        status: 'cancelled',
        stage: 'cancelled',
        finished_at: nowIso(),
      });
      await this.notify(job.networkId, { analysisId, status: 'cancelled' });
    }
  }

  /** Wait until no analysis is running (tests, shutdown). */
  async idle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.jobs.size > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 20));
  }

  get size(): number {
    return this.jobs.size;
  }
}
