import { Alert, Badge, Button, Card, Group, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../lib/api';
import { type ConversationMe, conversationKeys, joinPath, POLL_MS, participantHeaders } from './api';
import { groupColour, groupLetter, OpinionMap } from './opinion-map';

/**
 * The participant's side of a conversation once they hold a token: one statement at a time with three
 * big buttons, a statement to propose, then where I stand. Shared by the join-link page and the
 * opinion-map activity of a live workshop.
 */

export function WhereIStand({ me }: { me: ConversationMe }) {
  const { t } = useTranslation();
  if (!me.results || me.results.points.length === 0) {
    return null;
  }
  const group = me.position?.group ?? null;
  const mine = group === null ? null : me.results.groups.find((g) => g.id === group);
  return (
    <Card withBorder component="section" aria-labelledby="stand-title" data-testid="where-i-stand">
      <Title order={2} size="h4" id="stand-title" mb="xs">
        {t('opinion.participant.standTitle')}
      </Title>
      {me.position ? (
        <OpinionMap results={me.results} me={me.position} height={260} />
      ) : (
        <Text size="sm">{t('opinion.participant.notPlaced')}</Text>
      )}
      {mine ? (
        <Stack gap={4} mt="sm">
          <Text size="sm">
            <Badge color={groupColour(mine.id)} mr={6}>
              {t('opinion.map.groupName', { letter: groupLetter(mine.id) })}
            </Badge>
            {t('opinion.participant.groupSize', { count: mine.size })}
          </Text>
          {mine.representative[0] ? (
            <Text size="sm">
              {t(`opinion.direction.${mine.representative[0].direction}`, {
                text: me.results.statements[mine.representative[0].statementId] ?? '',
                share: Math.round(mine.representative[0].share * 100),
              })}
            </Text>
          ) : null}
        </Stack>
      ) : me.position ? (
        <Text size="sm" mt="xs">
          {me.results.mode === 'small-group' && me.results.groups.length === 0
            ? t('opinion.participant.noGroups')
            : t('opinion.participant.keepVoting')}
        </Text>
      ) : null}
    </Card>
  );
}

interface VotingProps {
  joinCode: string;
  token: string;
  allowStatements: boolean;
  isInputClosed: boolean;
  /** The conversation no longer knows this token (401): the host should get a new one. */
  onTokenLost?: () => void;
}

export function ParticipantVoting({
  joinCode,
  token,
  allowStatements,
  isInputClosed,
  onTokenLost,
}: VotingProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [sent, setSent] = useState(false);
  const me = useQuery({
    queryKey: conversationKeys.me(joinCode),
    queryFn: () =>
      api.get<ConversationMe>(`${joinPath(joinCode)}/me`, { headers: participantHeaders(token) }),
    refetchInterval: POLL_MS,
    retry: false,
  });
  useEffect(() => {
    if (isApiError(me.error) && me.error.status === 401) {
      onTokenLost?.();
    }
  }, [me.error, onTokenLost]);
  const vote = useMutation({
    mutationFn: (vars: { statementId: string; vote: 1 | -1 | 0 }) =>
      api.post<ConversationMe>(`${joinPath(joinCode)}/votes`, vars, { headers: participantHeaders(token) }),
    onSuccess: (data) => queryClient.setQueryData(conversationKeys.me(joinCode), data),
  });
  const submit = useMutation({
    mutationFn: (text: string) =>
      api.post<ConversationMe>(
        `${joinPath(joinCode)}/statements`,
        { text },
        { headers: participantHeaders(token) },
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(conversationKeys.me(joinCode), data);
      setDraft('');
      setSent(true);
    },
  });
  const closed = isInputClosed;
  const state = me.data;
  const total = state ? state.voted + state.remaining : 0;
  return (
    <>
      {state ? (
        <>
          {total > 0 ? (
            <Progress
              value={(state.voted / total) * 100}
              aria-label={t('opinion.participant.progress', { voted: state.voted, total })}
            />
          ) : null}
          {state.next ? (
            <Card withBorder p="lg" component="section" aria-live="polite" data-testid="current-statement">
              <Text fz={22} fw={500} mb="lg">
                {state.next.text}
              </Text>
              <Stack gap="sm">
                <Button
                  size="lg"
                  color="teal"
                  onClick={() => vote.mutate({ statementId: state.next!.id, vote: 1 })}
                  loading={vote.isPending}
                >
                  {t('opinion.participant.agree')}
                </Button>
                <Button
                  size="lg"
                  color="red"
                  onClick={() => vote.mutate({ statementId: state.next!.id, vote: -1 })}
                  loading={vote.isPending}
                >
                  {t('opinion.participant.disagree')}
                </Button>
                <Button
                  size="lg"
                  variant="default"
                  onClick={() => vote.mutate({ statementId: state.next!.id, vote: 0 })}
                  loading={vote.isPending}
                >
                  {t('opinion.participant.pass')}
                </Button>
              </Stack>
            </Card>
          ) : (
            <Alert color="teal" data-testid="all-voted">
              {closed ? t('opinion.participant.closed') : t('opinion.participant.done')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('opinion.participant.progress', { voted: state.voted, total })}
          </Text>
          {allowStatements && !closed ? (
            <Card withBorder component="section" aria-labelledby="propose-title">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  submit.mutate(draft);
                }}
              >
                <Stack gap="xs">
                  <Title order={2} size="h4" id="propose-title">
                    {t('opinion.participant.proposeTitle')}
                  </Title>
                  <Textarea
                    label={t('opinion.participant.proposeLabel')}
                    description={t('opinion.participant.proposeHint')}
                    maxLength={280}
                    autosize
                    minRows={2}
                    value={draft}
                    onChange={(e) => setDraft(e.currentTarget.value)}
                    error={submit.error && isApiError(submit.error) ? t(submit.error.i18nKey) : undefined}
                  />
                  <Group>
                    <Button
                      type="submit"
                      variant="light"
                      disabled={draft.trim().length < 3}
                      loading={submit.isPending}
                    >
                      {t('opinion.participant.propose')}
                    </Button>
                  </Group>
                  {sent || state.pending > 0 ? (
                    <Text size="sm" c="dimmed" role="status">
                      {t('opinion.participant.pending', { count: state.pending })}
                    </Text>
                  ) : null}
                </Stack>
              </form>
            </Card>
          ) : null}
          <WhereIStand me={state} />
        </>
      ) : null}
    </>
  );
}
