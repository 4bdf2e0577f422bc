import type { SsoProvider } from '@essaim/contracts';
import { Button, Card, Code, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { providersPath, ssoKeys, useProviders } from './api';
import { type ProviderDraft, ProviderForm } from './provider-form';

/** The providers of the instance (`orgId` null) or of one organisation: list, enable, remove, add. */
export function ProvidersSection({
  orgId,
  title,
  intro,
}: {
  orgId: string | null;
  title: string;
  intro: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = useProviders(orgId);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ssoKeys.providers(orgId) });
    void queryClient.invalidateQueries({ queryKey: ssoKeys.publicProviders });
  };
  const add = useMutation({
    mutationFn: (draft: ProviderDraft) =>
      api.post<SsoProvider>(providersPath(orgId), {
        name: draft.name.trim(),
        issuer: draft.issuer.trim(),
        clientId: draft.clientId.trim(),
        clientSecret: draft.clientSecret,
        allowJit: draft.allowJit,
        ...(orgId ? { jitRole: draft.jitRole } : {}),
      }),
    onSuccess: refresh,
    onError: () => {},
  });
  const toggle = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api.patch<SsoProvider>(`${providersPath(orgId)}/${encodeURIComponent(id)}`, { enabled }),
    onSuccess: refresh,
    onError: () => {},
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${providersPath(orgId)}/${encodeURIComponent(id)}`),
    onSuccess: refresh,
    onError: () => {},
  });
  const list = providers.data ?? [];
  const error = add.error ?? toggle.error ?? remove.error ?? providers.error;

  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section">
      <Stack gap="md">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed">{intro}</Text>
        {list.length === 0 && !providers.isPending && <Text>{t('sso.providers.empty')}</Text>}
        {list.map((p) => (
          <Card key={p.id} withBorder radius="md" p="md" data-testid="sso-provider">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{p.name}</Text>
                <Group gap="sm">
                  <Switch
                    label={t('sso.providers.enable')}
                    checked={p.enabled}
                    onChange={(e) => toggle.mutate({ id: p.id, enabled: e.currentTarget.checked })}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => remove.mutate(p.id)}
                    aria-label={t('sso.providers.removeNamed', { provider: p.name })}
                  >
                    {t('sso.providers.remove')}
                  </Button>
                </Group>
              </Group>
              <Text size="sm">
                {t('sso.providers.issuer')}: <Code>{p.issuer}</Code>
              </Text>
              <Text size="sm">
                {t('sso.providers.clientId')}: <Code>{p.clientId}</Code>
              </Text>
              <Text size="sm">
                {t('sso.providers.redirectUri')}: <Code>{p.redirectUri}</Code>
              </Text>
              <Text size="sm" c="dimmed">
                {p.allowJit ? t('sso.providers.jitOn') : t('sso.providers.jitOff')}
              </Text>
            </Stack>
          </Card>
        ))}
        <FormAlert message={error ? describeError(t, error) : null} />
        <Title order={3} size="h4">
          {t('sso.form.title')}
        </Title>
        <ProviderForm
          withRole={orgId !== null}
          pending={add.isPending}
          onSubmit={(draft, reset) => add.mutate(draft, { onSuccess: reset })}
        />
      </Stack>
    </Card>
  );
}
