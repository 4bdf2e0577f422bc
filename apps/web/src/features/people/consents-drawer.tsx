import { ConsentPurposeSchema } from '@essaim/contracts';
import { Badge, Button, Drawer, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format';
import { type ConsentPurpose, orgPath, type Person, peopleKeys, useConsents } from './api';

const PURPOSES = ConsentPurposeSchema.options;

/** A person's consents: what they agreed to, which text version, and withdrawal at any time. */
export function ConsentsDrawer({
  orgId,
  person,
  onClose,
}: {
  orgId: string;
  person: Person;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const consents = useConsents(orgId, person.id);
  const [purpose, setPurpose] = useState<ConsentPurpose>('diagnostic_survey');
  const [textVersion, setTextVersion] = useState('1');
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; message: string } | null>(null);
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: peopleKeys.consents(orgId, person.id) });
  const record = useMutation({
    mutationFn: () =>
      api.post(`${orgPath(orgId)}/consents`, {
        personId: person.id,
        purpose,
        textVersion: textVersion.trim(),
      }),
    onSuccess: () => {
      setStatus({ tone: 'success', message: t('consent.recorded') });
      refresh();
    },
    onError: (err) => setStatus({ tone: 'error', message: describeError(t, err) }),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api.post(`${orgPath(orgId)}/consents/${encodeURIComponent(id)}/withdraw`),
    onSuccess: () => {
      setStatus({ tone: 'success', message: t('consent.withdrawn') });
      refresh();
    },
    onError: (err) => setStatus({ tone: 'error', message: describeError(t, err) }),
  });
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={t('consent.title', { name: person.displayName })}
    >
      <Stack gap="md">
        <VisibilityNote>{t('consent.visibility')}</VisibilityNote>
        <Text size="sm" c="dimmed">
          {t('consent.intro')}
        </Text>
        {consents.isError && <QueryError error={consents.error} onRetry={() => void consents.refetch()} />}
        {consents.data?.length === 0 && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('consent.none')}
          </Text>
        )}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {consents.data?.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" radius="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {t(`consent.purposes.${c.purpose}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('consent.granted', { version: c.textVersion, date: formatDateTime(c.grantedAt) })}
                  </Text>
                  {c.withdrawnAt && (
                    <Text size="xs" c="red">
                      {t('consent.withdrawnOn', { date: formatDateTime(c.withdrawnAt) })}
                    </Text>
                  )}
                </Stack>
                {c.active ? (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    loading={withdraw.isPending && withdraw.variables === c.id}
                    onClick={() => withdraw.mutate(c.id)}
                    aria-label={t('consent.withdrawOne', { purpose: t(`consent.purposes.${c.purpose}`) })}
                  >
                    {t('consent.withdraw')}
                  </Button>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('consent.inactive')}
                  </Badge>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
        <Paper withBorder p="md" radius="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (textVersion.trim()) {
                record.mutate();
              }
            }}
          >
            <Stack gap="sm">
              <Text size="sm" fw={600} component="h3">
                {t('consent.recordTitle')}
              </Text>
              <Select
                label={t('consent.purpose')}
                data={PURPOSES.map((p) => ({ value: p, label: t(`consent.purposes.${p}`) }))}
                value={purpose}
                onChange={(value) => value && setPurpose(value as ConsentPurpose)}
                allowDeselect={false}
              />
              <TextInput
                label={t('consent.textVersion')}
                description={t('consent.textVersionHelp')}
                value={textVersion}
                onChange={(event) => setTextVersion(event.currentTarget.value)}
                maxLength={60}
                required
              />
              <Group justify="flex-end">
                <Button type="submit" loading={record.isPending}>
                  {t('consent.record')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        <FormAlert tone={status?.tone ?? 'error'} message={status?.message ?? null} />
      </Stack>
    </Drawer>
  );
}
