import type { ServerMessage } from '@essaim/contracts';
import { describe, expect, it } from 'vitest';
import { MemoryBus } from '../realtime/bus.ts';
import { RoomHub } from '../realtime/hub.ts';
import { RelayWindow } from './charters-relay.ts';

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const msg = (n: number): ServerMessage => ({ type: 'event', room: 'charter:x', event: 'n', payload: n });

describe('RelayWindow', () => {
  it('sends a lone relay in the same turn, holds the next ones to the end of the window, in order', async () => {
    const hub = new RoomHub(new MemoryBus(), 'A');
    const received: { n: unknown; at: number }[] = [];
    await hub.join('charter:x', {
      id: 'c',
      send: (m) => {
        if (m.type === 'event') {
          received.push({ n: m.payload, at: performance.now() });
        }
      },
    });
    const errors: unknown[] = [];
    const relays = new RelayWindow(hub, (e) => errors.push(e), 60);
    const t0 = performance.now();
    relays.relay('charter:x', msg(1));
    await tick();
    expect(received.map((r) => r.n)).toEqual([1]);
    relays.relay('charter:x', msg(2));
    relays.relay('charter:x', msg(3));
    await sleep(30);
    expect(received).toHaveLength(1);
    await sleep(60);
    expect(received.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(received[1]!.at - t0).toBeGreaterThanOrEqual(55);
    // Both in the same turn: one write per socket carries them.
    expect(received[2]!.at - received[1]!.at).toBeLessThan(5);
    // After a quiet window the room starts over: the next relay leaves at once again.
    await sleep(90);
    relays.relay('charter:x', msg(4));
    await tick();
    expect(received.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(errors).toEqual([]);
  });
});
