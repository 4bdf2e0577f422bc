import {
  Badge,
  Blockquote,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { type Engagement, useEngagementMutation } from './api';
import { SectionCard } from './shared';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} component="h3">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function Prose({ value, empty }: { value: string; empty: string }) {
  return value.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {value}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic">
      {empty}
    </Text>
  );
}

function DescriptionEditor({
  orgId,
  engagement,
  onDone,
}: {
  orgId: string;
  engagement: Engagement;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    title: engagement.title,
    request: engagement.request,
    context: engagement.context,
    intention: engagement.intention,
    startsOn: engagement.startsOn ?? '',
    endsOn: engagement.endsOn ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const save = useEngagementMutation<typeof draft>(
    orgId,
    engagement.id,
    (path, d) =>
      api.patch<Engagement>(path, {
        title: d.title.trim(),
        request: d.request.trim(),
        context: d.context.trim(),
        intention: d.intention.trim(),
        startsOn: d.startsOn || null,
        endsOn: d.endsOn || null,
      }),
    { onSuccess: onDone, onError: (err) => setError(describeError(t, err)) },
  );
  const problems = {
    title: draft.title.trim().length < 2 ? t('engagement.create.titleTooShort') : null,
    request: draft.request.trim() ? null : t('engagement.create.requestRequired'),
  };
  const set = (key: keyof typeof draft) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.title || problems.request) {
      return;
    }
    save.mutate(draft);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('engagement.fields.title')}
          required
          value={draft.title}
          onChange={set('title')}
          error={problems.title}
          maxLength={200}
          data-autofocus
        />
        <Textarea
          label={t('engagement.fields.request')}
          description={t('engagement.fields.requestHelp')}
          required
          autosize
          minRows={3}
          value={draft.request}
          onChange={set('request')}
          error={problems.request}
          maxLength={8000}
        />
        <Textarea
          label={t('engagement.fields.context')}
          autosize
          minRows={2}
          value={draft.context}
          onChange={set('context')}
          maxLength={8000}
        />
        <Textarea
          label={t('engagement.fields.intention')}
          autosize
          minRows={2}
          value={draft.intention}
          onChange={set('intention')}
          maxLength={4000}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('engagement.fields.startsOn')}
            value={draft.startsOn}
            onChange={set('startsOn')}
          />
          <TextInput
            type="date"
            label={t('engagement.fields.endsOn')}
            value={draft.endsOn}
            onChange={set('endsOn')}
          />
        </SimpleGrid>
        <FormAlert message={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConfidentialityAgreement({
  orgId,
  engagement,
  canEdit,
}: {
  orgId: string;
  engagement: Engagement;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { text, version, updatedAt } = engagement.confidentiality;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; message: string } | null>(null);
  const save = useEngagementMutation<string>(
    orgId,
    engagement.id,
    (path, value) => api.patch<Engagement>(path, { confidentialityText: value }),
    {
      onSuccess: (next) => {
        setEditing(false);
        setStatus({
          tone: 'success',
          message: t('engagement.confidentiality.saved', { version: next.confidentiality.version }),
        });
      },
      onError: (err) => setStatus({ tone: 'error', message: describeError(t, err) }),
    },
  );
  return (
    <SectionCard
      title={t('engagement.confidentiality.title')}
      visibility={t('engagement.visibility.confidentiality')}
      actions={
        <Badge variant="light" size="lg" color={version > 0 ? 'honey' : 'gray'}>
          {version > 0
            ? t('engagement.confidentiality.version', { version })
            : t('engagement.confidentiality.noVersion')}
        </Badge>
      }
    >
      <Text size="sm" c="dimmed">
        {t('engagement.confidentiality.help')}
      </Text>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(draft.trim());
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('engagement.confidentiality.editLabel')}
              description={t('engagement.confidentiality.editHelp', { next: version + 1 })}
              autosize
              minRows={6}
              maxLength={8000}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={draft.trim() === text.trim()}>
                {t('engagement.confidentiality.saveVersion', { next: version + 1 })}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : text.trim() ? (
        <Blockquote color="honey" p="md" radius="md" style={{ whiteSpace: 'pre-wrap' }} fz="sm">
          {text}
        </Blockquote>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {t('engagement.confidentiality.empty')}
        </Text>
      )}
      {updatedAt && !editing && (
        <Text size="xs" c="dimmed">
          {t('engagement.confidentiality.updated', { date: formatDateTime(updatedAt) })}
        </Text>
      )}
      <FormAlert tone={status?.tone ?? 'error'} message={status?.message ?? null} />
      {canEdit && !editing && (
        <Group>
          <Button
            variant="default"
            leftSection={<Icon name="pencil" size={16} />}
            onClick={() => {
              setDraft(text);
              setStatus(null);
              setEditing(true);
            }}
          >
            {text.trim() ? t('engagement.confidentiality.edit') : t('engagement.confidentiality.write')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}

export function OverviewSection({
  orgId,
  engagement,
  canEdit,
}: {
  orgId: string;
  engagement: Engagement;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="lg">
      <SectionCard
        title={t('engagement.overview.title')}
        visibility={t('engagement.visibility.engagement')}
        actions={
          canEdit &&
          !editing && (
            <Button
              variant="default"
              leftSection={<Icon name="pencil" size={16} />}
              onClick={() => setEditing(true)}
            >
              {t('engagement.overview.edit')}
            </Button>
          )
        }
      >
        {editing ? (
          <DescriptionEditor orgId={orgId} engagement={engagement} onDone={() => setEditing(false)} />
        ) : (
          <Stack gap="lg">
            <Field label={t('engagement.fields.request')}>
              <Blockquote color="gray" p="md" radius="md" fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {engagement.request}
              </Blockquote>
              <Text size="xs" c="dimmed">
                {t('engagement.overview.requestNote')}
              </Text>
            </Field>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Field label={t('engagement.fields.context')}>
                <Prose value={engagement.context} empty={t('engagement.overview.notYet')} />
              </Field>
              <Field label={t('engagement.fields.intention')}>
                <Prose value={engagement.intention} empty={t('engagement.overview.notYet')} />
              </Field>
            </SimpleGrid>
            <Group gap="xl">
              <Field label={t('engagement.fields.startsOn')}>
                <Text size="sm">{formatDate(engagement.startsOn) || t('engagement.overview.noDate')}</Text>
              </Field>
              <Field label={t('engagement.fields.endsOn')}>
                <Text size="sm">{formatDate(engagement.endsOn) || t('engagement.overview.noDate')}</Text>
              </Field>
              <Field label={t('engagement.overview.created')}>
                <Text size="sm">{formatDate(engagement.createdAt)}</Text>
              </Field>
            </Group>
          </Stack>
        )}
      </SectionCard>
      <ConfidentialityAgreement orgId={orgId} engagement={engagement} canEdit={canEdit} />
    </Stack>
  );
}
