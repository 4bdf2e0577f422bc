import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { checkEmail } from '../../lib/validation';
import { buildTree, type Collective, flattenTree, orgPath, type Person, peopleKeys } from './api';

interface AttributeRow {
  key: string;
  name: string;
  value: string;
}

let rowSeq = 0;
const row = (name = '', value = ''): AttributeRow => ({ key: `a${++rowSeq}`, name, value });

/** Add or edit a person: name, optional email and title, collectives, free attributes (report filters). */
export function PersonForm({
  orgId,
  person,
  collectives,
  onClose,
}: {
  orgId: string;
  person: Person | null;
  collectives: Collective[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(person?.displayName ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [collectiveIds, setCollectiveIds] = useState<string[]>(person?.collectiveIds ?? []);
  const [attributes, setAttributes] = useState<AttributeRow[]>(
    Object.entries(person?.attributes ?? {}).map(([name, value]) => row(name, value)),
  );
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = {
    displayName: displayName.trim() ? null : t('members.people.nameRequired'),
    email: email.trim() && checkEmail(email) ? t('members.people.emailInvalid') : null,
  };
  const save = useMutation({
    mutationFn: () => {
      const attrs = Object.fromEntries(
        attributes.filter((a) => a.name.trim()).map((a) => [a.name.trim(), a.value.trim()]),
      );
      const body = {
        displayName: displayName.trim(),
        title: title.trim(),
        attributes: attrs,
        collectiveIds,
      };
      return person
        ? api.patch(`${orgPath(orgId)}/people/${encodeURIComponent(person.id)}`, {
            ...body,
            email: email.trim() || null,
          })
        : api.post(`${orgPath(orgId)}/people`, { ...body, email: email.trim() || undefined });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.people(orgId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.collectives(orgId) });
      onClose();
    },
    onError: (err) => setError(describeError(t, err)),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.displayName || problems.email) {
      return;
    }
    save.mutate();
  };
  const options = flattenTree(buildTree(collectives)).map((c) => ({
    value: c.id,
    label: `${'— '.repeat(c.depth)}${c.name}`,
  }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={person ? t('members.people.editTitle') : t('members.people.createTitle')}
      size="lg"
      centered
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('members.people.displayName')}
              description={t('members.people.displayNameHelp')}
              required
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              error={submitted ? problems.displayName : null}
              maxLength={160}
              data-autofocus
            />
            <TextInput
              label={t('members.people.email')}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={submitted ? problems.email : null}
              maxLength={254}
            />
          </SimpleGrid>
          <TextInput
            label={t('members.people.jobTitle')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            maxLength={160}
          />
          <MultiSelect
            label={t('members.people.collectives')}
            data={options}
            value={collectiveIds}
            onChange={setCollectiveIds}
            searchable
            clearable
          />
          <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
            <Text component="legend" size="sm" fw={500}>
              {t('members.people.attributes')}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {t('members.people.attributesHelp')}
            </Text>
            <Stack gap="xs">
              {attributes.map((attr, index) => (
                <Group key={attr.key} gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('members.people.attributeName', { number: index + 1 })}
                    value={attr.name}
                    maxLength={60}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setAttributes((list) =>
                        list.map((a) => (a.key === attr.key ? { ...a, name: value } : a)),
                      );
                    }}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('members.people.attributeValue', { number: index + 1 })}
                    value={attr.value}
                    maxLength={200}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setAttributes((list) => list.map((a) => (a.key === attr.key ? { ...a, value } : a)));
                    }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    onClick={() => setAttributes((list) => list.filter((a) => a.key !== attr.key))}
                    aria-label={t('members.people.removeAttribute', { name: attr.name || index + 1 })}
                  >
                    <Icon name="trash" size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {attributes.length < 30 && (
                <Button
                  variant="default"
                  size="xs"
                  w="fit-content"
                  leftSection={<Icon name="plus" size={14} />}
                  onClick={() => setAttributes((list) => [...list, row()])}
                >
                  {t('members.people.addAttribute')}
                </Button>
              )}
            </Stack>
          </fieldset>
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
