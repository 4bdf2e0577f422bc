import { resultsOf, type Viewer } from '@essaim/core/live';
import { Box, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useWorkshop, workshopPath } from './api';
import { ProjectorResults } from './projector-results';
import { LiveAnnouncer, StatusBanner } from './shared';

import { useLive } from './use-live';

/** The projector sees what any participant sees: results only once revealed (enforced by the server). */
const SCREEN: Viewer = { role: 'participant', participantId: '~' };

/** Join code and QR code, big in the lobby, a strip beside a running activity. */
function JoinInvite({
  orgId,
  workshopId,
  code,
  isLobby,
}: {
  orgId: string;
  workshopId: string;
  code: string;
  isLobby: boolean;
}) {
  const { t } = useTranslation();
  const qr = (
    <Image
      src={`${workshopPath(orgId, workshopId)}/qr.svg`}
      alt={t('workshop.console.qrAlt', { code })}
      w={isLobby ? 'min(42vh, 420px)' : 150}
      h={isLobby ? 'min(42vh, 420px)' : 150}
      bg="white"
      p={isLobby ? 'md' : 6}
      radius="md"
    />
  );
  const words = (
    <Stack gap={isLobby ? 'sm' : 0} align={isLobby ? 'center' : 'flex-end'}>
      <Text fz={isLobby ? 36 : 24}>{t('workshop.screen.joinAt', { host: window.location.host })}</Text>
      <Text
        fz={isLobby ? 'min(16vh, 140px)' : 56}
        fw={800}
        ff="monospace"
        lts={isLobby ? 12 : 6}
        lh={1}
        data-testid="screen-code"
      >
        {code}
      </Text>
    </Stack>
  );
  return isLobby ? (
    <Stack align="center" gap="xl" data-testid="screen-lobby">
      {words}
      {qr}
    </Stack>
  ) : (
    <Group gap="lg" align="center" wrap="nowrap">
      {words}
      {qr}
    </Group>
  );
}

/**
 * The projector view, made to be read from the back of a room: a lobby with the join code and QR
 * code, then the current activity. It resumes as a screen, so the server sends it only what
 * participants may see: no result before the facilitator reveals it, whoever is signed in here.
 */
export function ScreenPage() {
  const { t, i18n } = useTranslation();
  const { workshopId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const workshop = useWorkshop(orgId, workshopId);
  const { live } = useLive(workshopId, null, true);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  usePageTitle(workshop.data?.title ?? t('workshop.screen.title'));
  const state = live.state;
  const current = state.currentActivityId ? state.activities[state.currentActivityId] : undefined;
  const results = current ? resultsOf(state, current.id, SCREEN, { now }) : null;
  const participants = Object.values(state.participants).filter((p) => !p.isRemoved).length;
  const isStopped = state.status === 'stopped';
  const isLobby = !isStopped && (!current || current.phase === 'draft');
  const code = workshop.data?.code ?? '';
  return (
    <Box component="main" p="xl" mih="100dvh" lang={i18n.language}>
      <Stack gap="xl">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={1} fz={44}>
              {workshop.data?.title ?? ''}
            </Title>
            <Text fz={28} c="dimmed" aria-live="polite" data-testid="screen-participants">
              {t('workshop.screen.participants', { count: participants })}
            </Text>
          </Stack>
          {code && !isLobby && !isStopped ? (
            <JoinInvite orgId={orgId} workshopId={workshopId} code={code} isLobby={false} />
          ) : null}
        </Group>
        <StatusBanner state={state} isLarge />
        <LiveAnnouncer state={state} />
        {isLobby ? (
          <Stack align="center" gap="lg">
            {code ? <JoinInvite orgId={orgId} workshopId={workshopId} code={code} isLobby /> : null}
            <Text fz={32} c="dimmed">
              {t('workshop.screen.waiting')}
            </Text>
          </Stack>
        ) : current && results ? (
          <Stack gap="lg" data-testid="screen-results">
            <Title order={2} fz={40}>
              {current.title}
            </Title>
            {'proposal' in current.config ? (
              <Text fz={30}>{(current.config as { proposal: string }).proposal}</Text>
            ) : null}
            {results.isHidden ? (
              <Stack gap="xs" data-testid="screen-hidden">
                <Text fz={36} fw={700}>
                  {t('workshop.screen.hiddenTitle')}
                </Text>
                <Text fz={28} c="dimmed">
                  {t('workshop.screen.hiddenBody')}
                </Text>
              </Stack>
            ) : (
              <ProjectorResults results={results} />
            )}
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}
