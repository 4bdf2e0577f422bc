import {
  Anchor,
  Button,
  Card,
  Chip,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { type MethodView, useMethods } from './api';
import { FAMILIES, FamilyBadge, MethodFacts, useMethodLanguage } from './shared';

function MethodCard({ method }: { method: MethodView }) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  return (
    <Card component="article" p="lg" data-testid="method-card" data-method-id={method.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/methods/${method.id}`} inherit c="inherit" underline="hover">
              {method.name[lang]}
            </Anchor>
          </Title>
          <FamilyBadge family={method.family} />
        </Group>
        <Text size="sm" lineClamp={3}>
          {method.purpose[lang]}
        </Text>
        <MethodFacts method={method} />
        {method.origin === 'custom' || method.noteCount > 0 ? (
          <Text size="xs" c="dimmed">
            {method.origin === 'custom' ? t('library.customBadge') : ''}
            {method.noteCount > 0 ? ` ${t('library.noteCount', { count: method.noteCount })}` : ''}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Browse the catalogue: accent-insensitive search in both languages, and filters. */
export function LibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.title'));
  const { org, can } = useCurrentOrg();
  const [q, setQ] = useState('');
  const [families, setFamilies] = useState<string[]>([]);
  const [mode, setMode] = useState<string | null>(null);
  const [groupSize, setGroupSize] = useState<number | null>(null);
  const [maxDuration, setMaxDuration] = useState<number | null>(null);
  const [maxSkill, setMaxSkill] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q, 250);
  const query = useMethods(org?.id ?? '', {
    q: debounced,
    families,
    mode,
    groupSize,
    maxDuration,
    maxSkill: maxSkill ? Number(maxSkill) : null,
  });
  const reset = () => {
    setQ('');
    setFamilies([]);
    setMode(null);
    setGroupSize(null);
    setMaxDuration(null);
    setMaxSkill(null);
  };
  if (!org) {
    return <PageHeader title={t('library.title')} description={t('library.noOrg')} />;
  }
  return (
    <Stack gap="lg">
      <PageHeader title={t('library.title')} description={t('library.intro')} />
      <Group gap="sm" mt="-lg">
        <Button component={Link} to="/methods/recommend" variant="light">
          {t('library.recommendCta')}
        </Button>
        <Button component={Link} to="/agendas" variant="light">
          {t('agenda.listTitle')}
        </Button>
        {can('methods.manage') ? (
          <Button component={Link} to="/methods/new" variant="subtle">
            {t('library.custom.cta')}
          </Button>
        ) : null}
      </Group>
      <VisibilityNote>{t('library.visibility')}</VisibilityNote>
      <Card p="md" component="section" aria-label={t('library.filters.label')}>
        <Stack gap="sm">
          <TextInput
            label={t('library.search.label')}
            description={t('library.search.hint')}
            placeholder={t('library.search.placeholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="library-search"
            type="search"
          />
          <Chip.Group multiple value={families} onChange={setFamilies}>
            <Group gap="xs" role="group" aria-label={t('library.filters.family')}>
              {FAMILIES.map((f) => (
                <Chip key={f} value={f} size="sm" data-testid={`family-${f}`}>
                  {t(`library.families.${f}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Select
              label={t('library.filters.mode')}
              clearable
              value={mode}
              onChange={setMode}
              data={[
                { value: 'online', label: t('library.modes.online') },
                { value: 'onsite', label: t('library.modes.onsite') },
              ]}
              data-testid="filter-mode"
            />
            <NumberInput
              label={t('library.filters.groupSize')}
              min={1}
              value={groupSize ?? ''}
              onChange={(v) => setGroupSize(typeof v === 'number' ? v : null)}
            />
            <NumberInput
              label={t('library.filters.maxDuration')}
              min={1}
              value={maxDuration ?? ''}
              onChange={(v) => setMaxDuration(typeof v === 'number' ? v : null)}
            />
            <Select
              label={t('library.filters.maxSkill')}
              clearable
              value={maxSkill}
              onChange={setMaxSkill}
              data={[1, 2, 3].map((l) => ({ value: String(l), label: t(`library.skill.${l as 1}`) }))}
            />
          </SimpleGrid>
        </Stack>
      </Card>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Text size="sm" aria-live="polite" data-testid="library-count">
          {t('library.count', { count: query.data.total, size: query.data.catalogueSize })}
        </Text>
      ) : null}
      {query.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[1, 2, 3].map((k) => (
            <Skeleton key={k} h={160} />
          ))}
        </SimpleGrid>
      ) : query.data && query.data.methods.length === 0 ? (
        <Card p="xl">
          <Stack align="center" gap="sm">
            <Title order={2} size="h4">
              {t('library.empty.title')}
            </Title>
            <Text c="dimmed">{t('library.empty.body')}</Text>
            <Button variant="light" onClick={reset}>
              {t('library.empty.reset')}
            </Button>
          </Stack>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {query.data?.methods.map((m) => (
            <MethodCard key={m.id} method={m} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
