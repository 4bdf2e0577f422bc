/**
 * @module Summary statistics of an integer histogram (counts per value `min + index`).
 *
 * Mean and population standard deviation; the median is the lower-middle value for an even
 * count (a value that was actually given, so it reads naturally on a 1–5 scale).
 */

export interface HistogramSummary {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly standardDeviation: number | null;
}

export function summarizeHistogram(histogram: readonly number[], min: number): HistogramSummary {
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  histogram.forEach((n, index) => {
    const value = min + index;
    count += n;
    sum += n * value;
    sumSquares += n * value * value;
  });
  if (count === 0) {
    return { count, mean: null, median: null, standardDeviation: null };
  }
  const mean = sum / count;
  const variance = Math.max(0, sumSquares / count - mean * mean);
  const middle = Math.floor((count - 1) / 2);
  let seen = 0;
  let median = min;
  for (let index = 0; index < histogram.length; index++) {
    seen += histogram[index]!;
    if (seen > middle) {
      median = min + index;
      break;
    }
  }
  return { count, mean, median, standardDeviation: Math.sqrt(variance) };
}
