import { resultsOf } from '@essaim/core/live';
import { Box, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { useCurrentOrg } from '../orgs/use-current-org';
import { useWorkshop, workshopPath } from './api';
import { ResultsView } from './results-view';
import { StatusBanner } from './shared';
import { useLive } from './use-live';

/** The projector view: join code and QR, the current activity and its live results, nothing else. */
export function ScreenPage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const { org } = useCurrentOrg();
  const orgId = org?.id ?? '';
  const workshop = useWorkshop(orgId, workshopId);
  const { live } = useLive(workshopId, { role: 'facilitator' });
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  usePageTitle(workshop.data?.title ?? t('workshop.screen.title'));
  const state = live.state;
  const current = state.currentActivityId ? state.activities[state.currentActivityId] : undefined;
  const results = current ? resultsOf(state, current.id, { role: 'facilitator' }, { now }) : null;
  const participants = Object.values(state.participants).filter((p) => !p.isRemoved).length;
  return (
    <Box component="main" p="xl" mih="100dvh">
      <Stack gap="xl">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1} fz={40}>
              {workshop.data?.title ?? ''}
            </Title>
            <Text fz="xl" c="dimmed" aria-live="polite" data-testid="screen-participants">
              {t('workshop.screen.participants', { count: participants })}
            </Text>
          </Stack>
          {workshop.data ? (
            <Group gap="lg" align="center">
              <Stack gap={0} align="flex-end">
                <Text fz="lg">{t('workshop.screen.joinAt', { host: window.location.host })}</Text>
                <Text fz={56} fw={800} ff="monospace" lts={6} data-testid="screen-code">
                  {workshop.data.code}
                </Text>
              </Stack>
              <Image
                src={`${workshopPath(orgId, workshopId)}/qr.svg`}
                alt={t('workshop.console.qrAlt', { code: workshop.data.code })}
                w={180}
                h={180}
              />
            </Group>
          ) : null}
        </Group>
        <StatusBanner state={state} />
        {current && results ? (
          <Stack gap="md" data-testid="screen-results">
            <Title order={2} fz={32}>
              {current.title}
            </Title>
            <ResultsView results={results} isLarge />
          </Stack>
        ) : (
          <Text fz="xl">{t('workshop.screen.waiting')}</Text>
        )}
      </Stack>
    </Box>
  );
}
