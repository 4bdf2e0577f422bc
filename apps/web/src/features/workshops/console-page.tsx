import { type AnyActivity, resultsOf, type WorkshopState } from '@essaim/core/live';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Image,
  List,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useRealtimeStatus } from '../../lib/use-realtime';
import { useCurrentOrg } from '../orgs/use-current-org';
import { AddActivity } from './add-activity';
import { useSendOutputs, useWorkshop, workshopPath } from './api';
import { ConsentTools, TimerTools } from './decision-tools';
import type { LiveSession } from './live-session';
import { OpinionMapFacilitatorPanel } from './opinion-map-activity';
import { ResultsView } from './results-view';
import { ConnectionBadge, PhaseBadge, StatusBanner } from './shared';
import { useLive } from './use-live';

const FACILITATOR = { role: 'facilitator' } as const;

function ActivityControls({ activity, session }: { activity: AnyActivity; session: LiveSession }) {
  const { t } = useTranslation();
  const id = activity.id;
  return (
    <Group gap="xs">
      {activity.phase !== 'open' ? (
        <Button size="xs" onClick={() => session.send({ type: 'activity.start', activityId: id })}>
          {activity.phase === 'draft' ? t('workshop.controls.start') : t('workshop.controls.reopen')}
        </Button>
      ) : (
        <Button
          size="xs"
          variant="light"
          onClick={() => session.send({ type: 'activity.close', activityId: id })}
        >
          {t('workshop.controls.close')}
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        onClick={() =>
          session.send({
            type: activity.isRevealed ? 'activity.hideResults' : 'activity.revealResults',
            activityId: id,
          })
        }
      >
        {activity.isRevealed ? t('workshop.controls.hideResults') : t('workshop.controls.reveal')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={() =>
          session.send({ type: activity.isLocked ? 'activity.unlock' : 'activity.lock', activityId: id })
        }
      >
        {activity.isLocked ? t('workshop.controls.unlock') : t('workshop.controls.lock')}
      </Button>
    </Group>
  );
}

/** Facilitator tools specific to the current activity: hide cards, build groups, vote on them. */
function ActivityTools({
  state,
  activity,
  session,
}: {
  state: WorkshopState;
  activity: AnyActivity;
  session: LiveSession;
}) {
  const { t } = useTranslation();
  const [groupName, setGroupName] = useState('');
  const results = resultsOf(state, activity.id, FACILITATOR);
  const voteOn = (labels: string[], title: string) =>
    session.send({
      type: 'activity.add',
      activity: {
        type: 'dotVote',
        title,
        config: {
          items: labels.slice(0, 200).map((label, i) => ({ id: `i${i + 1}`, label: label.slice(0, 200) })),
          dotsPerParticipant: 3,
          maxPerItem: 3,
        },
      },
    });
  if (results?.type === 'brainstorm' && !results.isHidden) {
    return (
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('workshop.moderation.title')}
        </Title>
        <List spacing={4} listStyleType="none">
          {results.cards.map((c) => (
            <List.Item key={c.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" td={c.isHidden ? 'line-through' : undefined} style={{ flex: 1 }}>
                  {c.text}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t(
                    c.isHidden ? 'workshop.moderation.showLabel' : 'workshop.moderation.hideLabel',
                    { text: c.text },
                  )}
                  onClick={() =>
                    session.send({
                      type: c.isHidden ? 'brainstorm.showCard' : 'brainstorm.hideCard',
                      activityId: activity.id,
                      cardId: c.id,
                    })
                  }
                >
                  {c.isHidden ? t('workshop.moderation.show') : t('workshop.moderation.hide')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  if (activity.type === 'consentRound') {
    return <ConsentTools activity={activity} session={session} />;
  }
  if (activity.type === 'timer') {
    return <TimerTools activity={activity} session={session} />;
  }
  if (results?.type === 'cluster' && !results.isHidden) {
    const groups = results.groups.map((g) => ({ value: g.id, label: g.name }));
    const cards = [
      ...results.ungrouped.map((c) => ({ ...c, groupId: null as string | null })),
      ...results.groups.flatMap((g) => g.cards.map((c) => ({ ...c, groupId: g.id as string | null }))),
    ];
    return (
      <Stack gap="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (groupName.trim()) {
              session.send({ type: 'cluster.createGroup', activityId: activity.id, name: groupName.trim() });
              setGroupName('');
            }
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('workshop.cluster.newGroup')}
              value={groupName}
              onChange={(e) => setGroupName(e.currentTarget.value)}
              maxLength={200}
            />
            <Button type="submit" variant="light">
              {t('workshop.cluster.addGroup')}
            </Button>
          </Group>
        </form>
        <Stack gap={6}>
          {cards.map((c) => (
            <Group key={c.id} gap="xs" wrap="nowrap">
              <Text size="sm" style={{ flex: 1 }}>
                {c.text}
              </Text>
              <Select
                size="xs"
                w={200}
                aria-label={t('workshop.cluster.moveLabel', { text: c.text })}
                placeholder={t('workshop.cluster.ungrouped')}
                data={groups}
                value={c.groupId}
                clearable
                onChange={(groupId) =>
                  session.send({ type: 'cluster.moveCard', activityId: activity.id, cardId: c.id, groupId })
                }
              />
            </Group>
          ))}
        </Stack>
        {results.groups.length > 0 ? (
          <Group>
            <Button
              variant="light"
              onClick={() =>
                voteOn(
                  results.groups.map((g) => g.name),
                  t('workshop.cluster.voteTitle'),
                )
              }
            >
              {t('workshop.cluster.voteOnGroups')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }
  return null;
}

function Participants({ state, session }: { state: WorkshopState; session: LiveSession }) {
  const { t } = useTranslation();
  const people = Object.values(state.participants).filter((p) => !p.isRemoved);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="participants-title">
      <Title order={2} size="h4" id="participants-title">
        {t('workshop.participants.title', { count: people.length })}
      </Title>
      {people.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('workshop.participants.empty')}
        </Text>
      ) : (
        <List spacing={4} mt="xs" listStyleType="none" data-testid="participants">
          {people.slice(0, 200).map((p) => (
            <List.Item key={p.id}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm">{p.displayName ?? t('workshop.participants.anonymous')}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('workshop.participants.removeLabel', {
                    name: p.displayName ?? t('workshop.participants.anonymous'),
                  })}
                  onClick={() => {
                    if (window.confirm(t('workshop.participants.confirmRemove'))) {
                      session.send({ type: 'participant.remove', participantId: p.id });
                    }
                  }}
                >
                  {t('workshop.participants.remove')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

export function ConsolePage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const workshop = useWorkshop(orgId, workshopId);
  const { session, live } = useLive(workshopId, FACILITATOR);
  const status = useRealtimeStatus();
  const outputs = useSendOutputs(orgId, workshopId);
  usePageTitle(workshop.data?.title ?? t('workshop.console.title'));
  if (workshop.isError) {
    return <QueryError error={workshop.error} />;
  }
  const state = live.view;
  const current = state.currentActivityId ? state.activities[state.currentActivityId] : undefined;
  const joinUrl = workshop.data ? `${window.location.origin}${workshop.data.joinPath}` : '';
  const currentResults = current ? resultsOf(state, current.id, FACILITATOR, { now: Date.now() }) : null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={workshop.data?.title ?? t('workshop.console.title')}
        description={
          workshop.data?.engagementTitle
            ? t('workshop.console.ofEngagement', { title: workshop.data.engagementTitle })
            : t('workshop.console.standalone')
        }
      />
      <StatusBanner state={state} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder>
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Text size="sm" c="dimmed">
                    {t('workshop.console.joinWith')}
                  </Text>
                  <Text
                    fz={36}
                    fw={800}
                    ff="monospace"
                    lts={4}
                    data-testid="join-code"
                    aria-label={t('workshop.console.codeLabel', {
                      code: workshop.data?.code.split('').join(' ') ?? '',
                    })}
                  >
                    {workshop.data?.code ?? '······'}
                  </Text>
                  <Anchor href={joinUrl} size="sm">
                    {joinUrl}
                  </Anchor>
                  <Group gap="xs" mt="xs">
                    <ConnectionBadge status={status} pending={live.pending} />
                    <Button
                      component={Link}
                      to={`/screen/${workshopId}`}
                      target="_blank"
                      variant="light"
                      size="xs"
                    >
                      {t('workshop.console.openScreen')}
                    </Button>
                  </Group>
                </Stack>
                {workshop.data ? (
                  <Image
                    src={`${workshopPath(orgId, workshopId)}/qr.svg`}
                    alt={t('workshop.console.qrAlt', { code: workshop.data.code })}
                    w={140}
                    h={140}
                  />
                ) : null}
              </Group>
              <Group mt="md" gap="xs">
                {state.status === 'running' ? (
                  <Button
                    variant="light"
                    color="yellow"
                    onClick={() => session.send({ type: 'workshop.pause' })}
                  >
                    {t('workshop.controls.pause')}
                  </Button>
                ) : state.status === 'paused' ? (
                  <Button
                    variant="light"
                    color="teal"
                    onClick={() => session.send({ type: 'workshop.resume' })}
                  >
                    {t('workshop.controls.resume')}
                  </Button>
                ) : null}
                {state.status !== 'stopped' ? (
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      const reason = window.prompt(t('workshop.controls.stopPrompt'));
                      if (reason !== null) {
                        session.send({ type: 'workshop.stop', reason: reason.slice(0, 500) });
                      }
                    }}
                  >
                    {t('workshop.controls.stop')}
                  </Button>
                ) : null}
                <Button
                  component="a"
                  href={`${workshopPath(orgId, workshopId)}/export?format=csv`}
                  variant="default"
                  size="sm"
                >
                  {t('workshop.export.csv')}
                </Button>
                <Button
                  component="a"
                  href={`${workshopPath(orgId, workshopId)}/export?format=json`}
                  variant="default"
                  size="sm"
                >
                  {t('workshop.export.json')}
                </Button>
              </Group>
            </Card>

            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="agenda-title">
              <Title order={2} size="h4" id="agenda-title">
                {t('workshop.agenda.title')}
              </Title>
              {state.activityOrder.length === 0 ? (
                <Text c="dimmed" size="sm" mt="xs">
                  {t('workshop.agenda.empty')}
                </Text>
              ) : (
                <List spacing="sm" mt="sm" listStyleType="none" data-testid="agenda">
                  {state.activityOrder.map((id, index) => {
                    const a = state.activities[id];
                    if (!a) {
                      return null;
                    }
                    return (
                      <List.Item key={id}>
                        <Group justify="space-between" wrap="wrap" gap="xs">
                          <Group gap="xs">
                            <Text fw={id === state.currentActivityId ? 700 : 400}>
                              {index + 1}. {a.title}
                            </Text>
                            <Badge variant="outline" size="sm">
                              {t(`workshop.kinds.${a.type}`)}
                            </Badge>
                            <PhaseBadge phase={a.phase} />
                            {a.isRevealed ? (
                              <Badge size="sm" color="grape">
                                {t('workshop.agenda.revealed')}
                              </Badge>
                            ) : null}
                          </Group>
                          <ActivityControls activity={a} session={session} />
                        </Group>
                      </List.Item>
                    );
                  })}
                </List>
              )}
            </Paper>

            <OpinionMapFacilitatorPanel orgId={orgId} workshopId={workshopId} />

            {current && currentResults ? (
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="current-title">
                <Stack gap="sm">
                  <Group justify="space-between">
                    <Title order={2} size="h4" id="current-title">
                      {t('workshop.current.title', { title: current.title })}
                    </Title>
                    {workshop.data?.engagementId ? (
                      <Button
                        size="xs"
                        variant="light"
                        loading={outputs.isPending}
                        onClick={() =>
                          outputs.mutate(
                            { activityId: current.id, top: 5 },
                            {
                              onSuccess: (r) =>
                                notifications.show({
                                  color: 'teal',
                                  message: t('workshop.outputs.sent', { count: r.optionTitles.length }),
                                }),
                              onError: (e) =>
                                notifications.show({ color: 'red', message: describeError(t, e) }),
                            },
                          )
                        }
                      >
                        {t('workshop.outputs.send')}
                      </Button>
                    ) : null}
                  </Group>
                  <ResultsView results={currentResults} />
                  <ActivityTools state={state} activity={current} session={session} />
                </Stack>
              </Paper>
            ) : null}
            <AddActivity
              state={state}
              onAdd={(activity) => session.send({ type: 'activity.add', activity })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Participants state={state} session={session} />
            {live.lastRejection ? (
              <Alert color="orange" title={t('workshop.rejected.title')}>
                {t(`workshop.rejected.${live.lastRejection.code}`)}
              </Alert>
            ) : null}
            <VisibilityNote>{t('workshop.visibility.facilitator')}</VisibilityNote>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
