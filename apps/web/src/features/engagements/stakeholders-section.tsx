import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { useCurrentOrg } from '../orgs/use-current-org';
import { buildTree, flattenTree, useCollectives } from '../people/api';
import { type Engagement, type Stakeholder, useEngagementMutation } from './api';
import { SectionCard } from './shared';

type Kind = Stakeholder['kind'];
const KINDS: Kind[] = ['sponsor', 'facilitator', 'collective', 'other'];
const KIND_ICON = {
  sponsor: 'briefcase',
  facilitator: 'compass',
  collective: 'usersGroup',
  other: 'user',
} as const;

function AddStakeholder({ orgId, engagement }: { orgId: string; engagement: Engagement }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const collectives = useCollectives(orgId, can('collective.read'));
  const [kind, setKind] = useState<Kind>('sponsor');
  const [name, setName] = useState('');
  const [collectiveId, setCollectiveId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useEngagementMutation<void>(
    orgId,
    engagement.id,
    (path) =>
      api.post<Engagement>(`${path}/stakeholders`, {
        kind,
        name: name.trim(),
        collectiveId: kind === 'collective' && collectiveId ? collectiveId : undefined,
        note: note.trim() || undefined,
      }),
    {
      onSuccess: () => {
        setName('');
        setNote('');
        setCollectiveId(null);
        setError(null);
      },
      onError: (err) => setError(describeError(t, err)),
    },
  );
  const options = flattenTree(buildTree(collectives.data ?? [])).map((c) => ({
    value: c.id,
    label: `${'— '.repeat(c.depth)}${c.name}`,
  }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('engagement.stakeholders.nameRequired'));
      return;
    }
    add.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text fw={600} size="sm" component="h3">
          {t('engagement.stakeholders.addTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('engagement.stakeholders.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`engagement.stakeholders.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as Kind)}
            allowDeselect={false}
          />
          {kind === 'collective' && options.length > 0 ? (
            <Select
              label={t('engagement.stakeholders.collective')}
              data={options}
              value={collectiveId}
              searchable
              onChange={(value) => {
                setCollectiveId(value);
                const picked = collectives.data?.find((c) => c.id === value);
                if (picked) {
                  setName(picked.name);
                }
              }}
            />
          ) : null}
          <TextInput
            label={t('engagement.stakeholders.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={200}
            required
          />
          <TextInput
            label={t('engagement.stakeholders.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={1000}
          />
        </SimpleGrid>
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} leftSection={<Icon name="plus" size={16} />}>
            {t('engagement.stakeholders.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function StakeholdersSection({
  orgId,
  engagement,
  canEdit,
}: {
  orgId: string;
  engagement: Engagement;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const remove = useEngagementMutation<string>(orgId, engagement.id, (path, id) =>
    api.delete<Engagement>(`${path}/stakeholders/${encodeURIComponent(id)}`),
  );
  return (
    <SectionCard
      title={t('engagement.stakeholders.title')}
      visibility={t('engagement.visibility.engagement')}
      actions={
        can('collective.read') && (
          <Button
            component={Link}
            to="/people"
            variant="default"
            leftSection={<Icon name="users" size={16} />}
          >
            {t('engagement.stakeholders.managePeople')}
          </Button>
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('engagement.stakeholders.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {KINDS.map((kind) => {
          const list = engagement.stakeholders.filter((s) => s.kind === kind);
          return (
            <Paper
              key={kind}
              withBorder
              p="md"
              radius="md"
              component="section"
              aria-labelledby={`sh-${kind}`}
            >
              <Stack gap="xs">
                <Group gap="xs">
                  <Icon name={KIND_ICON[kind]} size={18} />
                  <Text fw={700} size="sm" component="h3" id={`sh-${kind}`}>
                    {t(`engagement.stakeholders.groups.${kind}`)}
                  </Text>
                  <Badge size="sm" variant="light" color="gray">
                    {list.length}
                  </Badge>
                </Group>
                {list.length === 0 ? (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t(`engagement.stakeholders.none.${kind}`)}
                  </Text>
                ) : (
                  <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                    {list.map((s) => (
                      <Group component="li" key={s.id} justify="space-between" wrap="nowrap" gap="xs">
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text size="sm" fw={500}>
                            {s.name}
                          </Text>
                          {s.note && (
                            <Text size="xs" c="dimmed">
                              {s.note}
                            </Text>
                          )}
                        </Stack>
                        {canEdit && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => remove.mutate(s.id)}
                            aria-label={t('engagement.stakeholders.remove', { name: s.name })}
                          >
                            <Icon name="x" size={16} />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {canEdit && <AddStakeholder orgId={orgId} engagement={engagement} />}
    </SectionCard>
  );
}
