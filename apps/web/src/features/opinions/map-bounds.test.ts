import { describe, expect, it } from 'vitest';
import { fitViewBox } from './map-bounds';

const parse = (v: string) => v.split(' ').map(Number) as [number, number, number, number];

describe('fitViewBox', () => {
  it('keeps the square when every shape is inside it', () => {
    const hull: [number, number][] = [
      [400, 400],
      [600, 400],
      [500, 600],
    ];
    expect(fitViewBox(1000, [{ hull, cx: 500, cy: 466, r: 0 }], null)).toBe('0 0 1000 1000');
  });
  it('grows to hold a degenerate group’s disc and a letter at the top edge', () => {
    // Two members at opposite ends of the width: the disc around them exceeds the square.
    const [x, y, w, h] = parse(fitViewBox(1000, [{ hull: [], cx: 500, cy: 60, r: 470 }], null));
    expect(x).toBeLessThanOrEqual(500 - 470 - 1);
    expect(y).toBeLessThanOrEqual(60 - 470 - 1);
    expect(x + w).toBeGreaterThanOrEqual(500 + 470 + 1);
    expect(y + h).toBeGreaterThanOrEqual(1000);
  });
  it('holds hull corners on the edge with their stroke, and the “you” marker', () => {
    const hull: [number, number][] = [
      [0, 0],
      [1000, 0],
      [500, 1000],
    ];
    const [x, y, w, h] = parse(fitViewBox(1000, [{ hull, cx: 500, cy: 333, r: 0 }], [500, 1000]));
    expect(x).toBeLessThan(0);
    expect(y).toBeLessThan(0);
    expect(x + w).toBeGreaterThan(1000);
    expect(y + h).toBeGreaterThanOrEqual(1060);
  });
});
