import type { Engagement } from '@essaim/contracts';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { VisibilityNote } from '../../components/visibility-note';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { engagementKeys, engagementsPath } from './api';
import { NoOrganisation } from './shared';

interface Draft {
  title: string;
  request: string;
  context: string;
  intention: string;
  startsOn: string;
  endsOn: string;
}

const EMPTY: Draft = { title: '', request: '', context: '', intention: '', startsOn: '', endsOn: '' };

function CreateEngagementForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problems = {
    title: draft.title.trim().length < 2 ? t('engagement.create.titleTooShort') : null,
    request: draft.request.trim() ? null : t('engagement.create.requestRequired'),
    endsOn:
      draft.startsOn && draft.endsOn && draft.endsOn < draft.startsOn
        ? t('engagement.create.endsBeforeStart')
        : null,
  };

  const create = useMutation({
    mutationFn: () =>
      api.post<Engagement>(engagementsPath(orgId), {
        title: draft.title.trim(),
        request: draft.request.trim(),
        context: draft.context.trim() || undefined,
        intention: draft.intention.trim() || undefined,
        startsOn: draft.startsOn || undefined,
        endsOn: draft.endsOn || undefined,
      }),
    onSuccess: (engagement) => {
      queryClient.setQueryData(engagementKeys.one(orgId, engagement.id), engagement);
      void queryClient.invalidateQueries({ queryKey: engagementKeys.list(orgId) });
      navigate(`/engagements/${engagement.id}`);
    },
    onError: (err) => setError(describeError(t, err)),
  });

  const set = (key: keyof Draft) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (Object.values(problems).some(Boolean)) {
      return;
    }
    create.mutate();
  };

  return (
    <Card p={{ base: 'md', sm: 'xl' }} maw={820}>
      <form
        onSubmit={onSubmit}
        noValidate
        data-testid="engagement-create-form"
        aria-describedby="create-visibility"
      >
        <Stack gap="lg">
          <div id="create-visibility">
            <VisibilityNote>{t('engagement.visibility.create')}</VisibilityNote>
          </div>
          <TextInput
            label={t('engagement.fields.title')}
            description={t('engagement.fields.titleHelp')}
            name="title"
            required
            maxLength={200}
            value={draft.title}
            onChange={set('title')}
            error={submitted ? problems.title : null}
            data-autofocus
          />
          <Textarea
            label={t('engagement.fields.request')}
            description={t('engagement.fields.requestHelp')}
            name="request"
            required
            autosize
            minRows={4}
            maxLength={8000}
            value={draft.request}
            onChange={set('request')}
            error={submitted ? problems.request : null}
          />
          <Textarea
            label={t('engagement.fields.context')}
            description={t('engagement.fields.contextHelp')}
            name="context"
            autosize
            minRows={3}
            maxLength={8000}
            value={draft.context}
            onChange={set('context')}
          />
          <Textarea
            label={t('engagement.fields.intention')}
            description={t('engagement.fields.intentionHelp')}
            name="intention"
            autosize
            minRows={2}
            maxLength={4000}
            value={draft.intention}
            onChange={set('intention')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('engagement.fields.startsOn')}
              name="startsOn"
              value={draft.startsOn}
              onChange={set('startsOn')}
            />
            <TextInput
              type="date"
              label={t('engagement.fields.endsOn')}
              name="endsOn"
              value={draft.endsOn}
              onChange={set('endsOn')}
              error={submitted ? problems.endsOn : null}
            />
          </SimpleGrid>
          <FormAlert message={error} />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" maw={460}>
              {t('engagement.create.afterwards')}
            </Text>
            <Group gap="sm">
              <Button component={Link} to="/engagements" variant="default">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} leftSection={<Icon name="plus" size={16} />}>
                {t('engagement.create.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function CreateEngagementPage() {
  const { t } = useTranslation();
  const { org, can } = useCurrentOrg();
  usePageTitle(t('engagement.create.title'));
  return (
    <>
      <Anchor component={Link} to="/engagements" size="sm" mb="sm" display="inline-flex" style={{ gap: 4 }}>
        <Icon name="chevronLeft" size={16} />
        {t('engagement.backToList')}
      </Anchor>
      <PageHeader title={t('engagement.create.title')} description={t('engagement.create.intro')} />
      {!org ? (
        <NoOrganisation />
      ) : can('engagement.create') ? (
        <CreateEngagementForm key={org.id} orgId={org.id} />
      ) : (
        <FormAlert tone="info" message={t('engagement.create.notAllowed')} />
      )}
    </>
  );
}
