/**
 * The opinion map's viewBox: outlines (stroke and a margin included), degenerate-group discs, group
 * letters and the "you" marker reach beyond the points, so the square drawing area is grown to hold
 * every one of them and no group outline is ever clipped, on the projector or elsewhere.
 */
export type Pt = [number, number];

export interface GroupShape {
  readonly hull: readonly Pt[];
  readonly cx: number;
  readonly cy: number;
  /** Radius of the disc drawn when the hull has fewer than three corners. */
  readonly r: number;
}

const MARGIN = 16;

export function fitViewBox(size: number, shapes: readonly GroupShape[], me: Pt | null): string {
  const box = { x0: 0, y0: 0, x1: size, y1: size };
  const grow = (x0: number, y0: number, x1: number, y1: number) => {
    box.x0 = Math.min(box.x0, x0);
    box.y0 = Math.min(box.y0, y0);
    box.x1 = Math.max(box.x1, x1);
    box.y1 = Math.max(box.y1, y1);
  };
  for (const { hull, cx, cy, r } of shapes) {
    if (hull.length >= 3) {
      for (const [x, y] of hull) {
        grow(x - MARGIN, y - MARGIN, x + MARGIN, y + MARGIN);
      }
    } else {
      grow(cx - r - MARGIN, cy - r - MARGIN, cx + r + MARGIN, cy + r + MARGIN);
    }
    // The group letter: 44 px high, baseline 48 above the centre.
    grow(cx - 40, cy - 48 - 44 - MARGIN, cx + 40, cy);
  }
  if (me) {
    // The "you" ring and the word below it.
    grow(me[0] - 80, me[1] - 30, me[0] + 80, me[1] + 60 + MARGIN);
  }
  return `${box.x0} ${box.y0} ${box.x1 - box.x0} ${box.y1 - box.y0}`;
}
