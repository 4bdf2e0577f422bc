import { type ActivitySpec, type AnyActivity, resultsOf, type WorkshopState } from '@essaim/core/live';
import {
  Accordion,
  Alert,
  Anchor,
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
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { describeError } from '../../lib/describe-error';
import { usePageTitle } from '../../lib/use-page-title';
import { useRealtimeStatus } from '../../lib/use-realtime';
import { useCurrentOrg } from '../orgs/use-current-org';
import { WorkshopFeedbackCard } from '../reports/workshop-feedback-card';
import { ConsentTools } from './activities/consent-round/tools';
import { ACTIVITY_SCREENS } from './activities/registry';
import { TimerTools } from './activities/timer/tools';
import type { ToolsProps } from './activities/types';
import { AddActivity } from './add-activity';
import { useSendOutputs, useWorkshop, workshopPath } from './api';
import { ChainVote } from './chain-vote';
import { ActivityControls, Agenda } from './console-agenda';
import type { LiveSession } from './live-session';
import { OpinionMapFacilitatorPanel } from './opinion-map-activity';
import { ResultsView } from './results-view';
import { ConnectionBadge, LiveAnnouncer, PhaseBadge, StatusBanner } from './shared';
import { useLive } from './use-live';

const FACILITATOR = { role: 'facilitator' } as const;

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
  const addActivity = (spec: ActivitySpec) => session.send({ type: 'activity.add', activity: spec });
  const Tools = ACTIVITY_SCREENS[activity.type].Tools as ComponentType<ToolsProps> | undefined;
  if (Tools) {
    return <Tools state={state} activity={activity} session={session} />;
  }
  if (results?.type === 'brainstorm' && !results.isHidden) {
    return (
      <Stack gap="xs">
        {results.cards.some((c) => !c.isHidden) ? <ChainVote results={results} onAdd={addActivity} /> : null}
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
        {results.groups.length > 0 ? <ChainVote results={results} onAdd={addActivity} /> : null}
      </Stack>
    );
  }
  return null;
}

function Participants({
  state,
  session,
  isStopped,
}: {
  state: WorkshopState;
  session: LiveSession;
  isStopped: boolean;
}) {
  const { t } = useTranslation();
  const people = Object.values(state.participants).filter((p) => !p.isRemoved);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
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
                {isStopped ? null : (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('workshop.participants.removeLabel', {
                      name: p.displayName ?? t('workshop.participants.anonymous'),
                    })}
                    onClick={() =>
                      setRemoving({ id: p.id, name: p.displayName ?? t('workshop.participants.anonymous') })
                    }
                  >
                    {t('workshop.participants.remove')}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('workshop.participants.removeTitle', { name: removing?.name ?? '' })}
        body={t('workshop.participants.confirmRemove')}
        confirmLabel={t('workshop.participants.removeConfirm')}
        loading={false}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) {
            session.send({ type: 'participant.remove', participantId: removing.id });
          }
          setRemoving(null);
        }}
      />
    </Paper>
  );
}

