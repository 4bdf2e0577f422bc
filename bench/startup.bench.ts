// Start-up of the built tree until /readyz answers 200, on a fresh SQLite data directory and on an
// existing one. Run `npm run build` first (npm run bench:startup does).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'apps/cli/dist/essaim.js');

async function startOnce(dataDir: string, port: number): Promise<{ ms: number; rssMb: number }> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      entry,
      'start',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      '--log-level',
      'silent',
    ],
    {
      stdio: 'ignore',
    },
  );
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (r.status === 200) {
          break;
        }
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 15_000) {
        throw new Error('server not ready after 15 s');
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - t0;
    const status = await import('node:fs').then((fs) => fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

const rows: { name: string; ms: number; mb: number }[] = [];
const fresh: number[] = [];
const warm: number[] = [];
let rss = 0;
const port = 4700 + Math.floor(Math.random() * 200);
for (let i = 0; i < 5; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'essaim-bench-'));
  const a = await startOnce(dir, port);
  fresh.push(a.ms);
  const b = await startOnce(dir, port);
  warm.push(b.ms);
  rss = Math.max(rss, a.rssMb, b.rssMb);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
rows.push({ name: 'startup.readyz.fresh_data_dir', ms: median(fresh), mb: rss });
rows.push({ name: 'startup.readyz.existing_data_dir', ms: median(warm), mb: rss });
console.log('measurement                          median ms   max RSS MB   (target < 2000 ms)');
for (const r of rows) {
  console.log(`${r.name.padEnd(36)} ${r.ms.toFixed(0).padStart(9)}   ${r.mb.toFixed(0).padStart(10)}`);
}
for (const r of rows) {
  console.log(
    JSON.stringify({
      name: r.name,
      ms: Math.round(r.ms),
      mb: Math.round(r.mb),
      peer: null,
      ratio: null,
      target_ms: 2000,
    }),
  );
}
