/**
 * How far an indicator has come from its baseline towards its target: 0 at the baseline, 1 at the target,
 * below 0 when it went the other way, above 1 past the target. Works for targets below the baseline too
 * (an indicator meant to fall). Null when the baseline, target or latest value is missing, or when the
 * target equals the baseline (no distance to cover).
 */
export function indicatorProgress(
  baseline: number | null,
  target: number | null,
  latest: number | null,
): number | null {
  if (baseline === null || target === null || latest === null || target === baseline) {
    return null;
  }
  return Math.round(((latest - baseline) / (target - baseline)) * 100) / 100;
}
