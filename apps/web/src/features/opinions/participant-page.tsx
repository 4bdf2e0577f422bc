import { Alert, Box, Button, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { VisibilityNote } from '../../components/visibility-note';
import { api } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { conversationKeys, joinPath, readParticipantToken, storeParticipantToken } from './api';
import { ParticipantVoting } from './participant-voting';

type Info = {
  title: string;
  topic: string;
  status: 'open' | 'closed';
  allowParticipantStatements: boolean;
  isInputClosed: boolean;
  statements: number;
};

/** Phone-first participation through the join link: one statement at a time, three big buttons, then where I stand. */
export function ParticipantPage() {
  const { t } = useTranslation();
  const { joinCode = '' } = useParams();
  const [token, setToken] = useState<string | null>(() => readParticipantToken(joinCode));
  const info = useQuery({
    queryKey: conversationKeys.info(joinCode),
    queryFn: () => api.get<Info>(joinPath(joinCode)),
  });
  usePageTitle(info.data?.title ?? t('opinion.participant.title'));
  const join = useMutation({
    mutationFn: () => api.post<{ token: string }>(`${joinPath(joinCode)}/participants`, {}),
    onSuccess: ({ token: fresh }) => {
      storeParticipantToken(joinCode, fresh);
      setToken(fresh);
    },
  });
  // A token this conversation no longer knows (e.g. another browser profile): join again.
  const forget = useCallback(() => setToken(null), []);
  const closed = info.data?.isInputClosed;
  return (
    <Box component="main" py="lg">
      <Container size="xs">
        <Stack gap="lg">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {info.data?.title}
            </Text>
            <Title order={1} size="h2">
              {info.data?.topic || info.data?.title || t('opinion.participant.title')}
            </Title>
          </Stack>
          <VisibilityNote>{t('opinion.visibility.participant')}</VisibilityNote>
          {info.error ? <Alert color="red">{t('opinion.participant.badLink')}</Alert> : null}
          {closed ? <Alert color="yellow">{t('opinion.participant.closed')}</Alert> : null}
          {!token && info.data ? (
            <Card withBorder>
              <Stack>
                <Text>{t('opinion.participant.intro')}</Text>
                <Button size="lg" onClick={() => join.mutate()} loading={join.isPending} disabled={closed}>
                  {t('opinion.participant.start')}
                </Button>
              </Stack>
            </Card>
          ) : null}
          {token && info.data ? (
            <ParticipantVoting
              joinCode={joinCode}
              token={token}
              allowStatements={info.data.allowParticipantStatements}
              isInputClosed={info.data.isInputClosed}
              onTokenLost={forget}
            />
          ) : null}
        </Stack>
      </Container>
    </Box>
  );
}
