import { isActivityKind } from '@essaim/core/live';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { formatDuration } from '../../lib/format-duration';
import { usePageTitle } from '../../lib/use-page-title';
import { AgendaSkillWarnings } from '../competencies/agenda-skill-warnings';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useKindName } from '../workshops/activities/registry';
import {
  type AgendaItemInput,
  type AgendaView,
  agendaExportUrl,
  useAgenda,
  useMethods,
  useReorderAgenda,
  useTurnIntoLiveActivity,
  useUpdateAgenda,
} from './api';
import { useMethodLanguage } from './shared';

type Item = AgendaView['items'][number];

/** Back to the shape the API takes, keeping ids so the order and edits stay attached to each item. */
function toInput(item: Item, lang: 'fr' | 'en'): AgendaItemInput {
  if (item.kind === 'method') {
    return {
      id: item.id,
      kind: 'method',
      methodId: item.methodId ?? '',
      durationMinutes: item.durationMinutes,
      notes: item.notes,
      materials: item.materials,
    };
  }
  if (item.kind === 'custom') {
    return {
      id: item.id,
      kind: 'custom',
      title: item.title[lang] || item.title.fr,
      durationMinutes: item.durationMinutes,
      notes: item.notes,
      materials: item.materials,
    };
  }
  const isDefault = item.title.fr === 'Pause' && item.title.en === 'Break';
  return {
    id: item.id,
    kind: 'break',
    durationMinutes: item.durationMinutes,
    ...(isDefault ? {} : { label: item.title[lang] }),
  };
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x as T);
  return next;
}

