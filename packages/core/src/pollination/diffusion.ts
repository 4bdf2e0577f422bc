/**
 * The diffusion curve of a practice: for each date a change agent reported something, how many target
 * collectives had adopted it (and were trying it) as of that date, each collective counted at its
 * latest report on or before the date. Rogers (Diffusion of Innovations, 2003) reads the cumulative
 * adopter curve as an S; "abandoned" (discontinuance) counts a collective out again, so the observed
 * curve can bend down, which is exactly what a spreading plan needs to see.
 */
import type { AdoptionStage } from './types.ts';

export interface AdoptionReport {
  readonly collectiveId: string;
  readonly stage: AdoptionStage;
  /** ISO date (YYYY-MM-DD) or timestamp; compared as text, the first 10 characters. */
  readonly at: string;
}

export interface CurvePoint {
  readonly date: string;
  readonly aware: number;
  readonly trying: number;
  readonly adopted: number;
  readonly abandoned: number;
  /** Collectives reached: aware, trying, adopted or abandoned (they heard of it). */
  readonly reached: number;
}

export function diffusionCurve(reports: readonly AdoptionReport[]): CurvePoint[] {
  const sorted = [...reports].sort((a, b) => a.at.localeCompare(b.at));
  const latest = new Map<string, AdoptionStage>();
  const points: CurvePoint[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    latest.set(r.collectiveId, r.stage);
    const date = r.at.slice(0, 10);
    if (sorted[i + 1]?.at.slice(0, 10) === date) {
      continue;
    }
    const count = (stage: AdoptionStage) => [...latest.values()].filter((s) => s === stage).length;
    points.push({
      date,
      aware: count('aware'),
      trying: count('trying'),
      adopted: count('adopted'),
      abandoned: count('abandoned'),
      reached: [...latest.values()].filter((s) => s !== 'not_aware').length,
    });
  }
  return points;
}

/** The stage a collective is at now (its latest report), `not_aware` when nobody reported. */
export function currentStages(
  collectiveIds: readonly string[],
  reports: readonly AdoptionReport[],
): Record<string, AdoptionStage> {
  const out: Record<string, AdoptionStage> = {};
  for (const id of collectiveIds) {
    out[id] = 'not_aware';
  }
  for (const r of [...reports].sort((a, b) => a.at.localeCompare(b.at))) {
    out[r.collectiveId] = r.stage;
  }
  return out;
}
