/**
 * One thread's share of a parallel Brandes sweep (worker threads and, optionally, the calling
 * thread): sources are claimed in chunks from a shared atomic counter (dynamic load balancing, so
 * a thread that starts late or runs on a busier core simply claims fewer chunks) and summed into
 * one partial array per thread.
 */
import {
  accumulateBetweenness,
  accumulatePaths,
  type CsrArrays,
  createBetweennessWorkspace,
  type Graph,
} from '@essaim/core/network';

/** The graph's out-adjacency (shared, without ids) and the sources this sweep claims from a shared cursor. */
export interface BetweennessWorkerData extends Omit<CsrArrays, 'ids'> {
  /** Int32Array(1) over a SharedArrayBuffer: next source to claim. */
  cursor: Int32Array;
  chunkSize: number;
  /** Sources to process (shared); null means every node. */
  sources: Int32Array | null;
  /**
   * Also sum distances for closeness and harmonic (`accumulatePaths`); the partial is then
   * [betweenness | distance | reachedBy | harmonic], n values each.
   */
  withDistances?: boolean;
}

/** Claims chunks of sources until none is left; returns this thread's raw partial sums. */
export function sweepClaimedSources(data: BetweennessWorkerData, graph: Graph): Float64Array<ArrayBuffer> {
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
  return partial;
}
