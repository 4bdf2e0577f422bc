import { Button, Divider, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { describeError } from '../../lib/describe-error';
import { goToProvider, usePublicProviders } from './api';

const FAILURE_REASONS = [
  'state_unknown',
  'provider_error',
  'token_rejected',
  'provider_unavailable',
  'account_exists',
  'no_account',
  'email_missing',
  'account_disabled',
  'already_linked',
] as const;

/** One button per enabled identity provider, and the reason a previous attempt came back refused. */
export function SsoSignInButtons({ next, failure }: { next: string; failure: string | null }) {
  const { t } = useTranslation();
  const providers = usePublicProviders();
  const start = useMutation({
    mutationFn: (providerId: string) =>
      goToProvider(`/api/auth/sso/${encodeURIComponent(providerId)}/start`, next),
    onError: () => {},
  });
  const known = FAILURE_REASONS.find((r) => r === failure);
  const list = providers.data ?? [];
  if (list.length === 0 && !known) {
    return null;
  }
  return (
    <Stack gap="sm" data-testid="sso-buttons">
      <FormAlert
        message={start.isError ? describeError(t, start.error) : known ? t(`sso.errors.${known}`) : null}
      />
      {list.map((p) => (
        <Button
          key={p.id}
          variant="default"
          size="md"
          h="auto"
          mih={42}
          py={8}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
          leftSection={<Icon name="key" size={18} aria-hidden="true" />}
          loading={start.isPending && start.variables === p.id}
          onClick={() => start.mutate(p.id)}
        >
          {p.orgName
            ? t('sso.signIn.withOrg', { provider: p.name, org: p.orgName })
            : t('sso.signIn.with', { provider: p.name })}
        </Button>
      ))}
      {list.length > 0 && <Divider label={t('sso.signIn.or')} labelPosition="center" />}
    </Stack>
  );
}
