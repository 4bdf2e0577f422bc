import {
  type AnyActivity,
  type FistToFiveOwnState,
  ownStateOf,
  RATING_SCALES,
  resultsOf,
  type WorkshopState,
} from '@essaim/core/live';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Checkbox,
  Container,
  Group,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { useRealtimeStatus } from '../../lib/use-realtime';
import { useParticipantMe } from './api';
import { ConsentInput, FistExplain, PairwiseInput, RankingInput } from './decision-inputs';
import type { LiveSession } from './live-session';
import { OpinionMapParticipantPanel } from './opinion-map-activity';
import { ResultsView } from './results-view';
import { ConnectionBadge, StatusBanner } from './shared';
import { useLive } from './use-live';

type GradientKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';

interface InputProps {
  state: WorkshopState;
  activity: AnyActivity;
  me: string;
  session: LiveSession;
}

function BrainstormInput({ state, activity, me, session }: InputProps) {
  const { t } = useTranslation();
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as
    | { cards: { id: string; text: string; isAnonymous: boolean }[]; remaining: number }
    | undefined;
  const [text, setText] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  const config = activity.config as { anonymity: 'named' | 'anonymous' | 'optional' };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) {
          session.send({
            type: 'brainstorm.addCard',
            activityId: activity.id,
            text: text.trim(),
            ...(config.anonymity === 'optional' ? { isAnonymous } : {}),
          });
          setText('');
        }
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('workshop.input.cardLabel')}
          description={t('workshop.input.cardHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
        />
        {config.anonymity === 'optional' ? (
          <Checkbox
            label={t('workshop.input.anonymous')}
            checked={isAnonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
        ) : null}
        <Button type="submit" disabled={!text.trim() || mine?.remaining === 0} size="md">
          {t('workshop.input.addCard')}
        </Button>
        {mine && mine.cards.length > 0 ? (
          <Stack gap={4} component="section" aria-label={t('workshop.input.myCards')}>
            <Text size="sm" fw={600}>
              {t('workshop.input.myCardsCount', { count: mine.cards.length })}
            </Text>
            {mine.cards.map((c) => (
              <Paper key={c.id} withBorder p="xs" radius="sm">
                <Text size="sm">{c.text}</Text>
                {c.isAnonymous ? (
                  <Text size="xs" c="dimmed">
                    {t('workshop.input.anonymousCard')}
                  </Text>
                ) : null}
              </Paper>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}

function DotVoteInput({ state, activity, me, session }: InputProps) {
  const { t } = useTranslation();
  const config = activity.config as unknown as { items: { id: string; label: string }[] };
  const mine = ownStateOf(state, me).activities[activity.id]?.mine as
    | { dots: Record<string, number>; remaining: number }
    | undefined;
  const remaining = mine?.remaining ?? 0;
  return (
    <Stack gap="sm">
      <Text fw={600} role="status" aria-live="polite" data-testid="dots-remaining">
        {t('workshop.input.dotsRemaining', { count: remaining })}
      </Text>
      {config.items.map((item) => {
        const count = mine?.dots[item.id] ?? 0;
        return (
          <Paper key={item.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap">
              <Text style={{ flex: 1 }}>{item.label}</Text>
              <Group gap={6} wrap="nowrap">
                <ActionIcon
                  size="lg"
                  variant="default"
                  disabled={count === 0}
                  aria-label={t('workshop.input.removeDot', { label: item.label })}
                  onClick={() =>
                    session.send({ type: 'dotVote.revoke', activityId: activity.id, itemId: item.id })
                  }
                >
                  −
                </ActionIcon>
                <Text
                  fw={700}
                  w={28}
                  ta="center"
                  aria-label={t('workshop.input.dotsOn', { count, label: item.label })}
                >
                  {count}
                </Text>
                <ActionIcon
                  size="lg"
                  disabled={remaining === 0}
                  aria-label={t('workshop.input.addDot', { label: item.label })}
                  onClick={() =>
                    session.send({ type: 'dotVote.place', activityId: activity.id, itemId: item.id })
                  }
                >
                  +
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

function PollInput({ activity, session }: InputProps) {
  const { t } = useTranslation();
  const config = activity.config as unknown as { options: { id: string; label: string }[] };
  const [choice, setChoice] = useState<string>('');
  return (
    <Stack gap="sm">
      <Radio.Group label={t('workshop.input.pollLabel')} value={choice} onChange={setChoice}>
        <Stack gap="xs" mt="xs">
          {config.options.map((o) => (
            <Radio key={o.id} value={o.id} label={o.label} />
          ))}
        </Stack>
      </Radio.Group>
      <Button
        disabled={!choice}
        onClick={() => session.send({ type: 'poll.answer', activityId: activity.id, optionIds: [choice] })}
      >
        {t('workshop.input.answer')}
      </Button>
    </Stack>
  );
}

function ScaleButtons({
  values,
  label,
  selected,
  labelOf,
  onPick,
}: {
  values: number[];
  label: string;
  selected: number | null;
  labelOf?: (v: number) => string;
  onPick: (v: number) => void;
}) {
  return (
    // One row on a 390 px phone: equal buttons sharing the width (at least 40 px each).
    <Group gap={6} role="group" aria-label={label} wrap="nowrap" grow preventGrowOverflow={false}>
      {values.map((v) => (
        <Button
          key={v}
          variant={selected === v ? 'filled' : 'default'}
          size="md"
          px={0}
          miw={0}
          aria-pressed={selected === v}
          title={labelOf?.(v)}
          aria-label={labelOf ? `${v}. ${labelOf(v)}` : undefined}
          onClick={() => onPick(v)}
        >
          {v}
        </Button>
      ))}
    </Group>
  );
}

function OtherInput({ state, activity, me, session }: InputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const mine = ownStateOf(state, me).activities[activity.id]?.mine;
  switch (activity.type) {
    case 'ranking':
      return <RankingInput state={state} activity={activity} me={me} session={session} />;
    case 'pairwise':
      return <PairwiseInput state={state} activity={activity} me={me} session={session} />;
    case 'consentRound':
      return <ConsentInput state={state} activity={activity} me={me} session={session} />;
    case 'timer':
      return null;
    case 'rating': {
      const { min, max } = RATING_SCALES[activity.config.scale];
      const scores = mine as Record<string, number> | null | undefined;
      return (
        <Stack gap="sm">
          {activity.config.items.map((item) => (
            <Stack key={item.id} gap={4}>
              <Text>{item.label}</Text>
              <ScaleButtons
                values={Array.from({ length: max - min + 1 }, (_, i) => min + i)}
                selected={scores?.[item.id] ?? null}
                label={t('workshop.input.rateLabel', { label: item.label, min, max })}
                onPick={(value) =>
                  session.send({ type: 'rating.rate', activityId: activity.id, itemId: item.id, value })
                }
              />
            </Stack>
          ))}
        </Stack>
      );
    }
    case 'fistToFive':
      return (
        <Stack gap="sm">
          <Text>{(activity.config as { proposal: string }).proposal}</Text>
          <Text size="sm" c="dimmed" data-testid="fist-names-notice">
            {(activity.config as { showNames?: boolean }).showNames === true
              ? t('workshop.fist.namesShown')
              : t('workshop.fist.namesHidden')}
          </Text>
          <ScaleButtons
            values={[0, 1, 2, 3, 4, 5]}
            selected={(mine as FistToFiveOwnState | null | undefined)?.value ?? null}
            label={t('workshop.input.fistLabel')}
            onPick={(value) => session.send({ type: 'fistToFive.show', activityId: activity.id, value })}
          />
          <Text size="sm" c="dimmed">
            {t('workshop.fist.help')}
          </Text>
          <FistExplain state={state} activity={activity} me={me} session={session} />
        </Stack>
      );
    case 'gradients':
      return (
        <Stack gap="sm">
          <Text>{(activity.config as { proposal: string }).proposal}</Text>
          <ScaleButtons
            values={[1, 2, 3, 4, 5, 6, 7, 8]}
            selected={(mine as number | null | undefined) ?? null}
            labelOf={(v) => t(`workshop.gradients.levels.${String(v) as GradientKey}`)}
            label={t('workshop.input.gradientsLabel')}
            onPick={(level) => session.send({ type: 'gradients.choose', activityId: activity.id, level })}
          />
          <Text size="sm" c="dimmed" data-testid="gradients-choice">
            {typeof mine === 'number'
              ? t('workshop.gradients.yourChoice', {
                  level: mine,
                  label: t(`workshop.gradients.levels.${String(mine) as GradientKey}`),
                })
              : t('workshop.gradients.help')}
          </Text>
        </Stack>
      );
    case 'wordCloud':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) {
              session.send({ type: 'wordCloud.submit', activityId: activity.id, text: text.trim() });
              setText('');
            }
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('workshop.input.wordLabel')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={80}
              style={{ flex: 1 }}
            />
            <Button type="submit">{t('workshop.input.send')}</Button>
          </Group>
        </form>
      );
    default:
      return null;
  }
}

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
                  {props && current.type === 'brainstorm' ? (
                    <BrainstormInput {...props} />
                  ) : props && current.type === 'dotVote' ? (
                    <DotVoteInput {...props} />
                  ) : props && current.type === 'poll' ? (
                    <PollInput {...props} />
                  ) : props ? (
                    <OtherInput {...props} />
                  ) : null}
                </Box>
              )}
              {results &&
              (current.isRevealed || current.type === 'timer' || current.type === 'brainstorm') ? (
                <section aria-label={t('workshop.participant.results')}>
                  <ResultsView results={results} />
                </section>
              ) : null}
            </Stack>
          </Paper>
        )}
        <VisibilityNote>{t('workshop.visibility.participant')}</VisibilityNote>
        {state.status === 'stopped' ? null : <OpinionMapParticipantPanel workshopId={workshopId} />}
      </Stack>
    </Container>
  );
}
