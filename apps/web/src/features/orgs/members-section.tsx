import type { Organisation } from '@essaim/contracts';
import { ROLES, type Role } from '@essaim/core';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { ME_KEY, useSignedInMe } from '../auth/session';
import { type Member, orgKeys, useMembers } from './api';
import { RoleGuide } from './role-guide';

/** Members table: role changes and removal for owners; read-only for facilitators and sponsors. */
export function MembersSection({ org, canManage }: { org: Organisation; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { user } = useSignedInMe();
  const members = useMembers(org.id);
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; message: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const conflictMessage = (error: unknown) =>
    isApiError(error) && error.code === 'CONFLICT' ? t('orgs.members.lastOwner') : describeError(t, error);

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      api.patch(`/api/orgs/${encodeURIComponent(org.id)}/members/${encodeURIComponent(member.userId)}`, {
        role,
      }),
    onSuccess: (_data, { member, role }) => {
      setStatus({
        tone: 'success',
        message: t('orgs.members.roleChanged', {
          name: member.displayName,
          role: t(`orgs.roles.${role}.label`),
        }),
      });
      void queryClient.invalidateQueries({ queryKey: orgKeys.members(org.id) });
      if (member.userId === user.id) {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        void queryClient.invalidateQueries({ queryKey: orgKeys.one(org.id) });
      }
    },
    onError: (error) => setStatus({ tone: 'error', message: conflictMessage(error) }),
  });

  const remove = useMutation({
    mutationFn: (member: Member) =>
      api.delete(`/api/orgs/${encodeURIComponent(org.id)}/members/${encodeURIComponent(member.userId)}`),
    onSuccess: (_data, member) => {
      setRemoving(null);
      setStatus({ tone: 'success', message: t('orgs.members.removed', { name: member.displayName }) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.members(org.id) });
    },
    onError: (error) => {
      setRemoving(null);
      setStatus({ tone: 'error', message: conflictMessage(error) });
    },
  });

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`orgs.roles.${role}.label`) }));

  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Stack gap={4}>
              <Title order={2} size="h3">
                {t('orgs.members.title')}
              </Title>
              <VisibilityNote>{t('orgs.visibility.members')}</VisibilityNote>
            </Stack>
            {members.data && (
              <Badge variant="light" size="lg">
                {t('orgs.members.count', { count: members.data.length })}
              </Badge>
            )}
          </Group>
          <FormAlert tone={status?.tone ?? 'error'} message={status?.message ?? null} />
          {members.isError && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
          {members.isPending && (
            <Text c="dimmed" size="sm" role="status">
              {t('common.loading')}
            </Text>
          )}
          {members.data && (
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="members-table" verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('orgs.members.name')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.members.email')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.members.role')}</Table.Th>
                    <Table.Th scope="col">{t('orgs.members.joined')}</Table.Th>
                    {canManage && (
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('orgs.members.actions')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.map((member) => {
                    const isMe = member.userId === user.id;
                    return (
                      <Table.Tr key={member.userId} data-user-id={member.userId}>
                        <Table.Th scope="row" fw={500}>
                          {member.displayName}
                          {isMe && (
                            <Badge size="xs" variant="outline" ml={6}>
                              {t('orgs.members.you')}
                            </Badge>
                          )}
                        </Table.Th>
                        <Table.Td>
                          <Text size="sm" style={{ wordBreak: 'break-all' }}>
                            {member.email}
                          </Text>
                        </Table.Td>
                        <Table.Td miw={170}>
                          {canManage ? (
                            <Select
                              aria-label={t('orgs.members.changeRole', { name: member.displayName })}
                              data={roleOptions}
                              value={member.role}
                              allowDeselect={false}
                              size="xs"
                              disabled={changeRole.isPending}
                              onChange={(value) => {
                                if (value && value !== member.role) {
                                  changeRole.mutate({ member, role: value as Role });
                                }
                              }}
                              comboboxProps={{ withinPortal: true }}
                            />
                          ) : (
                            <Text size="sm">{t(`orgs.roles.${member.role}.label`)}</Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDate(member.joinedAt)}</Text>
                        </Table.Td>
                        {canManage && (
                          <Table.Td>
                            {!isMe && (
                              <Button
                                variant="subtle"
                                color="red"
                                size="xs"
                                leftSection={<Icon name="trash" size={14} />}
                                aria-label={t('orgs.members.removeLabel', { name: member.displayName })}
                                onClick={() => setRemoving(member)}
                              >
                                {t('orgs.members.remove')}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {members.data && members.data.length <= 1 && (
            <Text size="sm" c="dimmed">
              {t('orgs.members.empty')}
            </Text>
          )}
        </Stack>
      </Card>
      <RoleGuide />
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? t('orgs.members.removeTitle', { name: removing.displayName }) : ''}
        centered
      >
        {removing && (
          <Stack gap="md">
            <Text size="sm">
              {t('orgs.members.removeBody', {
                name: removing.displayName,
                policy: t(`orgs.policyInline.${org.contributionPolicy}`),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(removing)}>
                {t('orgs.members.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
