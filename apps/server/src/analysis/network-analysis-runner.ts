/**
 * Starts one network analysis in a worker thread (the bundled `network-worker` entry, job
 * `kind: 'analysis'`), relays its progress and resolves with its result. Under tsx the worker is
 * started through a bootstrap that registers tsx's hooks first (see network-parallel.ts).
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisInput, AnalysisOutput, ProgressCallback } from './network-analysis';
import type { AnalysisWorkerData } from './network-worker';

function startWorker(data: AnalysisWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./network-worker.js', import.meta.url), { workerData: data });
  }
  const entry = new URL('./network-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

export interface RunningAnalysis {
  result: Promise<AnalysisOutput>;
  /** Stops the worker; `result` then rejects. */
  cancel: () => Promise<void>;
}

/**
 * Runs `analyseNetwork(input)` off the main thread.
 * @example
 * const run = runAnalysisInWorker(input, (stage, p) => console.log(stage, p));
 * const output = await run.result;
 */
export function runAnalysisInWorker(input: AnalysisInput, onProgress: ProgressCallback): RunningAnalysis {
  const worker = startWorker({ kind: 'analysis', input });
  const result = new Promise<AnalysisOutput>((resolve, reject) => {
    worker.on(
      'message',
      (
        m:
          | { type: 'progress'; stage: string; progress: number }
          | { type: 'done'; result: AnalysisOutput }
          | { type: 'failed'; message: string },
      ) => {
        if (m.type === 'progress') {
          onProgress(m.stage, m.progress);
        } else if (m.type === 'done') {
          resolve(m.result);
          void worker.terminate();
        } else {
          reject(new Error(m.message));
          void worker.terminate();
        }
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`analysis worker exited (${code})`)));
  });
  return {
    result,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
