import { Box, Group, Image, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { VisibilityNote } from '../../components/visibility-note';
import { usePageTitle } from '../../lib/use-page-title';
import { conversationPath, useConversation, useResults } from './api';
import { ResultsPanel } from './results-panel';

/** Projected in the room: the question, the join link, live counts and the map. */
export function BigScreenPage() {
  const { t } = useTranslation();
  const { orgId = '', conversationId = '' } = useParams();
  const conversation = useConversation(orgId, conversationId);
  const results = useResults(orgId, conversationId);
  usePageTitle(conversation.data?.title ?? t('opinion.list.title'));
  const c = conversation.data;
  return (
    <Box component="main" p="xl" style={{ minHeight: '100vh' }}>
      {c ? (
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1} fz={44}>
                {c.topic || c.title}
              </Title>
              {c.joinCode ? (
                <Text fz={28}>
                  {t('opinion.screen.join')}{' '}
                  {/* Shortened: the host and the code, readable from the back; the QR code carries the full link. */}
                  <Text span ff="monospace" fw={800} fz={36} data-testid="screen-join-link">
                    {`${window.location.host}/c/${c.joinCode}`}
                  </Text>
                </Text>
              ) : null}
              <Text fz={28} fw={700} aria-live="polite">
                {t('opinion.list.counts', { participants: c.participants, votes: c.votes })}
              </Text>
            </Stack>
            {c.joinCode ? (
              <Image
                src={`${conversationPath(orgId, conversationId)}/qr.svg`}
                alt={t('opinion.screen.qrAlt', { code: c.joinCode })}
                w={200}
                h={200}
                bg="white"
                p={8}
                radius="md"
                data-testid="screen-qr"
              />
            ) : null}
          </Group>
          <VisibilityNote>{t('opinion.visibility.screen')}</VisibilityNote>
          {results.data ? <ResultsPanel results={results.data} big /> : <Skeleton height={500} />}
        </Stack>
      ) : (
        <Skeleton height={500} />
      )}
    </Box>
  );
}
