/**
 * The public feedback form, reached by a link without an account. Mobile-first: one column, large
 * touch targets, the four levels described in words, "I can't say" always possible.
 */
import {
  Alert,
  Box,
  Button,
  Container,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PageSkeleton } from '../../components/page-skeleton';
import i18n, { currentLanguage } from '../../i18n';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { submitFeedback, useFeedbackForm } from './api';
import { competencyName, descriptor } from './shared';

export function FeedbackFormPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('competencies.form.title'));
  const form = useFeedbackForm(token);
  const [ratings, setRatings] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<unknown>(null);
  if (form.isPending) {
    return <PageSkeleton />;
  }
  const language = (
    <SegmentedControl
      size="xs"
      aria-label={t('competencies.form.language')}
      value={currentLanguage()}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'fr', label: 'Français' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
  if (form.isError) {
    return (
      <Container size="xs" py="xl">
        <Alert color="red" title={t('competencies.form.notFound')}>
          {describeError(t, form.error)}
        </Alert>
      </Container>
    );
  }
  const f = form.data;
  if (state === 'done' || f.status !== 'open') {
    return (
      <Container size="xs" py="xl">
        <Stack>
          {language}
          <Alert
            color={state === 'done' || f.status === 'answered' ? 'teal' : 'gray'}
            data-testid="feedback-done"
          >
            {state === 'done' || f.status === 'answered'
              ? t('competencies.form.thanks')
              : t('competencies.form.closed')}
          </Alert>
        </Stack>
      </Container>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('sending');
    setError(null);
    try {
      const all = Object.fromEntries(f.competencyIds.map((id) => [id, ratings[id] ?? null]));
      await submitFeedback(token, { ratings: all, comment });
      setState('done');
    } catch (err) {
      setError(err);
      setState('idle');
    }
  };
  return (
    <Container size="xs" py="lg" px="md">
      <form onSubmit={submit} data-testid="feedback-form">
        <Stack gap="lg">
          <Box>{language}</Box>
          <Title order={1} size="h3">
            {t('competencies.form.heading', { name: f.consultantName })}
          </Title>
          <Text size="sm">
            {t('competencies.form.intro', { relation: t(`competencies.relations.${f.relation}`) })}
          </Text>
          {f.message ? (
            <Text size="sm" fs="italic">
              {f.message}
            </Text>
          ) : null}
          <Alert variant="light" color="gray">
            {t('competencies.form.anonymity')}
          </Alert>
          {f.competencyIds.map((id) => (
            <Radio.Group
              key={id}
              label={<Text fw={600}>{competencyName(id)}</Text>}
              value={ratings[id] ? String(ratings[id]) : '0'}
              onChange={(v) => setRatings((r) => ({ ...r, [id]: v === '0' ? null : Number(v) }))}
              data-testid={`feedback-${id}`}
            >
              <Stack gap="sm" mt="xs">
                {[1, 2, 3, 4].map((level) => (
                  <Radio
                    key={level}
                    value={String(level)}
                    label={descriptor(id, level)}
                    size="md"
                    data-testid={`feedback-${id}-${level}`}
                  />
                ))}
                <Radio value="0" label={t('competencies.form.cannotSay')} size="md" />
              </Stack>
            </Radio.Group>
          ))}
          <Textarea
            label={t('competencies.form.comment')}
            description={t('competencies.form.commentHint')}
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            name="comment"
          />
          {error ? <FormAlert message={describeError(t, error)} /> : null}
          <Button
            type="submit"
            size="md"
            fullWidth
            loading={state === 'sending'}
            data-testid="feedback-submit"
          >
            {t('competencies.form.send')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
