import { Worker } from 'node:worker_threads';
import { AppError } from '../lib/app-error.ts';
import { checkZipEntries, TABLE_LIMITS, tooLarge } from './spreadsheet-limits.ts';
import type { XlsxWorkerData, XlsxWorkerResult } from './xlsx-worker.ts';

/** Memory and time a single XLSX parse may use before its worker is stopped. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
const WORKER_TIMEOUT_MS = 20_000;

/** Under tsx (development, tests) the worker bootstraps tsx first; the build bundles `xlsx-worker.js`. */
function startWorker(data: XlsxWorkerData): Worker {
  const options = {
    workerData: data,
    resourceLimits: WORKER_LIMITS,
    transferList: [data.bytes.buffer],
  };
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./xlsx-worker.js', import.meta.url), options);
  }
  const entry = new URL('./xlsx-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * The first worksheet of an XLSX as rows of text, or null when the bytes are not a readable
 * workbook. Zip entries are measured first (decompression bombs), then ExcelJS runs in a worker
 * thread under memory and time limits, with row, column and cell-length caps.
 */
export async function readXlsxTable(bytes: Buffer): Promise<{ cells: string[]; line: number }[] | null> {
  if (!checkZipEntries(bytes)) {
    return null;
  }
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const result = await new Promise<XlsxWorkerResult>((resolve, reject) => {
    const worker = startWorker({
      bytes: copy,
      maxRows: TABLE_LIMITS.maxRows,
      maxColumns: TABLE_LIMITS.maxColumns,
      maxCellLength: TABLE_LIMITS.maxCellLength,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(tooLarge('the workbook took too long to read'));
    }, WORKER_TIMEOUT_MS);
    worker.once('message', (m: XlsxWorkerResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (err: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooLarge('the workbook needs too much memory to read')
          : new AppError('BAD_REQUEST', 'this .xlsx file could not be read'),
      );
    });
  });
  if ('limit' in result) {
    throw tooLarge(`the file is over the import limits: ${result.limit}`);
  }
  return 'table' in result ? result.table : null;
}
