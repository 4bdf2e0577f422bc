/**
 * Worker thread of the opinion maps: receives `{ id, input }`, answers `{ id, result }` or
 * `{ id, error }`. One long-lived worker serves every conversation, so the request path never runs
 * the PCA and clustering. Bundled beside essaim.js as `opinions-worker.js`.
 */
import { parentPort } from 'node:worker_threads';
import { computeOpinionMap, type OpinionsInput } from './opinions-analysis.ts';

parentPort?.on('message', (message: { id: number; input: OpinionsInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: computeOpinionMap(message.input) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
