import type { WebhookEndpoint } from '@essaim/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  EmptyState,
  Group,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useWebhookMutations, useWebhooks, type WebhookEndpointWithSecret } from './api';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookForm } from './webhook-form';

/** The signing secret, shown once: after this dialog it cannot be read again, only rotated. */
function SecretModal({
  created,
  onClose,
}: {
  created: WebhookEndpointWithSecret | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('reports.webhooks.secret.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('reports.common.close') }}
    >
      {created && (
        <Stack gap="md">
          <Alert
            color="yellow"
            icon={<Icon name="key" size={18} />}
            title={t('reports.webhooks.secret.once')}
          >
            {t('reports.webhooks.secret.body')}
          </Alert>
          <Code block data-testid="webhook-secret">
            {created.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} leftSection={<Icon name="copy" size={16} />}>
                  {copied ? t('reports.webhooks.secret.copied') : t('reports.webhooks.secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('reports.webhooks.secret.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function EndpointCard({
  orgId,
  endpoint,
  onEdit,
  onSecret,
}: {
  orgId: string;
  endpoint: WebhookEndpoint;
  onEdit: () => void;
  onSecret: (e: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const { update, rotate, remove } = useWebhookMutations(orgId);
  const [showLog, setShowLog] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const error = update.error ?? rotate.error;
  const logId = `webhook-log-${endpoint.id}`;
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} component="article" aria-label={endpoint.url}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" style={{ wordBreak: 'break-all' }}>
              {endpoint.url}
            </Title>
            {endpoint.description && (
              <Text size="sm" c="dimmed">
                {endpoint.description}
              </Text>
            )}
          </Stack>
          {endpoint.enabled ? (
            <Badge color="teal" variant="light">
              {t('reports.webhooks.active')}
            </Badge>
          ) : (
            <Badge color="red" variant="light">
              {t('reports.webhooks.disabled')}
            </Badge>
          )}
        </Group>
        {!endpoint.enabled && (
          <Alert color="red" variant="light" icon={<Icon name="alert" size={18} />}>
            {t('reports.webhooks.disabledSince', {
              at: formatDateTime(endpoint.disabledAt),
              reason: endpoint.disabledReason ?? '—',
            })}
          </Alert>
        )}
        {endpoint.enabled && endpoint.consecutiveFailures > 0 && (
          <Text size="sm" c="orange">
            {t('reports.webhooks.failing', { count: endpoint.consecutiveFailures })}
          </Text>
        )}
        <Group gap={6} aria-label={t('reports.webhooks.eventsLabel')}>
          {endpoint.eventTypes.map((type) => (
            <Badge key={type} variant="outline" color="gray" tt="none" ff="monospace">
              {type}
            </Badge>
          ))}
        </Group>
        <FormAlert message={error ? describeError(t, error) : null} />
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="light"
            onClick={() => setShowLog((v) => !v)}
            aria-expanded={showLog}
            aria-controls={logId}
            leftSection={<Icon name="history" size={14} />}
          >
            {showLog ? t('reports.webhooks.hideLog') : t('reports.webhooks.showLog')}
          </Button>
          <Button size="xs" variant="default" onClick={onEdit} leftSection={<Icon name="pencil" size={14} />}>
            {t('reports.webhooks.edit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={update.isPending}
            onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}
          >
            {endpoint.enabled ? t('reports.webhooks.disable') : t('reports.webhooks.enable')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => setConfirm('rotate')}
            leftSection={<Icon name="key" size={14} />}
          >
            {t('reports.webhooks.rotate')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setConfirm('delete')}
            leftSection={<Icon name="trash" size={14} />}
          >
            {t('reports.webhooks.delete')}
          </Button>
        </Group>
        {showLog && (
          <div id={logId}>
            <WebhookDeliveries orgId={orgId} endpointId={endpoint.id} />
          </div>
        )}
      </Stack>
      <ConfirmModal
        opened={confirm === 'delete'}
        title={t('reports.webhooks.deleteTitle')}
        body={t('reports.webhooks.deleteBody', { url: endpoint.url })}
        confirmLabel={t('reports.webhooks.delete')}
        loading={remove.isPending}
        error={remove.isError ? describeError(t, remove.error) : null}
        onClose={() => setConfirm(null)}
        onConfirm={() => remove.mutate(endpoint.id, { onSuccess: () => setConfirm(null) })}
      />
      <ConfirmModal
        opened={confirm === 'rotate'}
        title={t('reports.webhooks.rotateTitle')}
        body={t('reports.webhooks.rotateBody')}
        confirmLabel={t('reports.webhooks.rotate')}
        confirmColor="orange"
        loading={rotate.isPending}
        error={rotate.isError ? describeError(t, rotate.error) : null}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          rotate.mutate(endpoint.id, {
            onSuccess: (e) => {
              setConfirm(null);
              onSecret(e);
            },
          })
        }
      />
    </Card>
  );
}

function Webhooks({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const hooks = useWebhooks(orgId);
  const { create, update } = useWebhookMutations(orgId);
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | null>(null);
  if (hooks.isPending) {
    return <PageSkeleton />;
  }
  if (hooks.isError) {
    return <QueryError error={hooks.error} onRetry={() => void hooks.refetch()} />;
  }
  const { endpoints, eventTypes } = hooks.data;
  const saving = editing === 'new' ? create : update;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" maw={640}>
          {t('reports.webhooks.howItWorks')}
        </Text>
        <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setEditing('new')}>
          {t('reports.webhooks.add')}
        </Button>
      </Group>
      {endpoints.length === 0 ? (
        <Card withBorder radius="lg" p="xl">
          <EmptyState icon={<Icon name="send" size={28} />} variant="light">
            <EmptyState.Title order={2}>{t('reports.webhooks.empty.title')}</EmptyState.Title>
            <EmptyState.Description>{t('reports.webhooks.empty.body')}</EmptyState.Description>
          </EmptyState>
        </Card>
      ) : (
        <Stack gap="md">
          {endpoints.map((e) => (
            <EndpointCard
              key={e.id}
              orgId={orgId}
              endpoint={e}
              onEdit={() => setEditing(e)}
              onSecret={setSecret}
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' ? t('reports.webhooks.form.createTitle') : t('reports.webhooks.form.editTitle')
        }
        size="lg"
        closeButtonProps={{ 'aria-label': t('reports.common.close') }}
      >
        {editing !== null && (
          <WebhookForm
            eventTypes={eventTypes}
            initial={editing === 'new' ? undefined : editing}
            pending={saving.isPending}
            error={saving.isError ? describeError(t, saving.error) : null}
            onCancel={() => setEditing(null)}
            onSubmit={(body) => {
              if (editing === 'new') {
                create.mutate(body, {
                  onSuccess: (created) => {
                    setEditing(null);
                    setSecret(created);
                  },
                });
              } else {
                update.mutate({ id: editing.id, ...body }, { onSuccess: () => setEditing(null) });
              }
            }}
          />
        )}
      </Modal>
      <SecretModal created={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}

/** Organisation settings → webhooks: endpoints, their events, the signing secret and the delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.webhooks.title'));
  const { org, can } = useCurrentOrg();
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/organisation" size="sm">
        {t('reports.webhooks.back')}
      </Anchor>
      <PageHeader title={t('reports.webhooks.title')} description={t('reports.webhooks.intro')} />
      {org && can('org.update') ? (
        <Webhooks orgId={org.id} />
      ) : (
        <Text>{t('reports.webhooks.notAllowed')}</Text>
      )}
    </Stack>
  );
}