/** Stop, after the app's confirmation with the reason participants will read. */
function StopButton({ session }: { session: LiveSession }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setIsOpen(true)}>
        {t('workshop.controls.stop')}
      </Button>
      <ConfirmModal
        opened={isOpen}
        title={t('workshop.stop.title')}
        body={t('workshop.stop.body')}
        confirmLabel={t('workshop.stop.confirm')}
        loading={false}
        isConfirmDisabled={reason.trim() === ''}
        onClose={() => setIsOpen(false)}
        onConfirm={() => {
          session.send({ type: 'workshop.stop', reason: reason.trim().slice(0, 500) });
          setIsOpen(false);
        }}
      >
        <Textarea
          label={t('workshop.stop.reason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
      </ConfirmModal>
    </>
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
  const isStopped = state.status === 'stopped';
  const current = state.currentActivityId ? state.activities[state.currentActivityId] : undefined;
  const joinUrl = workshop.data ? `${window.location.origin}${workshop.data.joinPath}` : '';
  const currentResults = current ? resultsOf(state, current.id, FACILITATOR, { now: Date.now() }) : null;
  const exports = (
    <Group gap="xs">
      <Button
        component="a"
        href={`${workshopPath(orgId, workshopId)}/export?format=csv`}
        variant="default"
        size="xs"
      >
        {t('workshop.export.csv')}
      </Button>
      <Button
        component="a"
        href={`${workshopPath(orgId, workshopId)}/export?format=xlsx`}
        variant="default"
        size="xs"
      >
        {t('reports.xlsx.button')}
      </Button>
      <Button
        component="a"
        href={`${workshopPath(orgId, workshopId)}/export?format=json`}
        variant="default"
        size="xs"
      >
        {t('workshop.export.json')}
      </Button>
    </Group>
  );
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
      <LiveAnnouncer state={state} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {/* What is happening in the room comes first; preparation folds away below. */}
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="current-title">
              {current && currentResults ? (
                <Stack gap="sm">
                  <Group justify="space-between" align="flex-start">
                    <Stack gap={2}>
                      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                        {t('workshop.now.label')}
                      </Text>
                      <Title order={2} size="h3" id="current-title">
                        {t('workshop.current.title', { title: current.title })}
                      </Title>
                    </Stack>
                    <Group gap="xs">
                      <PhaseBadge phase={current.phase} />
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
                  </Group>
                  {isStopped ? null : <ActivityControls activity={current} session={session} />}
                  <ResultsView results={currentResults} />
                  {isStopped ? null : <ActivityTools state={state} activity={current} session={session} />}
                </Stack>
              ) : (
                <Stack gap={4}>
                  <Title order={2} size="h4" id="current-title">
                    {t('workshop.now.label')}
                  </Title>
                  <Text c="dimmed" size="sm" data-testid="now-empty">
                    {t('workshop.now.empty')}
                  </Text>
                </Stack>
              )}
            </Paper>

            <Agenda state={state} session={session} isStopped={isStopped} />

            {isStopped || !live.isLoaded ? null : (
              <Accordion
                variant="separated"
                radius="md"
                defaultValue={state.activityOrder.length === 0 ? 'add' : null}
              >
                <Accordion.Item value="add">
                  <Accordion.Control>{t('workshop.setup.add')}</Accordion.Control>
                  <Accordion.Panel>
                    <AddActivity
                      state={state}
                      onAdd={(activity) => session.send({ type: 'activity.add', activity })}
                    />
                  </Accordion.Panel>
                </Accordion.Item>
                <Accordion.Item value="map">
                  <Accordion.Control>{t('workshop.setup.opinionMap')}</Accordion.Control>
                  <Accordion.Panel>
                    <OpinionMapFacilitatorPanel orgId={orgId} workshopId={workshopId} />
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card withBorder>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={2}>
                    <Text size="sm" c="dimmed">
                      {t('workshop.console.joinWith')}
                    </Text>
                    <Text
                      fz={30}
                      fw={800}
                      ff="monospace"
                      lts={3}
                      data-testid="join-code"
                      aria-label={t('workshop.console.codeLabel', {
                        code: workshop.data?.code.split('').join(' ') ?? '',
                      })}
                    >
                      {workshop.data?.code ?? '······'}
                    </Text>
                  </Stack>
                  {workshop.data && !isStopped ? (
                    <Image
                      src={`${workshopPath(orgId, workshopId)}/qr.svg`}
                      alt={t('workshop.console.qrAlt', { code: workshop.data.code })}
                      w={96}
                      h={96}
                    />
                  ) : null}
                </Group>
                <Anchor href={joinUrl} size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {joinUrl}
                </Anchor>
                <Group gap="xs">
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
                {isStopped ? (
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm" c="dimmed" data-testid="stopped-note">
                      {t('workshop.stop.stoppedNote')}
                    </Text>
                    <Button
                      variant="light"
                      color="teal"
                      size="xs"
                      onClick={() => session.send({ type: 'workshop.resume' })}
                    >
                      {t('workshop.controls.resumeStopped')}
                    </Button>
                  </Stack>
                ) : (
                  <Group gap="xs">
                    {/* One button that changes its label: keyboard focus stays on it after a pause. */}
                    <Button
                      variant="light"
                      color={state.status === 'running' ? 'yellow' : 'teal'}
                      size="xs"
                      onClick={() =>
                        session.send({
                          type: state.status === 'running' ? 'workshop.pause' : 'workshop.resume',
                        })
                      }
                    >
                      {state.status === 'running'
                        ? t('workshop.controls.pause')
                        : t('workshop.controls.resume')}
                    </Button>
                    <StopButton session={session} />
                  </Group>
                )}
                {exports}
              </Stack>
            </Card>
            <Participants state={state} session={session} isStopped={isStopped} />
            <WorkshopFeedbackCard orgId={orgId} workshopId={workshopId} />
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
