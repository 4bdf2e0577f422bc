/**
 * @module Participant inputs for ranking (drag or keyboard), pairwise comparison (one pair at a
 * time, from the participant's own replica via core `nextPair`), the consent round and the
 * fist-to-five explanation. Phone first: big targets, one decision per screen.
 */
import {
  type ActivityOf,
  CONSENT_STAGES,
  type FistToFiveOwnState,
  nextPair,
  ownStateOf,
} from '@essaim/core/live';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyed } from './decision-results';
import type { LiveSession } from './live-session';

interface Props<K extends 'ranking' | 'pairwise' | 'consentRound' | 'fistToFive'> {
  activity: ActivityOf<K>;
  me: string;
  session: LiveSession;
  state: Parameters<typeof ownStateOf>[0];
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Order the items by dragging, or with the arrow keys / up–down buttons, then send the ballot. */
export function RankingInput({ activity, me, session, state }: Props<'ranking'>) {
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

/** One pair at a time; the next pair is computed locally from this participant's replica. */
export function PairwiseInput({ activity, me, session }: Props<'pairwise'>) {
  const { t } = useTranslation();
  const pair = nextPair(activity, me);
  const done = Object.keys(activity.data.byParticipant[me] ?? {}).length;
  const n = activity.config.items.length;
  const total = Math.min(
    (n * (n - 1)) / 2,
    activity.config.maxComparisonsPerParticipant ?? Number.POSITIVE_INFINITY,
  );
  const labelOf = (id: string) => activity.config.items.find((i) => i.id === id)?.label ?? id;
  return (
    <Stack gap="sm">
      <Text size="sm" role="status" aria-live="polite" data-testid="pairwise-progress">
        {t('workshop.pairwise.progress', { done, total })}
      </Text>
      {pair === null ? (
        <Paper withBorder p="md" radius="md">
          <Text data-testid="pairwise-done">{t('workshop.pairwise.done')}</Text>
        </Paper>
      ) : (
        <Stack gap="xs" role="group" aria-label={t('workshop.pairwise.question')}>
          <Text fw={600}>{t('workshop.pairwise.question')}</Text>
          {[
            [pair.leftId, pair.rightId],
            [pair.rightId, pair.leftId],
          ].map(([winnerId, loserId]) => (
            <Button
              key={winnerId}
              size="lg"
              variant="light"
              h="auto"
              py="md"
              styles={{ label: { whiteSpace: 'normal' } }}
              onClick={() =>
                session.send({
                  type: 'pairwise.choose',
                  activityId: activity.id,
                  winnerId: winnerId as string,
                  loserId: loserId as string,
                })
              }
            >
              {labelOf(winnerId as string)}
            </Button>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** At two fingers or fewer, the participant is asked to say why. */
export function FistExplain({ activity, me, session, state }: Props<'fistToFive'>) {
  const { t } = useTranslation();
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as FistToFiveOwnState | undefined;
  const [text, setText] = useState('');
  if (!mine?.isAskedToExplain) {
    return null;
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) {
          session.send({ type: 'fistToFive.explain', activityId: activity.id, text: text.trim() });
          setText('');
        }
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('workshop.fist.explainLabel')}
          description={t('workshop.fist.explainHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        <Button type="submit" disabled={!text.trim()}>
          {t('workshop.fist.explainSend')}
        </Button>
        {mine.explanation ? (
          <Text size="sm" c="dimmed" data-testid="fist-my-explanation">
            {t('workshop.fist.yourExplanation', { text: mine.explanation })}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

interface ConsentMine {
  questions: string[];
  reactions: string[];
  objections: { id: string; reason: string; status: 'open' | 'integrated' | 'withdrawn' }[];
}

/** Where the round is, the proposal as it stands, and what this participant may add now. */
export function ConsentInput({ activity, me, session, state }: Props<'consentRound'>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const data = activity.data;
  const stage = data.stage;
  const proposal = data.versions[data.versions.length - 1];
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as ConsentMine | undefined;
  const step = CONSENT_STAGES.indexOf(stage);
  const kind =
    stage === 'clarifying'
      ? 'ask'
      : stage === 'reactions'
        ? 'react'
        : stage === 'objections' || stage === 'consent'
          ? 'object'
          : null;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="consent-stage">
        {t('workshop.consent.stageOf', {
          step: step + 1,
          count: CONSENT_STAGES.length,
          stage: t(`workshop.consent.stages.${stage}`),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`workshop.consent.stageHelp.${stage}`)}
      </Text>
      <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-body)">
        <Text size="xs" c="dimmed">
          {t('workshop.consent.version', { version: proposal?.version ?? 1 })}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{proposal?.text}</Text>
      </Paper>
      {kind ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value) {
              return;
            }
            if (kind === 'object') {
              session.send({ type: 'consentRound.object', activityId: activity.id, reason: value });
            } else {
              session.send({
                type: kind === 'ask' ? 'consentRound.ask' : 'consentRound.react',
                activityId: activity.id,
                text: value,
              });
            }
            setText('');
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t(`workshop.consent.input.${kind}`)}
              description={kind === 'object' ? t('workshop.consent.input.objectHelp') : undefined}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
            />
            <Button type="submit" disabled={!text.trim()} color={kind === 'object' ? 'orange' : undefined}>
              {t(`workshop.consent.input.${kind}Send`)}
            </Button>
          </Stack>
        </form>
      ) : null}
      {mine && mine.questions.length + mine.reactions.length + mine.objections.length > 0 ? (
        <Stack gap={4} component="section" aria-label={t('workshop.consent.myContributions')}>
          <Text size="sm" fw={600}>
            {t('workshop.consent.myContributions')}
          </Text>
          {keyed(
            [
              ...mine.questions.map((q) => ['q', q] as const),
              ...mine.reactions.map((r) => ['r', r] as const),
            ],
            ([k, v]) => `${k}${v}`,
          ).map(({ key, item: [k, v] }) => (
            <Text key={key} size="sm">
              {k === 'q'
                ? t('workshop.consent.myQuestion', { text: v })
                : t('workshop.consent.myReaction', { text: v })}
            </Text>
          ))}
          {mine.objections.map((o) => (
            <Paper key={o.id} withBorder p="xs" radius="sm" data-testid="my-objection">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ flex: 1 }}>
                  {o.reason}
                </Text>
                <Badge
                  size="sm"
                  color={o.status === 'open' ? 'orange' : o.status === 'integrated' ? 'teal' : 'gray'}
                >
                  {t(`workshop.consent.status.${o.status}`)}
                </Badge>
                {o.status === 'open' ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('workshop.consent.withdrawLabel', { text: o.reason })}
                    onClick={() =>
                      session.send({
                        type: 'consentRound.withdraw',
                        activityId: activity.id,
                        objectionId: o.id,
                      })
                    }
                  >
                    {t('workshop.consent.withdraw')}
                  </Button>
                ) : null}
              </Group>
              {data.objections[o.id]?.integration ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('workshop.consent.integratedAs', {
                    text: data.objections[o.id]?.integration,
                    version: data.objections[o.id]?.integratedInVersion ?? 1,
                  })}
                </Text>
              ) : null}
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
