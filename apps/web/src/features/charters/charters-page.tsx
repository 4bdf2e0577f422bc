import { CHARTER_KINDS, type CharterKind } from '@essaim/core/charters';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useCharters, useCreateCharter } from './api';

/** An engagement's charters, and a form to start one from a template. */
export function ChartersPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('charters.title'));
  const { engagementId = '' } = useParams();
  const { org, can } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const list = useCharters(orgId, engagementId);
  const create = useCreateCharter(orgId, engagementId);
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CharterKind>('team');
  const [locale, setLocale] = useState<'fr' | 'en'>(i18n.language.startsWith('en') ? 'en' : 'fr');
  const charters = list.data?.charters ?? [];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/engagements/${engagementId}`} size="sm">
        {t('charters.back')}
      </Anchor>
      <PageHeader title={t('charters.title')} description={t('charters.intro')} />
      {list.error && <QueryError error={list.error} />}
      <Card p="lg" component="section" aria-labelledby="charter-list-title">
        <Title order={2} size="h3" id="charter-list-title" mb="sm">
          {t('charters.list')}
        </Title>
        {charters.length === 0 && !list.isLoading ? (
          <Text c="dimmed">{t('charters.empty')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {charters.map((c) => (
              <Group key={c.id} component="li" justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/engagements/${engagementId}/charters/${c.id}`}>
                  {c.title}
                </Anchor>
                <Group gap="xs">
                  <Badge variant="light">{t(`charters.kinds.${c.kind}`)}</Badge>
                  <Badge variant="light" color={c.status === 'adopted' ? 'honey' : 'gray'}>
                    {t(`charters.status.${c.status}`)}
                  </Badge>
                  {c.isReviewDue && (
                    <Badge variant="light" color="orange">
                      {t('charters.review.badge')}
                    </Badge>
                  )}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      {can('engagement.update') && (
        <Card p="lg" component="section" aria-labelledby="charter-new-title">
          <Title order={2} size="h3" id="charter-new-title" mb="sm">
            {t('charters.create.title')}
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate(
                { title: title.trim() || t(`charters.kinds.${kind}`), kind, locale },
                { onSuccess: (r) => navigate(`/engagements/${engagementId}/charters/${r.id}`) },
              );
            }}
          >
            <Stack gap="sm" maw={520}>
              <TextInput
                label={t('charters.create.name')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                maxLength={200}
              />
              <Select
                label={t('charters.create.kind')}
                data={CHARTER_KINDS.map((k) => ({ value: k, label: t(`charters.kinds.${k}`) }))}
                value={kind}
                onChange={(v) => setKind((v as CharterKind | null) ?? 'blank')}
                allowDeselect={false}
              />
              <Select
                label={t('charters.create.locale')}
                data={[
                  { value: 'fr', label: 'Français' },
                  { value: 'en', label: 'English' },
                ]}
                value={locale}
                onChange={(v) => setLocale(v === 'en' ? 'en' : 'fr')}
                allowDeselect={false}
              />
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('charters.create.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
