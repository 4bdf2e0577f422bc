import type { Actor } from '@essaim/core/live';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { realtime } from '../../lib/use-realtime';
import { LiveSession, type LiveSnapshot } from './live-session';

/** A live replica of the workshop for this screen; `actor` null for a read-only screen. */
export function useLive(
  workshopId: string,
  actor: Actor | null,
): { session: LiveSession; live: LiveSnapshot } {
  const actorKey = actor === null ? 'none' : actor.role === 'facilitator' ? 'f' : actor.participantId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the actor is identified by its key
  const session = useMemo(() => new LiveSession(workshopId, actor, realtime), [workshopId, actorKey]);
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const live = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { session, live };
}
