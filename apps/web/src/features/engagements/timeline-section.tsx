import { Badge, Button, Group, Skeleton, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { type TimelineEntry, useTimeline } from './api';
import { PHASES, SectionCard } from './shared';

/** Timeline kinds with a sentence of their own; anything newer shows its raw kind. */
const KNOWN_KINDS = [
  'engagement.created',
  'engagement.updated',
  'engagement.phase_changed',
  'engagement.paused',
  'engagement.stopped',
  'engagement.resumed',
  'engagement.confidentiality_updated',
  'question.added',
  'question.updated',
  'question.removed',
  'question.reordered',
  'question.complexity_assessed',
  'stakeholder.added',
  'stakeholder.removed',
  'options.board_created',
  'options.option_added',
  'options.choice_recorded',
  'people.imported',
  'link.created',
  'link.removed',
] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];

function isKnown(kind: string): kind is KnownKind {
  return (KNOWN_KINDS as readonly string[]).includes(kind);
}

/** `question.added` → `engagement.timeline.kinds.question_added`. */
function kindKey(kind: KnownKind): string {
  return `engagement.timeline.kinds.${kind.replace('.', '_')}`;
}

/** Dynamic keys (checked by KNOWN_KINDS and the locale test) would make the typed `t` recurse too deeply. */
type LooseT = (key: string, vars?: Record<string, unknown>) => string;

function bulletColor(kind: string): string {
  if (kind.endsWith('stopped')) {
    return 'red';
  }
  if (kind.endsWith('paused')) {
    return 'yellow';
  }
  if (kind.startsWith('options.choice')) {
    return 'teal';
  }
  return 'honey';
}

/** "(Diagnostiquer — En cours)" for phase changes. */
function phaseDetail(data: Record<string, unknown>, t: LooseT): string | null {
  const phase = data.phase;
  if (typeof phase !== 'string' || !(PHASES as readonly string[]).includes(phase)) {
    return null;
  }
  const label = t(`engagement.phases.${phase}.label`);
  return typeof data.status === 'string'
    ? `(${label} — ${t(`engagement.phases.status.${data.status}`)})`
    : `(${label})`;
}

function describe(entry: TimelineEntry, t: LooseT): string {
  const data = entry.data ?? {};
  const vars = {
    actor: entry.actorName ?? t('engagement.banner.someone'),
    detail: String(
      data.title ?? data.text ?? data.option ?? data.optionTitle ?? data.name ?? phaseDetail(data, t) ?? '',
    ),
  };
  if (isKnown(entry.kind)) {
    return t(kindKey(entry.kind), vars);
  }
  return t('engagement.timeline.generic', { ...vars, kind: entry.kind });
}

export function TimelineSection({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(orgId, engagementId);
  const [newestFirst, setNewestFirst] = useState(false);
  const entries = [...(timeline.data ?? [])].sort((a, b) =>
    newestFirst ? b.at.localeCompare(a.at) : a.at.localeCompare(b.at),
  );
  return (
    <SectionCard
      title={t('engagement.timeline.title')}
      visibility={t('engagement.visibility.engagement')}
      actions={
        <Button
          variant="default"
          size="xs"
          onClick={() => setNewestFirst((v) => !v)}
          leftSection={<Icon name={newestFirst ? 'arrowDown' : 'arrowUp'} size={14} />}
        >
          {newestFirst ? t('engagement.timeline.newestFirst') : t('engagement.timeline.oldestFirst')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t('engagement.timeline.intro')}
      </Text>
      {timeline.isPending && <Skeleton height={200} />}
      {timeline.isError && <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('engagement.timeline.empty')}
        </Text>
      )}
      {entries.length > 0 && (
        <Timeline
          active={entries.length}
          bulletSize={14}
          lineWidth={2}
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {entries.map((entry) => (
            <Timeline.Item
              key={entry.id}
              component="li"
              color={bulletColor(entry.kind)}
              bullet={<span />}
              title={
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {describe(entry, t as unknown as LooseT)}
                  </Text>
                </Group>
              }
            >
              <Group gap="xs">
                <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>
                  {formatDateTime(entry.at)}
                </Text>
                {!isKnown(entry.kind) && (
                  <Badge size="xs" variant="outline" color="gray">
                    {entry.kind}
                  </Badge>
                )}
                {typeof entry.data?.reason === 'string' && entry.data.reason && (
                  <Text size="xs">{t('engagement.banner.reason', { reason: entry.data.reason })}</Text>
                )}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}
