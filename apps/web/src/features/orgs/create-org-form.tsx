import type { Organisation } from '@essaim/contracts';
import { Button, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { Icon } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { ME_KEY } from '../auth/session';
import { orgKeys } from './api';
import { type ContributionPolicy, PolicyChoice } from './policy-choice';
import { setCurrentOrgId } from './use-current-org';

/** Creates an organisation (the creator becomes its owner) and makes it the current one. */
export function CreateOrgForm({ onCreated }: { onCreated?: (org: Organisation) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [policy, setPolicy] = useState<ContributionPolicy>('anonymise');
  const [nameProblem, setNameProblem] = useState(false);
  const create = useMutation({
    mutationFn: (body: { name: string; contributionPolicy: ContributionPolicy }) =>
      api.post<Organisation>('/api/orgs', body),
    onSuccess: async (org) => {
      setCurrentOrgId(org.id);
      queryClient.setQueryData(orgKeys.one(org.id), org);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: t('orgs.create.created', { name: org.name }) });
      // Next steps (invite, first engagement) are offered on the home page, which now knows the organisation.
      if (onCreated) {
        onCreated(org);
      } else {
        navigate('/');
      }
    },
    onError: () => {},
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const tooShort = name.trim().length < 2;
    setNameProblem(tooShort);
    if (!tooShort) {
      create.mutate({ name: name.trim(), contributionPolicy: policy });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="org-create-form">
      <Stack gap="md">
        <TextInput
          label={t('orgs.create.name')}
          description={t('orgs.create.nameHint')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameProblem ? t('orgs.create.nameTooShort') : undefined}
          maxLength={120}
          name="name"
          required
          data-autofocus
        />
        <PolicyChoice value={policy} onChange={setPolicy} />
        <FormAlert message={create.isError ? describeError(t, create.error) : null} />
        <Button type="submit" loading={create.isPending} leftSection={<Icon name="plus" size={18} />}>
          {t('orgs.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}
