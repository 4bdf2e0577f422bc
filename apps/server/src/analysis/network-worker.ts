/**
 * Worker thread entry (the only one the build bundles), two jobs:
 * - parallel exact betweenness: receives the CSR out-adjacency in SharedArrayBuffers plus a shared
 *   work counter, claims chunks of sources (network-sweep-share.ts) and posts back its raw partial
 *   sums (transferred);
 * - `kind: 'analysis'`: runs a whole stored network's analysis off the request path, posting
 *   `{ type: 'progress' }` messages then `{ type: 'done', result }` (or `{ type: 'failed' }`).
 * The analysis pipeline is imported only for that job: a sweep worker then starts sooner (under
 * tsx every imported module is transpiled in the worker).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { graphFromCsr } from '@essaim/core/network';
import type { AnalysisInput } from './network-analysis';
import { type BetweennessWorkerData, sweepClaimedSources } from './network-sweep-share';

export type { BetweennessWorkerData } from './network-sweep-share';

export interface AnalysisWorkerData {
  kind: 'analysis';
  input: AnalysisInput;
}

function runBetweenness(data: BetweennessWorkerData): void {
  // Brandes only walks out-arcs, so no transpose is needed (pass out arrays as "undirected");
  // the distance sums d(s, v) it gathers are the incoming distances closeness needs either way.
  const graph = graphFromCsr({ ...data, isDirected: false });
  const partial = sweepClaimedSources(data, graph);
  parentPort?.postMessage(partial, [partial.buffer]);
}

async function runAnalysis(data: AnalysisWorkerData): Promise<void> {
  try {
    const { analyseNetwork } = await import('./network-analysis');
    const result = analyseNetwork(data.input, (stage, progress) =>
      parentPort?.postMessage({ type: 'progress', stage, progress }),
    );
    parentPort?.postMessage({ type: 'done', result });
  } catch (error) {
    parentPort?.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

const data = workerData as BetweennessWorkerData | AnalysisWorkerData;
if ('kind' in data && data.kind === 'analysis') {
  void runAnalysis(data);
} else {
  runBetweenness(data as BetweennessWorkerData);
}
