import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffusionPlanView } from './api';

const W = 640;
const H = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };

/**
 * The diffusion curve: share of target collectives reached and having adopted at each report date, with
 * the network analysis' predicted reach as a dashed line. Drawn in SVG (no chart library for two
 * lines); the same numbers are in a table for screen readers.
 */
export function CurveChart({ plan }: { plan: DiffusionPlanView }) {
  const { t } = useTranslation();
  const total = Math.max(1, plan.collectives.length);
  const points = plan.curve;
  if (points.length === 0) {
    return <Text c="dimmed">{t('pollination.plan.curveEmpty')}</Text>;
  }
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (share: number) => PAD.top + innerH * (1 - share);
  const path = (values: number[]) =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const reached = points.map((p) => p.reached / total);
  const adopted = points.map((p) => p.adopted / total);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t('pollination.plan.curve')}
        style={{ maxWidth: W }}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((g) => (
          <g key={g}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(g)}
              y2={y(g)}
              stroke="currentColor"
              strokeOpacity={0.12}
            />
            <text x={PAD.left - 6} y={y(g) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {Math.round(g * 100)} %
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text
            key={p.date}
            x={x(i)}
            y={H - 12}
            // The first and last dates sit inside the frame instead of being cut at its edges.
            textAnchor={
              points.length > 1 && i === 0
                ? 'start'
                : points.length > 1 && i === points.length - 1
                  ? 'end'
                  : 'middle'
            }
            fontSize={11}
            fill="currentColor"
          >
            {p.date}
          </text>
        ))}
        {plan.predictedReach !== null && (
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(plan.predictedReach)}
            y2={y(plan.predictedReach)}
            stroke="var(--mantine-color-grape-6)"
            strokeDasharray="6 4"
            strokeWidth={2}
          />
        )}
        <path d={path(reached)} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={3} />
        <path d={path(adopted)} fill="none" stroke="var(--mantine-color-teal-7)" strokeWidth={3} />
        {reached.map((v, i) => (
          <circle key={`r${points[i]!.date}`} cx={x(i)} cy={y(v)} r={4} fill="var(--mantine-color-blue-6)" />
        ))}
        {adopted.map((v, i) => (
          <rect
            key={`a${points[i]!.date}`}
            x={x(i) - 4}
            y={y(v) - 4}
            width={8}
            height={8}
            fill="var(--mantine-color-teal-7)"
          />
        ))}
      </svg>
      <figcaption>
        <Text size="sm">
          <Text span c="blue.7" fw={700}>
            ●
          </Text>{' '}
          {t('pollination.plan.reached')}{' '}
          <Text span c="teal.8" fw={700}>
            ■
          </Text>{' '}
          {t('pollination.plan.adopted')}{' '}
          {plan.predictedReach !== null && (
            <>
              <Text span c="grape.7" fw={700}>
                ┄
              </Text>{' '}
              {t('pollination.plan.predicted')}
            </>
          )}
        </Text>
      </figcaption>
      <VisuallyHidden>
        <Table>
          <caption>{t('pollination.plan.tableCaption')}</caption>
          <thead>
            <tr>
              <th>{t('pollination.plan.reportDate')}</th>
              <th>{t('pollination.plan.reached')}</th>
              <th>{t('pollination.plan.adopted')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <td>{p.date}</td>
                <td>{p.reached}</td>
                <td>{p.adopted}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
