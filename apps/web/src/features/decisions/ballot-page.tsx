import { Alert, Badge, Card, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { tx, useBallot, useCastBallot } from './api';
import { PositionForm } from './position-form';
import { TallyView } from './tally-view';

const storageKey = (proposalId: string) => `essaim-proposal-${proposalId}`;

/**
 * Voting on a phone without an account. The invitation link carries the participant token in its
 * fragment (`/p/<id>#<token>`), which browsers never send to the server; it is kept in this tab's
 * session storage and sent in a header.
 */
function readToken(proposalId: string): string | null {
  const fromHash = window.location.hash.slice(1);
  try {
    if (fromHash) {
      window.sessionStorage.setItem(storageKey(proposalId), fromHash);
      window.history.replaceState(null, '', window.location.pathname);
      return fromHash;
    }
    return window.sessionStorage.getItem(storageKey(proposalId));
  } catch {
    return fromHash || null;
  }
}

export function BallotPage() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.ballot.title'));
  const { proposalId = '' } = useParams();
  const [token] = useState(() => readToken(proposalId));
  const ballot = useBallot(proposalId, token);
  const cast = useCastBallot(proposalId, token);
  const view = ballot.data;
  return (
    <Container size="xs" py="lg" component="main">
      <Stack gap="md">
        <LanguageSwitch />
        {!token || ballot.error ? (
          <Alert color="red" variant="light" data-testid="ballot-invalid">
            {t('decisions.ballot.invalid')}
          </Alert>
        ) : !view ? (
          <Center>
            <Loader />
          </Center>
        ) : (
          <>
            <Text c="dimmed">{t('decisions.ballot.hello', { name: view.displayName })}</Text>
            <Title order={1} size="h2">
              {view.title}
            </Title>
            <Stack gap={4}>
              <Badge variant="light">{tx(t, `decisions.rules.${view.rule}`)}</Badge>
              <Text size="sm" c="dimmed">
                {t('decisions.proposals.version', { version: view.version })} ·{' '}
                {t('decisions.proposals.until', { date: formatDateTime(view.deadline) })}
              </Text>
            </Stack>
            <Card withBorder p="md">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{view.text}</Text>
            </Card>
            {view.isAnonymous && <Text size="sm">{t('decisions.ballot.anonymous')}</Text>}
            {view.status === 'open' ? (
              <PositionForm
                key={`${view.version}-${view.myPosition?.value ?? ''}`}
                rule={view.rule}
                config={view.config}
                allowedValues={view.allowedValues}
                reasonRequiredFor={view.reasonRequiredFor}
                current={view.myPosition}
                isPending={cast.isPending}
                onSubmit={(body) =>
                  cast.mutate(body, {
                    onSuccess: () =>
                      notifications.show({ color: 'teal', message: t('decisions.proposal.saved') }),
                  })
                }
              />
            ) : (
              <Text c="dimmed">{t('decisions.proposal.closedNote')}</Text>
            )}
            {view.outcomeStatement && <Alert color="teal">{view.outcomeStatement}</Alert>}
            {view.tally && <TallyView tally={view.tally} rule={view.rule} />}
          </>
        )}
      </Stack>
    </Container>
  );
}
