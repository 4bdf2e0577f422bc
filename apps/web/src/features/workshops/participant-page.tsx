import { resultsOf } from '@essaim/core/live';
import { Alert, Box, Button, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { useRealtimeStatus } from '../../lib/use-realtime';
import { FeedbackInvite } from '../reports/feedback-invite';
import { ACTIVITY_SCREENS } from './activities/registry';
import type { InputProps } from './activities/types';
import { useParticipantMe } from './api';
import { OpinionMapParticipantPanel } from './opinion-map-activity';
import { ResultsView } from './results-view';
import { ConnectionBadge, LiveAnnouncer, StatusBanner } from './shared';
import { useLive } from './use-live';

export function ParticipantPage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const me = useParticipantMe(workshopId);
  usePageTitle(me.data?.title ?? t('workshop.participant.title'));
  if (me.isPending) {
    return (
      <Container size="xs" py="xl">
        <Loader aria-label={t('workshop.participant.loading')} />
      </Container>
    );
  }
  if (me.isError || !me.data) {
    return (
      <Container size="xs" py="xl">
        <Alert color="orange" title={t('workshop.participant.notJoinedTitle')}>
          <Stack gap="sm">
            <Text>{t('workshop.participant.notJoinedBody')}</Text>
            <Button component={Link} to="/join" variant="light">
              {t('workshop.join.title')}
            </Button>
          </Stack>
        </Alert>
      </Container>
    );
  }
  return (
    <ParticipantLive
      workshopId={workshopId}
      participantId={me.data.participantId}
      title={me.data.title}
      name={me.data.displayName}
    />
  );
}

function ParticipantLive({
  workshopId,
  participantId,
  title,
  name,
}: {
  workshopId: string;
  participantId: string;
  title: string;
  name: string | null;
}) {
  const { t } = useTranslation();
  const { session, live } = useLive(workshopId, { role: 'participant', participantId });
  const status = useRealtimeStatus();
  const state = live.view;
  const current = state.currentActivityId ? state.activities[state.currentActivityId] : undefined;
  const isRemoved = state.participants[participantId]?.isRemoved ?? false;
  const results = current
    ? resultsOf(state, current.id, { role: 'participant', participantId }, { now: Date.now() })
    : null;
  const props = current ? { state, activity: current, me: participantId, session } : null;
  // The registry's entry for the current kind (its props are checked per kind there).
  const Input = current ? (ACTIVITY_SCREENS[current.type].Input as ComponentType<InputProps>) : null;
  return (
    <Container size="xs" py="md" component="main">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Title order={1} size="h3">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {name ? t('workshop.participant.as', { name }) : t('workshop.participant.asAnonymous')}
            </Text>
          </Stack>
          <ConnectionBadge status={status} pending={live.pending} />
        </Group>
        <StatusBanner state={state} />
        <LiveAnnouncer state={state} />
        {isRemoved ? (
          <Alert color="red" role="alert">
            {t('workshop.participant.removed')}
          </Alert>
        ) : null}
        {live.lastRejection && Date.now() - live.lastRejection.at < 8000 ? (
          <Alert color="orange" role="alert">
            {t(`workshop.rejected.${live.lastRejection.code}`)}
          </Alert>
        ) : null}
        {!live.isLoaded ? (
          <Loader aria-label={t('workshop.participant.loading')} />
        ) : !current ? (
          <Paper withBorder p="lg" radius="md">
            <Text>{t('workshop.participant.waiting')}</Text>
          </Paper>
        ) : (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="activity-title">
            <Stack gap="md">
              <Title order={2} size="h4" id="activity-title">
                {current.title}
              </Title>
              {current.phase !== 'open' ? (
                <Text c="dimmed">{t('workshop.participant.closed')}</Text>
              ) : (
                // Paused or stopped: the inputs stay visible but inactive (the banner above says why).
                <Box
                  component="fieldset"
                  disabled={state.status !== 'running'}
                  data-testid="activity-inputs"
                  style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
                >
                  {props && Input ? <Input {...props} /> : null}
                </Box>
              )}
              {results &&
              !ACTIVITY_SCREENS[current.type].isInputEnough &&
              (current.isRevealed || current.type === 'timer' || current.type === 'brainstorm') ? (
                <section aria-label={t('workshop.participant.results')}>
                  <ResultsView results={results} />
                </section>
              ) : null}
            </Stack>
          </Paper>
        )}
        {state.status === 'stopped' ? <FeedbackInvite workshopId={workshopId} /> : null}
        <VisibilityNote>{t('workshop.visibility.participant')}</VisibilityNote>
        {state.status === 'stopped' ? null : <OpinionMapParticipantPanel workshopId={workshopId} />}
      </Stack>
    </Container>
  );
}
