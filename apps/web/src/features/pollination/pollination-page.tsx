import { IC_FORMS } from '@essaim/core/methods';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import {
  fetchDraft,
  type LibraryHit,
  tx,
  useCreateExperience,
  useExperiences,
  useLibrary,
  usePlans,
  useSaveSettings,
  useSettings,
  useSimilar,
} from './api';

const CYNEFIN = ['clear', 'complicated', 'complex', 'chaotic', 'confusion'] as const;

/** The pollination home: write an experience, the library with its search, similar experiences, plans. */
export function PollinationPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('pollination.home.title'));
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const canWrite = can('methods.manage');
  return (
    <Stack gap="lg">
      <PageHeader title={t('pollination.home.title')} description={t('pollination.home.intro')} />
      {canWrite && <NewExperience orgId={orgId} language={i18n.language === 'en' ? 'en' : 'fr'} />}
      <OrgExperiences orgId={orgId} />
      <Library orgId={orgId} />
      <Similar orgId={orgId} />
      <Plans orgId={orgId} canWrite={canWrite} />
      <Card withBorder p="lg" component="section" aria-labelledby="communities-link">
        <Title order={2} size="h3" mb="xs" id="communities-link">
          {t('pollination.communities.title')}
        </Title>
        <Text mb="sm">{t('pollination.communities.intro')}</Text>
        <Button component={Link} to="/pollination/communities" variant="light">
          {t('pollination.communities.open')}
        </Button>
      </Card>
      {can('org.update') && <InstanceSettings orgId={orgId} />}
    </Stack>
  );
}

