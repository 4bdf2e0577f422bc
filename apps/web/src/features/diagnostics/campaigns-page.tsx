import type { CreateCampaignBody } from '@essaim/contracts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PageHeader } from '../../components/page-header';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useCollectives } from '../people/api';
import { type Campaign, useCampaigns, useCreateCampaign, useInstruments } from './api';
import { InstrumentBuilder } from './instrument-builder';
import { CampaignStatusBadge, useInstrumentLabels } from './shared';

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { lng } = useInstrumentLabels(undefined);
  return (
    <Card withBorder padding="md" component="li" data-testid="campaign-card">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component={Link} to={`/diagnostics/campaigns/${campaign.id}`} fw={600}>
            {campaign.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {campaign.instrumentName[lng]} ·{' '}
            {t('diagnostic.campaigns.itemCount', { count: campaign.itemCount })}
          </Text>
          <Text size="sm">
            {campaign.status === 'open'
              ? t(
                  `diagnostic.campaigns.${campaign.progress === 'reached' ? 'progressReached' : 'progressNotYet'}`,
                )
              : campaign.responded === null
                ? t('diagnostic.campaigns.respondedHidden', { min: campaign.thresholds.minRespondents })
                : t('diagnostic.campaigns.responded', { count: campaign.responded })}
          </Text>
        </Stack>
        <CampaignStatusBadge status={campaign.status} />
      </Group>
      {campaign.status !== 'draft' && (
        <Anchor component={Link} to={`/diagnostics/campaigns/${campaign.id}/report`} size="sm" mt="xs">
          {t('diagnostic.campaigns.openReport')}
        </Anchor>
      )}
    </Card>
  );
}

