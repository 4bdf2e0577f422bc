import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { type Engagement, useEngagementMutation } from './api';
import type { EngagementStatus } from './shared';

type Target = EngagementStatus;
const ACTION_OF: Record<Target, 'pause' | 'stop' | 'resume'> = {
  paused: 'pause',
  stopped: 'stop',
  active: 'resume',
};

/**
 * Pause / stop / resume: always behind a confirmation that asks why. Stopping is the serious one, and the
 * dialog says what it does (every survey and workshop refuses input at once).
 */
export function StatusControl({ orgId, engagement }: { orgId: string; engagement: Engagement }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target | null>(null);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = engagement.status.status;

  const change = useEngagementMutation<{ status: Target; reason: string }>(
    orgId,
    engagement.id,
    (path, body) => api.post<Engagement>(`${path}/status`, body),
    {
      onSuccess: () => close(),
      onError: (err) => setError(describeError(t, err)),
    },
  );

  const open = (next: Target) => {
    setTarget(next);
    setReason('');
    setSubmitted(false);
    setError(null);
  };
  const close = () => setTarget(null);
  const reasonProblem = reason.trim().length < 3 ? t('engagement.statusControl.reasonRequired') : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!target || reasonProblem) {
      return;
    }
    change.mutate({ status: target, reason: reason.trim() });
  };

  const action = target ? ACTION_OF[target] : null;

  return (
    <>
      <Group gap="sm" role="group" aria-label={t('engagement.statusControl.label')}>
        {current === 'active' && (
          <Button
            variant="default"
            onClick={() => open('paused')}
            data-testid="status-pause"
            leftSection={<Icon name="pause" size={16} />}
          >
            {t('engagement.statusControl.pause')}
          </Button>
        )}
        {current !== 'active' && (
          <Button
            variant="light"
            color="teal"
            onClick={() => open('active')}
            data-testid="status-resume"
            leftSection={<Icon name="play" size={16} />}
          >
            {t('engagement.statusControl.resume')}
          </Button>
        )}
        {current !== 'stopped' && (
          <Button
            color="red"
            variant="filled"
            onClick={() => open('stopped')}
            data-testid="status-stop"
            leftSection={<Icon name="stop" size={16} />}
          >
            {t('engagement.statusControl.stop')}
          </Button>
        )}
      </Group>
      <Modal
        opened={target !== null}
        onClose={close}
        title={action ? t(`engagement.statusControl.${action}Title`) : ''}
        size="lg"
        centered
      >
        {action && (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <Alert
                color={action === 'stop' ? 'red' : action === 'pause' ? 'yellow' : 'teal'}
                variant="light"
                icon={<Icon name={action === 'resume' ? 'info' : 'alert'} size={20} />}
              >
                <Stack gap={6}>
                  <Text size="sm" fw={600}>
                    {t(`engagement.statusControl.${action}Lead`)}
                  </Text>
                  <List size="sm" spacing={2}>
                    <List.Item>{t(`engagement.statusControl.${action}Effect1`)}</List.Item>
                    <List.Item>{t(`engagement.statusControl.${action}Effect2`)}</List.Item>
                  </List>
                </Stack>
              </Alert>
              {engagement.status.reason && current !== 'active' && (
                <Text size="sm" c="dimmed">
                  {t('engagement.statusControl.previousReason', {
                    reason: engagement.status.reason,
                    date: formatDateTime(engagement.status.changedAt),
                  })}
                </Text>
              )}
              <Textarea
                label={t('engagement.statusControl.reason')}
                description={t('engagement.statusControl.reasonHelp')}
                required
                autosize
                minRows={3}
                maxLength={2000}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={submitted ? reasonProblem : null}
                data-testid="status-reason"
                data-autofocus
              />
              <FormAlert message={error} />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button
                  type="submit"
                  color={action === 'stop' ? 'red' : action === 'resume' ? 'teal' : undefined}
                  loading={change.isPending}
                  data-testid="status-confirm"
                >
                  {t(`engagement.statusControl.${action}Confirm`)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}

/** Everyone sees this, at once (real time), while the engagement is paused or stopped. */
export function StatusBanner({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const { status, reason, changedBy, changedAt } = engagement.status;
  if (status === 'active') {
    return null;
  }
  return (
    <Alert
      data-testid="engagement-banner"
      role="alert"
      color={status === 'stopped' ? 'red' : 'yellow'}
      variant={status === 'stopped' ? 'filled' : 'light'}
      radius="lg"
      mb="lg"
      icon={<Icon name={status === 'stopped' ? 'stop' : 'pause'} size={22} />}
      title={t(`engagement.banner.${status}Title`)}
    >
      <Stack gap={4}>
        <Text size="sm">{t(`engagement.banner.${status}Body`)}</Text>
        {reason && (
          <Text size="sm" fw={600}>
            {t('engagement.banner.reason', { reason })}
          </Text>
        )}
        <Text size="xs">
          {t('engagement.banner.by', {
            name: changedBy ?? t('engagement.banner.someone'),
            date: formatDateTime(changedAt),
          })}
        </Text>
      </Stack>
    </Alert>
  );
}
