import { describe, expect, it } from 'vitest';
import { chartSvg } from './report-charts.ts';

describe('report charts', () => {
  it('draws a network map as vectors: one line per tie, one mark per person, labels for the largest', () => {
    const names = ['Ana', 'Bea', 'Cy', 'Pont', 'Dan', 'Eve'];
    const svg = chartSvg(
      {
        type: 'network',
        nodes: names.map((name, i) => ({ name, group: i < 3 ? 0 : 1, size: name === 'Pont' ? 1 : 0.2 })),
        edges: [
          [0, 1],
          [1, 2],
          [2, 0],
          [2, 3],
          [3, 4],
          [4, 5],
        ],
      },
      480,
      360,
    );
    expect(svg.startsWith('<svg')).toBe(true);
    // Ties are straight segments "M x y L x y"; people are filled symbols in their community's colour.
    expect(svg.match(/d="M[\d.\s-]+L[\d.\s-]+"/g)?.length).toBe(6);
    expect(svg).toContain('fill="#1c5d99"');
    expect(svg).toContain('fill="#e07a1f"');
    expect(svg).toContain('>Pont<');
    // The layout spreads people out: not every mark at one point.
    const ends = new Set(svg.match(/M[\d.]+ [\d.]+/g));
    expect(ends.size).toBeGreaterThan(3);
  });
});
