import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { PageHeader } from '../../components/page-header';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useSignedInMe } from '../auth/session';
import { useCurrentOrg } from '../orgs/use-current-org';
import { ssoKeys, usePolicy } from './api';
import { ProvidersSection } from './providers-section';

function PolicySection({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = usePolicy(orgId);
  const save = useMutation({
    mutationFn: (requireSso: boolean) =>
      api.put(`/api/orgs/${encodeURIComponent(orgId)}/sso/policy`, { requireSso }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ssoKeys.policy(orgId) }),
    onError: () => {},
  });
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('sso.policy.title')}
        </Title>
        <Switch
          label={t('sso.policy.require')}
          description={t('sso.policy.requireHelp')}
          checked={policy.data?.requireSso ?? false}
          disabled={policy.isPending || save.isPending}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
        />
        <FormAlert message={save.isError ? describeError(t, save.error) : null} />
      </Stack>
    </Card>
  );
}

/** Single sign-on settings: the organisation's providers and policy (owner), the instance's (administrator). */
export function SsoSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('sso.page.title'));
  const me = useSignedInMe();
  const { org, can } = useCurrentOrg();
  const manageOrg = org !== null && can('org.update');
  return (
    <>
      <PageHeader title={t('sso.page.title')} description={t('sso.page.intro')} />
      <Stack gap="xl" maw={860}>
        {!manageOrg && !me.user.isAdmin && <Text>{t('sso.page.notAllowed')}</Text>}
        {manageOrg && org && (
          <>
            <ProvidersSection
              orgId={org.id}
              title={t('sso.providers.orgTitle', { org: org.name })}
              intro={t('sso.providers.orgIntro')}
            />
            <PolicySection orgId={org.id} />
          </>
        )}
        {me.user.isAdmin && (
          <ProvidersSection
            orgId={null}
            title={t('sso.providers.instanceTitle')}
            intro={t('sso.providers.instanceIntro')}
          />
        )}
      </Stack>
    </>
  );
}
