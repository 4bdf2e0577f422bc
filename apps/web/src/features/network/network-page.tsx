import {
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useRoom } from '../../lib/use-realtime';
import { useCurrentOrg } from '../orgs/use-current-org';
import {
  type NetworkAnalysis,
  type NetworkNode,
  type NetworkSummary,
  networkKeys,
  useAnalysis,
  useNetwork,
  useRunAnalysis,
} from './api';
import { ChartWithTable } from './chart-with-table';
import { NetworkMap } from './network-map';
import { colourOf, formatNumber, METRICS, type Metric, NONE_COLOUR, ROLE_NAMES } from './palette';
import { ChangeAgentsSection, NodeDetails, PeopleTable, TrustZonesSection } from './results-sections';

function RunAnalysisForm({
  network,
  orgId,
  engagementId,
}: {
  network: NetworkSummary;
  orgId: string;
  engagementId: string;
}) {
  const { t } = useTranslation();
  const [relation, setRelation] = useState<string>('');
  const [k, setK] = useState<number>(3);
  const [cover, setCover] = useState(true);
  const run = useRunAnalysis(orgId, engagementId, network.id);
  const running = network.latestAnalysis?.status === 'queued' || network.latestAnalysis?.status === 'running';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="run-analysis-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="run-analysis-title">
          {t('network.analysis.runTitle')}
        </Title>
        <Group align="flex-end" gap="md">
          <Select
            label={t('network.analysis.relation')}
            data={[
              { value: '', label: t('network.analysis.allRelations') },
              ...network.relations.map((r) => ({ value: r, label: r })),
            ]}
            value={relation}
            onChange={(v) => setRelation(v ?? '')}
            allowDeselect={false}
            w={280}
          />
          <NumberInput
            label={t('network.analysis.changeAgents')}
            min={0}
            max={20}
            value={k}
            onChange={(v) => setK(typeof v === 'number' ? v : 0)}
            w={180}
          />
          <Checkbox
            label={t('network.analysis.cover')}
            checked={cover}
            onChange={(e) => setCover(e.currentTarget.checked)}
            mb={8}
          />
          <Button
            onClick={() => run.mutate({ relation: relation || null, changeAgents: k, coverGroups: cover })}
            loading={run.isPending}
            disabled={running || network.nodeCount === 0}
          >
            {t('network.analysis.run')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('network.analysis.runHelp')}
        </Text>
        {run.isError && <Alert color="red">{describeError(t, run.error)}</Alert>}
      </Stack>
    </Card>
  );
}

/** Stage the server gives an analysis that a restart interrupted (jobs live in memory). */
const INTERRUPTED_STAGE = 'interrupted';

/** An analysis a server restart interrupted: say so plainly and offer to run it again as it was. */
function InterruptedAnalysis({
  orgId,
  engagementId,
  networkId,
  options,
  canRun,
}: {
  orgId: string;
  engagementId: string;
  networkId: string;
  options: NetworkAnalysis['options'] | null;
  canRun: boolean;
}) {
  const { t } = useTranslation();
  const run = useRunAnalysis(orgId, engagementId, networkId);
  return (
    <Alert color="orange" title={t('network.analysis.interruptedTitle')} data-testid="analysis-interrupted">
      <Stack gap="xs">
        <Text size="sm">{t('network.analysis.interruptedBody')}</Text>
        {canRun ? (
          <Group>
            <Button
              size="xs"
              loading={run.isPending}
              onClick={() =>
                run.mutate({
                  relation: options?.relation ?? null,
                  changeAgents: options?.changeAgents ?? 3,
                  coverGroups: options?.coverGroups ?? true,
                })
              }
            >
              {t('network.analysis.runAgain')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('network.analysis.interruptedAsk')}</Text>
        )}
        {run.isError && <Text size="sm">{describeError(t, run.error)}</Text>}
      </Stack>
    </Alert>
  );
}

