import type { Phase, WorkshopState } from '@essaim/core/live';
import { Alert, Badge, VisuallyHidden } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../lib/ws';

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const color = phase === 'open' ? 'teal' : phase === 'closed' ? 'gray' : 'blue';
  return (
    <Badge size="sm" color={color} variant={phase === 'open' ? 'filled' : 'light'}>
      {t(`workshop.phase.${phase}`)}
    </Badge>
  );
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** The browser's own idea of the network (a socket can look open for a while after the network is gone). */
export function useIsOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/** Connection state and the number of commands still waiting for the server. */
export function ConnectionBadge({ status, pending }: { status: ConnectionStatus; pending: number }) {
  const { t } = useTranslation();
  const isNetworkUp = useIsOnline();
  const isOnline = status === 'open' && isNetworkUp;
  return (
    <Badge
      color={isOnline ? (pending > 0 ? 'yellow' : 'teal') : 'orange'}
      variant="light"
      role="status"
      aria-live="polite"
      data-testid="connection"
      // Long states ("offline – 2 contributions waiting") wrap instead of being cut at 390 px.
      h="auto"
      py={4}
      maw={200}
      styles={{ label: { whiteSpace: 'normal', textAlign: 'center', overflow: 'visible', lineHeight: 1.3 } }}
    >
      {isOnline
        ? pending > 0
          ? t('workshop.connection.sending', { count: pending })
          : t('workshop.connection.online')
        : pending > 0
          ? t('workshop.connection.offlinePending', { count: pending })
          : t('workshop.connection.offline')}
    </Badge>
  );
}

/** Paused or stopped: said to everyone, at once. */
export function StatusBanner({ state, isLarge = false }: { state: WorkshopState; isLarge?: boolean }) {
  const { t } = useTranslation();
  if (state.status === 'running') {
    return null;
  }
  return (
    <Alert
      role="alert"
      color={state.status === 'paused' ? 'yellow' : 'red'}
      title={state.status === 'paused' ? t('workshop.status.pausedTitle') : t('workshop.status.stoppedTitle')}
      data-testid="status-banner"
      styles={isLarge ? { title: { fontSize: 32 }, message: { fontSize: 26 } } : undefined}
    >
      {state.status === 'paused'
        ? t('workshop.status.pausedBody')
        : t('workshop.status.stoppedBody', { reason: state.stopReason ?? '' })}
    </Alert>
  );
}

/**
 * A polite live region that says what changed in the room: the activity that starts, input opening
 * or closing, results shown, a pause or a stop (WCAG 4.1.3, status messages). It stays mounted and
 * only its text changes, which is what screen readers announce; nothing of it is visible.
 */
export function LiveAnnouncer({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const current = state.currentActivityId ? state.activities[state.currentActivityId] : undefined;
  let message: string;
  if (state.status === 'paused') {
    message = t('workshop.status.pausedTitle');
  } else if (state.status === 'stopped') {
    message = t('workshop.status.stoppedTitle');
  } else if (!current) {
    message = t('workshop.announce.waiting');
  } else {
    const phase =
      current.phase === 'open'
        ? t('workshop.announce.open', { title: current.title })
        : current.phase === 'closed'
          ? t('workshop.announce.closed', { title: current.title })
          : t('workshop.announce.next', { title: current.title });
    message = current.isRevealed ? `${phase} ${t('workshop.announce.revealed')}` : phase;
  }
  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </VisuallyHidden>
  );
}
