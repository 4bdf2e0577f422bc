import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { type CharterCommitments, useCharterAction, useCharterPart } from './api';

export function CommitmentsPanel(props: {
  orgId: string;
  engagementId: string;
  charterId: string;
  adoptedHash: string | null;
  canCommit: boolean;
}) {
  const { t } = useTranslation();
  const { orgId, engagementId, charterId, adoptedHash } = props;
  const list = useCharterPart<CharterCommitments>(orgId, engagementId, charterId, 'commitments');
  const action = useCharterAction(orgId, engagementId, charterId);
  if (!adoptedHash) {
    return <Text c="dimmed">{t('charters.commitments.notAdopted')}</Text>;
  }
  const data = list.data;
  const commit = (state: 'committed' | 'declined' | 'withdrawn') =>
    action.mutate({ path: 'commitments', body: { state, versionHash: adoptedHash } });
  return (
    <Stack gap="sm">
      {data && <Text data-testid="commitment-counts">{t('charters.commitments.counts', data.counts)}</Text>}
      {props.canCommit && (
        <Group gap="xs">
          <Button size="xs" onClick={() => commit('committed')}>
            {t('charters.commitments.commit')}
          </Button>
          <Button size="xs" variant="light" onClick={() => commit('declined')}>
            {t('charters.commitments.decline')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => commit('withdrawn')}>
            {t('charters.commitments.withdraw')}
          </Button>
        </Group>
      )}
      {data?.people === null && (
        <Text size="sm" c="dimmed">
          {t('charters.commitments.countsOnly')}
        </Text>
      )}
      {data?.people?.length === 0 && <Text c="dimmed">{t('charters.commitments.empty')}</Text>}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data?.people?.map((p) => (
          <Group key={p.personId} component="li" justify="space-between" data-testid="commitment">
            <Text>{p.name}</Text>
            <Group gap="xs">
              <Badge variant="light" color={p.state === 'committed' ? 'honey' : 'gray'}>
                {t(`charters.commitments.state.${p.state}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(p.at)}
              </Text>
            </Group>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
