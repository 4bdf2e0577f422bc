/** Timing, memory and reporting helpers for bench/network.bench.ts. */

export interface Measurement {
  name: string;
  ms: number;
  /** Peak resident set size of the process so far (MB). */
  mb: number;
  peer: string | null;
  peer_ms: number | null;
  /** peer_ms / ms (speed-up over the peer), when there is a peer. */
  ratio: number | null;
  [extra: string]: unknown;
}

export function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export async function time<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  // process.cpuUsage covers every thread of the process (workers included).
  const used = process.cpuUsage(cpu);
  return {
    value,
    ms: Math.round((performance.now() - start) * 10) / 10,
    cpuMs: Math.round((used.user + used.system) / 100) / 10,
  };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Time several contenders the same way on a shared machine: one warm-up run each (JIT, caches), then
 * `runs` rounds in which each contender runs once, interleaved so that a burst of load from another
 * process hits both sides alike. Reports the median and every run; `value` is the last run's output.
 */
export async function timeInterleaved<K extends string, T>(
  contenders: Record<K, () => T | Promise<T>>,
  runs = 5,
): Promise<Record<K, { value: T; ms: number; runs_ms: number[] }>> {
  const keys = Object.keys(contenders) as K[];
  const out = {} as Record<K, { value: T; ms: number; runs_ms: number[] }>;
  for (const k of keys) {
    const warm = await time(contenders[k]);
    out[k] = { value: warm.value, ms: 0, runs_ms: [] };
  }
  for (let r = 0; r < runs; r++) {
    for (const k of keys) {
      const run = await time(contenders[k]);
      out[k].value = run.value;
      out[k].runs_ms.push(run.ms);
    }
  }
  for (const k of keys) {
    out[k].ms = Math.round(median(out[k].runs_ms) * 10) / 10;
  }
  return out;
}

/** Indices of the `count` largest values. */
export function topIndices(values: ArrayLike<number>, count: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => values[b]! - values[a]!)
    .slice(0, count);
}

const round = (x: unknown) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(4)) : x);

export function printReport(measurements: Measurement[]): void {
  const rows = measurements.map((m) => {
    const { name, ms, mb, peer, peer_ms, ratio, ...extra } = m;
    const notes = Object.entries(extra)
      .map(([k, v]) => `${k}=${round(v)}`)
      .join(' ');
    return [
      name,
      String(ms),
      String(mb),
      peer ?? '-',
      peer_ms === null ? '-' : String(peer_ms),
      ratio === null ? '-' : `${round(ratio)}x`,
      notes,
    ];
  });
  const header = ['measurement', 'ms', 'peak MB', 'peer', 'peer ms', 'speed-up', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) {
    console.log(line(row));
  }
  console.log('');
  for (const m of measurements) {
    console.log(JSON.stringify(m));
  }
}
