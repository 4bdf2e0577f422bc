/**
 * Exact betweenness (Brandes) — alone, or with closeness and harmonic from the same searches
 * (`parallelPathCentralities`) — split across worker_threads: the CSR arrays are renumbered in
 * breadth-first order (core reorder.ts, for cache locality) while being copied once into
 * SharedArrayBuffers (zero-copy for every worker), threads pull chunks of sources from a shared
 * atomic counter and return raw partial sums, which are added, mapped back to the caller's
 * numbering and normalised here (networkx scaling). With `useCallingThread` the caller's thread
 * takes a share too, so the sweep starts at once instead of after the workers' start-up (about
 * 0.5 s each under tsx) and one fewer worker is needed. Runs the `.ts` worker through tsx in
 * development and the `.js` sibling when compiled.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  createDistanceSums,
  finishPathCentralities,
  type Graph,
  graphFromCsr,
  type PathCentralities,
  relabelBreadthFirst,
  rescaleBetweenness,
} from '@essaim/core/network';
import { type BetweennessWorkerData, sweepClaimedSources } from './network-sweep-share';

export interface ParallelBetweennessOptions {
  /** Worker count; defaults to the available cores. */
  threads?: number;
  isNormalized?: boolean;
  /** Sources claimed per atomic increment. */
  chunkSize?: number;
  /**
   * Subset of sources S. The result is then the Brandes–Pich extrapolation
   * (n/|S|)·Σ_{s∈S} δ_s(v), normalised (U. Brandes & C. Pich, "Centrality estimation in large
   * networks", Int. J. Bifurcation and Chaos 17(7), 2007).
   */
  sources?: Int32Array;
  /**
   * Let the calling thread sweep sources too (one worker fewer). It is then blocked until the
   * sweep ends: for a CLI or a worker, not for a server's event loop.
   */
  useCallingThread?: boolean;
}

function toShared<T extends Int32Array | Float64Array>(array: T): T {
  const shared = new SharedArrayBuffer(array.byteLength);
  const copy = (array instanceof Int32Array ? new Int32Array(shared) : new Float64Array(shared)) as T;
  copy.set(array);
  return copy;
}

/**
 * Spawns the worker. Under tsx (this file is `.ts`) the worker is started from a tiny eval'd
 * bootstrap that registers tsx's ESM hooks inside the worker before importing the `.ts` file:
 * on Node 20 `execArgv: ['--import', 'tsx']` does not apply the hooks to a worker's entry.
 */
function startWorker(data: BetweennessWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./network-worker.js', import.meta.url), { workerData: data });
  }
  const entry = new URL('./network-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

function startSweepWorker(data: BetweennessWorkerData): Promise<Float64Array> {
  return new Promise<Float64Array>((resolve, reject) => {
    const worker = startWorker(data);
    worker.once('message', (partial: Float64Array) => resolve(partial));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`network-parallel: worker exited with code ${code}`));
      }
    });
  });
}

/** Runs the threads over every source (or `options.sources`) and adds their partial sums. */
async function sweep(
  graph: Graph,
  options: ParallelBetweennessOptions,
  withDistances: boolean,
): Promise<{ raw: Float64Array; sourceCount: number }> {
  const n = graph.nodeCount;
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), n || 1));
  const { csr, newIndex } = relabelBreadthFirst(graph);
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  const sources = options.sources ? toShared(options.sources.map((s) => newIndex[s]!)) : null;
  const sourceCount = sources ? sources.length : n;
  const data: BetweennessWorkerData = {
    nodeCount: n,
    edgeCount: graph.edgeCount,
    isDirected: graph.isDirected,
    isWeighted: graph.isWeighted,
    outOffsets: toShared(csr.outOffsets),
    outTargets: toShared(csr.outTargets),
    outWeights: toShared(csr.outWeights),
    cursor,
    sources,
    chunkSize: options.chunkSize ?? Math.max(1, Math.min(64, Math.ceil(sourceCount / (threads * 16)))),
    withDistances,
  };
  const inline = options.useCallingThread === true;
  const pending = Array.from({ length: inline ? threads - 1 : threads }, () => startSweepWorker(data));
  // Brandes walks out-arcs only, so the calling thread needs no transpose either (see the worker).
  const own = inline ? [sweepClaimedSources(data, graphFromCsr({ ...data, isDirected: false }))] : [];
  const partials = [...own, ...(await Promise.all(pending))];
  const width = withDistances ? 4 * n : n;
  const summed = new Float64Array(width);
  for (const partial of partials) {
    for (let i = 0; i < width; i++) {
      summed[i]! += partial[i]!;
    }
  }
  // Back to the caller's numbering, segment by segment ([betweenness | distance | …], n each).
  const raw = new Float64Array(width);
  for (let base = 0; base < width; base += n) {
    for (let v = 0; v < n; v++) {
      raw[base + v] = summed[base + newIndex[v]!]!;
    }
  }
  return { raw, sourceCount };
}

/**
 * Exact betweenness of every node using worker threads.
 * @example
 * const values = await parallelBetweenness(graph, { threads: 2 });
 */
export async function parallelBetweenness(
  graph: Graph,
  options: ParallelBetweennessOptions = {},
): Promise<Float64Array> {
  const n = graph.nodeCount;
  const { raw, sourceCount } = await sweep(graph, options, false);
  if (options.sources && sourceCount > 0) {
    for (let v = 0; v < n; v++) {
      raw[v]! *= n / sourceCount;
    }
  }
  return rescaleBetweenness(raw, n, graph.isDirected, options.isNormalized ?? true);
}

/**
 * Betweenness, closeness and harmonic centrality (networkx values) from one sweep of searches
 * shared by worker threads.
 * @example
 * const { betweenness, closeness, harmonic } = await parallelPathCentralities(graph);
 */
export async function parallelPathCentralities(
  graph: Graph,
  options: Pick<ParallelBetweennessOptions, 'threads' | 'chunkSize' | 'useCallingThread'> = {},
): Promise<PathCentralities> {
  const n = graph.nodeCount;
  const { raw } = await sweep(graph, options, true);
  const sums = createDistanceSums(n);
  sums.distance.set(raw.subarray(n, 2 * n));
  sums.reachedBy.set(raw.subarray(2 * n, 3 * n));
  sums.harmonic.set(raw.subarray(3 * n, 4 * n));
  return finishPathCentralities(graph, raw.slice(0, n), sums);
}