function AnalysisProgress({ analysis }: { analysis: NonNullable<NetworkSummary['latestAnalysis']> }) {
  const { t } = useTranslation();
  if (analysis.status === 'failed' || analysis.status === 'cancelled') {
    return (
      <Alert color="red" title={t(`network.analysis.status.${analysis.status}`)}>
        {analysis.error ?? t('network.analysis.cancelledHelp')}
      </Alert>
    );
  }
  if (analysis.status === 'done') {
    return null;
  }
  const percent = Math.round(analysis.progress * 100);
  return (
    <Card withBorder padding="md" role="status" aria-live="polite">
      <Text size="sm" mb={6}>
        {t('network.analysis.progress', { stage: analysis.stage, percent })}
      </Text>
      <Progress value={Math.max(5, percent)} animated aria-label={t('network.analysis.progressLabel')} />
    </Card>
  );
}

type ColourBy = 'community' | 'role' | 'trustZone' | `attr:${string}`;

function useColouring(result: NetworkAnalysis['result'], colourBy: ColourBy) {
  const { t } = useTranslation();
  return useMemo(() => {
    const nodes = result?.nodes ?? [];
    if (colourBy === 'community') {
      return {
        colourOf: (n: NetworkNode) => colourOf(n.community),
        legend: (result?.communities ?? []).map((c) => ({
          colour: colourOf(c.id),
          label: t('network.map.community', { n: c.id + 1, count: c.size }),
        })),
      };
    }
    if (colourBy === 'trustZone') {
      return {
        colourOf: (n: NetworkNode) => (n.trustZone === null ? NONE_COLOUR : colourOf(n.trustZone)),
        legend: (result?.trustZones?.zones ?? []).map((z) => ({
          colour: colourOf(z.id),
          label: t('network.trust.zone', { n: z.id + 1 }),
        })),
      };
    }
    if (colourBy === 'role') {
      const index = (n: NetworkNode) => {
        const first = n.roles[0];
        return first ? ROLE_NAMES.indexOf(first.role) : -1;
      };
      return {
        colourOf: (n: NetworkNode) => colourOf(index(n)),
        legend: [
          ...ROLE_NAMES.map((r, i) => ({ colour: colourOf(i), label: t(`network.role.${r}`) })),
          { colour: NONE_COLOUR, label: t('network.role.none') },
        ],
      };
    }
    const column = colourBy.slice(5);
    const values = [...new Set(nodes.map((n) => n.attributes[column] ?? '').filter((v) => v !== ''))].sort();
    return {
      colourOf: (n: NetworkNode) => colourOf(values.indexOf(n.attributes[column] ?? '')),
      legend: [
        ...values.slice(0, 12).map((v, i) => ({ colour: colourOf(i), label: v })),
        { colour: NONE_COLOUR, label: t('network.map.noValue') },
      ],
    };
  }, [result, colourBy, t]);
}

