import { describe, expect, it } from 'vitest';
import { indicatorProgress } from './progress.ts';

describe('indicator progress', () => {
  it('is the share of the way from baseline to target, rising or falling', () => {
    expect(indicatorProgress(40, 60, 50)).toBe(0.5);
    expect(indicatorProgress(40, 60, 60)).toBe(1);
    expect(indicatorProgress(40, 60, 70)).toBe(1.5);
    expect(indicatorProgress(40, 60, 35)).toBe(-0.25);
    expect(indicatorProgress(10, 4, 7)).toBe(0.5);
  });

  it('says nothing without a distance to cover or a measure', () => {
    expect(indicatorProgress(null, 60, 50)).toBeNull();
    expect(indicatorProgress(40, null, 50)).toBeNull();
    expect(indicatorProgress(40, 60, null)).toBeNull();
    expect(indicatorProgress(40, 40, 50)).toBeNull();
  });
});
