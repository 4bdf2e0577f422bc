import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationRange } from './format-duration';

describe('durations', () => {
  it('counts in minutes up to 120, in hours above', () => {
    expect(formatDuration(120)).toBe('120\u00A0min');
    expect(formatDuration(150)).toBe('2\u00A0h\u00A030\u00A0min');
    expect(formatDuration(180)).toBe('3\u00A0h');
    expect(formatDurationRange({ min: 30, max: 90 })).toBe('30–90\u00A0min');
    expect(formatDurationRange({ min: 90, max: 240 })).toBe('90\u00A0min – 4\u00A0h');
    expect(formatDurationRange({ min: 60, max: null })).toBe('60\u00A0min\u00A0+');
  });
});
