/**
 * @module The opinion map as a live-workshop activity. The facilitator opens the map linked to the
 * workshop (same engagement) and watches it fill in; a participant already in the workshop votes
 * without joining again. Both panels reuse the opinions feature (results, moderation, voting).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/query-error';
import { VisibilityNote } from '../../components/visibility-note';
import { api, isApiError } from '../../lib/api';
import {
  type ConversationWorkshopJoinResult,
  type ConversationWorkshopLink,
  type ConversationWorkshopStatus,
  conversationKeys,
  POLL_MS,
  useResults,
  workshopConversationJoinPath,
  workshopConversationPath,
  workshopConversationStatusPath,
} from '../opinions/api';
import { Moderation, SeedForm } from '../opinions/conversation-page';
import { ParticipantVoting } from '../opinions/participant-voting';
import { ResultsPanel } from '../opinions/results-panel';
import { useCurrentOrg } from '../orgs/use-current-org';

function OpenMapForm({ orgId, workshopId }: { orgId: string; workshopId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [topic, setTopic] = useState('');
  const [seeds, setSeeds] = useState('');
  const [allow, setAllow] = useState(true);
  const open = useMutation({
    mutationFn: () =>
      api.post<ConversationWorkshopLink>(workshopConversationPath(orgId, workshopId), {
        topic,
        allowParticipantStatements: allow,
        statements: seeds
          .split('\n')
          .map((s) => s.trim())
          .filter((s) => s.length >= 3),
      }),
    onSuccess: (link) => queryClient.setQueryData(conversationKeys.workshop(orgId, workshopId), link),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('opinion.create.topic')}
          description={t('opinion.create.topicHint')}
          placeholder={t('opinion.workshop.topicPlaceholder')}
          maxLength={2000}
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
        />
        <Textarea
          label={t('opinion.workshop.seedLabel')}
          description={t('opinion.workshop.seedHint')}
          autosize
          minRows={3}
          value={seeds}
          onChange={(e) => setSeeds(e.currentTarget.value)}
        />
        <Switch
          label={t('opinion.create.allow')}
          description={t('opinion.create.allowHint')}
          checked={allow}
          onChange={(e) => setAllow(e.currentTarget.checked)}
        />
        {open.error ? (
          <Alert color="red">{t(isApiError(open.error) ? open.error.i18nKey : 'errors.UNKNOWN')}</Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={open.isPending} data-testid="open-opinion-map">
            {t('opinion.workshop.open')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LiveResults({ orgId, conversationId }: { orgId: string; conversationId: string }) {
  const { t } = useTranslation();
  const results = useResults(orgId, conversationId);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('opinion.results.title')}
        </Title>
        {results.data?.isStale ? <Badge variant="light">{t('opinion.results.updating')}</Badge> : null}
      </Group>
      {results.error ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? <ResultsPanel results={results.data} /> : <Skeleton height={240} />}
    </Stack>
  );
}

/** Facilitator console: open the workshop's opinion map, then seed, moderate and watch it live. */
export function OpinionMapFacilitatorPanel({ orgId, workshopId }: { orgId: string; workshopId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentOrg();
  const titleId = useId();
  const link = useQuery({
    queryKey: conversationKeys.workshop(orgId, workshopId),
    queryFn: () => api.get<ConversationWorkshopLink>(workshopConversationPath(orgId, workshopId)),
    refetchInterval: POLL_MS,
  });
  const c = link.data?.conversation ?? null;
  const accepted = c ? c.statements.filter((s) => s.status === 'accepted').length : 0;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="opinion-map-facilitator">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id={titleId}>
            {t('opinion.workshop.facilitatorTitle')}
          </Title>
          {c ? (
            <Group gap="xs">
              <Badge variant="light" color={c.status === 'open' ? 'teal' : 'gray'}>
                {t(`opinion.status.${c.status}`)}
              </Badge>
              <Anchor component={Link} to={`/conversations/${c.id}`} size="sm">
                {t('opinion.workshop.fullPage')}
              </Anchor>
              <Anchor
                component={Link}
                to={`/screen/conversations/${orgId}/${c.id}`}
                target="_blank"
                size="sm"
              >
                {t('opinion.page.bigScreen')}
              </Anchor>
            </Group>
          ) : null}
        </Group>
        <VisibilityNote>{t('opinion.workshop.visibility')}</VisibilityNote>
        {link.error ? <QueryError error={link.error} onRetry={() => void link.refetch()} /> : null}
        {link.isPending ? <Skeleton height={120} /> : null}
        {link.data && !c ? (
          <Stack gap="sm">
            <Text fw={600}>{t('opinion.workshop.emptyTitle')}</Text>
            <Text size="sm">{t('opinion.workshop.emptyBody')}</Text>
            {can('workshop.run') ? (
              <OpenMapForm orgId={orgId} workshopId={workshopId} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('opinion.workshop.readOnlyEmpty')}
              </Text>
            )}
          </Stack>
        ) : null}
        {c ? (
          <>
            <SimpleGrid cols={3}>
              {(
                [
                  ['participants', c.participants],
                  ['votes', c.votes],
                  ['statements', accepted],
                ] as const
              ).map(([key, value]) => (
                <Stack key={key} gap={0}>
                  <Text size="sm" c="dimmed">
                    {t(`opinion.page.${key}`)}
                  </Text>
                  <Text fz={28} fw={700} data-testid={`opinion-map-${key}`}>
                    {value}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
            {c.canModerate && accepted < 5 ? (
              <Alert color="yellow" variant="light">
                {t('opinion.workshop.nextStep')}
              </Alert>
            ) : null}
            {c.canModerate ? (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                <Stack gap="xs">
                  <Title order={3} size="h4">
                    {t('opinion.seed.title')}
                  </Title>
                  <SeedForm orgId={orgId} conversation={c} />
                </Stack>
                <Stack gap="xs">
                  <Title order={3} size="h4">
                    {t('opinion.moderation.title')}
                  </Title>
                  <Moderation orgId={orgId} conversation={c} />
                </Stack>
              </SimpleGrid>
            ) : null}
            <LiveResults orgId={orgId} conversationId={c.id} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The server's 404 while the facilitator has not opened the map (as opposed to "not a participant"). */
const isNotOpened = (details: unknown) =>
  typeof details === 'object' &&
  details !== null &&
  (details as { reason?: unknown }).reason === 'not_opened';

/**
 * Participant phone: nothing until the facilitator opens the workshop's opinion map (asked with a
 * request that succeeds either way), then the map itself.
 */
export function OpinionMapParticipantPanel({ workshopId }: { workshopId: string }) {
  const status = useQuery({
    queryKey: conversationKeys.workshopStatus(workshopId),
    queryFn: () => api.get<ConversationWorkshopStatus>(workshopConversationStatusPath(workshopId)),
    retry: false,
    refetchInterval: (query) => (query.state.data?.isOpen ? false : POLL_MS * 2),
  });
  return status.data?.isOpen ? <OpenOpinionMap workshopId={workshopId} /> : null;
}

/** The open map, one statement at a time, without joining again. */
function OpenOpinionMap({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const join = useQuery({
    queryKey: conversationKeys.workshopJoin(workshopId),
    // Idempotent on the server: the same participation (and token) on every call.
    queryFn: () => api.post<ConversationWorkshopJoinResult>(workshopConversationJoinPath(workshopId), {}),
    retry: false,
    // Until the facilitator opens the map, ask again; afterwards only to notice a stop or a close.
    refetchInterval: (query) => {
      const failure = query.state.error;
      if (query.state.data) {
        return POLL_MS * 4;
      }
      return isApiError(failure) && failure.status === 404 && isNotOpened(failure.details) ? POLL_MS : false;
    },
  });
  const refetch = join.refetch;
  const onTokenLost = useCallback(() => void refetch(), [refetch]);
  const error = isApiError(join.error) ? join.error : null;
  const data = join.data;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="opinion-map-participant">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {data?.conversation.title ?? t('opinion.workshop.waitingTitle')}
          </Text>
          <Title order={2} size="h3" id={titleId}>
            {data?.conversation.topic || data?.conversation.title || t('opinion.workshop.waitingTitle')}
          </Title>
        </Stack>
        <VisibilityNote>{t('opinion.visibility.participant')}</VisibilityNote>
        {join.isPending ? <Skeleton height={160} /> : null}
        {!data && error?.status === 404 ? (
          isNotOpened(error.details) ? (
            <Text role="status" aria-live="polite">
              {t('opinion.workshop.waiting')}
            </Text>
          ) : (
            <Alert color="yellow">{t('opinion.workshop.notInWorkshop')}</Alert>
          )
        ) : null}
        {!data && error?.status === 409 ? <Alert color="yellow">{t('opinion.workshop.ended')}</Alert> : null}
        {!data && join.error && !error ? (
          <QueryError error={join.error} onRetry={() => void refetch()} />
        ) : null}
        {data ? (
          <>
            <Text size="sm" c="dimmed">
              {data.displayName
                ? t('opinion.workshop.asNamed', { name: data.displayName })
                : t('opinion.workshop.asAnonymous')}
            </Text>
            {data.conversation.isInputClosed ? (
              <Alert color="yellow">{t('opinion.participant.closed')}</Alert>
            ) : null}
            <ParticipantVoting
              joinCode={data.joinCode}
              token={data.token}
              allowStatements={data.conversation.allowParticipantStatements}
              isInputClosed={data.conversation.isInputClosed}
              onTokenLost={onTokenLost}
            />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
