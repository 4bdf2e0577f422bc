/**
 * Worker thread for parallel exact betweenness: receives the CSR out-adjacency in
 * SharedArrayBuffers plus a shared work counter, claims chunks of sources with
 * Atomics.add (dynamic load balancing) and posts back its raw partial sums (transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { accumulateBetweenness, createBetweennessWorkspace, graphFromCsr } from '@essaim/core/network';

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
}

const data = workerData as BetweennessWorkerData;
// Brandes only walks out-arcs, so no transpose is needed (pass out arrays as "undirected").
const graph = graphFromCsr({ ...data, isDirected: false });
const workspace = createBetweennessWorkspace(data.nodeCount);
const partial = new Float64Array(data.nodeCount);
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
  accumulateBetweenness(graph, chunk.subarray(0, end - start), partial, workspace);
}
parentPort?.postMessage(partial, [partial.buffer]);
