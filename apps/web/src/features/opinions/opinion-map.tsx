/**
 * The opinion map: participants as points on the first two principal components, each group drawn
 * as its convex hull (Andrew's monotone chain, A. M. Andrew, "Another efficient algorithm for convex
 * hulls in two dimensions", Information Processing Letters 9(5), 1979). A table carries the same
 * information for screen readers and keyboard users.
 */
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationResults } from './api';
import { fitViewBox, type Pt } from './map-bounds';

/** Colour-blind-safe palette (Okabe & Ito, 2008), one colour per group. */
export const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];
export const groupColour = (g: number | null) =>
  g === null ? '#9AA0A6' : GROUP_COLOURS[g % GROUP_COLOURS.length]!;
/** Groups are named by letter, as in Polis (A, B, C…). */
export const groupLetter = (g: number) => String.fromCharCode(65 + g);

const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

export function convexHull(points: Pt[]): Pt[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) {
    return p;
  }
  const lower: Pt[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, q) <= 0) {
      lower.pop();
    }
    lower.push(q);
  }
  const upper: Pt[] = [];
  for (const q of p.reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, q) <= 0) {
      upper.pop();
    }
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

interface Props {
  results: ConversationResults;
  /** Highlight this participant's point ("you are here"). */
  me?: { x: number; y: number } | null;
  height?: number;
}

export function OpinionMap({ results, me, height = 360 }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const size = 1000;
  const pad = 60;
  const xs = results.points.map((p) => p.x);
  const ys = results.points.map((p) => p.y);
  // One scale for both axes (distances mean the same in every direction), centred in the square.
  const [minX, maxX] = [Math.min(0, ...xs), Math.max(0, ...xs)];
  const [minY, maxY] = [Math.min(0, ...ys), Math.max(0, ...ys)];
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const scale = (size - 2 * pad) / span;
  const sx = (x: number) => size / 2 + (x - (minX + maxX) / 2) * scale;
  const sy = (y: number) => size / 2 + (y - (minY + maxY) / 2) * scale;
  // Outlines, discs and letters reach beyond the points: the viewBox holds them all (map-bounds.ts).
  const shapes = results.groups.map((g) => {
    const pts = results.points.filter((p) => p.group === g.id).map((p) => [sx(p.x), sy(p.y)] as Pt);
    const hull = convexHull(pts);
    const cx = pts.reduce((s, p) => s + p[0], 0) / (pts.length || 1);
    const cy = pts.reduce((s, p) => s + p[1], 0) / (pts.length || 1);
    const r = 30 + Math.max(0, ...pts.map((p) => Math.hypot(p[0] - cx, p[1] - cy)));
    return { g, hull, cx, cy, r };
  });
  const viewBox = fitViewBox(size, shapes, me ? [sx(me.x), sy(me.y)] : null);
  const summary = t('opinion.map.summary', {
    count: results.points.length,
    groups: results.groups.length,
  });
  return (
    <figure style={{ margin: 0 }} data-testid="opinion-map">
      <svg
        viewBox={viewBox}
        role="img"
        aria-labelledby={titleId}
        style={{ width: '100%', height, background: 'var(--mantine-color-body)', borderRadius: 8 }}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{summary}</title>
        {shapes.map(({ g, hull, cx, cy, r }) => {
          return (
            <g key={g.id} data-group={groupLetter(g.id)}>
              {hull.length >= 3 ? (
                <polygon
                  data-hull=""
                  points={hull.map((p) => p.join(',')).join(' ')}
                  fill={groupColour(g.id)}
                  fillOpacity={0.14}
                  stroke={groupColour(g.id)}
                  strokeWidth={4}
                  strokeLinejoin="round"
                />
              ) : (
                // Members who voted alike sit on one spot: the hull degenerates, draw a disc around it.
                <circle
                  data-hull=""
                  cx={cx}
                  cy={cy}
                  r={r}
                  fill={groupColour(g.id)}
                  fillOpacity={0.14}
                  stroke={groupColour(g.id)}
                  strokeWidth={4}
                />
              )}
              <text
                x={cx}
                y={cy - 48}
                textAnchor="middle"
                fontSize={44}
                fontWeight={700}
                fill={groupColour(g.id)}
              >
                {groupLetter(g.id)}
              </text>
            </g>
          );
        })}
        {results.points.map((p) => (
          <circle
            key={p.id}
            cx={sx(p.x)}
            cy={sy(p.y)}
            r={p.isIncluded ? 11 : 7}
            fill={groupColour(p.group)}
          />
        ))}
        {me ? (
          <g>
            <circle cx={sx(me.x)} cy={sy(me.y)} r={22} fill="none" stroke="currentColor" strokeWidth={6} />
            <text x={sx(me.x)} y={sy(me.y) + 60} textAnchor="middle" fontSize={40} fill="currentColor">
              {t('opinion.map.you')}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption>
        <Text size="sm" c="dimmed">
          {summary} {t('opinion.map.axes')}
        </Text>
      </figcaption>
    </figure>
  );
}

/** The groups as a table: the accessible alternative of the map. */
export function GroupsTable({ results }: { results: ConversationResults }) {
  const { t } = useTranslation();
  const unplaced = results.points.filter((p) => p.group === null).length;
  return (
    <Table striped withTableBorder captionSide="top" style={{ alignSelf: 'start' }}>
      <Table.Caption>
        <VisuallyHidden>{t('opinion.map.tableCaption')}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('opinion.map.group')}</Table.Th>
          <Table.Th scope="col">{t('opinion.map.size')}</Table.Th>
          <Table.Th scope="col">{t('opinion.map.characteristic')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.groups.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Th scope="row" style={{ color: groupColour(g.id) }}>
              {t('opinion.map.groupName', { letter: groupLetter(g.id) })}
            </Table.Th>
            <Table.Td>{g.size}</Table.Td>
            <Table.Td>
              {g.representative[0]
                ? t(`opinion.direction.${g.representative[0].direction}`, {
                    text: results.statements[g.representative[0].statementId] ?? '',
                    share: Math.round(g.representative[0].share * 100),
                  })
                : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
        {unplaced > 0 ? (
          <Table.Tr>
            <Table.Th scope="row">{t('opinion.map.unplaced')}</Table.Th>
            <Table.Td>{unplaced}</Table.Td>
            <Table.Td>{t('opinion.map.unplacedHint')}</Table.Td>
          </Table.Tr>
        ) : null}
      </Table.Tbody>
    </Table>
  );
}
