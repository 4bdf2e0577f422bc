import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormAlert } from '../../components/form-alert';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type Campaign, type Invitation, useCampaign, useCampaignAction } from './api';
import { LinkRow, PersonalLinks } from './personal-links';
import { CampaignStatusBadge, useInstrumentLabels, useReasonText } from './shared';

/** While open: "threshold reached / not yet" (never a count); once closed: the released counts. */
function Progress({ progress }: { progress: 'reached' | 'not-yet' | null }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={progress === 'reached' ? 'green' : 'gray'} data-testid="progress">
      {t(`diagnostic.counts.${progress === 'reached' ? 'reached' : 'notYet'}`)}
    </Badge>
  );
}

function Counts({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const isOpen = campaign.status === 'open';
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('diagnostic.counts.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {isOpen
            ? t('diagnostic.counts.helpOpen', { min: campaign.thresholds.minRespondents })
            : t('diagnostic.counts.help', { min: campaign.thresholds.minRespondents })}
        </Text>
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder striped data-testid="counts-table">
            <Table.Caption>{t('diagnostic.counts.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('diagnostic.counts.group')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.counts.invited')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.counts.responded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('diagnostic.report.whole')}</Table.Th>
                <Table.Td>{campaign.invited}</Table.Td>
                <Table.Td>
                  {isOpen ? (
                    <Progress progress={campaign.progress} />
                  ) : (
                    (campaign.responded ?? t('diagnostic.counts.hidden'))
                  )}
                </Table.Td>
              </Table.Tr>
              {campaign.collectives.map((c) => (
                <Table.Tr key={c.collectiveId}>
                  <Table.Th scope="row">{c.name}</Table.Th>
                  <Table.Td>{c.invited}</Table.Td>
                  <Table.Td
                    title={
                      !isOpen && c.responded === null ? reasonText(c.reason, campaign.thresholds) : undefined
                    }
                  >
                    {isOpen ? (
                      <Progress progress={c.progress} />
                    ) : (
                      (c.responded ?? t('diagnostic.counts.hidden'))
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

/** One campaign: launch, links to share, response counts, close. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const query = useCampaign(orgId, campaignId);
  const launch = useCampaignAction<{ campaign: Campaign; invitations: Invitation[]; emailed: number }>(
    orgId,
    campaignId,
    'launch',
  );
  const close = useCampaignAction<Campaign>(orgId, campaignId, 'close');
  // Launch and close cannot be undone: each asks first, saying what becomes final.
  const [confirming, setConfirming] = useState<'launch' | 'close' | null>(null);
  const { lng } = useInstrumentLabels(undefined);
  usePageTitle(query.data?.title ?? t('diagnostic.campaigns.title'));
  if (query.isPending) {
    return <PageSkeleton />;
  }
  if (query.isError) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const campaign = query.data;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={<CampaignStatusBadge status={campaign.status} />}
        title={campaign.title}
        description={`${campaign.instrumentName[lng]} · ${t('diagnostic.campaigns.itemCount', { count: campaign.itemCount })}`}
      />
      <Group>
        <Anchor component={Link} to={`/engagements/${campaign.engagementId}/diagnostics`} size="sm">
          {t('diagnostic.backToCampaigns')}
        </Anchor>
        {campaign.status !== 'draft' && (
          <Anchor component={Link} to={`/diagnostics/campaigns/${campaign.id}/report`} size="sm">
            {t('diagnostic.campaigns.openReport')}
          </Anchor>
        )}
      </Group>
      <VisibilityNote>{t('diagnostic.visibility.campaign')}</VisibilityNote>
      {campaign.status === 'draft' && can('survey.manage') && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('diagnostic.launch.title')}
            </Title>
            <Text size="sm">{t('diagnostic.launch.help')}</Text>
            <FormAlert message={launch.isError ? describeError(t, launch.error) : null} />
            <Group>
              <Button onClick={() => setConfirming('launch')} loading={launch.isPending}>
                {t('diagnostic.launch.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {campaign.sharedLink && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('diagnostic.links.sharedTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('diagnostic.links.sharedHelp')}
            </Text>
            <LinkRow label={t('diagnostic.links.shared')} path={campaign.sharedLink} />
          </Stack>
        </Card>
      )}
      {launch.data && launch.data.emailed > 0 && (
        <Text size="sm" data-testid="emailed">
          {t('diagnostic.links.emailed', { count: launch.data.emailed })}
        </Text>
      )}
      {campaign.status !== 'draft' && <PersonalLinks orgId={orgId} campaign={campaign} />}
      {campaign.status !== 'draft' && <Counts campaign={campaign} />}
      {campaign.status === 'open' && can('survey.manage') && (
        <Group>
          <Button
            variant="default"
            color="red"
            onClick={() => setConfirming('close')}
            loading={close.isPending}
          >
            {t('diagnostic.close.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('diagnostic.close.help')}
          </Text>
        </Group>
      )}
      <ConfirmModal
        opened={confirming !== null}
        title={
          confirming === 'launch' ? t('diagnostic.launch.confirmTitle') : t('diagnostic.close.confirmTitle')
        }
        body={
          confirming === 'launch' ? t('diagnostic.launch.confirmBody') : t('diagnostic.close.confirmBody')
        }
        confirmLabel={confirming === 'launch' ? t('diagnostic.launch.submit') : t('diagnostic.close.submit')}
        confirmColor={confirming === 'launch' ? 'honey' : 'red'}
        loading={launch.isPending || close.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          (confirming === 'launch' ? launch : close).mutate(undefined, {
            onSettled: () => setConfirming(null),
          });
        }}
      />
    </Stack>
  );
}