function NewExperience({ orgId, language }: { orgId: string; language: 'fr' | 'en' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const engagements = useEngagements(orgId);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [lang, setLang] = useState<'fr' | 'en'>(language);
  const create = useCreateExperience(orgId);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    if (!engagementId) {
      return;
    }
    setBusy(true);
    try {
      const { diagnosticDeltas: _d, ...draft } = await fetchDraft(orgId, engagementId, lang);
      const created = await create.mutateAsync({ ...draft, language: lang });
      navigate(`/pollination/experiences/${created.id}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {t('pollination.home.newExperience')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('pollination.home.fromEngagement')}
          data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
          value={engagementId}
          onChange={setEngagementId}
          searchable
          miw={280}
        />
        <Select
          label={t('pollination.home.language')}
          data={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
          value={lang}
          onChange={(v) => setLang(v === 'en' ? 'en' : 'fr')}
          allowDeselect={false}
          w={140}
        />
        <Button onClick={start} disabled={!engagementId} loading={busy}>
          {t('pollination.home.start')}
        </Button>
      </Group>
    </Card>
  );
}

function OrgExperiences({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const list = useExperiences(orgId);
  return (
    <Card withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {t('pollination.home.mine')}
      </Title>
      {list.error && <QueryError error={list.error} />}
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('pollination.home.mineEmpty')}</Text>}
      <Stack gap="xs">
        {(list.data ?? []).map((e) => (
          <Group key={e.id} justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={`/pollination/experiences/${e.id}`}>
              {e.title}
            </Anchor>
            <Badge
              variant={e.status === 'shared' ? 'filled' : 'light'}
              color={e.status === 'shared' ? 'teal.9' : 'blue'}
            >
              {tx(t, `pollination.status.${e.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function HitCard({ hit, showScore }: { hit: LibraryHit; showScore?: boolean }) {
  const { t } = useTranslation();
  const { org } = useCurrentOrg();
  const other = hit.orgId !== org?.id;
  return (
    <Card withBorder p="md" component="article">
      <Stack gap={6}>
        <Anchor component={Link} to={`/pollination/library/${hit.id}`} fw={600}>
          {hit.title}
        </Anchor>
        {other && (
          <Text size="sm" c="dimmed">
            {hit.organisationName
              ? t('pollination.home.otherOrg', { name: hit.organisationName })
              : t('pollination.home.otherOrgAnonymous')}
          </Text>
        )}
        <Text size="sm" lineClamp={3}>
          {hit.context}
        </Text>
        <Group gap={6}>
          {hit.cynefin && <Badge variant="outline">{tx(t, `pollination.cynefin.${hit.cynefin}`)}</Badge>}
          {hit.icForms.map((f) => (
            <Badge key={f} variant="light">
              {tx(t, `pollination.icForms.${f}`)}
            </Badge>
          ))}
          {hit.methods.map((m) => (
            <Badge key={m.id} variant="dot">
              {m.name}
            </Badge>
          ))}
        </Group>
        {showScore && (
          <Text size="sm" c="dimmed">
            {t('pollination.home.score', { percent: Math.round(hit.score * 100) })}
            {' · '}
            {hit.facets
              .filter((f) => f.similarity > 0)
              .map((f) => tx(t, `pollination.facets.${f.facet}`))
              .join(', ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Library({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [icForm, setIcForm] = useState<string | null>(null);
  const [cynefin, setCynefin] = useState<string | null>(null);
  const library = useLibrary(orgId, { q, icForm: icForm ?? undefined, cynefin: cynefin ?? undefined });
  return (
    <Card withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {t('pollination.home.library')}
      </Title>
      <Group align="flex-end" wrap="wrap" mb="md">
        <TextInput
          label={t('pollination.home.search')}
          placeholder={t('pollination.home.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
          miw={280}
        />
        <Select
          label={t('pollination.home.icForm')}
          placeholder={t('pollination.home.any')}
          clearable
          data={IC_FORMS.map((f) => ({ value: f, label: tx(t, `pollination.icForms.${f}`) }))}
          value={icForm}
          onChange={setIcForm}
        />
        <Select
          label={t('pollination.home.cynefin')}
          placeholder={t('pollination.home.any')}
          clearable
          data={CYNEFIN.map((c) => ({ value: c, label: tx(t, `pollination.cynefin.${c}`) }))}
          value={cynefin}
          onChange={setCynefin}
        />
      </Group>
      {library.error && <QueryError error={library.error} />}
      {library.data && library.data.hits.length === 0 && (
        <Text c="dimmed">{t('pollination.home.libraryEmpty')}</Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} aria-live="polite">
        {(library.data?.hits ?? []).map((h) => (
          <HitCard key={h.id} hit={h} />
        ))}
      </SimpleGrid>
    </Card>
  );
}

function Similar({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const engagements = useEngagements(orgId);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const similar = useSimilar(orgId, engagementId);
  return (
    <Card withBorder p="lg">
      <Title order={2} size="h3" mb={4}>
        {t('pollination.home.like')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pollination.home.likeHelp')}
      </Text>
      <Select
        label={t('pollination.home.likeEngagement')}
        data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
        value={engagementId}
        onChange={setEngagementId}
        searchable
        maw={420}
        mb="md"
      />
      {similar.error && <QueryError error={similar.error} />}
      {similar.data && similar.data.hits.length === 0 && (
        <Text c="dimmed">{t('pollination.home.likeEmpty')}</Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} aria-live="polite">
        {(similar.data?.hits ?? []).map((h) => (
          <HitCard key={h.id} hit={h} showScore />
        ))}
      </SimpleGrid>
    </Card>
  );
}

function Plans({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const plans = usePlans(orgId);
  return (
    <Card withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t('pollination.home.plans')}
        </Title>
        {canWrite && (
          <Button component={Link} to="/pollination/plans/new" variant="light">
            {t('pollination.home.newPlan')}
          </Button>
        )}
      </Group>
      {plans.data && plans.data.length === 0 && <Text c="dimmed">{t('pollination.home.plansEmpty')}</Text>}
      <Stack gap="xs">
        {(plans.data ?? []).map((p) => (
          <Group key={p.id} justify="space-between">
            <Anchor component={Link} to={`/pollination/plans/${p.id}`}>
              {p.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('pollination.home.reach', { percent: Math.round(p.observedReach * 100) })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function InstanceSettings({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const settings = useSettings(orgId);
  const save = useSaveSettings(orgId);
  return (
    <Card withBorder p="lg">
      <Title order={2} size="h3" mb={4}>
        {t('pollination.home.instance')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pollination.home.instanceHelp')}
      </Text>
      <Checkbox
        label={t('pollination.home.instanceJoin')}
        checked={settings.data?.instanceLibrary ?? false}
        disabled={!settings.data || save.isPending}
        onChange={(e) => save.mutate({ instanceLibrary: e.currentTarget.checked })}
      />
    </Card>
  );
}
