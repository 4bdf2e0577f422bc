import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { type GovernanceMapData, tx, useSaveMap } from './api';
import { RULE_IDS } from './new-proposal-form';

const LEVELS = ['tell', 'sell', 'consult', 'agree', 'advise', 'inquire', 'delegate'] as const;
const newId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Edit a map: add or remove circles, roles (with their domains and accountabilities, editable after the
 * fact), decision areas and double links, then save it.
 */
export function MapEditor({
  orgId,
  mapId,
  initial,
}: {
  orgId: string;
  mapId: string;
  initial: GovernanceMapData;
}) {
  const { t } = useTranslation();
  const save = useSaveMap(orgId, mapId);
  const [data, setData] = useState<GovernanceMapData>(initial);
  const [circle, setCircle] = useState({ name: '', parentId: '' });
  const emptyRole = {
    id: '',
    name: '',
    circleId: '',
    purpose: '',
    holders: '',
    domains: '',
    accountabilities: '',
  };
  // `id` set: the form edits that role (domains, accountabilities…) instead of adding one.
  const [role, setRole] = useState(emptyRole);
  const [area, setArea] = useState({ name: '', circleId: '', level: 'consult', rule: 'consent' });
  const [link, setLink] = useState({ circleId: '', kind: 'lead', holder: '' });
  const circles = data.circles.map((c) => ({ value: c.id, label: c.name }));
  const add = (e: FormEvent, apply: () => void) => {
    e.preventDefault();
    apply();
  };
  const remove = (kind: keyof GovernanceMapData, id: string) =>
    setData((d) => ({
      ...d,
      [kind]: (d[kind] as { id: string }[]).filter((x) => x.id !== id),
      ...(kind === 'circles'
        ? {
            roles: d.roles.filter((r) => r.circleId !== id),
            areas: d.areas.filter((a) => a.circleId !== id),
            links: d.links.filter((l) => l.circleId !== id),
            circles: d.circles
              .filter((c) => c.id !== id)
              .map((c) => (c.parentId === id ? { ...c, parentId: null } : c)),
          }
        : {}),
    }));
  const items: { kind: keyof GovernanceMapData; id: string; label: string }[] = [
    ...data.circles.map((c) => ({
      kind: 'circles' as const,
      id: c.id,
      label: `${t('decisions.governance.entity.circle')} · ${c.name}`,
    })),
    ...data.roles.map((r) => ({
      kind: 'roles' as const,
      id: r.id,
      label: `${t('decisions.governance.entity.role')} · ${r.name}`,
    })),
    ...data.areas.map((a) => ({
      kind: 'areas' as const,
      id: a.id,
      label: `${t('decisions.governance.entity.area')} · ${a.name}`,
    })),
    ...data.links.map((l) => ({
      kind: 'links' as const,
      id: l.id,
      label: `${t('decisions.governance.entity.link')} · ${l.holder}`,
    })),
  ];
  return (
    <Card p="lg" component="section" aria-labelledby="editor-title" data-testid="map-editor">
      <Stack gap="md">
        <Title order={3} size="h4" id="editor-title">
          {t('decisions.governance.proposed')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <form
            onSubmit={(e) =>
              add(e, () => {
                setData((d) => ({
                  ...d,
                  circles: [
                    ...d.circles,
                    {
                      id: newId('circle'),
                      name: circle.name.trim(),
                      purpose: '',
                      parentId: circle.parentId || null,
                    },
                  ],
                }));
                setCircle({ name: '', parentId: '' });
              })
            }
            data-testid="add-circle"
          >
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t('decisions.governance.circles')}
              </Text>
              <TextInput
                label={t('decisions.governance.name')}
                value={circle.name}
                onChange={(e) => setCircle({ ...circle, name: e.currentTarget.value })}
              />
              <Select
                label={t('decisions.governance.parent')}
                placeholder={t('decisions.governance.none')}
                clearable
                data={circles}
                value={circle.parentId || null}
                onChange={(v) => setCircle({ ...circle, parentId: v ?? '' })}
              />
              <Button type="submit" size="xs" variant="light" disabled={!circle.name.trim()}>
                {t('decisions.governance.add')}
              </Button>
            </Stack>
          </form>
          <form
            onSubmit={(e) =>
              add(e, () => {
                const next = {
                  id: role.id || newId('role'),
                  circleId: role.circleId,
                  name: role.name.trim(),
                  purpose: role.purpose.trim(),
                  domains: list(role.domains),
                  accountabilities: list(role.accountabilities),
                  holders: list(role.holders),
                };
                setData((d) => ({
                  ...d,
                  roles: role.id
                    ? d.roles.map((r) => (r.id === role.id ? { ...r, ...next } : r))
                    : [...d.roles, next],
                }));
                setRole({ ...emptyRole, circleId: role.circleId });
              })
            }
            data-testid="add-role"
          >
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t('decisions.governance.roles')}
              </Text>
              <TextInput
                label={t('decisions.governance.name')}
                value={role.name}
                onChange={(e) => setRole({ ...role, name: e.currentTarget.value })}
              />
              <Select
                label={t('decisions.governance.circle')}
                data={circles}
                value={role.circleId || null}
                onChange={(v) => setRole({ ...role, circleId: v ?? '' })}
              />
              <TextInput
                label={t('decisions.governance.purpose')}
                value={role.purpose}
                onChange={(e) => setRole({ ...role, purpose: e.currentTarget.value })}
              />
              <TextInput
                label={t('decisions.governance.domains')}
                value={role.domains}
                onChange={(e) => setRole({ ...role, domains: e.currentTarget.value })}
              />
              <TextInput
                label={t('decisions.governance.accountabilities')}
                value={role.accountabilities}
                onChange={(e) => setRole({ ...role, accountabilities: e.currentTarget.value })}
              />
              <TextInput
                label={t('decisions.governance.holders')}
                value={role.holders}
                onChange={(e) => setRole({ ...role, holders: e.currentTarget.value })}
              />
              <Group gap="xs">
                <Button
                  type="submit"
                  size="xs"
                  variant="light"
                  disabled={!role.name.trim() || !role.circleId}
                >
                  {role.id ? t('decisions.governance.updateRole') : t('decisions.governance.add')}
                </Button>
                {role.id && (
                  <Button size="xs" variant="subtle" color="gray" onClick={() => setRole(emptyRole)}>
                    {t('decisions.governance.cancelEdit')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
          <form
            onSubmit={(e) =>
              add(e, () => {
                setData((d) => ({
                  ...d,
                  areas: [
                    ...d.areas,
                    {
                      id: newId('area'),
                      circleId: area.circleId,
                      name: area.name.trim(),
                      level: area.level as 'consult',
                      rule: area.rule as 'consent',
                    },
                  ],
                }));
                setArea({ ...area, name: '' });
              })
            }
            data-testid="add-area"
          >
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t('decisions.governance.areas')}
              </Text>
              <TextInput
                label={t('decisions.governance.name')}
                value={area.name}
                onChange={(e) => setArea({ ...area, name: e.currentTarget.value })}
              />
              <Select
                label={t('decisions.governance.circle')}
                data={circles}
                value={area.circleId || null}
                onChange={(v) => setArea({ ...area, circleId: v ?? '' })}
              />
              <Select
                label={t('decisions.governance.level')}
                allowDeselect={false}
                data={LEVELS.map((l) => ({ value: l, label: tx(t, `decisions.governance.levels.${l}`) }))}
                value={area.level}
                onChange={(v) => setArea({ ...area, level: v ?? 'consult' })}
              />
              <Select
                label={t('decisions.governance.rule')}
                allowDeselect={false}
                data={RULE_IDS.map((r) => ({ value: r, label: tx(t, `decisions.rules.${r}`) }))}
                value={area.rule}
                onChange={(v) => setArea({ ...area, rule: v ?? 'consent' })}
              />
              <Button type="submit" size="xs" variant="light" disabled={!area.name.trim() || !area.circleId}>
                {t('decisions.governance.add')}
              </Button>
            </Stack>
          </form>
          <form
            onSubmit={(e) =>
              add(e, () => {
                setData((d) => ({
                  ...d,
                  links: [
                    ...d.links,
                    {
                      id: newId('link'),
                      circleId: link.circleId,
                      kind: link.kind as 'lead',
                      holder: link.holder.trim(),
                    },
                  ],
                }));
                setLink({ ...link, holder: '' });
              })
            }
            data-testid="add-link"
          >
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {t('decisions.governance.links')}
              </Text>
              <Select
                label={t('decisions.governance.circle')}
                data={circles}
                value={link.circleId || null}
                onChange={(v) => setLink({ ...link, circleId: v ?? '' })}
              />
              <Select
                label={t('decisions.governance.linkKind')}
                allowDeselect={false}
                data={[
                  { value: 'lead', label: t('decisions.governance.lead') },
                  { value: 'rep', label: t('decisions.governance.rep') },
                ]}
                value={link.kind}
                onChange={(v) => setLink({ ...link, kind: v ?? 'lead' })}
              />
              <TextInput
                label={t('decisions.governance.holder')}
                value={link.holder}
                onChange={(e) => setLink({ ...link, holder: e.currentTarget.value })}
              />
              <Button
                type="submit"
                size="xs"
                variant="light"
                disabled={!link.holder.trim() || !link.circleId}
              >
                {t('decisions.governance.add')}
              </Button>
            </Stack>
          </form>
        </SimpleGrid>
        <Stack gap={2}>
          {items.map((i) => (
            <Group key={i.id} gap="xs">
              <Text size="sm">{i.label}</Text>
              {i.kind === 'roles' && (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={t('decisions.governance.editRole', { name: i.label })}
                  onClick={() => {
                    const r = data.roles.find((x) => x.id === i.id);
                    if (r) {
                      setRole({
                        id: r.id,
                        name: r.name,
                        circleId: r.circleId,
                        purpose: r.purpose,
                        holders: r.holders.join(', '),
                        domains: r.domains.join(', '),
                        accountabilities: r.accountabilities.join(', '),
                      });
                    }
                  }}
                >
                  <Icon name="pencil" size={14} />
                </ActionIcon>
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t('decisions.governance.remove', { name: i.label })}
                onClick={() => remove(i.kind, i.id)}
              >
                <Icon name="trash" size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Group>
          <Button
            onClick={() =>
              save.mutate(data, {
                onSuccess: () =>
                  notifications.show({ color: 'teal', message: t('decisions.governance.saved') }),
              })
            }
            loading={save.isPending}
          >
            {t('decisions.governance.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
