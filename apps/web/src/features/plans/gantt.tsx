import { monthsBetween, type PlanDocument } from '@essaim/core/plans';
import { Box, ScrollArea, Text } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateSpan, spanAfterKey } from './gantt-keys';

const MONTH_W = 72;
const LABEL_W = 220;
const ROW_H = 28;
const HEAD_H = 46;

const STATUS_COLOUR: Record<string, string> = {
  planned: 'var(--mantine-color-gray-6)',
  in_progress: 'var(--mantine-color-blue-6)',
  done: 'var(--mantine-color-teal-6)',
  at_risk: 'var(--mantine-color-orange-6)',
  stopped: 'var(--mantine-color-red-7)',
};

/** Days since the epoch of an ISO date (UTC). */
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * The master plan as a Gantt-style timeline: one band per workstream (its phases inside), one row per
 * milestone (a bar from start to due date, a diamond on the due date; probes drawn hollow), arrows for
 * dependencies and a line for today. When editable, each milestone and phase is a focusable slider moved
 * with the keys (`spanAfterKey`); the table below carries the same data and edits too.
 */
export function Gantt({
  plan,
  today = new Date().toISOString().slice(0, 10),
  onMilestone,
  onPhase,
}: {
  plan: PlanDocument;
  today?: string;
  /** Given when the plan is editable: new dates of a milestone moved with the keyboard. */
  onMilestone?: (id: string, dates: { startsOn: string; dueOn: string }) => void;
  onPhase?: (workstreamId: string, phaseId: string, dates: { startsOn: string; endsOn: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const [focused, setFocused] = useState<string | null>(null);
  const editable = onMilestone !== undefined && onPhase !== undefined;
  const keys = (span: DateSpan, apply: (next: DateSpan) => void) => (e: KeyboardEvent) => {
    const next = spanAfterKey(span, e.key, e.shiftKey);
    if (next) {
      e.preventDefault();
      apply(next);
    }
  };
  const sliderProps = (id: string, label: string, span: DateSpan, apply: (next: DateSpan) => void) =>
    editable
      ? {
          role: 'slider',
          tabIndex: 0,
          'aria-label': label,
          'aria-valuenow': dayNumber(span.end),
          'aria-valuetext': t('plans.gantt.span', { start: span.start, end: span.end }),
          'aria-describedby': 'gantt-keys',
          onKeyDown: keys(span, apply),
          onFocus: () => setFocused(id),
          onBlur: () => setFocused((f) => (f === id ? null : f)),
          style: { outline: 'none', cursor: 'default' },
        }
      : {};
  const ring = (id: string, rx: number, ry: number, rw: number, rh: number) =>
    focused === id ? (
      <rect
        x={rx - 3}
        y={ry - 3}
        width={rw + 6}
        height={rh + 6}
        rx={4}
        fill="none"
        stroke="var(--mantine-color-blue-filled)"
        strokeWidth={2}
      />
    ) : null;
  const dates = [
    ...plan.workstreams.flatMap((w) => [w.startsOn, w.endsOn]),
    ...plan.milestones.flatMap((m) => [m.startsOn, m.dueOn]),
  ].sort();
  if (dates.length === 0) {
    return null;
  }
  const months = monthsBetween(dates[0]!, dates[dates.length - 1]!);
  const origin = dayNumber(`${months[0]}-01`);
  const last = months[months.length - 1]!;
  const endDay = dayNumber(
    new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1)).toISOString().slice(0, 10),
  );
  const width = LABEL_W + months.length * MONTH_W;
  const x = (iso: string) =>
    LABEL_W + ((dayNumber(iso) - origin) / (endDay - origin)) * months.length * MONTH_W;

  type Row = { kind: 'workstream' | 'milestone'; id: string };
  const rows: Row[] = plan.workstreams.flatMap((w) => [
    { kind: 'workstream' as const, id: w.id },
    ...plan.milestones
      .filter((m) => m.workstreamId === w.id)
      .map((m) => ({ kind: 'milestone' as const, id: m.id })),
  ]);
  const y = (i: number) => HEAD_H + i * ROW_H;
  const rowOf = new Map(rows.map((r, i) => [r.id, i]));
  const height = HEAD_H + rows.length * ROW_H + 8;
  const monthName = (m: string) =>
    new Date(`${m}-01T00:00:00Z`).toLocaleDateString(i18n.language, {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
  const showToday = today >= `${months[0]}-01` && dayNumber(today) < endDay;

  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Box component="figure" m={0} w={width}>
        <svg
          width={width}
          height={height}
          role={editable ? 'group' : 'img'}
          aria-labelledby="gantt-title"
          aria-describedby="gantt-desc"
          style={{ display: 'block', fontFamily: 'inherit' }}
        >
          <title id="gantt-title">{t('plans.gantt.title')}</title>
          <desc id="gantt-desc">{t('plans.gantt.description')}</desc>
          <defs>
            <marker
              id="gantt-arrow"
              viewBox="0 0 8 8"
              refX="7"
              refY="4"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L8,4 L0,8 z" fill="var(--mantine-color-dimmed)" />
            </marker>
          </defs>
          {months.map((m, i) => (
            <g key={m}>
              <rect
                x={LABEL_W + i * MONTH_W}
                y={0}
                width={MONTH_W}
                height={height}
                fill={i % 2 === 0 ? 'var(--mantine-color-default-hover)' : 'transparent'}
              />
              <text x={LABEL_W + i * MONTH_W + 6} y={18} fontSize={12} fill="var(--mantine-color-dimmed)">
                {monthName(m)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            if (r.kind === 'workstream') {
              const w = plan.workstreams.find((x) => x.id === r.id)!;
              return (
                <g key={r.id}>
                  <text x={8} y={y(i) + 18} fontSize={13} fontWeight={700} fill="var(--mantine-color-text)">
                    {w.title.length > 28 ? `${w.title.slice(0, 27)}…` : w.title}
                  </text>
                  <rect
                    x={x(w.startsOn)}
                    y={y(i) + 6}
                    width={Math.max(4, x(w.endsOn) - x(w.startsOn))}
                    height={ROW_H - 12}
                    rx={4}
                    fill="var(--mantine-color-indigo-light)"
                    stroke="var(--mantine-color-indigo-6)"
                  />
                  {w.phases.map((p) => (
                    <g
                      key={p.id}
                      {...sliderProps(
                        `phase:${p.id}`,
                        t('plans.gantt.phaseSlider', { phase: p.title, workstream: w.title }),
                        { start: p.startsOn, end: p.endsOn },
                        (next) => onPhase?.(w.id, p.id, { startsOn: next.start, endsOn: next.end }),
                      )}
                    >
                      {ring(
                        `phase:${p.id}`,
                        x(p.startsOn),
                        y(i) + 9,
                        Math.max(3, x(p.endsOn) - x(p.startsOn)),
                        ROW_H - 18,
                      )}
                      <rect
                        x={x(p.startsOn)}
                        y={y(i) + 9}
                        width={Math.max(3, x(p.endsOn) - x(p.startsOn))}
                        height={ROW_H - 18}
                        rx={3}
                        fill="var(--mantine-color-indigo-5)"
                        opacity={0.55}
                      />
                      <text
                        x={x(p.startsOn) + 4}
                        y={y(i) + 18}
                        fontSize={10}
                        fill="var(--mantine-color-text)"
                      >
                        {p.title}
                      </text>
                    </g>
                  ))}
                </g>
              );
            }
            const m = plan.milestones.find((x) => x.id === r.id)!;
            const cx = x(m.dueOn);
            const cy = y(i) + ROW_H / 2;
            const colour = STATUS_COLOUR[m.status] ?? STATUS_COLOUR.planned!;
            return (
              <g
                key={r.id}
                {...sliderProps(
                  `milestone:${m.id}`,
                  t('plans.gantt.milestoneSlider', { milestone: m.title }),
                  { start: m.startsOn, end: m.dueOn },
                  (next) => onMilestone?.(m.id, { startsOn: next.start, dueOn: next.end }),
                )}
              >
                {ring(
                  `milestone:${m.id}`,
                  x(m.startsOn) - 7,
                  cy - 7,
                  Math.max(14, cx - x(m.startsOn) + 14),
                  14,
                )}
                <text x={20} y={cy + 4} fontSize={12} fill="var(--mantine-color-text)">
                  {m.title.length > 28 ? `${m.title.slice(0, 27)}…` : m.title}
                </text>
                <rect
                  x={x(m.startsOn)}
                  y={cy - 3}
                  width={Math.max(2, cx - x(m.startsOn))}
                  height={6}
                  rx={3}
                  fill={colour}
                  opacity={0.35}
                />
                <path
                  d={`M${cx},${cy - 7} L${cx + 7},${cy} L${cx},${cy + 7} L${cx - 7},${cy} z`}
                  fill={m.kind === 'probe' ? 'var(--mantine-color-body)' : colour}
                  stroke={colour}
                  strokeWidth={2}
                />
              </g>
            );
          })}
          {plan.milestones.flatMap((m) =>
            m.dependsOn.flatMap((d) => {
              const from = plan.milestones.find((x) => x.id === d);
              const fromRow = rowOf.get(d);
              const toRow = rowOf.get(m.id);
              if (!from || fromRow === undefined || toRow === undefined) {
                return [];
              }
              const x1 = x(from.dueOn) + 7;
              const y1 = y(fromRow) + ROW_H / 2;
              const x2 = x(m.startsOn);
              const y2 = y(toRow) + ROW_H / 2;
              const mid = Math.max(x1 + 8, x2 - 8);
              return [
                <path
                  key={`${d}-${m.id}`}
                  d={`M${x1},${y1} H${mid} V${y2} H${x2}`}
                  fill="none"
                  stroke="var(--mantine-color-dimmed)"
                  strokeWidth={1.5}
                  markerEnd="url(#gantt-arrow)"
                />,
              ];
            }),
          )}
          {showToday && (
            <g>
              <line
                x1={x(today)}
                x2={x(today)}
                y1={HEAD_H - 14}
                y2={height}
                stroke="var(--mantine-color-red-6)"
                strokeWidth={2}
                strokeDasharray="4 3"
              />
              <text
                x={x(today) + 4}
                y={HEAD_H - 8}
                fontSize={11}
                fontWeight={700}
                fill="var(--mantine-color-red-6)"
              >
                {t('plans.gantt.today')}
              </text>
            </g>
          )}
        </svg>
        <Text component="figcaption" size="xs" c="dimmed" mt={4}>
          {t('plans.gantt.legend')}
        </Text>
        {editable && (
          <Text id="gantt-keys" size="xs" c="dimmed">
            {t('plans.gantt.keys')}
          </Text>
        )}
      </Box>
    </ScrollArea>
  );
}
