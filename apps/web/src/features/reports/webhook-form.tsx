import type { WebhookEndpoint, WebhookEndpointBody } from '@essaim/contracts';
import { Badge, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';

type EventType = WebhookEndpoint['eventTypes'][number];

interface WebhookFormProps {
  eventTypes: { type: EventType; isEmitted: boolean }[];
  initial?: WebhookEndpoint;
  pending: boolean;
  error: string | null;
  onSubmit: (body: WebhookEndpointBody) => void;
  onCancel: () => void;
}

/** Create or edit an endpoint: its URL, a note for the team and the events it receives. */
export function WebhookForm({ eventTypes, initial, pending, error, onSubmit, onCancel }: WebhookFormProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initial?.url ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [types, setTypes] = useState<string[]>(
    initial?.eventTypes ?? eventTypes.filter((e) => e.isEmitted).map((e) => e.type),
  );
  const [touched, setTouched] = useState(false);
  const urlProblem = /^https?:\/\/[^\s]+$/i.test(url.trim()) ? null : t('reports.webhooks.form.urlInvalid');
  const typesProblem = types.length === 0 ? t('reports.webhooks.form.typesRequired') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (urlProblem || typesProblem) {
      return;
    }
    onSubmit({ url: url.trim(), description: description.trim(), eventTypes: types as EventType[] });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('reports.webhooks.form.url')}
          description={t('reports.webhooks.form.urlHelp')}
          placeholder="https://example.org/essaim-hook"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={touched ? urlProblem : null}
          required
          data-autofocus
        />
        <TextInput
          label={t('reports.webhooks.form.description')}
          description={t('reports.webhooks.form.descriptionHelp')}
          value={description}
          maxLength={200}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Checkbox.Group
          label={t('reports.webhooks.form.events')}
          description={t('reports.webhooks.form.eventsHelp')}
          value={types}
          onChange={setTypes}
          error={touched ? typesProblem : null}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            {eventTypes.map((e) => (
              <Checkbox
                key={e.type}
                value={e.type}
                label={
                  <Group gap="xs" component="span">
                    <Text span size="sm" ff="monospace">
                      {e.type}
                    </Text>
                    {!e.isEmitted && (
                      <Badge size="xs" variant="light" color="gray" component="span">
                        {t('reports.webhooks.notEmittedYet')}
                      </Badge>
                    )}
                  </Group>
                }
                description={t(`reports.webhooks.eventHelp.${e.type}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('reports.common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {initial ? t('reports.webhooks.form.save') : t('reports.webhooks.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