function CreateCampaignForm({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const instruments = useInstruments(orgId);
  const collectives = useCollectives(orgId);
  const create = useCreateCampaign(orgId, engagementId);
  const { lng } = useInstrumentLabels(undefined);
  const [title, setTitle] = useState('');
  const [instrumentRef, setInstrumentRef] = useState('essaim-ic-pulse');
  const [collectiveIds, setCollectiveIds] = useState<string[]>([]);
  const [hasMemberLinks, setMemberLinks] = useState(true);
  const [hasSharedLink, setSharedLink] = useState(false);
  const [attributeName, setAttributeName] = useState('');
  const [attributeValues, setAttributeValues] = useState('');
  const [sharedCap, setSharedCap] = useState<number | ''>('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = attributeValues
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const body: CreateCampaignBody = {
      title: title.trim(),
      instrumentRef,
      collectiveIds,
      hasMemberLinks,
      hasSharedLink,
      attributes: attributeName.trim() && values.length >= 2 ? [{ name: attributeName.trim(), values }] : [],
      sharedCap: hasSharedLink && typeof sharedCap === 'number' && sharedCap > 0 ? sharedCap : null,
      opensAt: opensAt ? new Date(opensAt).toISOString() : null,
      closesAt: closesAt ? new Date(closesAt).toISOString() : null,
    };
    create.mutate(body, { onSuccess: (c) => void navigate(`/diagnostics/campaigns/${c.id}`) });
  };

  return (
    <Stack gap="md">
      <InstrumentBuilder orgId={orgId} onCreated={setInstrumentRef} />
      <Card withBorder padding="lg" component="form" onSubmit={submit} aria-labelledby="new-campaign-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="new-campaign-title">
            {t('diagnostic.create.title')}
          </Title>
          <TextInput
            label={t('diagnostic.create.name')}
            placeholder={t('diagnostic.create.namePlaceholder')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Radio.Group
            label={t('diagnostic.create.instrument')}
            description={t('diagnostic.create.instrumentHelp')}
            value={instrumentRef}
            onChange={setInstrumentRef}
          >
            <Stack gap="xs" mt="xs">
              {(instruments.data ?? []).map((entry) => (
                <Radio
                  key={entry.ref}
                  value={entry.ref}
                  label={`${entry.instrument.name[lng]} (${t('diagnostic.campaigns.itemCount', { count: entry.instrument.items.length })})`}
                  description={t(`diagnostic.create.kind.${entry.kind}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <MultiSelect
            label={t('diagnostic.create.collectives')}
            description={t('diagnostic.create.collectivesHelp')}
            data={(collectives.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={collectiveIds}
            onChange={setCollectiveIds}
            searchable
            nothingFoundMessage={t('diagnostic.create.noCollective')}
          />
          <Stack gap="xs">
            <Checkbox
              label={t('diagnostic.create.memberLinks')}
              description={t('diagnostic.create.memberLinksHelp')}
              checked={hasMemberLinks}
              onChange={(e) => setMemberLinks(e.currentTarget.checked)}
            />
            <Checkbox
              label={t('diagnostic.create.sharedLink')}
              description={t('diagnostic.create.sharedLinkHelp')}
              checked={hasSharedLink}
              onChange={(e) => setSharedLink(e.currentTarget.checked)}
            />
          </Stack>
          {hasSharedLink && (
            <Group grow align="flex-start">
              <TextInput
                label={t('diagnostic.create.attributeName')}
                placeholder={t('diagnostic.create.attributeNamePlaceholder')}
                value={attributeName}
                onChange={(e) => setAttributeName(e.currentTarget.value)}
              />
              <TextInput
                label={t('diagnostic.create.attributeValues')}
                placeholder={t('diagnostic.create.attributeValuesPlaceholder')}
                value={attributeValues}
                onChange={(e) => setAttributeValues(e.currentTarget.value)}
              />
            </Group>
          )}
          {hasSharedLink && (
            <Alert variant="light" color="blue" title={t('diagnostic.create.sharedSafetyTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('diagnostic.create.sharedSafety')}</Text>
                <NumberInput
                  label={t('diagnostic.create.sharedCap')}
                  description={t('diagnostic.create.sharedCapHelp')}
                  min={1}
                  max={100000}
                  allowDecimal={false}
                  value={sharedCap}
                  onChange={(v) => setSharedCap(typeof v === 'number' ? v : '')}
                  maw={260}
                />
              </Stack>
            </Alert>
          )}
          <Group grow>
            <TextInput
              type="datetime-local"
              label={t('diagnostic.create.opensAt')}
              value={opensAt}
              onChange={(e) => setOpensAt(e.currentTarget.value)}
            />
            <TextInput
              type="datetime-local"
              label={t('diagnostic.create.closesAt')}
              value={closesAt}
              onChange={(e) => setClosesAt(e.currentTarget.value)}
            />
          </Group>
          <FormAlert message={create.isError ? describeError(t, create.error) : null} />
          <Group>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!title.trim() || (!hasMemberLinks && !hasSharedLink)}
            >
              {t('diagnostic.create.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('diagnostic.create.draftNote')}
            </Text>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

/** Campaigns of one engagement, with a form to start a new one. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { engagementId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const campaigns = useCampaigns(orgId, engagementId);
  usePageTitle(t('diagnostic.campaigns.title'));
  if (!org) {
    return <Text>{t('diagnostic.noOrganisation')}</Text>;
  }
  return (
    <Stack gap="lg">
      <PageHeader title={t('diagnostic.campaigns.title')} description={t('diagnostic.campaigns.lead')} />
      <Anchor component={Link} to={`/engagements/${engagementId}`} size="sm">
        {t('diagnostic.backToEngagement')}
      </Anchor>
      <VisibilityNote>{t('diagnostic.visibility.campaigns')}</VisibilityNote>
      {campaigns.isPending ? (
        <PageSkeleton />
      ) : campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : campaigns.data.length === 0 ? (
        <Alert variant="light" title={t('diagnostic.campaigns.emptyTitle')}>
          {t('diagnostic.campaigns.empty')}
        </Alert>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('diagnostic.campaigns.listLabel')}
        >
          {campaigns.data.map((c) => (
            <CampaignCard key={c.id} campaign={c} />
          ))}
        </Stack>
      )}
      {can('survey.manage') && <CreateCampaignForm orgId={orgId} engagementId={engagementId} />}
    </Stack>
  );
}
