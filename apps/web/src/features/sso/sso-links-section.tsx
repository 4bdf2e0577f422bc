import { Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { goToProvider, ssoKeys, usePublicProviders, useSsoLinks } from './api';

/** Account page: identities from providers linked to this account; link another, or unlink one. */
export function SsoLinksSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = usePublicProviders();
  const links = useSsoLinks();
  const link = useMutation({
    mutationFn: (providerId: string) =>
      goToProvider(`/api/me/sso-links/${encodeURIComponent(providerId)}`, '/account'),
    onError: () => {},
  });
  const unlink = useMutation({
    mutationFn: (providerId: string) => api.delete(`/api/me/sso-links/${encodeURIComponent(providerId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ssoKeys.links }),
    onError: () => {},
  });
  const available = (providers.data ?? []).filter(
    (p) => !(links.data ?? []).some((l) => l.providerId === p.id),
  );
  if ((providers.data ?? []).length === 0 && (links.data ?? []).length === 0) {
    return null;
  }
  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} component="section" data-testid="sso-links">
      <Stack gap="md">
        <Group gap="sm">
          <Icon name="link" size={22} aria-hidden="true" />
          <Title order={2} size="h3">
            {t('sso.links.title')}
          </Title>
        </Group>
        <Text c="dimmed">{t('sso.links.intro')}</Text>
        {(links.data ?? []).length === 0 ? (
          <Text>{t('sso.links.none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sso.links.provider')}</Table.Th>
                <Table.Th>{t('sso.links.linkedAt')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('sso.links.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(links.data ?? []).map((l) => (
                <Table.Tr key={l.providerId}>
                  <Table.Td>{l.providerName}</Table.Td>
                  <Table.Td>{formatDate(l.linkedAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => unlink.mutate(l.providerId)}
                      aria-label={t('sso.links.unlinkNamed', { provider: l.providerName })}
                    >
                      {t('sso.links.unlink')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <FormAlert message={unlink.isError ? describeError(t, unlink.error) : null} />
        <FormAlert message={link.isError ? describeError(t, link.error) : null} />
        {available.length > 0 && (
          <Group gap="sm">
            {available.map((p) => (
              <Button key={p.id} variant="light" onClick={() => link.mutate(p.id)} loading={link.isPending}>
                {t('sso.links.link', { provider: p.name })}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
