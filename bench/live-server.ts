/**
 * Helpers of the live benchmark: start `essaim start` as a child process and talk to it over HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export async function startServer(
  args: string[],
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--import',
      'tsx',
      path.join(repoRoot, 'apps/cli/src/main.ts'),
      'start',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
      ...args,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const tail = () => out.trim().split('\n').slice(-3).join(' | ');
    // Starting under tsx takes seconds; on a machine shared by many processes, minutes.
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `server did not start within 180 s (load average ${loadavg()[0]?.toFixed(1)})${out.trim() ? `: ${tail()}` : ''}`,
          ),
        ),
      180_000,
    );
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Essaim ready on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${tail()}`));
    });
  });
  return { url, child, exited };
}

export async function http(
  base: string,
  method: string,
  route: string,
  body?: unknown,
  cookie = '',
): Promise<{ status: number; body: Record<string, unknown>; cookie: string }> {
  const r = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: r.status, body: parsed, cookie: r.headers.getSetCookie()[0]?.split(';')[0] ?? '' };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
