/**
 * igraph as a peer for bench:network: Debian's python3-igraph (installed with apt-get when
 * missing), run as a subprocess on the very graph the bench generated (written to a temp file);
 * the timing is taken inside Python around the igraph call only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EdgeArrays } from './barabasi-albert';

/** Debian's interpreter: python3-igraph is installed for it, not for other pythons on PATH. */
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./igraph-peer.py', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'essaim-bench-igraph-'));

function hasIgraph(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import igraph'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Installs python3-igraph from Debian when it is missing (needs apt; no other download). */
export function ensureIgraph(log: (s: string) => void): void {
  if (hasIgraph()) {
    return;
  }
  log('python3-igraph missing: apt-get install -y python3-igraph…');
  execFileSync('apt-get', ['install', '-y', 'python3-igraph'], { stdio: 'ignore' });
  if (!hasIgraph()) {
    throw new Error('python3-igraph could not be installed');
  }
}

/** Writes the graph once; returns the file the peer reads. */
export function writeEdgeFile(graph: EdgeArrays, name: string): string {
  const lines = [String(graph.nodeCount)];
  for (let e = 0; e < graph.sources.length; e++) {
    lines.push(`${graph.sources[e]} ${graph.targets[e]}`);
  }
  const file = path.join(dir, `${name}.txt`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

export interface PeerResult {
  ms: number;
  runs_ms: number[];
  /** CPU time of the call (Python's process_time), not affected by waiting for a core. */
  cpu_ms: number;
  peak_mb: number;
  igraph: string;
  values?: number[];
  membership?: number[];
  modularity?: number;
}

export function runIgraph(
  task: 'betweenness' | 'leiden',
  edgeFile: string,
  runs = 1,
  leidenIterations = 2,
): PeerResult {
  const out = path.join(dir, `${task}-${Date.now()}.json`);
  execFileSync(PYTHON, [SCRIPT, task, edgeFile, out, String(runs), String(leidenIterations)], {
    stdio: 'inherit',
  });
  return JSON.parse(readFileSync(out, 'utf8')) as PeerResult;
}
