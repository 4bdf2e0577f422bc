import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { NoOrganisation } from '../engagements/shared';
import { useCurrentOrg } from '../orgs/use-current-org';
import { orgPath, type Person, peopleKeys, useCollectives, usePeople } from './api';
import { CollectivesPanel } from './collectives-panel';
import { ConsentsDrawer } from './consents-drawer';
import { ImportWizard } from './import-wizard';
import { PersonForm } from './person-form';

function People({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const queryClient = useQueryClient();
  const canManage = can('collective.manage');
  const canConsent = can('consent.manage');
  const [collectiveId, setCollectiveId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const collectives = useCollectives(orgId);
  const people = usePeople(orgId, collectiveId, q);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const [consentsFor, setConsentsFor] = useState<Person | null>(null);
  const [importing, setImporting] = useState(false);

  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${orgPath(orgId)}/people/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.people(orgId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.collectives(orgId) });
    },
  });

  const collectiveName = new Map((collectives.data ?? []).map((c) => [c.id, c.name]));
  const attributeColumns = [...new Set((people.data ?? []).flatMap((p) => Object.keys(p.attributes)))].slice(
    0,
    6,
  );
  const selected = collectiveId ? collectiveName.get(collectiveId) : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <VisibilityNote>{t('members.visibility')}</VisibilityNote>
        {canManage && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<Icon name="upload" size={16} />}
              onClick={() => setImporting(true)}
              data-testid="import-open"
            >
              {t('members.import.open')}
            </Button>
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setEditing('new')}>
              {t('members.people.add')}
            </Button>
          </Group>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Card p="md">
            {collectives.isError ? (
              <QueryError error={collectives.error} onRetry={() => void collectives.refetch()} />
            ) : (
              <CollectivesPanel
                orgId={orgId}
                collectives={collectives.data ?? []}
                selectedId={collectiveId}
                onSelect={setCollectiveId}
                canManage={canManage}
              />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Card p="md">
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap">
                <Text fw={700} component="h2" size="lg">
                  {selected ? t('members.people.titleIn', { name: selected }) : t('members.people.title')}
                </Text>
                {people.data && (
                  <Badge variant="light" size="lg">
                    {t('members.people.count', { count: people.data.length })}
                  </Badge>
                )}
              </Group>
              <TextInput
                label={t('members.people.search')}
                placeholder={t('members.people.searchPlaceholder')}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                maxLength={100}
              />
              {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
              {people.isPending && (
                <Text size="sm" c="dimmed" role="status">
                  {t('common.loading')}
                </Text>
              )}
              {people.data?.length === 0 && (
                <Stack gap={4} align="center" py="lg">
                  <Icon name="users" size={28} />
                  <Text fw={600}>
                    {q || collectiveId ? t('members.people.noMatch') : t('members.people.emptyTitle')}
                  </Text>
                  {!q && !collectiveId && (
                    <Text size="sm" c="dimmed" ta="center" maw={440}>
                      {t('members.people.emptyBody')}
                    </Text>
                  )}
                </Stack>
              )}
              {people.data && people.data.length > 0 && (
                <Table.ScrollContainer minWidth={640}>
                  <Table data-testid="people-table" verticalSpacing="sm" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('members.people.displayName')}</Table.Th>
                        <Table.Th scope="col">{t('members.people.email')}</Table.Th>
                        <Table.Th scope="col">{t('members.people.collectives')}</Table.Th>
                        {attributeColumns.map((col) => (
                          <Table.Th scope="col" key={col}>
                            {col}
                          </Table.Th>
                        ))}
                        {(canManage || canConsent) && (
                          <Table.Th scope="col">
                            <VisuallyHidden>{t('members.people.actions')}</VisuallyHidden>
                          </Table.Th>
                        )}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {people.data.map((person) => (
                        <Table.Tr key={person.id}>
                          <Table.Th scope="row" fw={500}>
                            {person.displayName}
                            {person.title && (
                              <Text size="xs" c="dimmed" fw={400}>
                                {person.title}
                              </Text>
                            )}
                          </Table.Th>
                          <Table.Td>
                            <Text size="sm" style={{ wordBreak: 'break-all' }}>
                              {person.email ?? '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              {person.collectiveIds.map((id) => (
                                <Badge key={id} size="xs" variant="light" color="gray" tt="none">
                                  {collectiveName.get(id) ?? '…'}
                                </Badge>
                              ))}
                            </Group>
                          </Table.Td>
                          {attributeColumns.map((col) => (
                            <Table.Td key={col}>
                              <Text size="sm">{person.attributes[col] ?? ''}</Text>
                            </Table.Td>
                          ))}
                          {(canManage || canConsent) && (
                            <Table.Td>
                              <Group gap={2} wrap="nowrap" justify="flex-end">
                                {canConsent && (
                                  <ActionIcon
                                    variant="subtle"
                                    onClick={() => setConsentsFor(person)}
                                    aria-label={t('members.people.consents', { name: person.displayName })}
                                  >
                                    <Icon name="shield" size={16} />
                                  </ActionIcon>
                                )}
                                {canManage && (
                                  <>
                                    <ActionIcon
                                      variant="subtle"
                                      color="gray"
                                      onClick={() => setEditing(person)}
                                      aria-label={t('members.people.edit', { name: person.displayName })}
                                    >
                                      <Icon name="pencil" size={16} />
                                    </ActionIcon>
                                    <ActionIcon
                                      variant="subtle"
                                      color="red"
                                      onClick={() => setDeleting(person)}
                                      aria-label={t('members.people.delete', { name: person.displayName })}
                                    >
                                      <Icon name="trash" size={16} />
                                    </ActionIcon>
                                  </>
                                )}
                              </Group>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      {editing && (
        <PersonForm
          orgId={orgId}
          person={editing === 'new' ? null : editing}
          collectives={collectives.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && <ImportWizard orgId={orgId} onClose={() => setImporting(false)} />}
      {consentsFor && (
        <ConsentsDrawer orgId={orgId} person={consentsFor} onClose={() => setConsentsFor(null)} />
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('members.people.deleteTitle')}
        body={t('members.people.deleteBody', { name: deleting?.displayName ?? '' })}
        error={remove.isError ? t('errors.UNKNOWN') : null}
        confirmLabel={t('members.people.deleteConfirm')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
      />
    </Stack>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const { org, can } = useCurrentOrg();
  usePageTitle(t('members.page.title'));
  return (
    <>
      <PageHeader title={t('members.page.title')} description={t('members.page.intro')} />
      {!org ? (
        <NoOrganisation />
      ) : can('collective.read') ? (
        <People key={org.id} orgId={org.id} />
      ) : (
        <FormAlert tone="info" message={t('members.page.notAllowed')} />
      )}
    </>
  );
}
