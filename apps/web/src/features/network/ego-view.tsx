import { Badge, Card, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { type NetworkEgo, useMyEgoNetworks } from './api';

const RELATIONS = ['advice', 'collaboration', 'trust', 'energy', 'innovation'] as const;
type KnownRelation = (typeof RELATIONS)[number];
const isKnown = (r: string): r is KnownRelation => (RELATIONS as readonly string[]).includes(r);

function RelationName({ relation }: { relation: string }) {
  const { t } = useTranslation();
  return <>{isKnown(relation) ? t(`network.relation.${relation}`) : relation}</>;
}

/** One person's own ties (as a table: who, which relation, how strong) and how often they were named. */
export function EgoCard({ ego }: { ego: NetworkEgo }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-label={ego.title}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {ego.title}
        </Title>
        {ego.outgoing.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('network.ego.noTies')}
          </Text>
        ) : (
          <Table withTableBorder striped>
            <Table.Caption>{t('network.ego.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('network.ego.colleague')}</Table.Th>
                <Table.Th scope="col">{t('network.ego.relation')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('network.ego.value')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ego.outgoing.map((o) => (
                <Table.Tr key={`${o.relation}-${o.targetId}`}>
                  <Table.Th scope="row" fw={500}>
                    {o.targetLabel}
                  </Table.Th>
                  <Table.Td>
                    <RelationName relation={o.relation} />
                  </Table.Td>
                  <Table.Td ta="right">{o.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {ego.incomingCounts.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t('network.ego.namedBy')}</Text>
            {ego.incomingCounts.map((c) => (
              <Badge key={c.relation} variant="light">
                <RelationName relation={c.relation} /> · {c.count}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('network.ego.privacy')}
        </Text>
      </Stack>
    </Card>
  );
}

/** Members see only their own ego networks (never anyone else's answers). */
export function EgoSection({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const { t } = useTranslation();
  const egos = useMyEgoNetworks(orgId, engagementId);
  if (egos.isPending) {
    return <PageSkeleton />;
  }
  if (egos.isError) {
    return <QueryError error={egos.error} onRetry={() => void egos.refetch()} />;
  }
  if (egos.data.length === 0) {
    return (
      <EmptyState icon={<Icon name="users" size={30} />} variant="light" size="lg">
        <EmptyState.Title order={2}>{t('network.ego.emptyTitle')}</EmptyState.Title>
        <EmptyState.Description>{t('network.ego.emptyBody')}</EmptyState.Description>
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>{t('network.ego.title')}</Title>
      {egos.data.map((ego) => (
        <EgoCard key={ego.networkId} ego={ego} />
      ))}
    </Stack>
  );
}
