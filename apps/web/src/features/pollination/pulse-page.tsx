/**
 * The public adoption pulse, opened from a link without an account. Mobile-first: one column, the one
 * question, the five stages as large radio cards with a line of explanation each.
 */
import { ADOPTION_STAGES, type AdoptionStage } from '@essaim/core/pollination';
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PageSkeleton } from '../../components/page-skeleton';
import i18n, { currentLanguage } from '../../i18n';
import { isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { tx } from './api';
import { answerPulse, usePulseQuestion } from './pulse-api';

export function PulsePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('pollination.pulse.public.title'));
  const question = usePulseQuestion(token);
  const [stage, setStage] = useState<AdoptionStage | null>(null);
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'closed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const language = (
    <SegmentedControl
      size="xs"
      aria-label={t('pollination.pulse.public.language')}
      value={currentLanguage()}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'fr', label: 'Français' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
  if (question.isPending) {
    return <PageSkeleton />;
  }
  const message = (color: string, title: string, body: string, testId: string) => (
    <Container size="xs" py="xl" px="md" component="main">
      <Stack>
        <Box>{language}</Box>
        <Title order={1} size="h3">
          {t('pollination.pulse.public.title')}
        </Title>
        <Alert color={color} title={title} data-testid={testId}>
          {body}
        </Alert>
      </Stack>
    </Container>
  );
  if (question.isError) {
    return message(
      'red',
      t('pollination.pulse.public.notFound'),
      t('pollination.pulse.public.notFoundBody'),
      'pulse-not-found',
    );
  }
  if (state === 'done') {
    return message(
      'teal',
      t('pollination.pulse.public.thanks'),
      t('pollination.pulse.public.thanksBody'),
      'pulse-done',
    );
  }
  if (state === 'closed' || !question.data.open) {
    return message(
      'gray',
      t('pollination.pulse.public.closed'),
      t('pollination.pulse.public.closedBody'),
      'pulse-closed',
    );
  }
  const q = question.data;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stage) {
      return;
    }
    setState('sending');
    setError(null);
    try {
      await answerPulse(token, stage);
      setState('done');
    } catch (err) {
      // Closed between opening the page and answering: say so kindly rather than as an error.
      if (isApiError(err) && err.code === 'CONFLICT') {
        setState('closed');
        return;
      }
      setError(err);
      setState('idle');
    }
  };
  return (
    <Container size="xs" py="lg" px="md" component="main">
      <form onSubmit={submit} data-testid="pulse-form">
        <Stack gap="lg">
          <Box>{language}</Box>
          <Title order={1} size="h3">
            {t('pollination.pulse.public.title')}
          </Title>
          <Text size="sm">{t('pollination.pulse.public.intro', { collective: q.collective })}</Text>
          <Alert variant="light" color="gray">
            {t('pollination.pulse.public.anonymity')}
          </Alert>
          <Radio.Group
            value={stage}
            onChange={(v) => setStage(v as AdoptionStage)}
            label={
              <Text fw={600} component="span">
                {t('pollination.pulse.public.question', { practice: q.practice })}
              </Text>
            }
            required
          >
            <Stack gap="sm" mt="sm">
              {ADOPTION_STAGES.map((s) => (
                <Radio.Card key={s} value={s} p="md" radius="md" withBorder data-testid={`pulse-stage-${s}`}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <div>
                      <Text fw={600}>{tx(t, `pollination.plan.stages.${s}`)}</Text>
                      <Text size="sm" c="dimmed">
                        {tx(t, `pollination.pulse.public.describe.${s}`)}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
          {error ? <FormAlert message={describeError(t, error)} /> : null}
          <Button
            type="submit"
            size="md"
            fullWidth
            disabled={!stage}
            loading={state === 'sending'}
            data-testid="pulse-submit"
          >
            {t('pollination.pulse.public.send')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
