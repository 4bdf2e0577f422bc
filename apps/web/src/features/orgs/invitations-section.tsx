import type { Organisation } from '@essaim/contracts';
import { ROLES, type Role } from '@essaim/core';
import {
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { checkEmail, type FieldProblem } from '../../lib/validation';
import { type CreatedInvitation, type Invitation, orgKeys, useInvitations } from './api';

const EXPIRY_CHOICES = [1, 3, 7, 14, 30] as const;
const STATUS_COLOR: Record<Invitation['status'], string> = {
  pending: 'honey',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'gray',
};

/** Invite by email, show the link once (copy button), list and revoke invitations. */
export function InvitationsSection({ org, myRole }: { org: Organisation; myRole: Role }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useInvitations(org.id);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [days, setDays] = useState('7');
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [listStatus, setListStatus] = useState<{ tone: 'error' | 'success'; message: string } | null>(null);

  // Only owners may hand out ownership; the server enforces its own rule too.
  const roles = ROLES.filter((r) => r !== 'owner' || myRole === 'owner');

  const create = useMutation({
    mutationFn: (body: { email: string; role: Role; expiresInDays: number }) =>
      api.post<CreatedInvitation>(`/api/orgs/${encodeURIComponent(org.id)}/invitations`, body),
    onSuccess: () => {
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(org.id) });
    },
    onError: () => {},
  });

  const revoke = useMutation({
    mutationFn: (invitation: Invitation) =>
      api.delete(`/api/orgs/${encodeURIComponent(org.id)}/invitations/${encodeURIComponent(invitation.id)}`),
    onSuccess: (_data, invitation) => {
      setListStatus({ tone: 'success', message: t('orgs.invitations.revoked', { email: invitation.email }) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(org.id) });
    },
    onError: (error) => setListStatus({ tone: 'error', message: describeError(t, error) }),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkEmail(email);
    setProblem(found);
    if (!found) {
      create.mutate({ email: email.trim(), role, expiresInDays: Number(days) });
    }
  };

  const created = create.data;

  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t('orgs.invitations.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('orgs.invitations.intro')}
            </Text>
          </Stack>
          <form onSubmit={onSubmit} noValidate data-testid="invite-form">
            <Stack gap="md">
              <TextInput
                label={t('orgs.invitations.email')}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={problem ? t(`auth.validation.${problem}`) : undefined}
                autoComplete="off"
                name="email"
                required
              />
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('orgs.invitations.role')}
                  data={roles.map((r) => ({ value: r, label: t(`orgs.roles.${r}.label`) }))}
                  value={role}
                  onChange={(value) => value && setRole(value as Role)}
                  allowDeselect={false}
                  description={t(`orgs.roles.${role}.description`)}
                  name="role"
                  miw={200}
                />
                <Select
                  label={t('orgs.invitations.expires')}
                  data={EXPIRY_CHOICES.map((n) => ({
                    value: String(n),
                    label: t('orgs.invitations.days', { count: n }),
                  }))}
                  value={days}
                  onChange={(value) => value && setDays(value)}
                  allowDeselect={false}
                  name="expiresInDays"
                  miw={160}
                />
              </Group>
              <FormAlert message={create.isError ? describeError(t, create.error) : null} />
              <Group>
                <Button type="submit" loading={create.isPending} leftSection={<Icon name="send" size={18} />}>
                  {t('orgs.invitations.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
          <div aria-live="polite">
            {created && (
              <Card withBorder radius="md" bg="var(--mantine-color-default-hover)" p="md">
                <Stack gap="sm">
                  <Group gap="xs">
                    <Icon name="circleCheck" size={20} />
                    <Text fw={600}>{t('orgs.invitations.created', { email: created.invitation.email })}</Text>
                  </Group>
                  <Text size="sm">
                    {created.emailed ? t('orgs.invitations.emailed') : t('orgs.invitations.notEmailed')}
                  </Text>
                  <Group gap="xs" wrap="nowrap" align="flex-end">
                    <TextInput
                      label={t('orgs.invitations.link')}
                      value={created.link}
                      readOnly
                      onFocus={(event) => event.currentTarget.select()}
                      data-testid="invite-link"
                      style={{ flex: 1 }}
                      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    />
                    <CopyButton value={created.link}>
                      {({ copied, copy }) => (
                        <Button
                          variant={copied ? 'light' : 'default'}
                          onClick={copy}
                          leftSection={<Icon name={copied ? 'check' : 'copy'} size={16} />}
                        >
                          <span aria-live="polite">
                            {copied ? t('orgs.invitations.copied') : t('orgs.invitations.copy')}
                          </span>
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                  <VisibilityNote>{t('orgs.visibility.link')}</VisibilityNote>
                </Stack>
              </Card>
            )}
          </div>
        </Stack>
      </Card>

      <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t('orgs.invitations.listTitle')}
            </Title>
            <VisibilityNote>{t('orgs.visibility.invitations')}</VisibilityNote>
          </Stack>
          <FormAlert tone={listStatus?.tone ?? 'error'} message={listStatus?.message ?? null} />
          {invitations.isError && (
            <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
          )}
          {invitations.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('orgs.invitations.empty')}
            </Text>
          )}
          {invitations.data && invitations.data.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="invitations-table" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('orgs.invitations.colEmail')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.invitations.colRole')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.invitations.colStatus')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.invitations.colExpires')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.invitations.colInvitedBy')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('orgs.invitations.colActions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invitations.data.map((invitation) => (
                    <Table.Tr key={invitation.id}>
                      <Table.Th scope="row" fw={500} style={{ wordBreak: 'break-all' }}>
                        {invitation.email}
                      </Table.Th>
                      <Table.Td>{t(`orgs.roles.${invitation.role}.label`)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOR[invitation.status]}>
                          {t(`orgs.invitations.status.${invitation.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
                      <Table.Td>{invitation.invitedBy ?? t('orgs.invitations.unknownInviter')}</Table.Td>
                      <Table.Td>
                        {invitation.status === 'pending' && (
                          <Tooltip label={t('orgs.invitations.revokeLabel', { email: invitation.email })}>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              aria-label={t('orgs.invitations.revokeLabel', { email: invitation.email })}
                              loading={revoke.isPending && revoke.variables?.id === invitation.id}
                              onClick={() => revoke.mutate(invitation)}
                            >
                              {t('orgs.invitations.revoke')}
                            </Button>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
