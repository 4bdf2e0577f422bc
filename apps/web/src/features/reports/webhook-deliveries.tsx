import type { WebhookDelivery } from '@essaim/contracts';
import { Badge, Button, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { useDeliveries, useWebhookMutations } from './api';

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = {
  pending: 'gray',
  sending: 'blue',
  delivered: 'teal',
  failed: 'red',
};

/** The last answers of each attempt: the status code, or the network error, and how long it took. */
function Attempts({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  if (delivery.log.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('reports.deliveries.noAttempt')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {delivery.log.map((a) => (
        <Text size="xs" key={a.attempt}>
          {t('reports.deliveries.attempt', {
            n: a.attempt,
            answer: a.statusCode ?? a.error ?? '—',
            ms: a.durationMs,
            at: formatDateTime(a.at),
          })}
        </Text>
      ))}
    </Stack>
  );
}

/** An endpoint's delivery log, newest first, with a manual replay of any event. */
export function WebhookDeliveries({ orgId, endpointId }: { orgId: string; endpointId: string }) {
  const { t } = useTranslation();
  const deliveries = useDeliveries(orgId, endpointId);
  const { replay } = useWebhookMutations(orgId);
  if (deliveries.isPending) {
    return <Loader size="sm" aria-label={t('reports.deliveries.loading')} />;
  }
  if (deliveries.isError) {
    return <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  }
  if (deliveries.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reports.deliveries.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <FormAlert message={replay.isError ? describeError(t, replay.error) : null} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Caption>{t('reports.deliveries.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.deliveries.event')}</Table.Th>
              <Table.Th>{t('reports.deliveries.status')}</Table.Th>
              <Table.Th>{t('reports.deliveries.code')}</Table.Th>
              <Table.Th>{t('reports.deliveries.attempts')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('reports.deliveries.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {d.eventType}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(d.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[d.status]} variant="light">
                    {t(`reports.deliveries.statuses.${d.status}`)}
                  </Badge>
                  {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('reports.deliveries.nextAttempt', { at: formatDateTime(d.nextAttemptAt) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {d.lastStatusCode ?? (d.lastError ? t('reports.deliveries.noAnswer') : '—')}
                </Table.Td>
                <Table.Td>
                  <Attempts delivery={d} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<Icon name="refresh" size={14} />}
                    loading={replay.isPending && replay.variables === d.id}
                    onClick={() => replay.mutate(d.id)}
                    aria-label={t('reports.deliveries.replayLabel', {
                      event: d.eventType,
                      at: formatDateTime(d.createdAt),
                    })}
                  >
                    {t('reports.deliveries.replay')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
