import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { type ConnectionStatus, RealtimeClient, type RealtimeMessage } from './ws';

/** One connection per tab, opened lazily by the first room subscription. */
export const realtime = new RealtimeClient();

export function useRealtimeStatus(client: RealtimeClient = realtime): ConnectionStatus {
  return useSyncExternalStore(
    (onChange) => client.onStatus(onChange),
    () => client.getStatus(),
    () => 'idle',
  );
}

/** Joins `room` while mounted and forwards messages tagged with that room; the handler may change freely. */
export function useRoom(
  room: string | null,
  onMessage: (message: RealtimeMessage) => void,
  client: RealtimeClient = realtime,
): void {
  const handler = useRef(onMessage);
  useLayoutEffect(() => {
    handler.current = onMessage;
  });

  useEffect(() => {
    if (!room) {
      return;
    }
    const release = client.subscribe(room);
    const off = client.onMessage((message) => {
      if (message.room === room) {
        handler.current(message);
      }
    });
    return () => {
      off();
      release();
    };
  }, [client, room]);
}
