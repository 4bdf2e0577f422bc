import type { AuditEntry } from '@essaim/contracts';
import { Button, Card, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api, type QueryValue } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { useMembers } from '../orgs/api';
import { useCurrentOrg } from '../orgs/use-current-org';

const PAGE_SIZE = 50;

interface Filters {
  action: string;
  actorUserId: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { action: '', actorUserId: '', from: '', to: '' };

/** A `yyyy-mm-dd` day from a date input, as the ISO instant starting or ending that day, local time. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) {
    return undefined;
  }
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function filterQuery(filters: Filters): Record<string, QueryValue> {
  return {
    action: filters.action.trim() || undefined,
    actorUserId: filters.actorUserId || undefined,
    from: dayBound(filters.from, false),
    to: dayBound(filters.to, true),
  };
}

function toSearch(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

function DetailsCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.details || Object.keys(entry.details).length === 0) {
    return <Text c="dimmed">—</Text>;
  }
  return (
    <details>
      <Text component="summary" size="sm" style={{ cursor: 'pointer' }}>
        {t('audit.table.showDetails')}
      </Text>
      <Code block mt={4} style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>
        {JSON.stringify(entry.details, null, 2)}
      </Code>
    </details>
  );
}

function AuditLog({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  // Cursors of the pages already visited: the last one is the current page (undefined = newest).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];
  const members = useMembers(orgId);
  const query = filterQuery(applied);
  const entries = useQuery({
    queryKey: ['orgs', orgId, 'audit', query, before],
    queryFn: () =>
      api.get<{ entries: AuditEntry[]; nextBefore: string | null }>(
        `/api/orgs/${encodeURIComponent(orgId)}/audit`,
        {
          query: { ...query, limit: PAGE_SIZE, before },
        },
      ),
    placeholderData: keepPreviousData,
  });

  const rangeInvalid = Boolean(draft.from && draft.to && draft.from > draft.to);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (rangeInvalid) {
      return;
    }
    setApplied(draft);
    setCursors([undefined]);
  };
  const onReset = () => {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
    setCursors([undefined]);
  };

  const csvHref = `/api/orgs/${encodeURIComponent(orgId)}/audit.csv${toSearch(query)}`;
  const page = cursors.length;
  const data = entries.data;

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeader title={t('audit.page.title')} description={t('audit.page.intro', { org: orgName })} />
        <Stack gap={4} align="flex-end">
          <Button
            component="a"
            href={csvHref}
            download
            variant="default"
            leftSection={<Icon name="download" size={18} />}
            data-testid="audit-csv"
          >
            {t('audit.export.button')}
          </Button>
          <Button
            component="a"
            href={csvHref.replace('/audit.csv', '/audit.xlsx')}
            download
            variant="default"
            leftSection={<Icon name="download" size={18} />}
          >
            {t('reports.xlsx.audit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('audit.export.hint')}
          </Text>
        </Stack>
      </Group>
      <Stack gap="lg">
        <VisibilityNote>{t('audit.page.visibility')}</VisibilityNote>
        <Card withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
          <form
            onSubmit={onSubmit}
            noValidate
            data-testid="audit-filters"
            aria-labelledby="audit-filters-title"
          >
            <Stack gap="md">
              <Title order={2} size="h4" id="audit-filters-title">
                {t('audit.filters.title')}
              </Title>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('audit.filters.action')}
                  placeholder={t('audit.filters.actionPlaceholder')}
                  value={draft.action}
                  onChange={(event) => setDraft({ ...draft, action: event.currentTarget.value })}
                  maxLength={80}
                  miw={180}
                  name="action"
                />
                <Select
                  label={t('audit.filters.actor')}
                  placeholder={t('audit.filters.anyActor')}
                  data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.displayName }))}
                  value={draft.actorUserId || null}
                  onChange={(value) => setDraft({ ...draft, actorUserId: value ?? '' })}
                  clearable
                  searchable
                  miw={180}
                  name="actorUserId"
                />
                <TextInput
                  type="date"
                  label={t('audit.filters.from')}
                  value={draft.from}
                  onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
                  miw={150}
                  name="from"
                />
                <TextInput
                  type="date"
                  label={t('audit.filters.to')}
                  value={draft.to}
                  onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
                  error={rangeInvalid ? t('audit.filters.invalidRange') : undefined}
                  miw={150}
                  name="to"
                />
              </Group>
              <Group>
                <Button type="submit">{t('audit.filters.apply')}</Button>
                <Button variant="subtle" onClick={onReset}>
                  {t('audit.filters.reset')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>

        {entries.isError && <QueryError error={entries.error} onRetry={() => void entries.refetch()} />}

        {data && (
          <Card withBorder radius="lg" p={0}>
            <Table.ScrollContainer minWidth={820}>
              <Table data-testid="audit-table" verticalSpacing="sm" striped aria-busy={entries.isFetching}>
                <Table.Caption>{t('audit.table.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('audit.table.at')}</Table.Th>
                    <Table.Th scope="col">{t('audit.table.actor')}</Table.Th>
                    <Table.Th scope="col">{t('audit.table.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.table.object')}</Table.Th>
                    <Table.Th scope="col">{t('audit.table.ip')}</Table.Th>
                    <Table.Th scope="col">{t('audit.table.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.entries.map((entry) => (
                    <Table.Tr key={entry.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                      </Table.Td>
                      <Table.Td>
                        {entry.actorName ??
                          (entry.actorUserId ? t('audit.table.formerMember') : t('audit.table.system'))}
                      </Table.Td>
                      <Table.Td>
                        <Code>{entry.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        {entry.objectKind ? (
                          <Text size="sm">
                            {entry.objectKind}
                            {entry.objectId && (
                              <Text span c="dimmed" size="xs" ml={4} ff="monospace">
                                {entry.objectId}
                              </Text>
                            )}
                          </Text>
                        ) : (
                          <Text c="dimmed">—</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {entry.ip ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <DetailsCell entry={entry} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.entries.length === 0 && (
              <Text c="dimmed" ta="center" p="lg">
                {t('audit.table.empty')}
              </Text>
            )}
          </Card>
        )}

        {data && (
          <Group justify="space-between" component="nav" aria-label={t('audit.pagination.label')}>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('audit.pagination.page', { page })} ·{' '}
              {t('audit.pagination.results', { count: data.entries.length })}
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<Icon name="chevronLeft" size={16} />}
                disabled={page <= 1}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                {t('audit.pagination.newer')}
              </Button>
              <Button
                variant="default"
                rightSection={<Icon name="chevronRight" size={16} />}
                disabled={!data.nextBefore}
                onClick={() => data.nextBefore && setCursors([...cursors, data.nextBefore])}
              >
                {t('audit.pagination.older')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.page.title'));
  const { org, can } = useCurrentOrg();
  if (!org || !can('audit.read')) {
    return (
      <>
        <PageHeader title={t('audit.page.title')} />
        <FormAlert tone="info" message={org ? t('audit.page.forbidden') : t('audit.page.noOrg')} />
      </>
    );
  }
  return <AuditLog key={org.id} orgId={org.id} orgName={org.name} />;
}
