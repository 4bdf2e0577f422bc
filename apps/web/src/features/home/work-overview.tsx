import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { formatDayMonth } from '../../lib/format';
import { type Campaign, campaignsPath, diagnosticKeys } from '../diagnostics/api';
import { type EngagementSummary, useEngagements } from '../engagements/api';
import { useWorkshops } from '../workshops/api';

/** A campaign "closes soon" when its planned close is within this many days. */
const CLOSING_SOON_DAYS = 7;
/** Campaigns are listed per engagement: ask for the most recently updated ones only. */
const MAX_ENGAGEMENTS_FOR_CAMPAIGNS = 8;

function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {empty === null ? (
          children
        ) : (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * What a signed-in person is working on in the current organisation: open engagements, live
 * workshops, campaigns open or closing soon. Decisions due will join once decisions have an API.
 */
export function WorkOverview({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const engagements = useEngagements(orgId);
  const workshops = useWorkshops(orgId);
  const open: EngagementSummary[] = (engagements.data ?? []).filter((e) => e.status.status !== 'stopped');
  const recent = [...open]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, MAX_ENGAGEMENTS_FOR_CAMPAIGNS);
  const campaignQueries = useQueries({
    queries: recent.map((e) => ({
      queryKey: diagnosticKeys.campaigns(orgId, e.id),
      queryFn: () => api.get<{ campaigns: Campaign[] }>(campaignsPath(orgId, e.id)),
      select: (d: { campaigns: Campaign[] }) => d.campaigns,
    })),
  });
  const now = Date.now();
  const campaigns = campaignQueries
    .flatMap((q) => q.data ?? [])
    .filter((c) => c.status === 'open')
    .sort((a, b) => (a.closesAt ?? '9999').localeCompare(b.closesAt ?? '9999'));
  const liveWorkshops = (workshops.data ?? [])
    .filter((w) => w.status !== 'stopped')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 6);
  if (engagements.isPending || workshops.isPending) {
    return <Skeleton height={220} radius="md" />;
  }
  return (
    <Stack gap="md" data-testid="work-overview">
      <Title order={1} fz={28}>
        {t('home.work.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Section
          title={t('home.work.engagements')}
          empty={open.length === 0 ? t('home.work.noEngagement') : null}
        >
          <Stack gap={6}>
            {open.slice(0, 6).map((e) => (
              <Group key={e.id} justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/engagements/${e.id}`} size="sm" lineClamp={1}>
                  {e.title}
                </Anchor>
                {e.currentPhase ? (
                  <Badge size="sm" variant="light">
                    {t(`engagement.phases.${e.currentPhase as 'listen'}.label`)}
                  </Badge>
                ) : null}
              </Group>
            ))}
          </Stack>
        </Section>
        <Section
          title={t('home.work.workshops')}
          empty={liveWorkshops.length === 0 ? t('home.work.noWorkshop') : null}
        >
          <Stack gap={6}>
            {liveWorkshops.map((w) => (
              <Group key={w.id} justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/workshops/${w.id}`} size="sm" lineClamp={1}>
                  {w.title}
                </Anchor>
                <Badge size="sm" color={w.status === 'running' ? 'teal' : 'yellow'} variant="light">
                  {t(`home.work.workshopStatus.${w.status === 'running' ? 'running' : 'paused'}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Section>
        <Section
          title={t('home.work.campaigns')}
          empty={campaigns.length === 0 ? t('home.work.noCampaign') : null}
        >
          <Stack gap={6}>
            {campaigns.slice(0, 6).map((c) => {
              const closes = c.closesAt ? new Date(c.closesAt) : null;
              const isSoon = closes !== null && closes.getTime() - now < CLOSING_SOON_DAYS * 24 * 3600 * 1000;
              return (
                <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/diagnostics/campaigns/${c.id}`} size="sm" lineClamp={1}>
                    {c.title}
                  </Anchor>
                  {closes ? (
                    <Badge size="sm" color={isSoon ? 'orange' : 'gray'} variant="light">
                      {t('home.work.closesOn', { date: formatDayMonth(c.closesAt) })}
                    </Badge>
                  ) : null}
                </Group>
              );
            })}
          </Stack>
        </Section>
        {/* Decisions due: to be listed here once the decisions feature exposes an API (nothing shown until then). */}
      </SimpleGrid>
    </Stack>
  );
}
