import type { SVGProps } from 'react';

/** Pointy-top hexagon centred on (cx, cy), as an SVG path. */
function hexagonPath(cx: number, cy: number, r: number): string {
  const corners = Array.from({ length: 6 }, (_, i) => {
    const angle = (Math.PI / 3) * i - Math.PI / 2;
    return `${(cx + r * Math.cos(angle)).toFixed(2)},${(cy + r * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${corners.join('L')}Z`;
}

const R = 34;
const STEP = Math.sqrt(3) * R + 6;
const CENTER = 120;

/** Six cells around a centre one: one per journey step, the centre being the collective. */
const CELLS = [
  { dx: 0, dy: 0, shade: 6 },
  ...Array.from({ length: 6 }, (_, i) => {
    const angle = (Math.PI / 3) * i;
    return { dx: STEP * Math.cos(angle), dy: STEP * Math.sin(angle), shade: [1, 2, 3, 4, 3, 2][i] ?? 2 };
  }),
];

const BEES = [
  { x: 214, y: 40, r: 4 },
  { x: 228, y: 62, r: 3 },
  { x: 200, y: 24, r: 2.5 },
  { x: 30, y: 206, r: 3 },
];

/** Decorative honeycomb for the home hero (hidden from assistive tech). */
export function HiveIllustration(props: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 240 240" aria-hidden="true" focusable="false" {...props}>
      {CELLS.map(({ dx, dy, shade }) => (
        <path
          key={`${dx.toFixed(1)}:${dy.toFixed(1)}`}
          d={hexagonPath(CENTER + dx, CENTER + dy, R)}
          fill={`var(--mantine-color-honey-${shade})`}
          stroke="var(--mantine-color-body)"
          strokeWidth={2}
        />
      ))}
      <circle cx={CENTER} cy={CENTER} r={9} fill="var(--mantine-color-honey-0)" />
      {BEES.map((bee) => (
        <circle
          key={`${bee.x}:${bee.y}`}
          cx={bee.x}
          cy={bee.y}
          r={bee.r}
          fill="var(--mantine-color-honey-7)"
        />
      ))}
    </svg>
  );
}
