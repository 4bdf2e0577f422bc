/**
 * Off-request recomputation of opinion maps: each conversation's job is debounced (a burst of votes
 * triggers one run), runs in one long-lived worker thread (`opinions-worker`), and at most one run
 * per conversation is in flight; a change during a run schedules another one. When the worker file
 * is missing (a bundle built without it), the computation runs inline on a later tick instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { computeOpinionMap, type OpinionsInput, type StoredOpinionMap } from './opinions-analysis.ts';

export interface OpinionsJob {
  /** Loads the current input (and the data version it reflects); null when nothing is left to do. */
  load(conversationId: string): Promise<{ input: OpinionsInput; version: number } | null>;
  /** Stores a result; returns true when the data changed meanwhile and another run is needed. */
  store(conversationId: string, version: number, result: StoredOpinionMap): Promise<boolean>;
}

function startWorker(): Worker | null {
  if (!import.meta.url.endsWith('.ts')) {
    const url = new URL('./opinions-worker.js', import.meta.url);
    return existsSync(fileURLToPath(url)) ? new Worker(url) : null;
  }
  const entry = new URL('./opinions-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export class OpinionsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly pending = new Map<
    number,
    { resolve: (r: StoredOpinionMap) => void; reject: (e: Error) => void }
  >();
  private worker: Worker | null | undefined;
  private nextId = 1;
  private isClosed = false;

  constructor(
    private readonly job: OpinionsJob,
    private readonly delayMs = 400,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Ask for a recomputation soon (debounced). */
  schedule(conversationId: string): void {
    if (this.isClosed) {
      return;
    }
    if (this.running.has(conversationId)) {
      this.again.add(conversationId);
      return;
    }
    clearTimeout(this.timers.get(conversationId));
    const timer = setTimeout(() => {
      this.timers.delete(conversationId);
      void this.run(conversationId);
    }, this.delayMs);
    timer.unref();
    this.timers.set(conversationId, timer);
  }

  /** Run now and wait (tests, first view of a conversation with no map yet). */
  async runNow(conversationId: string): Promise<void> {
    clearTimeout(this.timers.get(conversationId));
    this.timers.delete(conversationId);
    await this.running.get(conversationId);
    await this.run(conversationId);
  }

  private run(conversationId: string): Promise<void> {
    const existing = this.running.get(conversationId);
    if (existing) {
      return existing;
    }
    const task = (async () => {
      try {
        const loaded = await this.job.load(conversationId);
        if (!loaded || this.isClosed) {
          return;
        }
        const result = await this.compute(loaded.input);
        if (this.isClosed) {
          return;
        }
        if (await this.job.store(conversationId, loaded.version, result)) {
          this.again.add(conversationId);
        }
      } catch (error) {
        this.onError(error);
      } finally {
        this.running.delete(conversationId);
        if (this.again.delete(conversationId)) {
          this.schedule(conversationId);
        }
      }
    })();
    this.running.set(conversationId, task);
    return task;
  }

  private compute(input: OpinionsInput): Promise<StoredOpinionMap> {
    if (this.worker === undefined) {
      this.worker = startWorker();
      this.worker?.unref();
      this.worker?.on('message', (m: { id: number; result?: StoredOpinionMap; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.result) {
          p?.resolve(m.result);
        } else {
          p?.reject(new Error(m.error ?? 'opinions worker failed'));
        }
      });
      this.worker?.on('error', (error) => {
        for (const p of this.pending.values()) {
          p.reject(error);
        }
        this.pending.clear();
        this.worker = undefined;
      });
    }
    const worker = this.worker;
    if (!worker) {
      return new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(computeOpinionMap(input));
          } catch (error) {
            reject(error as Error);
          }
        }),
      );
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.isClosed = true;
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    this.timers.clear();
    for (const p of this.pending.values()) {
      p.reject(new Error('closed'));
    }
    this.pending.clear();
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
