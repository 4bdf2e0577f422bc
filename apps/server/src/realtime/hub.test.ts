import type { ServerMessage } from '@essaim/contracts';
import { describe, expect, it } from 'vitest';
import { MemoryBus } from './bus.ts';
import { type HubClient, RoomHub } from './hub.ts';

function client(id: string): HubClient & { inbox: ServerMessage[] } {
  const inbox: ServerMessage[] = [];
  return { id, inbox, send: (m) => inbox.push(m) };
}

describe('RoomHub', () => {
  it('counts presence across instances sharing a bus and relays broadcasts once', async () => {
    const bus = new MemoryBus();
    const a = new RoomHub(bus, 'A');
    const b = new RoomHub(bus, 'B');
    const c1 = client('1');
    const c2 = client('2');
    const c3 = client('3');
    await a.join('lobby:x', c1);
    await b.join('lobby:x', c2);
    await b.join('lobby:x', c3);
    expect(a.presence('lobby:x')).toBe(3);
    expect(b.presence('lobby:x')).toBe(3);
    await a.broadcast('lobby:x', { type: 'event', room: 'lobby:x', event: 'test', payload: 1 });
    for (const c of [c1, c2, c3]) {
      expect(c.inbox.filter((m) => m.type === 'event')).toHaveLength(1);
    }
    await b.leave('lobby:x', c3);
    expect(a.presence('lobby:x')).toBe(2);
    expect(c1.inbox.at(-1)).toEqual({ type: 'presence', room: 'lobby:x', count: 2 });
  });

  it('does not deliver to other rooms', async () => {
    const hub = new RoomHub(new MemoryBus(), 'A');
    const inRoom = client('1');
    const outside = client('2');
    await hub.join('lobby:a', inRoom);
    await hub.join('lobby:b', outside);
    await hub.broadcast('lobby:a', { type: 'event', room: 'lobby:a', event: 'x', payload: null });
    expect(outside.inbox.some((m) => m.type === 'event')).toBe(false);
    expect(inRoom.inbox.some((m) => m.type === 'event')).toBe(true);
  });
});
