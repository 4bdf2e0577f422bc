import {
  Badge,
  Button,
  Card,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../lib/describe-error';
import { type NetworkAnalysis, type NetworkNode, type NetworkResult, useRecordProposalResponse } from './api';
import { ChartWithTable } from './chart-with-table';
import { colourOf, formatNumber, METRICS, type Metric } from './palette';
import { useProposalReason } from './proposal-reason';

/** Every person and every measure: the map's accessible alternative, sortable by any metric. */
export function PeopleTable(props: {
  result: NetworkResult;
  sortBy: Metric;
  onSort: (m: Metric) => void;
  onSelect: (id: string) => void;
  selected: string | null;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const rows = useMemo(
    () => [...props.result.nodes].sort((a, b) => b[props.sortBy] - a[props.sortBy]),
    [props.result, props.sortBy],
  );
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover withTableBorder miw={820}>
        <Table.Caption>
          {t('network.people.caption', { metric: t(`network.metric.${props.sortBy}`) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('network.people.person')}</Table.Th>
            {METRICS.map((m) => (
              <Table.Th key={m} scope="col" aria-sort={props.sortBy === m ? 'descending' : 'none'} ta="right">
                <UnstyledButton onClick={() => props.onSort(m)} fw={props.sortBy === m ? 700 : 500} fz="sm">
                  {t(`network.metric.${m}`)}
                  {props.sortBy === m ? ' ↓' : ''}
                </UnstyledButton>
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('network.people.community')}</Table.Th>
            <Table.Th scope="col">{t('network.people.roles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((n) => (
            <Table.Tr
              key={n.id}
              bg={n.id === props.selected ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Th scope="row" fw={500}>
                <UnstyledButton onClick={() => props.onSelect(n.id)} fz="sm" td="underline">
                  {n.label}
                </UnstyledButton>
              </Table.Th>
              {METRICS.map((m) => (
                <Table.Td key={m} ta="right">
                  {formatNumber(n[m], lng)}
                </Table.Td>
              ))}
              <Table.Td>{n.community + 1}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {n.roles.map((r) => (
                    <Tooltip key={r.role} label={r.rule} multiline maw={320}>
                      <Badge size="sm" variant="light" tabIndex={0}>
                        {t(`network.role.${r.role}`)}
                      </Badge>
                    </Tooltip>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** Details of the selected person: measures and the rule behind each role. */
export function NodeDetails({ node }: { node: NetworkNode }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Card withBorder padding="md" aria-live="polite">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {node.label}
        </Title>
        <Text size="sm">
          {METRICS.map((m) => `${t(`network.metric.${m}`)} ${formatNumber(node[m], lng)}`).join(' · ')}
        </Text>
        {Object.entries(node.attributes)
          .filter(([k, v]) => v !== '' && !['label', 'consent'].includes(k.toLowerCase()))
          .map(([k, v]) => (
            <Text key={k} size="sm" c="dimmed">
              {k}: {v}
            </Text>
          ))}
        {node.roles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('network.role.none')}
          </Text>
        ) : (
          node.roles.map((r) => (
            <Text key={r.role} size="sm">
              <b>{t(`network.role.${r.role}`)}</b> — {t(`network.roleHelp.${r.role}`)} <i>({r.rule})</i>
            </Text>
          ))
        )}
        <Text size="sm" c="dimmed">
          {node.canBeProposed ? t('network.people.consented') : t('network.people.notConsented')}
        </Text>
      </Stack>
    </Card>
  );
}

/** Trust zones: who trusts whom enough to bring a sensitive issue, and who bridges zones. */
export function TrustZonesSection({
  result,
  onSelect,
}: {
  result: NetworkResult;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const labels = new Map(result.nodes.map((n) => [n.id, n.label]));
  const zones = result.trustZones;
  if (!zones) {
    return (
      <Card withBorder padding="lg">
        <Text fw={600}>{t('network.trust.emptyTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('network.trust.emptyBody')}
        </Text>
      </Card>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('network.trust.intro', {
          zones: zones.zones.length,
          modularity: formatNumber(zones.modularity, lng, 2),
        })}
      </Text>
      <ChartWithTable
        title={t('network.trust.chartTitle')}
        description={t('network.trust.chartDescription')}
        data={zones.zones.map((z) => ({
          label: t('network.trust.zone', { n: z.id + 1 }),
          value: z.members.length,
        }))}
        labelHeader={t('network.trust.zoneHeader')}
        valueHeader={t('network.trust.size')}
        format={(v) => formatNumber(v, lng, 0)}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {zones.zones.map((z) => (
          <Card
            key={z.id}
            withBorder
            padding="md"
            component="section"
            aria-label={t('network.trust.zone', { n: z.id + 1 })}
          >
            <Group gap="xs" mb={6}>
              <span
                aria-hidden="true"
                style={{
                  width: 12,
                  height: 12,
                  borderRadius: 6,
                  background: colourOf(z.id),
                  display: 'inline-block',
                }}
              />
              <Text fw={600}>{t('network.trust.zone', { n: z.id + 1 })}</Text>
              <Badge variant="light" size="sm">
                {t('network.trust.density', { value: formatNumber(z.density, lng, 2) })}
              </Badge>
            </Group>
            <Group gap={6}>
              {z.members.map((id) => (
                <Button key={id} size="compact-xs" variant="default" onClick={() => onSelect(id)}>
                  {labels.get(id) ?? id}
                </Button>
              ))}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {zones.withoutTrustTies.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('network.trust.withoutTies', {
            count: zones.withoutTrustTies.length,
            names: zones.withoutTrustTies.map((id) => labels.get(id) ?? id).join(', '),
          })}
        </Text>
      )}
      <Title order={3} size="h4">
        {t('network.trust.bridges')}
      </Title>
      {zones.bridges.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('network.trust.noBridges')}
        </Text>
      ) : (
        <Table withTableBorder striped>
          <Table.Caption>{t('network.trust.bridgesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('network.people.person')}</Table.Th>
              <Table.Th scope="col">{t('network.trust.zonesReached')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('network.trust.participation')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {zones.bridges.slice(0, 20).map((b) => (
              <Table.Tr key={b.id}>
                <Table.Th scope="row" fw={500}>
                  {labels.get(b.id) ?? b.id}
                </Table.Th>
                <Table.Td>{b.zones.map((z) => z + 1).join(', ')}</Table.Td>
                <Table.Td ta="right">{formatNumber(b.participation, lng, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ProposalCard({
  proposal,
  orgId,
  engagementId,
  networkId,
  canManage,
}: {
  proposal: NetworkAnalysis['proposals'][number];
  orgId: string;
  engagementId: string;
  networkId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [note, setNote] = useState('');
  const respond = useRecordProposalResponse(orgId, engagementId, networkId);
  const reason = useProposalReason(proposal.why);
  const colour = proposal.status === 'accepted' ? 'teal' : proposal.status === 'declined' ? 'gray' : 'blue';
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-label={proposal.label}
      data-proposal={proposal.label}
    >
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>
            {proposal.rank}. {proposal.label}
          </Text>
          <Badge color={colour} variant="light">
            {t(`network.agents.status.${proposal.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{reason}</Text>
        <Text size="sm" c="dimmed">
          {t('network.agents.spread', {
            spread: formatNumber(proposal.monteCarloSpread, lng, 1),
            error: formatNumber(proposal.standardError, lng, 2),
          })}
        </Text>
        {proposal.note && (
          <Text size="sm" fs="italic">
            {proposal.note}
          </Text>
        )}
        {canManage && proposal.status === 'proposed' && (
          <Stack gap={6}>
            <Textarea
              label={t('network.agents.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
            />
            <Group gap="xs">
              <Button
                size="xs"
                color="teal"
                loading={respond.isPending}
                onClick={() => respond.mutate({ proposalId: proposal.id, decision: 'accepted', note })}
              >
                {t('network.agents.accepted')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={respond.isPending}
                onClick={() => respond.mutate({ proposalId: proposal.id, decision: 'declined', note })}
              >
                {t('network.agents.declined')}
              </Button>
            </Group>
            {respond.isError && (
              <Text size="sm" c="red">
                {describeError(t, respond.error)}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Change-agent proposals: reasons, Monte-Carlo spread, and the nominee's answer. */
export function ChangeAgentsSection(props: {
  analysis: NetworkAnalysis;
  orgId: string;
  engagementId: string;
  networkId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const result = props.analysis.result!;
  const agents = result.changeAgents;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('network.agents.intro')}
      </Text>
      <Text size="sm">
        {t('network.agents.summary', {
          requested: agents.requested,
          consenting: agents.consenting,
          spread: formatNumber(agents.monteCarloSpread, lng, 1),
          total: result.nodes.length,
        })}
      </Text>
      {props.analysis.proposals.length === 0 ? (
        <Card withBorder padding="lg">
          <Text fw={600}>{t('network.agents.emptyTitle')}</Text>
          <Text size="sm" c="dimmed">
            {agents.consenting === 0 ? t('network.agents.noConsent') : t('network.agents.noneRequested')}
          </Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {props.analysis.proposals.map((p) => (
            <ProposalCard
              key={p.id}
              proposal={p}
              orgId={props.orgId}
              engagementId={props.engagementId}
              networkId={props.networkId}
              canManage={props.canManage}
            />
          ))}
        </SimpleGrid>
      )}
      {props.analysis.proposals.length > 0 && (
        <ChartWithTable
          title={t('network.agents.chartTitle')}
          description={t('network.agents.chartDescription')}
          data={props.analysis.proposals.map((p) => ({ label: p.label, value: p.monteCarloSpread }))}
          labelHeader={t('network.people.person')}
          valueHeader={t('network.agents.reach')}
          format={(v) => formatNumber(v, lng, 1)}
        />
      )}
    </Stack>
  );
}
