import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { formatDate } from '../../lib/format';
import { formatDuration } from '../../lib/format-duration';
import { usePageTitle } from '../../lib/use-page-title';
import { useEngagements } from '../engagements/api';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useAgendas, useAgendaTemplates, useCreateAgenda } from './api';
import { useMethodLanguage } from './shared';

function CreateAgendaForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const lang = useMethodLanguage();
  const navigate = useNavigate();
  const templates = useAgendaTemplates(orgId);
  const engagements = useEngagements(orgId);
  const create = useCreateAgenda(orgId);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('09:00');
  const [available, setAvailable] = useState<number | ''>(120);
  const [templateId, setTemplateId] = useState('');
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        title,
        start,
        availableMinutes: available === '' ? null : available,
        engagementId,
        language: lang,
        ...(templateId ? { templateId } : {}),
      },
      { onSuccess: (a) => navigate(`/agendas/${a.id}`) },
    );
  };
  return (
    <Card p="lg" component="section" aria-labelledby="new-agenda">
      <form onSubmit={submit} data-testid="agenda-create-form">
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-agenda">
            {t('agenda.create.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput
              label={t('agenda.fields.title')}
              required
              name="title"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <TextInput
              label={t('agenda.fields.start')}
              type="time"
              required
              name="start"
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <NumberInput
              label={t('agenda.fields.available')}
              min={1}
              name="available"
              value={available}
              onChange={(v) => setAvailable(typeof v === 'number' ? v : '')}
            />
            <Select
              label={t('agenda.fields.engagement')}
              clearable
              value={engagementId}
              onChange={setEngagementId}
              data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.title }))}
            />
          </SimpleGrid>
          <Radio.Group value={templateId} onChange={setTemplateId} label={t('agenda.create.template')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="xs">
              <Radio.Card value="" p="sm" radius="md">
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text fw={600}>{t('agenda.create.blank')}</Text>
                    <Text size="sm" c="dimmed">
                      {t('agenda.create.blankHint')}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
              {(templates.data ?? []).map((tpl) => (
                <Radio.Card key={tpl.id} value={tpl.id} p="sm" radius="md" data-testid={`template-${tpl.id}`}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <Stack gap={2}>
                      <Text fw={600}>{tpl.name[lang]}</Text>
                      <Text size="sm" c="dimmed">
                        {tpl.description[lang]}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {tpl.steps.map((s) => s.label[lang]).join(' → ')}
                      </Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              {t('agenda.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function AgendasPage() {
  const { t } = useTranslation();
  usePageTitle(t('agenda.listTitle'));
  const { org, can } = useCurrentOrg();
  const agendas = useAgendas(org?.id ?? '');
  if (!org) {
    return <PageHeader title={t('agenda.listTitle')} description={t('library.noOrg')} />;
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/methods" size="sm">
        {t('library.back')}
      </Anchor>
      <PageHeader title={t('agenda.listTitle')} description={t('agenda.intro')} />
      <VisibilityNote>{t('agenda.visibility')}</VisibilityNote>
      {can('methods.manage') ? <CreateAgendaForm orgId={org.id} /> : null}
      {agendas.isError ? <QueryError error={agendas.error} onRetry={() => void agendas.refetch()} /> : null}
      {agendas.isPending ? (
        <Skeleton h={120} />
      ) : agendas.data?.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {agendas.data.map((a) => (
            <Card key={a.id} p="lg" component="article">
              <Stack gap={4}>
                <Title order={2} size="h4">
                  <Anchor component={Link} to={`/agendas/${a.id}`} inherit c="inherit">
                    {a.title}
                  </Anchor>
                </Title>
                <Text size="sm">
                  {a.date ? `${formatDate(a.date)} · ` : ''}
                  {a.start}–{a.end}
                </Text>
                <Group gap="xs">
                  <Badge variant="light" color={a.isOverTime ? 'red' : 'gray'}>
                    {a.availableMinutes
                      ? t('agenda.totalOf', {
                          total: formatDuration(a.totalMinutes),
                          available: formatDuration(a.availableMinutes),
                        })
                      : t('agenda.total', { total: formatDuration(a.totalMinutes) })}
                  </Badge>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        <Card p="xl">
          <Stack align="center" gap="xs">
            <Title order={2} size="h4">
              {t('agenda.empty.title')}
            </Title>
            <Text c="dimmed" ta="center">
              {can('methods.manage') ? t('agenda.empty.body') : t('agenda.empty.bodyReader')}
            </Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
