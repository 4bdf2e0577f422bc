/** The peer's view of a self-assessment sent for supervision, reached by link, and their review. */
import { Alert, Button, Container, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PageSkeleton } from '../../components/page-skeleton';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { submitReview, useSupervision } from './api';
import { EvidenceLine } from './evidence-line';
import { competencyName, descriptor, LevelBadge } from './shared';

export function SupervisionPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('competencies.supervision.title'));
  const view = useSupervision(token);
  const [review, setReview] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (view.isPending) {
    return <PageSkeleton />;
  }
  if (view.isError) {
    return (
      <Container size="sm" py="xl">
        <Alert color="red">{describeError(t, view.error)}</Alert>
      </Container>
    );
  }
  const v = view.data;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await submitReview(token, review);
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Container size="sm" py="lg">
      <Stack gap="md">
        <Title order={1} size="h3">
          {t('competencies.supervision.heading', { name: v.consultantName })}
        </Title>
        {v.message ? <Text fs="italic">{v.message}</Text> : null}
        {v.assessment.ratings.map((r) => (
          <Stack key={r.competencyId} gap={2}>
            <Text fw={600}>
              {competencyName(r.competencyId)} <LevelBadge level={r.level} />
            </Text>
            <Text size="sm" c="dimmed">
              {descriptor(r.competencyId, r.level)}
            </Text>
            {r.note ? <Text size="sm">{r.note}</Text> : null}
            {r.evidence.map((e) => (
              <EvidenceLine key={e.key} item={e} />
            ))}
          </Stack>
        ))}
        {v.review || done ? (
          <Alert color="teal">{t('competencies.supervision.thanks')}</Alert>
        ) : (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Textarea
                label={t('competencies.supervision.yourReview')}
                autosize
                minRows={4}
                required
                value={review}
                onChange={(e) => setReview(e.currentTarget.value)}
              />
              {error ? <FormAlert message={describeError(t, error)} /> : null}
              <Button type="submit">{t('competencies.supervision.send')}</Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Container>
  );
}
