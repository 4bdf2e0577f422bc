/**
 * Exact betweenness (Brandes) — alone, or with closeness and harmonic from the same searches
 * (`parallelPathCentralities`) — split across worker_threads: the CSR arrays are copied once
 * into SharedArrayBuffers (zero-copy for every worker), workers pull chunks of sources from
 * a shared atomic counter and return raw partial sums, which are added and normalised here
 * (networkx scaling). Runs the `.ts` worker through tsx in development and the `.js`
 * sibling when compiled.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  createDistanceSums,
  finishPathCentralities,
  type Graph,
  type PathCentralities,
  rescaleBetweenness,
} from '@essaim/core/network';
import type { BetweennessWorkerData } from './network-worker';

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

/** Runs the workers over every source (or `options.sources`) and adds their partial sums. */
async function sweep(
  graph: Graph,
  options: ParallelBetweennessOptions,
  withDistances: boolean,
): Promise<{ raw: Float64Array; partials: Float64Array[]; sourceCount: number }> {
  const n = graph.nodeCount;
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), n || 1));
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  const sources = options.sources ? toShared(options.sources) : null;
  const sourceCount = sources ? sources.length : n;
  const data: BetweennessWorkerData = {
    nodeCount: n,
    edgeCount: graph.edgeCount,
    isDirected: graph.isDirected,
    isWeighted: graph.isWeighted,
    outOffsets: toShared(graph.outOffsets),
    outTargets: toShared(graph.outTargets),
    outWeights: toShared(graph.outWeights),
    cursor,
    sources,
    chunkSize: options.chunkSize ?? Math.max(1, Math.min(64, Math.ceil(sourceCount / (threads * 16)))),
    withDistances,
  };
  const partials = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<Float64Array>((resolve, reject) => {
          const worker = startWorker(data);
          worker.once('message', (partial: Float64Array) => resolve(partial));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) {
              reject(new Error(`network-parallel: worker exited with code ${code}`));
            }
          });
        }),
    ),
  );
  const width = withDistances ? 4 * n : n;
  const raw = new Float64Array(width);
  for (const partial of partials) {
    for (let i = 0; i < width; i++) {
      raw[i]! += partial[i]!;
    }
  }
  return { raw, partials, sourceCount };
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
  options: Pick<ParallelBetweennessOptions, 'threads' | 'chunkSize'> = {},
): Promise<PathCentralities> {
  const n = graph.nodeCount;
  const { raw } = await sweep(graph, options, true);
  const sums = createDistanceSums(n);
  sums.distance.set(raw.subarray(n, 2 * n));
  sums.reachedBy.set(raw.subarray(2 * n, 3 * n));
  sums.harmonic.set(raw.subarray(3 * n, 4 * n));
  return finishPathCentralities(graph, raw.slice(0, n), sums);
}
