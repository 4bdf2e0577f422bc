import type { Actor } from '@essaim/core/live';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { realtime } from '../../lib/use-realtime';
import { LiveSession, type LiveSnapshot } from './live-session';

/**
 * A live replica of the workshop for this page; `actor` null for a read-only page, `isScreen` for the
 * projector (the server then redacts as for a participant, whoever is signed in).
 */
export function useLive(
  workshopId: string,
  actor: Actor | null,
  isScreen = false,
): { session: LiveSession; live: LiveSnapshot } {
  const actorKey = actor === null ? 'none' : actor.role === 'facilitator' ? 'f' : actor.participantId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the actor is identified by its key
  const session = useMemo(
    () => new LiveSession(workshopId, actor, realtime, isScreen),
    [workshopId, actorKey, isScreen],
  );
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const live = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { session, live };
}
