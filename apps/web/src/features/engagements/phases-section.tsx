import {
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { type Engagement, type Phase, useEngagementMutation } from './api';
import { PHASES, type PhaseKey, SectionCard } from './shared';

type PhaseStatus = Phase['status'];
const PHASE_STATUSES: PhaseStatus[] = ['not_started', 'active', 'done', 'skipped'];
const PHASE_COLOR: Record<PhaseStatus, string> = {
  not_started: 'gray',
  active: 'honey',
  done: 'teal',
  skipped: 'gray',
};

function phaseOf(engagement: Engagement, key: PhaseKey): Phase {
  return (
    engagement.phases.find((p) => p.key === key) ?? { key, status: 'not_started', notes: '', updatedAt: null }
  );
}

function PhaseEditor({
  orgId,
  engagement,
  phase,
  index,
  canEdit,
}: {
  orgId: string;
  engagement: Engagement;
  phase: Phase;
  index: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PhaseStatus>(phase.status);
  const [notes, setNotes] = useState(phase.notes);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const save = useEngagementMutation<void>(
    orgId,
    engagement.id,
    (path) => api.put<Engagement>(`${path}/phases/${phase.key}`, { status, notes: notes.trim() }),
    {
      onSuccess: () => setMessage({ tone: 'success', text: t('engagement.phases.saved') }),
      onError: (err) => setMessage({ tone: 'error', text: describeError(t, err) }),
    },
  );
  const dirty = status !== phase.status || notes.trim() !== phase.notes.trim();
  return (
    <Paper withBorder p="lg" radius="md" aria-labelledby={`phase-title-${phase.key}`} component="section">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('engagement.phases.number', { number: index + 1, total: PHASES.length })}
            </Text>
            <Title order={3} size="h4" id={`phase-title-${phase.key}`}>
              {t(`engagement.phases.${phase.key}.label`)}
            </Title>
          </Stack>
          <Badge color={PHASE_COLOR[phase.status]} variant={phase.status === 'skipped' ? 'outline' : 'light'}>
            {t(`engagement.phases.status.${phase.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{t(`engagement.phases.${phase.key}.purpose`)}</Text>
        {canEdit ? (
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`phase-status-${phase.key}`}>
                {t('engagement.phases.statusLabel')}
              </Text>
              <SegmentedControl
                aria-labelledby={`phase-status-${phase.key}`}
                value={status}
                onChange={(value) => setStatus(value as PhaseStatus)}
                data={PHASE_STATUSES.map((s) => ({ value: s, label: t(`engagement.phases.status.${s}`) }))}
                fullWidth
              />
            </Stack>
            <Textarea
              label={t('engagement.phases.notes')}
              description={t('engagement.phases.notesHelp')}
              autosize
              minRows={3}
              maxLength={8000}
              value={notes}
              onChange={(event) => setNotes(event.currentTarget.value)}
            />
            <FormAlert tone={message?.tone ?? 'error'} message={message?.text ?? null} />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {phase.updatedAt
                  ? t('engagement.phases.updated', { date: formatDateTime(phase.updatedAt) })
                  : t('engagement.phases.neverUpdated')}
              </Text>
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
                {t('engagement.phases.save')}
              </Button>
            </Group>
          </>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('engagement.phases.notes')}
            </Text>
            <Text size="sm" c={phase.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
              {phase.notes || t('engagement.phases.noNotes')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The nine phases as a horizontal path: a guide, never a lock; any phase can be opened at any time. */
export function PhasesSection({
  orgId,
  engagement,
  canEdit,
}: {
  orgId: string;
  engagement: Engagement;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const firstActive = PHASES.find((key) => phaseOf(engagement, key).status === 'active') ?? PHASES[0];
  const [selected, setSelected] = useState<PhaseKey>(firstActive);
  const selectedIndex = PHASES.indexOf(selected);
  const selectedPhase = phaseOf(engagement, selected);

  return (
    <SectionCard title={t('engagement.phases.title')} visibility={t('engagement.visibility.engagement')}>
      <Text size="sm" c="dimmed">
        {t('engagement.phases.intro')}
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Group
          component="ol"
          gap={0}
          wrap="nowrap"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('engagement.phases.listLabel')}
        >
          {PHASES.map((key, index) => {
            const phase = phaseOf(engagement, key);
            const isSelected = key === selected;
            const color = PHASE_COLOR[phase.status];
            return (
              <li key={key} style={{ flex: '1 0 104px', position: 'relative' }}>
                {index > 0 && (
                  <div
                    aria-hidden="true"
                    style={{
                      position: 'absolute',
                      top: 22,
                      left: 0,
                      width: '50%',
                      height: 2,
                      background: 'var(--mantine-color-default-border)',
                    }}
                  />
                )}
                {index < PHASES.length - 1 && (
                  <div
                    aria-hidden="true"
                    style={{
                      position: 'absolute',
                      top: 22,
                      right: 0,
                      width: '50%',
                      height: 2,
                      background: 'var(--mantine-color-default-border)',
                    }}
                  />
                )}
                <UnstyledButton
                  onClick={() => setSelected(key)}
                  aria-pressed={isSelected}
                  w="100%"
                  p={4}
                  style={{ position: 'relative', borderRadius: 'var(--mantine-radius-md)' }}
                >
                  {/* The name is said as a sentence from text, not an aria-label: the visible words
                      (phase, status) stay part of it, as speech control needs (WCAG 2.5.3). */}
                  <VisuallyHidden>
                    {t('engagement.phases.stepLabel', {
                      number: index + 1,
                      phase: t(`engagement.phases.${key}.label`),
                      status: t(`engagement.phases.status.${phase.status}`),
                    })}
                  </VisuallyHidden>
                  <Stack gap={6} align="center" aria-hidden="true">
                    <ThemeIcon
                      size={40}
                      radius="xl"
                      color={color}
                      variant={phase.status === 'done' || phase.status === 'active' ? 'filled' : 'default'}
                      style={{
                        outline: isSelected ? '3px solid var(--mantine-primary-color-filled)' : undefined,
                        outlineOffset: 2,
                        borderStyle: phase.status === 'skipped' ? 'dashed' : undefined,
                      }}
                    >
                      {phase.status === 'done' ? (
                        <Icon name="check" size={18} stroke={2.4} />
                      ) : (
                        <Text fw={700} size="sm" inherit>
                          {index + 1}
                        </Text>
                      )}
                    </ThemeIcon>
                    <Text size="xs" fw={isSelected ? 700 : 500} ta="center" lh={1.2}>
                      {t(`engagement.phases.${key}.label`)}
                    </Text>
                    <Text size="10px" c="dimmed" ta="center" lh={1.1}>
                      {t(`engagement.phases.status.${phase.status}`)}
                    </Text>
                  </Stack>
                </UnstyledButton>
              </li>
            );
          })}
        </Group>
      </ScrollArea>
      <PhaseEditor
        key={`${selected}-${selectedPhase.updatedAt ?? ''}`}
        orgId={orgId}
        engagement={engagement}
        phase={selectedPhase}
        index={selectedIndex}
        canEdit={canEdit}
      />
    </SectionCard>
  );
}
