import type { Organisation } from '@essaim/contracts';
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { ME_KEY, useSignedInMe } from '../auth/session';
import { orgKeys } from './api';
import { setCurrentOrgId } from './use-current-org';

/** Leaving = removing oneself; refused (409) when it would leave the organisation without an owner. */
export function LeaveSection({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { user } = useSignedInMe();
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation({
    mutationFn: () =>
      api.delete(`/api/orgs/${encodeURIComponent(org.id)}/members/${encodeURIComponent(user.id)}`),
    onSuccess: async () => {
      setConfirming(false);
      setCurrentOrgId(null);
      queryClient.removeQueries({ queryKey: orgKeys.one(org.id) });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: t('orgs.leave.left', { org: org.name }) });
    },
    onError: () => setConfirming(false),
  });

  const error = leave.isError
    ? isApiError(leave.error) && leave.error.code === 'CONFLICT'
      ? t('orgs.leave.soleOwner')
      : describeError(t, leave.error)
    : null;

  return (
    <Card
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      style={{ borderColor: 'var(--mantine-color-red-outline)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('orgs.leave.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('orgs.leave.body', { org: org.name, policy: t(`orgs.policyInline.${org.contributionPolicy}`) })}
        </Text>
        <FormAlert message={error} />
        <Group>
          <Button
            color="red"
            variant="light"
            leftSection={<Icon name="logout" size={16} />}
            onClick={() => setConfirming(true)}
            data-testid="leave-org"
          >
            {t('orgs.leave.button')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('orgs.leave.confirmTitle', { org: org.name })}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {t('orgs.leave.body', {
              org: org.name,
              policy: t(`orgs.policyInline.${org.contributionPolicy}`),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={leave.isPending} onClick={() => leave.mutate()}>
              {t('orgs.leave.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
