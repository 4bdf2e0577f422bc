/** @module Ranking input: order the items by dragging or with the keyboard. */
import { ownStateOf } from '@essaim/core/live';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProps } from '../types';

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Order the items by dragging, or with the arrow keys / up–down buttons, then send the ballot. */
export function RankingInput({ activity, me, session, state }: InputProps<'ranking'>) {
  const { t } = useTranslation();
  const items = activity.config.items;
  const sent = ownStateOf(state, me).activities[activity.id]?.mine as readonly string[] | null | undefined;
  const [order, setOrder] = useState<string[]>(() => (sent ? [...sent] : items.map((i) => i.id)));
  const [dragged, setDragged] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const labelOf = (id: string) => items.find((i) => i.id === id)?.label ?? id;
  const isSent = sent !== null && sent !== undefined && sent.join('|') === order.join('|');
  const shift = (from: number, to: number, focus = false) => {
    if (to < 0 || to >= order.length || from === to) {
      return;
    }
    const id = order[from] as string;
    setOrder(move(order, from, to));
    setAnnounce(t('workshop.ranking.moved', { label: labelOf(id), position: to + 1, count: order.length }));
    if (focus) {
      requestAnimationFrame(() => document.getElementById(`rank-${activity.id}-${id}`)?.focus());
    }
  };
  const onKey = (e: KeyboardEvent, index: number) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      shift(index, index + (e.key === 'ArrowUp' ? -1 : 1), true);
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" id={`rank-help-${activity.id}`}>
        {t('workshop.ranking.help')}
      </Text>
      <ol
        aria-label={t('workshop.ranking.listLabel')}
        style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 }}
        data-testid="ranking-list"
      >
        {order.map((id, index) => (
          <li
            key={id}
            draggable
            onDragStart={() => setDragged(index)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== null) {
                shift(dragged, index);
              }
              setDragged(null);
            }}
            onDragEnd={() => setDragged(null)}
          >
            <Paper
              withBorder
              p="xs"
              radius="md"
              style={{ cursor: 'grab', opacity: dragged === index ? 0.5 : 1 }}
            >
              <Group wrap="nowrap" gap="xs">
                <Badge size="lg" variant="light" circle aria-hidden>
                  {index + 1}
                </Badge>
                <Text
                  id={`rank-${activity.id}-${id}`}
                  tabIndex={0}
                  style={{ flex: 1 }}
                  onKeyDown={(e) => onKey(e, index)}
                  aria-describedby={`rank-help-${activity.id}`}
                  aria-label={t('workshop.ranking.itemLabel', {
                    label: labelOf(id),
                    position: index + 1,
                    count: order.length,
                  })}
                >
                  {labelOf(id)}
                </Text>
                <ActionIcon
                  size="lg"
                  variant="default"
                  disabled={index === 0}
                  aria-label={t('workshop.ranking.up', { label: labelOf(id) })}
                  onClick={() => shift(index, index - 1)}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  size="lg"
                  variant="default"
                  disabled={index === order.length - 1}
                  aria-label={t('workshop.ranking.down', { label: labelOf(id) })}
                  onClick={() => shift(index, index + 1)}
                >
                  ↓
                </ActionIcon>
              </Group>
            </Paper>
          </li>
        ))}
      </ol>
      <VisuallyHidden role="status" aria-live="polite">
        {announce}
      </VisuallyHidden>
      <Button
        size="md"
        disabled={isSent}
        onClick={() => session.send({ type: 'ranking.submit', activityId: activity.id, order })}
      >
        {sent ? t('workshop.ranking.resubmit') : t('workshop.ranking.submit')}
      </Button>
      {sent ? (
        <Text size="sm" c="teal" role="status" data-testid="ranking-sent">
          {isSent ? t('workshop.ranking.sent') : t('workshop.ranking.changed')}
        </Text>
      ) : null}
    </Stack>
  );
}
