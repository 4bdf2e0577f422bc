import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ConnectionStatus, RealtimeClient, type SocketLike } from './ws';

/** Minimal stand-in for the browser WebSocket, driven by the test. */
class FakeSocket {
  readyState = 0;
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }

  close() {
    this.readyState = 3;
  }

  private get self(): WebSocket {
    return this as unknown as WebSocket;
  }

  serverOpen() {
    this.readyState = 1;
    this.onopen?.call(this.self, new Event('open'));
  }

  serverMessage(data: unknown) {
    this.onmessage?.call(this.self, new MessageEvent('message', { data: JSON.stringify(data) }));
  }

  serverClose() {
    this.readyState = 3;
    this.onclose?.call(this.self, new Event('close') as CloseEvent);
  }
}

let sockets: FakeSocket[];
let now: number;

function createClient() {
  return new RealtimeClient({
    url: 'ws://test/ws',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as SocketLike;
    },
    random: () => 1,
    now: () => now,
  });
}

const last = () => sockets[sockets.length - 1]!;

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  now = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RealtimeClient', () => {
  it('connects on first subscription and subscribes once open', () => {
    const client = createClient();
    const statuses: ConnectionStatus[] = [];
    client.onStatus((status) => statuses.push(status));

    client.subscribe('engagement:1');
    expect(client.getStatus()).toBe('connecting');
    last().serverOpen();

    expect(statuses).toEqual(['connecting', 'open']);
    expect(last().sent).toEqual([{ type: 'subscribe', room: 'engagement:1' }]);
  });

  it('reference-counts rooms and unsubscribes on last release', () => {
    const client = createClient();
    client.connect();
    last().serverOpen();
    const a = client.subscribe('r');
    const b = client.subscribe('r');
    a();
    a();
    expect(last().sent).toEqual([{ type: 'subscribe', room: 'r' }]);
    b();
    expect(last().sent).toEqual([
      { type: 'subscribe', room: 'r' },
      { type: 'unsubscribe', room: 'r' },
    ]);
    expect(client.activeRooms()).toEqual([]);
  });

  it('dispatches parsed messages by type and ignores malformed frames', () => {
    const client = createClient();
    const onVote = vi.fn();
    client.on('vote', onVote);
    client.connect();
    last().serverOpen();
    last().serverMessage({ type: 'vote', value: 3 });
    last().serverMessage({ type: 'other' });
    last().onmessage?.call(last() as unknown as WebSocket, new MessageEvent('message', { data: '{oops' }));
    expect(onVote).toHaveBeenCalledTimes(1);
    expect(onVote).toHaveBeenCalledWith({ type: 'vote', value: 3 });
  });

  it('reconnects with exponential back-off and re-subscribes rooms', () => {
    const client = createClient();
    client.subscribe('r');
    last().serverOpen();

    last().serverClose();
    expect(client.getStatus()).toBe('reconnecting');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    last().serverClose();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    last().serverOpen();
    expect(client.getStatus()).toBe('open');
    expect(last().sent).toEqual([{ type: 'subscribe', room: 'r' }]);
  });

  it('caps the delay and resets it after a stable connection', () => {
    const client = createClient();
    expect(client.nextDelay(20)).toBe(30_000);

    client.connect();
    last().serverClose(); // attempt 0 → 500 ms
    vi.advanceTimersByTime(500);
    last().serverClose(); // attempt 1 → 1000 ms
    vi.advanceTimersByTime(1000);
    last().serverOpen();
    now += 10_000;
    last().serverClose(); // stable for 10 s → back to 500 ms
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
  });

  it('does not send while disconnected and stops for good on disconnect()', () => {
    const client = createClient();
    expect(client.send({ type: 'ping' })).toBe(false);
    client.connect();
    last().serverOpen();
    client.disconnect();
    expect(client.getStatus()).toBe('closed');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
