import {
  Alert,
  Anchor,
  Button,
  Container,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { VisibilityNote } from '../../components/visibility-note';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useMyFeedback, useSendFeedback } from './api';

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * A participant's feedback after a workshop: how useful it was (1–5) and one open answer. Reached from
 * the participant's page by the holder of the workshop cookie; answering again replaces the answer.
 */
export function FeedbackPage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const mine = useMyFeedback(workshopId);
  const send = useSendFeedback(workshopId);
  usePageTitle(t('reports.feedback.pageTitle'));
  const [usefulness, setUsefulness] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const answer = mine.data?.answer;
  useEffect(() => {
    if (answer) {
      setUsefulness(String(answer.usefulness));
      setComment(answer.comment);
    }
  }, [answer]);

  if (mine.isPending) {
    return (
      <Container size="xs" py="xl">
        <Loader aria-label={t('reports.feedback.loading')} />
      </Container>
    );
  }
  if (mine.isError) {
    return (
      <Container size="xs" py="xl">
        <Alert color="orange" title={t('reports.feedback.notJoinedTitle')}>
          <Stack gap="sm">
            <Text>{t('reports.feedback.notJoinedBody')}</Text>
            <Button component={Link} to="/join" variant="light" w="fit-content">
              {t('reports.feedback.join')}
            </Button>
          </Stack>
        </Alert>
      </Container>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!usefulness) {
      return;
    }
    send.mutate({ usefulness: Number(usefulness), comment: comment.trim() || undefined });
  };

  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="lg">
        <Anchor component={Link} to={`/w/${workshopId}`} size="sm">
          {t('reports.feedback.backToWorkshop')}
        </Anchor>
        <div>
          <Title order={1} size="h2">
            {t('reports.feedback.heading')}
          </Title>
          <Text c="dimmed">{mine.data.workshopTitle}</Text>
        </div>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Radio.Group
                label={t('reports.feedback.question')}
                description={t('reports.feedback.questionHelp')}
                value={usefulness}
                onChange={setUsefulness}
                error={touched && !usefulness ? t('reports.feedback.required') : null}
                withAsterisk
              >
                <Stack gap="xs" mt="xs">
                  {SCALE.map((v) => (
                    <Radio key={v} value={String(v)} label={t(`reports.feedback.scale.${v}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('reports.feedback.open')}
                description={t('reports.feedback.openHelp')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                maxLength={1000}
                autosize
                minRows={3}
              />
              <FormAlert message={send.isError ? describeError(t, send.error) : null} />
              {send.isSuccess && (
                <Alert color="teal" role="status">
                  {t('reports.feedback.thanks')}
                </Alert>
              )}
              <Button type="submit" loading={send.isPending} w="fit-content">
                {answer ? t('reports.feedback.update') : t('reports.feedback.send')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <VisibilityNote>{t('reports.feedback.visibility')}</VisibilityNote>
      </Stack>
    </Container>
  );
}
