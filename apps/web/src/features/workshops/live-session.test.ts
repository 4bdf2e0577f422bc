import { createLiveRoom } from '@essaim/core/live';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeClient, RealtimeMessage } from '../../lib/ws';
import { LiveSession } from './live-session';

/** A stand-in for the realtime client: records what is sent, lets the test play the server. */
function fakeClient() {
  const listeners = new Set<(m: RealtimeMessage) => void>();
  const statusListeners = new Set<(s: string) => void>();
  let status = 'open';
  const sent: RealtimeMessage[] = [];
  const client = {
    sent,
    connect: () => undefined,
    getStatus: () => status,
    send: (m: RealtimeMessage) => {
      if (status !== 'open') {
        return false;
      }
      sent.push(m);
      return true;
    },
    onMessage: (l: (m: RealtimeMessage) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onStatus: (l: (s: string) => void) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    setStatus(next: string) {
      status = next;
      for (const l of statusListeners) {
        l(next);
      }
    },
    deliver(m: RealtimeMessage) {
      for (const l of listeners) {
        l(m);
      }
    },
  };
  return client;
}

describe('live session (browser replica and outbox)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps an offline vote in the outbox and resends it with the same id on reconnection', () => {
    vi.useFakeTimers();
    const room = createLiveRoom('w1');
    const F = { role: 'facilitator' } as const;
    room.send(F, {
      type: 'activity.add',
      activity: {
        type: 'dotVote',
        title: 'Vote',
        config: { items: [{ id: 'a', label: 'A' }], dotsPerParticipant: 2, maxPerItem: 2 },
      },
    });
    const activityId = room.state.activityOrder[0] as string;
    room.send({ role: 'participant', participantId: 'p1' }, { type: 'participant.join', displayName: null });
    room.send(F, { type: 'activity.start', activityId });
    const client = fakeClient();
    const session = new LiveSession(
      'w1',
      { role: 'participant', participantId: 'p1' },
      client as unknown as RealtimeClient,
    );
    session.start();
    client.deliver({ type: 'live.snapshot', workshopId: 'w1', seq: room.log.length, state: room.state });
    expect(session.getSnapshot().isLoaded).toBe(true);

    client.setStatus('reconnecting');
    const commandId = session.send({ type: 'dotVote.place', activityId, itemId: 'a' });
    // Optimistic: the dot shows at once, and stays pending.
    const view = session.getSnapshot().view.activities[activityId];
    expect(view?.type === 'dotVote' && view.data.totals.a).toBe(1);
    expect(session.getSnapshot().pending).toBe(1);

    client.setStatus('open');
    const resent = client.sent.filter((m) => m.type === 'live.command');
    expect(resent.map((m) => m.commandId)).toEqual([commandId]);
    // No answer for a while: sent again, same id (the server counts it once).
    vi.advanceTimersByTime(6000);
    expect(client.sent.filter((m) => m.type === 'live.command').every((m) => m.commandId === commandId)).toBe(
      true,
    );
    client.deliver({ type: 'live.ack', commandId, seq: room.log.length + 1 });
    expect(session.getSnapshot().pending).toBe(0);
    session.stop();
  });

  // The server sends each viewer a contiguous range (what it may not see is skipped inside the
  // range), so for every role a message starting beyond the replica's seq is a gap.
  it.each([
    ['facilitator', { role: 'facilitator' } as const, false],
    ['participant', { role: 'participant', participantId: 'p1' } as const, false],
    ['projector', null, true],
  ] as const)(
    'asks a %s replica to resume on a gap and applies what overtook the answer in order',
    (_, actor, isScreen) => {
      const F = { role: 'facilitator' } as const;
      const room = createLiveRoom('w1');
      for (let i = 0; i < 5; i++) {
        room.send(F, { type: 'workshop.pause' });
        room.send(F, { type: 'workshop.resume' });
      }
      const slice = (from: number, to: number) => ({
        type: 'live.events',
        workshopId: 'w1',
        afterSeq: from,
        throughSeq: to,
        events: room.log.slice(from, to),
      });
      const client = fakeClient();
      const session = new LiveSession('w1', actor, client as unknown as RealtimeClient, isScreen);
      session.start();
      client.deliver({ type: 'live.snapshot', workshopId: 'w1', seq: 0, state: createLiveRoom('w1').state });
      client.deliver(slice(0, 2));
      expect(session.getSnapshot().seq).toBe(2);
      client.sent.length = 0;
      // Seq 3..6 went missing: the replica asks for them and holds what comes meanwhile.
      client.deliver(slice(6, 8));
      expect(client.sent).toEqual([
        { type: 'live.resume', workshopId: 'w1', lastSeq: 2, ...(isScreen ? { as: 'screen' } : {}) },
      ]);
      client.deliver(slice(8, 10));
      expect(session.getSnapshot().seq).toBe(2);
      client.deliver(slice(2, 6));
      expect(session.getSnapshot().seq).toBe(10);
      expect(session.getSnapshot().state.eventCount).toBe(10);
      expect(session.getSnapshot().state.status).toBe('running');
      session.stop();
    },
  );
});
