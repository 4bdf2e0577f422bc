import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import {
  buildTree,
  COLLECTIVE_KINDS,
  type Collective,
  type CollectiveKind,
  type CollectiveNode,
  descendantIds,
  flattenTree,
  orgPath,
  peopleKeys,
} from './api';

interface EditState {
  /** null = creating */
  collective: Collective | null;
  parentId: string | null;
}

function CollectiveForm({
  orgId,
  collectives,
  state,
  onClose,
}: {
  orgId: string;
  collectives: Collective[];
  state: EditState;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(state.collective?.name ?? '');
  const [kind, setKind] = useState<CollectiveKind>(state.collective?.kind ?? 'team');
  const [parentId, setParentId] = useState<string | null>(state.parentId);
  const [error, setError] = useState<string | null>(null);
  const tree = buildTree(collectives);
  const self = state.collective ? flattenTree(tree).find((n) => n.id === state.collective?.id) : undefined;
  const excluded = self ? descendantIds(self) : new Set<string>();
  const parentOptions = flattenTree(tree)
    .filter((n) => !excluded.has(n.id))
    .map((n) => ({ value: n.id, label: `${'— '.repeat(n.depth)}${n.name}` }));
  const save = useMutation({
    mutationFn: () =>
      state.collective
        ? api.patch(`${orgPath(orgId)}/collectives/${encodeURIComponent(state.collective.id)}`, {
            name: name.trim(),
            kind,
            parentId,
          })
        : api.post(`${orgPath(orgId)}/collectives`, { name: name.trim(), kind, parentId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.collectives(orgId) });
      onClose();
    },
    onError: (err) => setError(describeError(t, err)),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('members.collectives.nameRequired'));
      return;
    }
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={state.collective ? t('members.collectives.editTitle') : t('members.collectives.createTitle')}
      centered
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('members.collectives.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={160}
            data-autofocus
          />
          <Select
            label={t('members.collectives.kind')}
            data={COLLECTIVE_KINDS.map((k) => ({ value: k, label: t(`members.collectives.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as CollectiveKind)}
            allowDeselect={false}
          />
          <Select
            label={t('members.collectives.parent')}
            placeholder={t('members.collectives.noParent')}
            data={parentOptions}
            value={parentId}
            onChange={setParentId}
            clearable
            searchable
          />
          <FormAlert message={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TreeNode({
  node,
  selectedId,
  onSelect,
  canManage,
  onEdit,
  onAddChild,
  onDelete,
}: {
  node: CollectiveNode;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  canManage: boolean;
  onEdit: (c: CollectiveNode) => void;
  onAddChild: (c: CollectiveNode) => void;
  onDelete: (c: CollectiveNode) => void;
}) {
  const { t } = useTranslation();
  const selected = node.id === selectedId;
  return (
    <li style={{ listStyle: 'none' }}>
      <Group
        gap={4}
        wrap="nowrap"
        justify="space-between"
        align="flex-start"
        px={6}
        py={2}
        style={{
          borderRadius: 'var(--mantine-radius-sm)',
          background: selected ? 'var(--mantine-primary-color-light)' : undefined,
        }}
      >
        <UnstyledButton
          onClick={() => onSelect(selected ? null : node.id)}
          aria-pressed={selected}
          style={{ flex: 1, minWidth: 0 }}
          py={4}
        >
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Icon name="usersGroup" size={16} style={{ flexShrink: 0, marginTop: 2 }} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={selected ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
                {node.name}
              </Text>
              <Group gap={6}>
                <Badge size="xs" variant="light" color="gray">
                  {t(`members.collectives.kinds.${node.kind}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('members.collectives.memberCount', { count: node.memberCount })}
                </Text>
              </Group>
            </Stack>
          </Group>
        </UnstyledButton>
        {canManage && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              size="sm"
              variant="subtle"
              onClick={() => onAddChild(node)}
              aria-label={t('members.collectives.addChild', { name: node.name })}
            >
              <Icon name="plus" size={14} />
            </ActionIcon>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              onClick={() => onEdit(node)}
              aria-label={t('members.collectives.edit', { name: node.name })}
            >
              <Icon name="pencil" size={14} />
            </ActionIcon>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              onClick={() => onDelete(node)}
              aria-label={t('members.collectives.delete', { name: node.name })}
            >
              <Icon name="trash" size={14} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {node.children.length > 0 && (
        <ul
          style={{
            margin: 0,
            paddingLeft: 18,
            borderLeft: '1px solid var(--mantine-color-default-border)',
            marginLeft: 14,
          }}
        >
          {node.children.map((child) => (
            <TreeNode
              key={child.id}
              node={child}
              selectedId={selectedId}
              onSelect={onSelect}
              canManage={canManage}
              onEdit={onEdit}
              onAddChild={onAddChild}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Nested collectives; selecting one filters the people table. */
export function CollectivesPanel({
  orgId,
  collectives,
  selectedId,
  onSelect,
  canManage,
}: {
  orgId: string;
  collectives: Collective[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<EditState | null>(null);
  const [deleting, setDeleting] = useState<CollectiveNode | null>(null);
  const tree = buildTree(collectives);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${orgPath(orgId)}/collectives/${encodeURIComponent(id)}`),
    onSuccess: (_data, id) => {
      setDeleting(null);
      if (selectedId === id) {
        onSelect(null);
      }
      void queryClient.invalidateQueries({ queryKey: peopleKeys.collectives(orgId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.people(orgId) });
    },
  });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={700} component="h2" size="lg">
          {t('members.collectives.title')}
        </Text>
        {canManage && (
          <Button
            size="xs"
            variant="light"
            leftSection={<Icon name="plus" size={14} />}
            onClick={() => setEditing({ collective: null, parentId: null })}
          >
            {t('members.collectives.create')}
          </Button>
        )}
      </Group>
      <UnstyledButton
        onClick={() => onSelect(null)}
        aria-pressed={selectedId === null}
        px={6}
        py={6}
        style={{
          borderRadius: 'var(--mantine-radius-sm)',
          background: selectedId === null ? 'var(--mantine-primary-color-light)' : undefined,
        }}
      >
        <Text size="sm" fw={selectedId === null ? 700 : 500}>
          {t('members.collectives.everyone')}
        </Text>
      </UnstyledButton>
      {tree.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('members.collectives.empty')}
        </Text>
      ) : (
        <ul style={{ margin: 0, padding: 0 }} aria-label={t('members.collectives.treeLabel')}>
          {tree.map((node) => (
            <TreeNode
              key={node.id}
              node={node}
              selectedId={selectedId}
              onSelect={onSelect}
              canManage={canManage}
              onEdit={(c) => setEditing({ collective: c, parentId: c.parentId })}
              onAddChild={(c) => setEditing({ collective: null, parentId: c.id })}
              onDelete={setDeleting}
            />
          ))}
        </ul>
      )}
      {editing && (
        <CollectiveForm
          orgId={orgId}
          collectives={collectives}
          state={editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('members.collectives.deleteTitle')}
        body={t('members.collectives.deleteBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('members.collectives.deleteConfirm')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
      />
    </Stack>
  );
}
