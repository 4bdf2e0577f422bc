/**
 * Worker thread entry (the only one the build bundles), two jobs:
 * - parallel exact betweenness: receives the CSR out-adjacency in SharedArrayBuffers plus a shared
 *   work counter, claims chunks of sources with Atomics.add (dynamic load balancing) and posts back
 *   its raw partial sums (transferred);
 * - `kind: 'analysis'`: runs a whole stored network's analysis off the request path, posting
 *   `{ type: 'progress' }` messages then `{ type: 'done', result }` (or `{ type: 'failed' }`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  accumulateBetweenness,
  accumulatePaths,
  createBetweennessWorkspace,
  graphFromCsr,
} from '@essaim/core/network';
import { type AnalysisInput, analyseNetwork } from './network-analysis';

export interface AnalysisWorkerData {
  kind: 'analysis';
  input: AnalysisInput;
}

export interface BetweennessWorkerData {
  nodeCount: number;
  edgeCount: number;
  isDirected: boolean;
  isWeighted: boolean;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
  /** Int32Array(1) over a SharedArrayBuffer: next source to claim. */
  cursor: Int32Array;
  chunkSize: number;
  /** Sources to process (shared); null means every node. */
  sources: Int32Array | null;
  /**
   * Also sum distances for closeness and harmonic (`accumulatePaths`); the reply is then
   * [betweenness | distance | reachedBy | harmonic], n values each.
   */
  withDistances?: boolean;
}

function runBetweenness(data: BetweennessWorkerData): void {
  // Brandes only walks out-arcs, so no transpose is needed (pass out arrays as "undirected");
  // the distance sums d(s, v) it gathers are the incoming distances closeness needs either way.
  const graph = graphFromCsr({ ...data, isDirected: false });
  const workspace = createBetweennessWorkspace(data.nodeCount);
  const n = data.nodeCount;
  const partial = new Float64Array(data.withDistances ? 4 * n : n);
  const into = partial.subarray(0, n);
  const sums = {
    distance: partial.subarray(n, 2 * n),
    reachedBy: partial.subarray(2 * n, 3 * n),
    harmonic: partial.subarray(3 * n, 4 * n),
  };
  const chunk = new Int32Array(data.chunkSize);
  const total = data.sources ? data.sources.length : data.nodeCount;
  for (;;) {
    const start = Atomics.add(data.cursor, 0, data.chunkSize);
    if (start >= total) {
      break;
    }
    const end = Math.min(start + data.chunkSize, total);
    for (let i = start; i < end; i++) {
      chunk[i - start] = data.sources ? data.sources[i]! : i;
    }
    const claimed = chunk.subarray(0, end - start);
    if (data.withDistances) {
      accumulatePaths(graph, claimed, into, sums, workspace);
    } else {
      accumulateBetweenness(graph, claimed, into, workspace);
    }
  }
  parentPort?.postMessage(partial, [partial.buffer]);
}

function runAnalysis(data: AnalysisWorkerData): void {
  try {
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
  runAnalysis(data);
} else {
  runBetweenness(data as BetweennessWorkerData);
}
