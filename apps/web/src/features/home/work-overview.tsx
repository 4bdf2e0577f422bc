import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { formatDayMonth } from '../../lib/format';
import { decisionKeys, type ProposalList, useRegister } from '../decisions/api';
import { type Campaign, campaignsPath, diagnosticKeys } from '../diagnostics/api';
import { type EngagementSummary, useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useWorkshops } from '../workshops/api';

/** A campaign "closes soon" (and a proposal is "due soon") when its date is within this many days. */
const CLOSING_SOON_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;
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

/** An open proposal of one of the person's engagements, or a decision whose review date has come. */
interface DueDecision {
  key: string;
  title: string;
  to: string;
  date: string | null;
  kind: 'proposal' | 'review';
}

/**
 * What a signed-in person is working on in the current organisation: open engagements, live
 * workshops, campaigns open or closing soon, and decisions due (open proposals by deadline, then
 * decisions whose review date has come).
 */
export function WorkOverview({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  // Campaign lists (with response rates) are for the roles that read reports; members answer
  // through their personal link instead, so their overview does not ask (the server would refuse).
  const canReadCampaigns = can('survey.readReport');
  const engagements = useEngagements(orgId);
  const workshops = useWorkshops(orgId);
  const open: EngagementSummary[] = (engagements.data ?? []).filter((e) => e.status.status !== 'stopped');
  const recent = [...open]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, MAX_ENGAGEMENTS_FOR_CAMPAIGNS);
  const campaignQueries = useQueries({
    queries: (canReadCampaigns ? recent : []).map((e) => ({
      queryKey: diagnosticKeys.campaigns(orgId, e.id),
      queryFn: () => api.get<{ campaigns: Campaign[] }>(campaignsPath(orgId, e.id)),
      select: (d: { campaigns: Campaign[] }) => d.campaigns,
    })),
  });
  const proposalQueries = useQueries({
    queries: recent.map((e) => ({
      queryKey: decisionKeys.proposals(orgId, e.id),
      queryFn: () =>
        api.get<ProposalList>(`/api/orgs/${orgId}/engagements/${encodeURIComponent(e.id)}/proposals`),
      select: (d: ProposalList) =>
        d.proposals
          .filter((p) => p.status === 'open')
          .map((p) => ({
            key: p.id,
            title: p.title,
            to: `/engagements/${e.id}/proposals/${p.id}`,
            date: p.deadline,
            kind: 'proposal' as const,
          })),
    })),
  });
  const reviews = useRegister(orgId, { dueForReview: 'true' });
  const now = Date.now();
  const dueDecisions: DueDecision[] = [
    ...proposalQueries
      .flatMap((q) => q.data ?? [])
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')),
    ...(reviews.data?.decisions ?? []).map((d) => ({
      key: d.id,
      title: d.title,
      to: '/decisions',
      date: d.reviewOn,
      kind: 'review' as const,
    })),
  ];
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
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
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
          empty={
            canReadCampaigns
              ? campaigns.length === 0
                ? t('home.work.noCampaign')
                : null
              : t('home.work.campaignsByLink')
          }
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
        <Section
          title={t('home.work.decisions')}
          empty={dueDecisions.length === 0 ? t('home.work.noDecision') : null}
        >
          <Stack gap={6} data-testid="decisions-due">
            {dueDecisions.slice(0, 6).map((d) => {
              const at = d.date ? new Date(d.date).getTime() : null;
              const isLate = at !== null && at < now;
              const isSoon = at !== null && at - now < CLOSING_SOON_DAYS * DAY_MS;
              return (
                <Group key={d.key} justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={d.to} size="sm" lineClamp={1}>
                    {d.title}
                  </Anchor>
                  {d.kind === 'review' ? (
                    <Badge size="sm" color="grape" variant="light">
                      {t('home.work.reviewDue')}
                    </Badge>
                  ) : d.date ? (
                    <Badge
                      size="sm"
                      color={isLate ? 'red' : isSoon ? 'orange' : 'gray'}
                      variant="light"
                      // The date is what matters here: the title is the one cut short on a phone.
                      style={{ flexShrink: 0 }}
                    >
                      {t(isLate ? 'home.work.overdue' : 'home.work.dueOn', { date: formatDayMonth(d.date) })}
                    </Badge>
                  ) : null}
                </Group>
              );
            })}
          </Stack>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
