import { describe, expect, it } from 'vitest';
import { cronbachAlpha, studentTQuantile, varianceFromSums, welchInterval } from './statistics';

describe('cronbachAlpha', () => {
  it('matches a value computed by hand', () => {
    // Items 1–3 for 4 respondents. Item variances 5/3, 19/12, 5/3 (sum 59/12); totals 5, 8, 10,
    // 14 have variance 57/4. α = 3/2 · (1 − (59/12)/(57/4)) = 3/2 · 112/171 = 168/171.
    const rows = [
      [1, 2, 2],
      [2, 3, 3],
      [3, 3, 4],
      [4, 5, 5],
    ];
    expect(cronbachAlpha(rows)).toBeCloseTo(168 / 171, 12);
  });

  it('is undefined for one item, one case or no total variance', () => {
    expect(cronbachAlpha([[1], [2]])).toBeNull();
    expect(cronbachAlpha([[1, 2]])).toBeNull();
    expect(
      cronbachAlpha([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
  });

  it('is 1 for perfectly parallel items and negative for opposed ones', () => {
    expect(
      cronbachAlpha([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      cronbachAlpha([
        [1, 3],
        [2, 2],
        [3, 1.5],
      ]),
    ).toBeLessThan(0);
  });
});

describe('studentTQuantile', () => {
  it('reproduces table values', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 5);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 4);
  });
});

describe('welchInterval', () => {
  it('matches a hand computation', () => {
    // se = √(100/10 + 144/12) = √22; ν = 22² / (10²/9 + 12²/11) ≈ 19.998; t ≈ 2.086.
    const interval = welchInterval({ n: 10, mean: 50, variance: 100 }, { n: 12, mean: 60, variance: 144 })!;
    expect(interval.delta).toBe(10);
    expect(interval.standardError).toBeCloseTo(Math.sqrt(22), 12);
    expect(interval.degreesOfFreedom).toBeCloseTo(19.998, 2);
    expect(interval.low).toBeCloseTo(10 - 2.086 * Math.sqrt(22), 2);
    expect(interval.high).toBeCloseTo(10 + 2.086 * Math.sqrt(22), 2);
  });

  it('needs two observations per side', () => {
    expect(welchInterval({ n: 1, mean: 1, variance: 0 }, { n: 5, mean: 2, variance: 1 })).toBeNull();
  });
});

describe('varianceFromSums', () => {
  it('never returns a negative variance', () => {
    expect(varianceFromSums(3, 0.3, 0.03)).toBeGreaterThanOrEqual(0);
    expect(varianceFromSums(1, 1, 1)).toBeNaN();
  });
});