function Results({
  network,
  analysis,
  orgId,
  engagementId,
  canManage,
}: {
  network: NetworkSummary;
  analysis: NetworkAnalysis;
  orgId: string;
  engagementId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const result = analysis.result!;
  const [colourBy, setColourBy] = useState<ColourBy>('community');
  const [sizeBy, setSizeBy] = useState<Metric>('betweenness');
  const [relation, setRelation] = useState<string>('');
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [tab, setTab] = useState<string | null>('map');
  const { colourOf: colour, legend } = useColouring(result, colourBy);
  const onSelect = useCallback((id: string | null) => setSelected(id), []);
  const agents = useMemo(() => new Set(analysis.proposals.map((p) => p.nodeId)), [analysis.proposals]);
  const selectedNode = result.nodes.find((n) => n.id === selected) ?? null;
  const labelToId = useMemo(() => new Map(result.nodes.map((n) => [`${n.label} (${n.id})`, n.id])), [result]);
  const relations = [...new Set(result.edges.map((e) => e.relation))].sort();
  const top = [...result.nodes].sort((a, b) => b[sizeBy] - a[sizeBy]).slice(0, 10);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {[
          [t('network.stats.people'), formatNumber(result.nodes.length, lng, 0)],
          [t('network.stats.density'), formatNumber(result.density, lng, 3)],
          [
            t('network.stats.communities'),
            `${result.communities.length} (Q = ${formatNumber(result.modularity, lng, 2)})`,
          ],
          [
            result.reciprocity === null ? t('network.stats.components') : t('network.stats.reciprocity'),
            result.reciprocity === null
              ? formatNumber(result.components, lng, 0)
              : formatNumber(result.reciprocity, lng, 2),
          ],
        ].map(([label, value]) => (
          <Card key={label} withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} fz="lg">
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="map">{t('network.tabs.map')}</Tabs.Tab>
          <Tabs.Tab value="people">{t('network.tabs.people')}</Tabs.Tab>
          <Tabs.Tab value="trust">{t('network.tabs.trust')}</Tabs.Tab>
          <Tabs.Tab value="agents">{t('network.tabs.agents', { count: analysis.proposals.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="map" pt="md">
          <Stack gap="sm">
            <Group align="flex-end" gap="sm">
              <Select
                label={t('network.map.colourBy')}
                value={colourBy}
                onChange={(v) => setColourBy((v as ColourBy | null) ?? 'community')}
                allowDeselect={false}
                data={[
                  { value: 'community', label: t('network.map.byCommunity') },
                  { value: 'role', label: t('network.map.byRole') },
                  ...(result.trustZones ? [{ value: 'trustZone', label: t('network.map.byTrustZone') }] : []),
                  ...network.attributeColumns
                    .filter((c) => c.toLowerCase() !== 'consent' && c.toLowerCase() !== 'label')
                    .map((c) => ({ value: `attr:${c}`, label: t('network.map.byAttribute', { name: c }) })),
                ]}
                w={200}
              />
              <Select
                label={t('network.map.sizeBy')}
                value={sizeBy}
                onChange={(v) => setSizeBy((v as Metric | null) ?? 'degree')}
                allowDeselect={false}
                data={METRICS.map((m) => ({ value: m, label: t(`network.metric.${m}`) }))}
                w={180}
              />
              <Select
                label={t('network.map.relation')}
                value={relation}
                onChange={(v) => setRelation(v ?? '')}
                allowDeselect={false}
                data={[
                  { value: '', label: t('network.map.allRelations') },
                  ...relations.map((r) => ({ value: r, label: r })),
                ]}
                w={180}
              />
              <Autocomplete
                label={t('network.map.search')}
                placeholder={t('network.map.searchPlaceholder')}
                data={[...labelToId.keys()]}
                value={search}
                onChange={setSearch}
                onOptionSubmit={(v) => setSelected(labelToId.get(v) ?? null)}
                limit={8}
                w={240}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, lg: 4 }}>
              <div style={{ gridColumn: 'span 3' }}>
                <NetworkMap
                  result={result}
                  isDirected={network.isDirected}
                  colourOf={colour}
                  sizeBy={sizeBy}
                  relation={relation || null}
                  selected={selected}
                  onSelect={onSelect}
                  highlighted={agents}
                />
              </div>
              <Stack gap="sm">
                <Card withBorder padding="sm" component="section" aria-label={t('network.map.legend')}>
                  <Text size="sm" fw={600} mb={4}>
                    {t('network.map.legend')}
                  </Text>
                  <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {legend.map((l) => (
                      <Group key={l.label} gap={6} component="li" wrap="nowrap">
                        <span
                          aria-hidden="true"
                          style={{
                            width: 10,
                            height: 10,
                            borderRadius: 5,
                            background: l.colour,
                            flexShrink: 0,
                          }}
                        />
                        <Text size="xs">{l.label}</Text>
                      </Group>
                    ))}
                  </Stack>
                  <Text size="xs" c="dimmed" mt={6}>
                    {t('network.map.sizeLegend', { metric: t(`network.metric.${sizeBy}`) })}
                  </Text>
                </Card>
                {selectedNode ? (
                  <NodeDetails node={selectedNode} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('network.map.selectHint')}
                  </Text>
                )}
              </Stack>
            </SimpleGrid>
            <ChartWithTable
              title={t('network.chart.topTitle', { metric: t(`network.metric.${sizeBy}`) })}
              description={t(`network.metricHelp.${sizeBy}`)}
              data={top.map((n) => ({ label: n.label, value: n[sizeBy] }))}
              labelHeader={t('network.people.person')}
              valueHeader={t(`network.metric.${sizeBy}`)}
              format={(v) => formatNumber(v, lng)}
            />
            <ChartWithTable
              title={t('network.chart.communitiesTitle')}
              description={t('network.chart.communitiesDescription')}
              data={result.communities.map((c) => ({
                label: t('network.map.communityShort', { n: c.id + 1 }),
                value: c.size,
              }))}
              labelHeader={t('network.people.community')}
              valueHeader={t('network.trust.size')}
              format={(v) => formatNumber(v, lng, 0)}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <Stack gap="sm">
            {selectedNode && <NodeDetails node={selectedNode} />}
            <PeopleTable
              result={result}
              sortBy={sizeBy}
              onSort={setSizeBy}
              onSelect={setSelected}
              selected={selected}
            />
            {result.betweennessMethod === 'approximate' && (
              <Text size="xs" c="dimmed">
                {t('network.people.approximate')}
              </Text>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="trust" pt="md">
          <TrustZonesSection
            result={result}
            onSelect={(id) => {
              setSelected(id);
              setTab('map');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="agents" pt="md">
          <ChangeAgentsSection
            analysis={analysis}
            orgId={orgId}
            engagementId={engagementId}
            networkId={network.id}
            canManage={canManage}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** `/engagements/:id/network/:networkId`: run the analysis, follow its progress, explore the results. */
export function NetworkPage() {
  const { t } = useTranslation();
  const { engagementId = '', networkId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const network = useNetwork(orgId, engagementId, networkId);
  const queryClient = useQueryClient();
  // Progress is also pushed over the WebSocket (room network:<id>); polling remains the fallback.
  useRoom(networkId ? `network:${networkId}` : null, (message) => {
    if (message.type === 'event') {
      void queryClient.invalidateQueries({ queryKey: networkKeys.one(orgId, engagementId, networkId) });
    }
  });
  const latest = network.data?.latestAnalysis ?? null;
  const isInterrupted = latest?.status === 'failed' && latest.stage === INTERRUPTED_STAGE;
  const analysis = useAnalysis(
    orgId,
    engagementId,
    networkId,
    latest?.status === 'done' || isInterrupted ? (latest?.id ?? null) : null,
  );
  usePageTitle(network.data?.title ?? t('network.title'));

  if (network.isPending) {
    return <PageSkeleton />;
  }
  if (network.isError) {
    return <QueryError error={network.error} onRetry={() => void network.refetch()} />;
  }
  const n = network.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/engagements/${engagementId}/network`} size="sm">
        ← {t('network.backToList')}
      </Anchor>
      <PageHeader
        title={n.title}
        description={t('network.list.counts', { nodes: n.nodeCount, edges: n.edgeCount })}
      />
      <VisibilityNote>{t('network.visibility.facilitators')}</VisibilityNote>
      {n.survey && (
        <Text size="sm">
          {t('network.list.surveyCounts', {
            invited: n.survey.invited,
            consented: n.survey.consented,
            submitted: n.survey.submitted,
            roster: n.survey.rosterSize,
          })}
        </Text>
      )}
      {can('network.manage') && <RunAnalysisForm network={n} orgId={orgId} engagementId={engagementId} />}
      {latest && isInterrupted && (
        <InterruptedAnalysis
          orgId={orgId}
          engagementId={engagementId}
          networkId={networkId}
          options={analysis.data?.options ?? null}
          canRun={can('network.manage')}
        />
      )}
      {latest && !isInterrupted && <AnalysisProgress analysis={latest} />}
      {!latest && (
        <Card withBorder padding="lg">
          <Text fw={600}>{t('network.analysis.noneTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('network.analysis.noneBody')}
          </Text>
        </Card>
      )}
      {analysis.isError && <QueryError error={analysis.error} onRetry={() => void analysis.refetch()} />}
      {analysis.data?.result && (
        <Results
          network={n}
          analysis={analysis.data}
          orgId={orgId}
          engagementId={engagementId}
          canManage={can('network.manage')}
        />
      )}
    </Stack>
  );
}
