import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Start `essaim start` in a child process (from source through tsx, or the built bundle) on a free
 * port and wait for its ready line.
 */
export async function spawnServer(
  args: string[] = [],
  options: { env?: NodeJS.ProcessEnv; built?: boolean; timeoutMs?: number } = {},
): Promise<SpawnedServer> {
  const hasData = args.includes('--data') || args.includes('--database-url');
  const data = hasData ? [] : ['--data', mkdtempSync(path.join(tmpdir(), 'essaim-srv-'))];
  const entry = options.built
    ? [path.join(repoRoot, 'apps/cli/dist/essaim.js')]
    : ['--import', 'tsx', path.join(repoRoot, 'apps/cli/src/main.ts')];
  const child = spawn(
    process.execPath,
    [...entry, 'start', '--port', '0', '--host', '127.0.0.1', '--log-level', 'warn', ...data, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${out}`)),
      options.timeoutMs ?? 30_000,
    );
    const check = () => {
      const m = /Essaim ready on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stderr?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) {
        child.kill(signal);
      }
      return exited;
    },
  };
}

/** Run the CLI to completion and collect its output. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'apps/cli/src/main.ts'), ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** A WebSocket test client that records every message and can wait for one matching a predicate. */
export async function openSocket(httpUrl: string): Promise<{
  ws: WebSocket;
  messages: unknown[];
  send(msg: unknown): void;
  waitFor<T = Record<string, unknown>>(
    pred: (m: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<T>;
  close(): void;
}> {
  const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/ws`);
  const messages: Record<string, unknown>[] = [];
  const waiters: { pred: (m: Record<string, unknown>) => boolean; resolve: (m: unknown) => void }[] = [];
  ws.on('message', (raw: Buffer) => {
    const m = JSON.parse(raw.toString()) as Record<string, unknown>;
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.pred(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    send: (msg) => ws.send(JSON.stringify(msg)),
    waitFor: <T>(pred: (m: Record<string, unknown>) => boolean, timeoutMs = 10_000) => {
      const found = messages.find(pred);
      if (found) {
        return Promise.resolve(found as T);
      }
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching message; got ${JSON.stringify(messages)}`)),
          timeoutMs,
        );
        waiters.push({
          pred,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m as T);
          },
        });
      });
    },
    close: () => ws.close(),
  };
}
