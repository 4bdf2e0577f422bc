import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '../components/query-error';
import { useMe, useSetupStatus } from '../features/auth/session';

function FullPageStatus({ label }: { label: string }) {
  return (
    <Center mih="100vh" role="status" aria-live="polite">
      <Stack align="center" gap="sm">
        <Loader size="md" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack maw={480} gap="md">
        <Text fw={600}>{t('auth.guard.unreachable')}</Text>
        <QueryError error={error} />
        <Button onClick={onRetry} variant="default">
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}

/**
 * Until the first account exists, every route leads to /setup; afterwards /setup leads to the organisation page.
 * Wraps the whole router so no page shows on an instance that is not set up.
 */
export function SetupGate() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const setup = useSetupStatus();
  if (setup.isPending) {
    return <FullPageStatus label={t('auth.guard.checking')} />;
  }
  if (setup.isError) {
    return <FullPageError error={setup.error} onRetry={() => void setup.refetch()} />;
  }
  const onSetupPage = pathname === '/setup';
  if (setup.data.needed && !onSetupPage) {
    return <Navigate to="/setup" replace />;
  }
  if (!setup.data.needed && onSetupPage) {
    // Right after setup, the new administrator's next step is creating an organisation.
    return <Navigate to="/organisation" replace />;
  }
  return <Outlet />;
}

/** Signed-out visitors go to sign-in, carrying where they were headed so they come back to it. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  // Remembers a live session, so losing it (expiry, revocation elsewhere) can be explained on sign-in.
  const wasSignedIn = useRef(false);
  if (me.isPending) {
    return <FullPageStatus label={t('auth.guard.checking')} />;
  }
  if (me.isError) {
    return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    const params = new URLSearchParams({ next: `${location.pathname}${location.search}` });
    if (wasSignedIn.current) {
      params.set('reason', 'expired');
    }
    return <Navigate to={`/sign-in?${params}`} replace />;
  }
  wasSignedIn.current = true;
  return <Outlet />;
}
