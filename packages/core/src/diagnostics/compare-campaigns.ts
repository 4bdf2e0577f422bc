/**
 * @module Before/after comparison of two campaigns of the same instrument version.
 *
 * Per cut and construct: Δ = after − before of the mean 0–100 score, with a Welch (1947) 95%
 * interval from each campaign's n, mean and standard deviation (complete cases). A cut is
 * compared only when it was shown in both campaigns, and a construct only when it was shown
 * in both: comparisons never reopen what suppression closed.
 *
 * It reads only what each campaign released (n, mean score and standard deviation of shown
 * constructs), so a comparison is a function of two released reports and can reveal nothing
 * that the two reports do not already show (docs/diagnostics.md, "Threat model").
 */
import { type WelchInterval, welchInterval } from './statistics';

/** What a comparison reads of one released cut: status and the shown constructs' n, score, SD. */
export interface ComparableCut {
  readonly key: string;
  readonly status: 'shown' | 'suppressed';
  readonly summary?: {
    readonly constructs: readonly {
      readonly constructId: string;
      readonly n: number;
      readonly score: number;
      readonly standardDeviation: number;
    }[];
  };
}

/** What a comparison reads of one released campaign report. */
export interface ComparableReport {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly cuts: readonly ComparableCut[];
}

/** Change of one construct between campaigns. */
export interface ConstructChange {
  readonly constructId: string;
  readonly before: { readonly n: number; readonly score: number };
  readonly after: { readonly n: number; readonly score: number };
  /** Welch interval of after − before; null when a side has fewer than 2 complete cases. */
  readonly interval: WelchInterval | null;
  /** True when the 95% interval excludes 0. */
  readonly isSignificant: boolean;
}

/** Comparison of one cut. */
export interface CutComparison {
  readonly key: string;
  readonly status: 'compared' | 'not-comparable';
  /** Why a cut is not comparable. */
  readonly reason?: 'missing-before' | 'missing-after' | 'suppressed-before' | 'suppressed-after';
  readonly constructs: readonly ConstructChange[];
}

/** Why two campaigns cannot be compared at all. */
export class IncomparableCampaignsError extends Error {}

function compareCut(
  key: string,
  before: ComparableCut | undefined,
  after: ComparableCut | undefined,
): CutComparison {
  if (before === undefined) {
    return { key, status: 'not-comparable', reason: 'missing-before', constructs: [] };
  }
  if (after === undefined) {
    return { key, status: 'not-comparable', reason: 'missing-after', constructs: [] };
  }
  if (before.status !== 'shown' || before.summary === undefined) {
    return { key, status: 'not-comparable', reason: 'suppressed-before', constructs: [] };
  }
  if (after.status !== 'shown' || after.summary === undefined) {
    return { key, status: 'not-comparable', reason: 'suppressed-after', constructs: [] };
  }
  const afterById = new Map(after.summary.constructs.map((c) => [c.constructId, c]));
  const constructs = before.summary.constructs.flatMap((b): ConstructChange[] => {
    const a = afterById.get(b.constructId);
    if (a === undefined || b.n === 0 || a.n === 0) {
      return [];
    }
    const interval = welchInterval(
      { n: b.n, mean: b.score, variance: b.standardDeviation ** 2 },
      { n: a.n, mean: a.score, variance: a.standardDeviation ** 2 },
    );
    return [
      {
        constructId: b.constructId,
        before: { n: b.n, score: b.score },
        after: { n: a.n, score: a.score },
        interval,
        isSignificant: interval !== null && (interval.low > 0 || interval.high < 0),
      },
    ];
  });
  return { key, status: 'compared', constructs };
}

/**
 * Compare every cut present in either campaign.
 * @throws IncomparableCampaignsError when instrument id or version differ.
 * @example compareCampaigns(reportMarch, reportJune).find((c) => c.key === 'collective=team-a')
 */
export function compareCampaigns(before: ComparableReport, after: ComparableReport): CutComparison[] {
  if (before.instrumentId !== after.instrumentId || before.instrumentVersion !== after.instrumentVersion) {
    throw new IncomparableCampaignsError(
      `diagnostics/compareCampaigns: ${before.instrumentId}@${before.instrumentVersion} vs ${after.instrumentId}@${after.instrumentVersion}`,
    );
  }
  const beforeByKey = new Map(before.cuts.map((c) => [c.key, c]));
  const afterByKey = new Map(after.cuts.map((c) => [c.key, c]));
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])].sort();
  return keys.map((key) => compareCut(key, beforeByKey.get(key), afterByKey.get(key)));
}