/** Facilitator or participant version, laid out for paper; shown only when printing. */
function PrintLayout({ agenda, version }: { agenda: AgendaView; version: 'facilitator' | 'participant' }) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  return (
    <div className="agenda-print" data-version={version} data-testid="agenda-print">
      <h1>{agenda.title}</h1>
      <p>
        {agenda.date ? `${agenda.date} · ` : ''}
        {agenda.start}–{agenda.end} · {t('agenda.total', { total: formatDuration(agenda.totalMinutes) })}
        {' · '}
        {version === 'facilitator'
          ? t('agenda.print.facilitatorVersion')
          : t('agenda.print.participantVersion')}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('agenda.print.time')}</th>
            <th scope="col">{t('agenda.print.activity')}</th>
            <th scope="col">{t('agenda.print.duration')}</th>
            {version === 'facilitator' ? <th scope="col">{t('agenda.print.notes')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {agenda.items.map((i) => (
            <tr key={i.id} className={i.kind === 'break' ? 'is-break' : undefined}>
              <td>
                {i.start}–{i.end}
              </td>
              <td>
                <strong>{i.title[lang]}</strong>
                {i.materials.length || i.methodMaterials.length ? (
                  <div className="materials">
                    {t('agenda.print.materials')}{' '}
                    {(i.materials.length ? i.materials : i.methodMaterials.map((m) => m[lang])).join(' ; ')}
                  </div>
                ) : null}
              </td>
              <td>{t('agenda.minutes', { count: i.durationMinutes })}</td>
              {version === 'facilitator' ? <td className="notes">{i.notes}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const PRINT_CSS = `
.agenda-print { display: none; }
@media print {
  @page { margin: 14mm; }
  body * { visibility: hidden; }
  .agenda-print, .agenda-print * { visibility: visible; }
  .agenda-print { display: block; position: absolute; inset: 0 auto auto 0; width: 100%; color: #000; background: #fff; font: 11pt/1.4 system-ui, sans-serif; }
  .agenda-print h1 { font-size: 18pt; margin: 0 0 4pt; }
  .agenda-print table { width: 100%; border-collapse: collapse; margin-top: 8pt; }
  .agenda-print th, .agenda-print td { border-bottom: 0.5pt solid #999; padding: 5pt 6pt; text-align: left; vertical-align: top; }
  .agenda-print tr { break-inside: avoid; }
  .agenda-print .is-break td { font-style: italic; background: #f2f2f2; }
  .agenda-print .materials { font-size: 9pt; color: #333; }
  .agenda-print .notes { white-space: pre-wrap; font-size: 10pt; }
}`;

/**
 * For an item whose method has a live activity: turn it into an activity of the engagement's workshop
 * (created on first use), then link to the console where the facilitator opens it for participants.
 */
function LiveActivityAction({ item, orgId, agendaId }: { item: Item; orgId: string; agendaId: string }) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const turn = useTurnIntoLiveActivity(orgId, agendaId);
  const link = turn.data ?? item.workshopActivity;
  const kindName = useKindName();
  const name = (kind: string) => (isActivityKind(kind) ? kindName(kind) : kind);
  const sequence =
    item.liveSequence.length > 0 ? item.liveSequence : item.liveActivity ? [item.liveActivity] : [];
  // A method's whole sequence (1-2-4-All: timer → groups → … → brainstorm), each in the reader's language.
  const typeLabel = sequence.map(name).join(' → ');
  return (
    <Group gap="xs" data-testid="live-activity-action">
      {link ? (
        <>
          <Badge size="sm" variant="light" color="teal">
            {t('agenda.live.added', { type: typeLabel })}
          </Badge>
          <Anchor component={Link} to={`/workshops/${link.workshopId}`} size="sm" data-testid="open-console">
            {t('agenda.live.openConsole')}
          </Anchor>
        </>
      ) : (
        <Button
          size="xs"
          variant="light"
          loading={turn.isPending}
          onClick={() => turn.mutate({ itemId: item.id })}
          aria-describedby={`live-help-${item.id}`}
          data-testid="turn-into-live"
        >
          {t('agenda.live.turn')}
        </Button>
      )}
      <Text size="xs" c="dimmed" id={`live-help-${item.id}`}>
        {link
          ? t('agenda.live.addedHelp')
          : t(
              typeLabel.toLowerCase() === item.title[lang].toLowerCase()
                ? 'agenda.live.helpSameTitle'
                : 'agenda.live.help',
              { type: typeLabel, title: item.title[lang] },
            )}
      </Text>
    </Group>
  );
}

function ItemRow({
  item,
  index,
  count,
  canEdit,
  liveAction,
  onChange,
  onMove,
  onRemove,
  dragHandlers,
}: {
  item: Item;
  index: number;
  count: number;
  canEdit: boolean;
  liveAction: ReactNode;
  onChange: (patch: Partial<Item>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  dragHandlers: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const [notes, setNotes] = useState(item.notes);
  useEffect(() => setNotes(item.notes), [item.notes]);
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey && e.key === 'ArrowUp' && index > 0) {
      e.preventDefault();
      onMove(index - 1);
    } else if (e.altKey && e.key === 'ArrowDown' && index < count - 1) {
      e.preventDefault();
      onMove(index + 1);
    }
  };
  return (
    <Card
      withBorder
      p="sm"
      component="li"
      data-testid="agenda-item"
      bg={item.kind === 'break' ? 'var(--mantine-color-default-hover)' : undefined}
      {...(canEdit ? dragHandlers : {})}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {canEdit ? (
          <Stack gap={2}>
            <ActionIcon
              variant="subtle"
              aria-label={t('agenda.builder.moveUp', { title: item.title[lang] })}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
              onKeyDown={onKey}
              data-testid="move-up"
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('agenda.builder.moveDown', { title: item.title[lang] })}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
              onKeyDown={onKey}
              data-testid="move-down"
            >
              ↓
            </ActionIcon>
          </Stack>
        ) : null}
        <Text ff="monospace" size="sm" w={96} pt={4}>
          {item.start}–{item.end}
        </Text>
        <Stack gap={6} style={{ flex: 1 }}>
          <Group gap="xs">
            <Text fw={600} data-testid="agenda-item-title">
              {item.kind === 'method' && item.methodId ? (
                <Anchor component={Link} to={`/methods/${item.methodId}`} inherit>
                  {item.title[lang]}
                </Anchor>
              ) : (
                item.title[lang]
              )}
            </Text>
            <Badge size="xs" variant="light" color={item.kind === 'break' ? 'gray' : 'blue'}>
              {t(`agenda.kinds.${item.kind}`)}
            </Badge>
          </Group>
          {canEdit && item.kind !== 'break' ? (
            <Textarea
              aria-label={t('agenda.builder.notesFor', { title: item.title[lang] })}
              placeholder={t('agenda.builder.notesPlaceholder')}
              autosize
              minRows={1}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              onBlur={() => notes !== item.notes && onChange({ notes })}
            />
          ) : item.notes ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {item.notes}
            </Text>
          ) : null}
          {liveAction}
        </Stack>
        {canEdit ? (
          <NumberInput
            w={110}
            min={1}
            max={1440}
            suffix=" min"
            aria-label={t('agenda.builder.durationFor', { title: item.title[lang] })}
            value={item.durationMinutes}
            onBlur={(e) => {
              const v = Number.parseInt(e.currentTarget.value, 10);
              if (v > 0 && v !== item.durationMinutes) {
                onChange({ durationMinutes: v });
              }
            }}
          />
        ) : (
          <Text size="sm">{t('agenda.minutes', { count: item.durationMinutes })}</Text>
        )}
        {canEdit ? (
          <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
            {t('agenda.builder.remove')}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}

function AddItem({ orgId, onAdd }: { orgId: string; onAdd: (item: AgendaItemInput) => void }) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const methods = useMethods(orgId, {});
  const [methodId, setMethodId] = useState<string | null>(null);
  const [custom, setCustom] = useState('');
  const data = useMemo(
    () => (methods.data?.methods ?? []).map((m) => ({ value: m.id, label: m.name[lang] })),
    [methods.data, lang],
  );
  return (
    <Card p="md" withBorder>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            label={t('agenda.builder.addMethod')}
            searchable
            data={data}
            value={methodId}
            onChange={setMethodId}
            style={{ flex: 1 }}
            data-testid="add-method-select"
          />
          <Button
            disabled={!methodId}
            data-testid="add-method"
            onClick={() => {
              const m = methods.data?.methods.find((x) => x.id === methodId);
              if (m) {
                onAdd({ kind: 'method', methodId: m.id, durationMinutes: m.durationMinutes.min });
                setMethodId(null);
              }
            }}
          >
            {t('agenda.builder.add')}
          </Button>
        </Group>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('agenda.builder.addCustom')}
            value={custom}
            onChange={(e) => setCustom(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            disabled={!custom.trim()}
            onClick={() => {
              onAdd({ kind: 'custom', title: custom.trim(), durationMinutes: 30 });
              setCustom('');
            }}
          >
            {t('agenda.builder.add')}
          </Button>
        </Group>
        <Group align="flex-end">
          <Button
            variant="light"
            onClick={() => onAdd({ kind: 'break', durationMinutes: 15 })}
            data-testid="add-break"
          >
            {t('agenda.builder.addBreak')}
          </Button>
        </Group>
      </SimpleGrid>
    </Card>
  );
}

/** Agenda builder: ordered items, durations, notes, time budget, print and JSON export. */
export function AgendaPage() {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const { agendaId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const query = useAgenda(orgId, agendaId);
  const update = useUpdateAgenda(orgId, agendaId);
  const reorder = useReorderAgenda(orgId, agendaId);
  const [version, setVersion] = useState<'facilitator' | 'participant'>('facilitator');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const agenda = query.data;
  usePageTitle(agenda?.title ?? t('agenda.listTitle'));
  if (query.isError) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!agenda) {
    return <Skeleton h={320} />;
  }
  const canEdit = can('methods.manage');
  const inputs = agenda.items.map((i) => toInput(i, lang));
  const save = (items: AgendaItemInput[]) => update.mutate({ items });
  const moveTo = (from: number, to: number) => {
    const ids = move(
      agenda.items.map((i) => i.id),
      from,
      to,
    );
    reorder.mutate(ids);
    setAnnounce(
      t('agenda.builder.moved', {
        title: agenda.items[from]?.title[lang],
        position: to + 1,
        count: ids.length,
      }),
    );
  };
  const print = (v: 'facilitator' | 'participant') => {
    setVersion(v);
    setTimeout(() => window.print(), 50);
  };
  const used = agenda.availableMinutes
    ? Math.min(100, (agenda.totalMinutes / agenda.availableMinutes) * 100)
    : 0;
  return (
    <Stack gap="lg">
      <style>{PRINT_CSS}</style>
      <Anchor component={Link} to="/agendas" size="sm">
        {t('agenda.back')}
      </Anchor>
      <PageHeader title={agenda.title} description={t('agenda.builder.intro')} />
      <VisibilityNote>
        {agenda.hasFacilitatorNotes ? t('agenda.visibilityNotes') : t('agenda.visibilityParticipant')}
      </VisibilityNote>
      <Card p="lg" component="section" aria-labelledby="agenda-budget">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4" id="agenda-budget">
              {agenda.start}–{agenda.end}
            </Title>
            <Text data-testid="agenda-total" fw={600} c={agenda.isOverTime ? 'red' : undefined}>
              {agenda.availableMinutes
                ? t('agenda.totalOf', {
                    total: formatDuration(agenda.totalMinutes),
                    available: formatDuration(agenda.availableMinutes),
                  })
                : t('agenda.total', { total: formatDuration(agenda.totalMinutes) })}
            </Text>
          </Group>
          {agenda.availableMinutes ? (
            <Progress
              value={used}
              color={agenda.isOverTime ? 'red' : 'teal'}
              aria-label={t('agenda.budgetLabel')}
              aria-valuetext={t('agenda.totalOf', {
                total: formatDuration(agenda.totalMinutes),
                available: formatDuration(agenda.availableMinutes),
              })}
            />
          ) : null}
          <Text size="sm" c="dimmed">
            {t('agenda.breaks', { minutes: agenda.breakMinutes })}
            {agenda.remainingMinutes !== null && agenda.remainingMinutes >= 0
              ? ` · ${t('agenda.remaining', { minutes: agenda.remainingMinutes })}`
              : ''}
          </Text>
          {canEdit ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="time"
                label={t('agenda.fields.start')}
                defaultValue={agenda.start}
                onBlur={(e) =>
                  e.currentTarget.value &&
                  e.currentTarget.value !== agenda.start &&
                  update.mutate({ start: e.currentTarget.value })
                }
              />
              <NumberInput
                label={t('agenda.fields.available')}
                min={1}
                defaultValue={agenda.availableMinutes ?? ''}
                onBlur={(e) => {
                  const v = Number.parseInt(e.currentTarget.value, 10);
                  update.mutate({ availableMinutes: v > 0 ? v : null });
                }}
              />
              <TextInput
                type="date"
                label={t('agenda.fields.date')}
                defaultValue={agenda.date ?? ''}
                onBlur={(e) => update.mutate({ date: e.currentTarget.value || null })}
              />
            </SimpleGrid>
          ) : null}
        </Stack>
      </Card>
      {agenda.warnings.length ? (
        <Alert color="honey" title={t('agenda.warningsTitle')}>
          <Stack gap={2}>
            {agenda.warnings.map((w) => (
              <Text size="sm" key={`${w.code}-${String(w.index ?? '')}`}>
                {t(`agenda.warnings.${w.code as 'OVER_AVAILABLE'}`, {
                  ...(w as Record<string, unknown>),
                  position: typeof w.index === 'number' ? w.index + 1 : '',
                })}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <AgendaSkillWarnings items={agenda.items} />
      <VisuallyHidden aria-live="polite">{announce}</VisuallyHidden>
      {canEdit ? (
        <Text size="sm" c="dimmed">
          {t('agenda.builder.reorderHint')}
        </Text>
      ) : null}
      {agenda.items.length === 0 ? (
        <Card p="xl">
          <Text ta="center" c="dimmed">
            {t('agenda.builder.empty')}
          </Text>
        </Card>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="agenda-items">
          {agenda.items.map((item, index) => (
            <ItemRow
              key={item.id}
              item={item}
              index={index}
              count={agenda.items.length}
              canEdit={canEdit}
              liveAction={
                item.liveActivity && can('workshop.run') ? (
                  <LiveActivityAction item={item} orgId={orgId} agendaId={agenda.id} />
                ) : null
              }
              onMove={(to) => moveTo(index, to)}
              onRemove={() => save(inputs.filter((_, i) => i !== index))}
              onChange={(patch) =>
                save(inputs.map((x, i) => (i === index ? ({ ...x, ...patch } as AgendaItemInput) : x)))
              }
              dragHandlers={{
                draggable: true,
                onDragStart: () => setDragFrom(index),
                onDragOver: (e: DragEvent) => e.preventDefault(),
                onDrop: (e: DragEvent) => {
                  e.preventDefault();
                  if (dragFrom !== null && dragFrom !== index) {
                    moveTo(dragFrom, index);
                  }
                  setDragFrom(null);
                },
              }}
            />
          ))}
        </Stack>
      )}
      {canEdit ? <AddItem orgId={orgId} onAdd={(item) => save([...inputs, item])} /> : null}
      <Card p="lg" component="section" aria-labelledby="agenda-out">
        <Stack gap="sm">
          <Title order={2} size="h4" id="agenda-out">
            {t('agenda.print.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('agenda.print.hint')}
          </Text>
          <Group gap="sm">
            {agenda.hasFacilitatorNotes ? (
              <Button onClick={() => print('facilitator')} data-testid="print-facilitator">
                {t('agenda.print.facilitator')}
              </Button>
            ) : null}
            <Button variant="light" onClick={() => print('participant')} data-testid="print-participant">
              {t('agenda.print.participant')}
            </Button>
            <Button
              component="a"
              variant="default"
              href={agendaExportUrl(
                orgId,
                agenda.id,
                agenda.hasFacilitatorNotes ? 'facilitator' : 'participant',
                lang,
              )}
              download={`agenda-${agenda.id}.json`}
              data-testid="export-json"
            >
              {t('agenda.print.json')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <PrintLayout agenda={agenda} version={agenda.hasFacilitatorNotes ? version : 'participant'} />
    </Stack>
  );
}
