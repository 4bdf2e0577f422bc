import type { TraceKindSchema } from '@essaim/contracts';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { QueryError } from '../../components/query-error';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { type Engagement, engagementKeys, engagementPath, type TraceLink, useBoards, useLinks } from './api';
import { SectionCard } from './shared';

type TraceKind = z.infer<typeof TraceKindSchema>;
const RELATIONS = ['informs', 'produced', 'decided_by', 'implements', 'measures', 'answers'] as const;
type Relation = (typeof RELATIONS)[number];

interface Item {
  value: string;
  label: string;
  kind: TraceKind;
  id: string;
}

function useLinkableItems(orgId: string, engagement: Engagement): Item[] {
  const { t } = useTranslation();
  const boards = useBoards(orgId, engagement.id);
  const items: Item[] = engagement.questions.map((q) => ({
    value: `question:${q.id}`,
    label: `${t('engagement.links.kinds.question')} · ${q.text}`,
    kind: 'question',
    id: q.id,
  }));
  for (const board of boards.data ?? []) {
    items.push({
      value: `options_board:${board.id}`,
      label: `${t('engagement.links.kinds.options_board')} · ${board.title}`,
      kind: 'options_board',
      id: board.id,
    });
    for (const option of board.options) {
      items.push({
        value: `option:${option.id}`,
        label: `${t('engagement.links.kinds.option')} · ${option.title}`,
        kind: 'option',
        id: option.id,
      });
    }
  }
  return items;
}

function End({ end }: { end: TraceLink['from'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Badge size="xs" variant="light" color="gray" w="fit-content">
        {t(`engagement.links.kinds.${end.kind}`)}
      </Badge>
      <Text size="sm">{end.label ?? t('engagement.links.unnamed')}</Text>
    </Stack>
  );
}

export function LinksSection({
  orgId,
  engagement,
  canEdit,
}: {
  orgId: string;
  engagement: Engagement;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const links = useLinks(orgId, engagement.id);
  const items = useLinkableItems(orgId, engagement);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [relation, setRelation] = useState<Relation>('informs');
  const [error, setError] = useState<string | null>(null);
  const base = `${engagementPath(orgId, engagement.id)}/links`;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: engagementKeys.links(orgId, engagement.id) });
    void queryClient.invalidateQueries({ queryKey: engagementKeys.timeline(orgId, engagement.id) });
  };
  const create = useMutation({
    mutationFn: () => {
      const a = items.find((i) => i.value === from);
      const b = items.find((i) => i.value === to);
      if (!a || !b) {
        throw new Error('missing ends');
      }
      return api.post(base, { from: { kind: a.kind, id: a.id }, to: { kind: b.kind, id: b.id }, relation });
    },
    onSuccess: () => {
      setFrom(null);
      setTo(null);
      setError(null);
      refresh();
    },
    onError: (err) => setError(describeError(t, err)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${base}/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });

  return (
    <SectionCard title={t('engagement.links.title')} visibility={t('engagement.visibility.engagement')}>
      <Text size="sm" c="dimmed">
        {t('engagement.links.intro')}
      </Text>
      {links.isPending && <Skeleton height={120} />}
      {links.isError && <QueryError error={links.error} onRetry={() => void links.refetch()} />}
      {links.data?.length === 0 && (
        <Text size="sm" c="dimmed" fs="italic">
          {t('engagement.links.empty')}
        </Text>
      )}
      {links.data && links.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" data-testid="links-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('engagement.links.from')}</Table.Th>
                <Table.Th scope="col">{t('engagement.links.relation')}</Table.Th>
                <Table.Th scope="col">{t('engagement.links.to')}</Table.Th>
                {canEdit && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('engagement.links.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.map((link) => (
                <Table.Tr key={link.id}>
                  <Table.Td>
                    <End end={link.from} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Icon name="arrowRight" size={14} />
                      <Text size="sm" fw={500}>
                        {RELATIONS.includes(link.relation as Relation)
                          ? t(`engagement.links.relations.${link.relation as Relation}`)
                          : link.relation}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <End end={link.to} />
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(link.id)}
                        aria-label={t('engagement.links.remove')}
                      >
                        <Icon name="trash" size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && (
        <Paper withBorder p="md" radius="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!from || !to || from === to) {
                setError(t('engagement.links.pickBoth'));
                return;
              }
              create.mutate();
            }}
            noValidate
          >
            <Stack gap="sm">
              <Text fw={600} size="sm" component="h3">
                {t('engagement.links.addTitle')}
              </Text>
              {items.length < 2 ? (
                <Text size="sm" c="dimmed">
                  {t('engagement.links.needItems')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label={t('engagement.links.from')}
                    data={items}
                    value={from}
                    onChange={setFrom}
                    searchable
                  />
                  <Select
                    label={t('engagement.links.relation')}
                    data={RELATIONS.map((r) => ({ value: r, label: t(`engagement.links.relations.${r}`) }))}
                    value={relation}
                    onChange={(value) => value && setRelation(value as Relation)}
                    allowDeselect={false}
                  />
                  <Select
                    label={t('engagement.links.to')}
                    data={items}
                    value={to}
                    onChange={setTo}
                    searchable
                  />
                </SimpleGrid>
              )}
              <FormAlert message={error} />
              {items.length >= 2 && (
                <Group justify="flex-end">
                  <Button
                    type="submit"
                    loading={create.isPending}
                    leftSection={<Icon name="link" size={16} />}
                  >
                    {t('engagement.links.add')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </Paper>
      )}
    </SectionCard>
  );
}
