import { ADOPTION_STAGES } from '@essaim/core/pollination';
import {
  Alert,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormAlert } from '../../components/form-alert';
import { QR_PRINT_CSS } from '../../components/qr-print-css';
import { describeError } from '../../lib/describe-error';
import { type DiffusionPlanView, tx } from './api';
import { type PulseCreated, type PulseSummary, useClosePulse, useCreatePulse, usePulses } from './pulse-api';

interface Props {
  orgId: string;
  plan: DiffusionPlanView;
  /** Facilitators open and close links; others only see the counts. */
  canManage: boolean;
}

/**
 * The adoption pulse of a plan: per target collective, a link to ask its members where they stand,
 * the count of answers, the answers per stage once enough people answered, and closing, which feeds
 * the curve.
 */
export function PulseSection({ orgId, plan, canManage }: Props) {
  const { t } = useTranslation();
  const pulses = usePulses(orgId, plan.id);
  const create = useCreatePulse(orgId, plan.id);
  const close = useClosePulse(orgId, plan.id);
  // The token is returned once, at creation: kept here so the facilitator can copy it.
  const [links, setLinks] = useState<Record<string, PulseCreated>>({});
  const [closing, setClosing] = useState<PulseSummary | null>(null);
  const list = pulses.data ?? [];
  const openOf = (collectiveId: string) => list.find((p) => p.collectiveId === collectiveId && !p.closedAt);
  const lastClosedOf = (collectiveId: string) =>
    list.filter((p) => p.collectiveId === collectiveId && p.closedAt).at(-1);
  return (
    <Card withBorder p="lg" component="section" aria-labelledby="pulse-title">
      <Title order={2} size="h3" mb="xs" id="pulse-title">
        {t('pollination.pulse.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('pollination.pulse.intro')}
      </Text>
      {pulses.error ? <FormAlert message={describeError(t, pulses.error)} /> : null}
      {create.error ? <FormAlert message={describeError(t, create.error)} /> : null}
      <Stack gap="md">
        {plan.collectives.map((c) => {
          const open = openOf(c.id);
          const shown = open ?? lastClosedOf(c.id);
          const link = open ? links[open.id] : undefined;
          return (
            <Card key={c.id} withBorder p="md" component="article" aria-label={c.name}>
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h5">
                  {c.name}
                </Title>
                {shown ? (
                  <Badge variant="filled" color={shown.closedAt ? 'gray.7' : 'teal.9'}>
                    {shown.closedAt ? t('pollination.pulse.closed') : t('pollination.pulse.open')}
                  </Badge>
                ) : null}
              </Group>
              {shown ? (
                <PulseResults pulse={shown} />
              ) : (
                <Text size="sm" c="dimmed">
                  {canManage ? t('pollination.pulse.none') : t('pollination.pulse.noneReader')}
                </Text>
              )}
              {link ? (
                <Group align="flex-end" mt="sm" wrap="wrap" className="qr-print">
                  <style>{QR_PRINT_CSS}</style>
                  <img
                    src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`}
                    alt={t('pollination.pulse.qrAlt', { name: c.name })}
                    width={120}
                    height={120}
                    data-testid="pulse-qr"
                  />
                  <Stack gap="xs" style={{ flex: 1, minWidth: '14rem' }}>
                    <TextInput
                      label={t('pollination.pulse.link')}
                      description={t('pollination.pulse.linkOnce')}
                      value={link.url}
                      readOnly
                      data-testid="pulse-link"
                    />
                    <Group gap="xs" className="no-print">
                      <CopyButton value={link.url}>
                        {({ copied, copy }) => (
                          <Button variant="light" onClick={copy}>
                            {copied ? t('pollination.pulse.copied') : t('pollination.pulse.copy')}
                          </Button>
                        )}
                      </CopyButton>
                      <Button variant="default" onClick={() => window.print()}>
                        {t('pollination.pulse.print')}
                      </Button>
                    </Group>
                  </Stack>
                </Group>
              ) : open && canManage ? (
                <Text size="xs" c="dimmed" mt="xs">
                  {t('pollination.pulse.linkLost')}
                </Text>
              ) : null}
              {canManage ? (
                <Group mt="sm">
                  {open ? (
                    <Button variant="default" onClick={() => setClosing(open)}>
                      {t('pollination.pulse.close')}
                    </Button>
                  ) : (
                    <Button
                      loading={create.isPending && create.variables === c.id}
                      onClick={() =>
                        create.mutate(c.id, {
                          onSuccess: (r) => setLinks((all) => ({ ...all, [r.id]: r })),
                        })
                      }
                    >
                      {shown ? t('pollination.pulse.createAgain') : t('pollination.pulse.create')}
                    </Button>
                  )}
                </Group>
              ) : null}
            </Card>
          );
        })}
      </Stack>
      <ConfirmModal
        opened={closing !== null}
        onClose={() => {
          setClosing(null);
          close.reset();
        }}
        title={t('pollination.pulse.closeTitle')}
        body={
          closing && closing.answers >= closing.threshold
            ? t('pollination.pulse.closeBodyEnough', { count: closing.answers })
            : t('pollination.pulse.closeBodyFew', {
                count: closing?.answers ?? 0,
                threshold: closing?.threshold ?? 0,
              })
        }
        confirmLabel={t('pollination.pulse.close')}
        confirmColor="blue"
        loading={close.isPending}
        error={close.error ? describeError(t, close.error) : null}
        onConfirm={() =>
          closing &&
          close.mutate(closing.id, {
            onSuccess: (r) => {
              setClosing(null);
              notifications.show({
                color: 'teal',
                closeButtonProps: { 'aria-label': t('pollination.editor.close') },
                message: r.recordedStage
                  ? t('pollination.pulse.recorded', {
                      stage: tx(t, `pollination.plan.stages.${r.recordedStage}`),
                    })
                  : t('pollination.pulse.notRecorded'),
              });
            },
          })
        }
      />
    </Card>
  );
}

/** Count of answers, and the answers per stage only once the minimum group size is reached. */
function PulseResults({ pulse }: { pulse: PulseSummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="pulse-count">
        {t('pollination.pulse.answers', { count: pulse.answers })}
      </Text>
      {pulse.distribution ? (
        <Table verticalSpacing={4} aria-label={t('pollination.pulse.resultsCaption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pollination.plan.reportStage')}</Table.Th>
              <Table.Th>{t('pollination.pulse.answersHeader')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ADOPTION_STAGES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td>{tx(t, `pollination.plan.stages.${s}`)}</Table.Td>
                <Table.Td>{pulse.distribution?.[s] ?? 0}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Alert variant="light" color="gray" p="xs">
          <Text size="sm">{t('pollination.pulse.hidden', { threshold: pulse.threshold })}</Text>
        </Alert>
      )}
    </Stack>
  );
}
