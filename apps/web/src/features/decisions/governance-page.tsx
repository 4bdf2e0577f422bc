import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import {
  type GovernanceMapView,
  tx,
  useAdoptMap,
  useCreateMap,
  useGovernance,
  useGovernanceMeeting,
} from './api';
import { MapEditor } from './map-editor';
import { MapExports, MapPicture, MapTables } from './map-picture';
import { RULE_IDS } from './new-proposal-form';

function MapCard({ orgId, map, label }: { orgId: string; map: GovernanceMapView; label: string }) {
  const { t } = useTranslation();
  return (
    <Card p="lg" component="section" aria-label={`${label} — ${map.title}`} data-testid={`map-${map.status}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Title order={2} size="h4">
              {map.title}
            </Title>
          </Stack>
          <MapExports orgId={orgId} mapId={map.id} title={map.title} data={map.data} />
        </Group>
        {map.decisionId && (
          <Badge variant="light" color="teal">
            {t('decisions.governance.adoptedBy')}
          </Badge>
        )}
        <Tabs defaultValue="picture">
          <Tabs.List>
            <Tabs.Tab value="picture">{t('decisions.governance.picture')}</Tabs.Tab>
            <Tabs.Tab value="table">{t('decisions.governance.table')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="picture" pt="sm">
            <MapPicture data={map.data} title={map.title} changes={map.changes} />
          </Tabs.Panel>
          <Tabs.Panel value="table" pt="sm">
            <MapTables data={map.data} changes={map.changes} />
          </Tabs.Panel>
        </Tabs>
        {map.missingDoubleLinks.map((m) => (
          <Text key={m.circleId} size="xs" c="dimmed">
            {t('decisions.governance.missingLinks', {
              circle: map.data.circles.find((c) => c.id === m.circleId)?.name ?? m.circleId,
            })}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

function AdoptForm({ orgId, map }: { orgId: string; map: GovernanceMapView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const engagements = useEngagements(orgId);
  const adopt = useAdoptMap(orgId, map.id);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [rule, setRule] = useState('consent');
  const [reviewOn, setReviewOn] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!engagementId) {
      return;
    }
    adopt.mutate(
      {
        engagementId,
        rule,
        deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
        ...(reviewOn ? { reviewOn } : {}),
      },
      { onSuccess: (r) => navigate(`/engagements/${engagementId}/proposals/${r.proposal.id}`) },
    );
  };
  if (map.proposalId) {
    return (
      <Alert color="blue" variant="light">
        {t('decisions.governance.beingDecided')}
      </Alert>
    );
  }
  return (
    <Card p="lg" component="section" aria-labelledby="adopt-title">
      <form onSubmit={submit} data-testid="adopt-form">
        <Stack gap="sm">
          <Title order={3} size="h4" id="adopt-title">
            {t('decisions.governance.adopt')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('decisions.governance.adoptIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('decisions.governance.engagement')}
              required
              data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
              value={engagementId}
              onChange={setEngagementId}
            />
            <Select
              label={t('decisions.proposals.rule')}
              allowDeselect={false}
              data={RULE_IDS.map((r) => ({ value: r, label: tx(t, `decisions.rules.${r}`) }))}
              value={rule}
              onChange={(v) => setRule(v ?? 'consent')}
            />
            <TextInput
              type="date"
              label={t('decisions.proposals.reviewOn')}
              value={reviewOn}
              onChange={(e) => setReviewOn(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={adopt.isPending} disabled={!engagementId}>
              {t('decisions.governance.adoptSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Who decides what: the current map and proposed maps side by side, their difference, and adoption. */
export function GovernancePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('decisions.governance.title'));
  const navigate = useNavigate();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const overview = useGovernance(orgId);
  const create = useCreateMap(orgId);
  const meeting = useGovernanceMeeting(orgId);
  const [title, setTitle] = useState('');
  const canRecord = can('decision.record');
  const current = overview.data?.current ?? null;
  const proposed = overview.data?.proposed ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ title }, { onSuccess: () => setTitle('') });
  };
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/decisions" size="sm">
        {t('decisions.register.title')}
      </Anchor>
      <PageHeader title={t('decisions.governance.title')} description={t('decisions.governance.intro')} />
      {overview.error && <QueryError error={overview.error} />}
      {overview.data && !current && <Text c="dimmed">{t('decisions.governance.empty')}</Text>}
      {canRecord && (
        <Card p="lg">
          <form onSubmit={submit} data-testid="create-map">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('decisions.governance.mapTitle')}
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
                {current ? t('decisions.governance.createProposed') : t('decisions.governance.createCurrent')}
              </Button>
              {can('methods.manage') && (
                <Button
                  variant="light"
                  loading={meeting.isPending}
                  onClick={() =>
                    meeting.mutate(
                      { language: i18n.language === 'en' ? 'en' : 'fr' },
                      {
                        onSuccess: (a) => {
                          notifications.show({
                            color: 'teal',
                            message: t('decisions.governance.meetingCreated'),
                          });
                          navigate(`/agendas/${a.id}`);
                        },
                      },
                    )
                  }
                >
                  {t('decisions.governance.meeting')}
                </Button>
              )}
            </Group>
          </form>
        </Card>
      )}
      {current && proposed.length === 0 && (
        <MapCard orgId={orgId} map={current} label={t('decisions.governance.current')} />
      )}
      {current && canRecord && proposed.length === 0 && current.data.circles.length === 0 && (
        <MapEditor key={current.id} orgId={orgId} mapId={current.id} initial={current.data} />
      )}
      {proposed.map((p) => (
        <Stack key={p.id} gap="md">
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {current && <MapCard orgId={orgId} map={current} label={t('decisions.governance.current')} />}
            <MapCard orgId={orgId} map={p} label={t('decisions.governance.proposed')} />
          </SimpleGrid>
          <Card p="lg" component="section" aria-labelledby={`changes-${p.id}`}>
            <Title order={3} size="h4" id={`changes-${p.id}`} mb="xs">
              {t('decisions.governance.changes')}
            </Title>
            {p.changes.length === 0 ? (
              <Text c="dimmed">{t('decisions.governance.noChange')}</Text>
            ) : (
              <List data-testid="map-changes">
                {p.changes.map((c) => (
                  <List.Item key={`${c.entity}-${c.id}`}>
                    <Badge
                      size="sm"
                      mr={6}
                      color={c.change === 'added' ? 'teal' : c.change === 'removed' ? 'red' : 'orange'}
                      variant="light"
                    >
                      {tx(t, `decisions.governance.change.${c.change}`)}
                    </Badge>
                    {tx(t, `decisions.governance.entity.${c.entity}`)} · {c.name}
                    {c.fields.length > 0 && ` (${c.fields.join(', ')})`}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
          {canRecord && !p.proposalId && (
            <MapEditor key={`${p.id}-${p.changes.length}`} orgId={orgId} mapId={p.id} initial={p.data} />
          )}
          {canRecord && <AdoptForm orgId={orgId} map={p} />}
        </Stack>
      ))}
    </Stack>
  );
}
