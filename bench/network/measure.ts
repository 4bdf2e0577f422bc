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

export async function time<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: Math.round((performance.now() - start) * 10) / 10 };
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
