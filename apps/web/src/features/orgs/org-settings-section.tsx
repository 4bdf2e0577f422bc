import type { Organisation } from '@essaim/contracts';
import { Button, Card, Divider, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { VisibilityNote } from '../../components/visibility-note';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { formatDate } from '../../lib/format';
import { ME_KEY } from '../auth/session';
import { orgKeys } from './api';
import { type ContributionPolicy, PolicyChoice } from './policy-choice';

type OrgPatch = Partial<
  Pick<Organisation, 'name' | 'contributionPolicy' | 'minGroupSize' | 'minTextGroupSize'>
>;

/** Name, contribution policy and confidentiality thresholds (which can only be raised). */
export function OrgSettingsSection({ org, canEdit }: { org: Organisation; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [policy, setPolicy] = useState<ContributionPolicy>(org.contributionPolicy);
  const [minGroup, setMinGroup] = useState<number>(org.minGroupSize);
  const [minText, setMinText] = useState<number>(org.minTextGroupSize);
  const [nameProblem, setNameProblem] = useState(false);

  const save = useMutation({
    mutationFn: (patch: OrgPatch) =>
      api.patch<Organisation>(`/api/orgs/${encodeURIComponent(org.id)}`, patch),
    onSuccess: (updated) => {
      queryClient.setQueryData(orgKeys.one(org.id), updated);
      if (updated.name !== org.name) {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      }
    },
    onError: () => {},
  });

  const groupTooLow = minGroup < org.minGroupSize;
  const textTooLow = minText < org.minTextGroupSize;
  const patch: OrgPatch = {
    ...(name.trim() !== org.name ? { name: name.trim() } : {}),
    ...(policy !== org.contributionPolicy ? { contributionPolicy: policy } : {}),
    ...(minGroup !== org.minGroupSize ? { minGroupSize: minGroup } : {}),
    ...(minText !== org.minTextGroupSize ? { minTextGroupSize: minText } : {}),
  };
  const dirty = Object.keys(patch).length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const tooShort = name.trim().length < 2;
    setNameProblem(tooShort);
    if (tooShort || groupTooLow || textTooLow || !dirty) {
      return;
    }
    save.mutate(patch);
  };

  return (
    <Card withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
      <form onSubmit={onSubmit} noValidate data-testid="org-settings-form">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t('orgs.settings.title')}
            </Title>
            <VisibilityNote>{t('orgs.visibility.settings')}</VisibilityNote>
            {!canEdit && (
              <Text size="sm" c="dimmed">
                {t('orgs.settings.readOnly')}
              </Text>
            )}
          </Stack>
          <TextInput
            label={t('orgs.settings.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameProblem ? t('orgs.create.nameTooShort') : undefined}
            readOnly={!canEdit}
            maxLength={120}
            name="name"
          />
          <PolicyChoice value={policy} onChange={setPolicy} disabled={!canEdit} />
          <Divider />
          <Stack gap={4}>
            <Title order={3} size="h4">
              {t('orgs.settings.thresholds.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('orgs.settings.thresholds.intro')}
            </Text>
          </Stack>
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label={t('orgs.settings.thresholds.group')}
              description={t('orgs.settings.thresholds.groupHint', { min: org.minGroupSize })}
              value={minGroup}
              onChange={(value) => setMinGroup(typeof value === 'number' ? value : org.minGroupSize)}
              min={org.minGroupSize}
              max={1000}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="blur"
              readOnly={!canEdit}
              error={
                groupTooLow ? t('orgs.settings.thresholds.belowMin', { min: org.minGroupSize }) : undefined
              }
              miw={220}
              name="minGroupSize"
            />
            <NumberInput
              label={t('orgs.settings.thresholds.text')}
              description={t('orgs.settings.thresholds.textHint', { min: org.minTextGroupSize })}
              value={minText}
              onChange={(value) => setMinText(typeof value === 'number' ? value : org.minTextGroupSize)}
              min={org.minTextGroupSize}
              max={1000}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="blur"
              readOnly={!canEdit}
              error={
                textTooLow ? t('orgs.settings.thresholds.belowMin', { min: org.minTextGroupSize }) : undefined
              }
              miw={220}
              name="minTextGroupSize"
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('orgs.settings.thresholds.onlyRaise')}
          </Text>
          <FormAlert message={save.isError ? describeError(t, save.error) : null} />
          <FormAlert tone="success" message={save.isSuccess && !dirty ? t('orgs.settings.saved') : null} />
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              {t('orgs.settings.createdAt', { date: formatDate(org.createdAt) })}
            </Text>
            {canEdit && (
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {t('orgs.settings.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
