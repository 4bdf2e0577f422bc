import { Alert, Anchor, Avatar, Badge, Grid, Group, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { realtime, useRealtimeStatus } from '../../lib/use-realtime';
import { useSignedInMe } from '../auth/session';
import { useCurrentOrg } from '../orgs/use-current-org';
import { AdoptionCard } from './adoption-card';
import { AmendmentsPanel } from './amendments-panel';
import { charterKeys, charterUrl, useCharter } from './api';
import { CharterEditor } from './charter-editor';
import { CommentsPanel } from './comments-panel';
import { CommitmentsPanel } from './commitments-panel';
import { RoadmapPanel } from './roadmap-panel';
import { useCharterSync, useClauses, usePeers, useSyncState } from './use-charter-sync';
import { VersionsPanel } from './versions-panel';

/** Dark enough for white label text (WCAG AA) in both colour schemes. */
const CARET_COLORS = ['#9c3d00', '#1f5f8b', '#2f6b2f', '#7a3b8f', '#8a5a00', '#b03060'];

/** Initials of a display name: first letters of its first two words ("Ada Lovelace" → "AL", "émile" → "ÉM"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length >= 2
      ? [...words[0]!].slice(0, 1).concat([...words[1]!].slice(0, 1))
      : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toLocaleUpperCase();
}

/** One charter: the shared editor with presence, and its comments, amendments, versions and commitments. */
export function CharterPage() {
  const { t } = useTranslation();
  const { engagementId = '', charterId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const me = useSignedInMe();
  const charter = useCharter(orgId, engagementId, charterId);
  usePageTitle(charter.data?.title ?? t('charters.title'));
  const sync = useCharterSync(charterId);
  const state = useSyncState(sync);
  const clauses = useClauses(sync);
  const peers = usePeers(sync);
  const status = useRealtimeStatus();
  const qc = useQueryClient();
  const user = useMemo(
    () => ({
      name: me.user.displayName,
      color: CARET_COLORS[me.user.id.charCodeAt(0) % CARET_COLORS.length]!,
    }),
    [me.user.displayName, me.user.id],
  );
  useEffect(() => {
    sync?.awareness.setLocalStateField('user', user);
  }, [sync, user]);
  useEffect(
    () =>
      realtime.on('charter.changed', (m) => {
        if (m.charterId === charterId) {
          void qc.invalidateQueries({ queryKey: charterKeys.all });
        }
      }),
    [charterId, qc],
  );
  const data = charter.data;
  const rights = data?.rights;
  const reason = (state.synced ? state.readOnlyReason : (rights?.readOnlyReason ?? null)) as
    | 'adopted'
    | 'stopped'
    | 'paused'
    | 'role'
    | null;
  const base = charterUrl(orgId, engagementId, charterId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/engagements/${engagementId}/charters`} size="sm">
        {t('charters.title')}
      </Anchor>
      {charter.error && <QueryError error={charter.error} />}
      {data && (
        <>
          <PageHeader
            title={data.title}
            eyebrow={
              <Group gap="xs">
                <Badge variant="light">{t(`charters.kinds.${data.kind}`)}</Badge>
                <Badge variant="light" color={data.status === 'adopted' ? 'honey' : 'gray'}>
                  {t(`charters.status.${data.status}`)}
                </Badge>
                {data.isReviewDue && (
                  <Badge variant="light" color="orange" data-testid="charter-review-due">
                    {t('charters.review.badge')}
                  </Badge>
                )}
              </Group>
            }
          />
          <Group gap="xs">
            <Anchor href={`${base}/export.md`} size="sm">
              {t('charters.export.markdown')}
            </Anchor>
            <Anchor href={`${base}/export.docx`} size="sm">
              {t('charters.export.docx')}
            </Anchor>
            <Anchor href={`${base}/export.pdf`} size="sm">
              {t('charters.export.pdf')}
            </Anchor>
            <Anchor
              component={Link}
              to={`/engagements/${engagementId}/charters/${charterId}/print`}
              size="sm"
            >
              {t('charters.export.print')}
            </Anchor>
          </Group>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm">
                <Group gap="xs" aria-live="polite" data-testid="charter-presence">
                  <Text size="sm" fw={600}>
                    {t('charters.editor.here')}
                  </Text>
                  {peers.map((p) => (
                    <Tooltip key={p.clientId} label={p.name}>
                      <Avatar
                        size="sm"
                        variant="filled"
                        // The initials live in Mantine's placeholder, which paints its own colours over the root.
                        styles={{ placeholder: { background: p.color, color: '#fff' } }}
                        aria-label={p.name}
                        data-testid="charter-peer-avatar"
                      >
                        {initialsOf(p.name)}
                      </Avatar>
                    </Tooltip>
                  ))}
                  <Text size="xs" c="dimmed" data-testid="charter-peer-names">
                    {peers
                      .map((p) =>
                        p.clientId === sync?.doc.clientID
                          ? `${p.name} (${t('charters.editor.you')})`
                          : p.name,
                      )
                      .join(', ')}
                  </Text>
                </Group>
                {status !== 'open' && status !== 'idle' && (
                  <Alert color="yellow">
                    {status === 'connecting' ? t('charters.editor.connecting') : t('charters.editor.offline')}
                  </Alert>
                )}
                {reason && <Alert color="gray">{t(`charters.readOnly.${reason}`)}</Alert>}
                {sync && <CharterEditor sync={sync} editable={state.synced && !state.readOnly} user={user} />}
                <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {t('charters.editor.hash')}: {data.contentHash}
                </Text>
                <AdoptionCard
                  orgId={orgId}
                  engagementId={engagementId}
                  charter={data}
                  canAdopt={
                    can('decision.record') &&
                    data.rights.readOnlyReason !== 'stopped' &&
                    data.rights.readOnlyReason !== 'paused'
                  }
                  canReopen={can('engagement.update')}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Tabs defaultValue="comments" keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="comments">{t('charters.tabs.comments')}</Tabs.Tab>
                  <Tabs.Tab value="amendments">{t('charters.tabs.amendments')}</Tabs.Tab>
                  <Tabs.Tab value="versions">{t('charters.tabs.versions')}</Tabs.Tab>
                  <Tabs.Tab value="commitments">{t('charters.tabs.commitments')}</Tabs.Tab>
                  <Tabs.Tab value="roadmap">{t('charters.tabs.roadmap')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="comments" pt="sm">
                  <CommentsPanel
                    orgId={orgId}
                    engagementId={engagementId}
                    charterId={charterId}
                    clauses={clauses}
                    canComment={data.rights.canComment}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="amendments" pt="sm">
                  <AmendmentsPanel
                    orgId={orgId}
                    engagementId={engagementId}
                    charterId={charterId}
                    clauses={clauses}
                    canPropose={data.rights.canComment && data.status !== 'adopted'}
                    canDecide={data.rights.canEdit}
                    canPutToDecision={
                      can('decision.record') &&
                      data.rights.readOnlyReason !== 'stopped' &&
                      data.rights.readOnlyReason !== 'paused'
                    }
                    editorsMayDecide={data.editorsMayDecide}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="versions" pt="sm">
                  <VersionsPanel
                    orgId={orgId}
                    engagementId={engagementId}
                    charterId={charterId}
                    canEdit={data.rights.canEdit}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="commitments" pt="sm">
                  <CommitmentsPanel
                    orgId={orgId}
                    engagementId={engagementId}
                    charterId={charterId}
                    adoptedHash={data.adoptedHash}
                    canCommit={data.rights.canCommit}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="roadmap" pt="sm">
                  <RoadmapPanel
                    orgId={orgId}
                    engagementId={engagementId}
                    charterId={charterId}
                    clauses={clauses}
                    canLink={can('engagement.update')}
                  />
                </Tabs.Panel>
              </Tabs>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
