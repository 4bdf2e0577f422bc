/**
 * Reconnecting WebSocket client for the server's `/ws` endpoint.
 *
 * Messages are JSON objects `{ type, ... }`. Rooms are reference-counted: the first `subscribe(room)` sends
 * `{ type: 'subscribe', room }`, the last release sends `{ type: 'unsubscribe', room }`, and every open room
 * is subscribed again after a reconnect. Reconnection uses exponential back-off with jitter
 * (delay = min(max, min · factor^attempt), then scaled by a random factor in [0.5, 1]) so that many
 * clients dropped at once do not all come back in the same instant.
 *
 * @example
 *   const client = new RealtimeClient();
 *   const leave = client.subscribe(`engagement:${id}`);
 *   const off = client.on('vote.cast', (msg) => console.log(msg));
 */

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface RealtimeMessage {
  type: string;
  [key: string]: unknown;
}

/** The subset of the browser WebSocket this client uses; lets tests pass a fake. */
export type SocketLike = Pick<
  WebSocket,
  'readyState' | 'send' | 'close' | 'onopen' | 'onclose' | 'onmessage' | 'onerror'
>;

export interface RealtimeOptions {
  /** Absolute ws(s):// URL; defaults to `/ws` on the page's origin. */
  url?: string;
  /** First retry delay. */
  minDelayMs?: number;
  /** Ceiling for the retry delay. */
  maxDelayMs?: number;
  factor?: number;
  /** A connection that stayed open this long resets the back-off. */
  stableAfterMs?: number;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  now?: () => number;
}

type Listener<T> = (value: T) => void;

const SOCKET_OPEN = 1;
const NORMAL_CLOSURE = 1000;

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/ws`;
}

function parseMessage(data: unknown): RealtimeMessage | null {
  if (typeof data !== 'string') {
    return null;
  }
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string') {
      return value as RealtimeMessage;
    }
  } catch {
    // Malformed frames are ignored: one bad message must not take the connection down.
  }
  return null;
}

export class RealtimeClient {
  private readonly options: Required<Omit<RealtimeOptions, 'url'>> & { url: string | undefined };
  private socket: SocketLike | null = null;
  private status: ConnectionStatus = 'idle';
  private attempt = 0;
  private openedAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly rooms = new Map<string, number>();
  private readonly statusListeners = new Set<Listener<ConnectionStatus>>();
  private readonly messageListeners = new Set<Listener<RealtimeMessage>>();
  private readonly onOnline = () => this.retryNow();

  constructor(options: RealtimeOptions = {}) {
    this.options = {
      url: options.url,
      minDelayMs: options.minDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      factor: options.factor ?? 2,
      stableAfterMs: options.stableAfterMs ?? 5_000,
      createSocket: options.createSocket ?? ((url) => new WebSocket(url)),
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    };
  }

  getStatus(): ConnectionStatus {
    return this.status;
  }

  /** Listener-style subscription, compatible with React's `useSyncExternalStore`. */
  onStatus(listener: Listener<ConnectionStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Every parsed message. */
  onMessage(listener: Listener<RealtimeMessage>): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Messages of one `type`. */
  on(type: string, listener: Listener<RealtimeMessage>): () => void {
    return this.onMessage((message) => {
      if (message.type === type) {
        listener(message);
      }
    });
  }

  /** Opens the connection; a no-op while a socket exists (connecting or open). */
  connect(): void {
    if (this.socket) {
      return;
    }
    this.clearRetry();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
    }
    this.open(this.status === 'reconnecting' ? 'reconnecting' : 'connecting');
  }

  /** Closes for good (until the next `connect()`); rooms are kept for that next connection. */
  disconnect(): void {
    this.clearRetry();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
    }
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(NORMAL_CLOSURE);
    }
    this.setStatus('closed');
  }

  /**
   * Sends now if the socket is open and returns whether it did. Nothing is queued: a vote or edit
   * replayed minutes later would be surprising, so callers decide what to do when offline.
   */
  send(message: RealtimeMessage): boolean {
    if (this.status !== 'open' || !this.socket || this.socket.readyState !== SOCKET_OPEN) {
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Joins a room (connecting if needed); returns a release function, safe to call more than once. */
  subscribe(room: string): () => void {
    const count = this.rooms.get(room) ?? 0;
    this.rooms.set(room, count + 1);
    if (count === 0) {
      this.send({ type: 'subscribe', room });
    }
    if (this.status === 'idle' || this.status === 'closed') {
      this.connect();
    }
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const remaining = (this.rooms.get(room) ?? 1) - 1;
      if (remaining > 0) {
        this.rooms.set(room, remaining);
        return;
      }
      this.rooms.delete(room);
      this.send({ type: 'unsubscribe', room });
    };
  }

  /** Rooms currently held, for diagnostics and tests. */
  activeRooms(): string[] {
    return [...this.rooms.keys()];
  }

  private open(status: 'connecting' | 'reconnecting'): void {
    this.setStatus(status);
    const socket = this.options.createSocket(this.options.url ?? defaultUrl());
    this.socket = socket;
    socket.onopen = () => {
      this.openedAt = this.options.now();
      this.setStatus('open');
      for (const room of this.rooms.keys()) {
        this.send({ type: 'subscribe', room });
      }
    };
    socket.onmessage = (event) => {
      const message = parseMessage(event.data);
      if (message) {
        for (const listener of [...this.messageListeners]) {
          listener(message);
        }
      }
    };
    // Browsers always follow `error` with `close`, so reconnection is handled there only.
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      if (this.status === 'open' && this.options.now() - this.openedAt >= this.options.stableAfterMs) {
        this.attempt = 0;
      }
      this.scheduleRetry();
    };
  }

  /** Delay before retry number `attempt` (0-based), jitter included. */
  nextDelay(attempt: number): number {
    const { minDelayMs, maxDelayMs, factor, random } = this.options;
    const base = Math.min(maxDelayMs, minDelayMs * factor ** attempt);
    return Math.round(base * (0.5 + random() / 2));
  }

  private scheduleRetry(): void {
    this.setStatus('reconnecting');
    const delay = this.nextDelay(this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open('reconnecting');
    }, delay);
  }

  private retryNow(): void {
    if (this.status === 'reconnecting' && this.retryTimer !== null) {
      this.clearRetry();
      this.open('reconnecting');
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) {
      return;
    }
    this.status = status;
    for (const listener of [...this.statusListeners]) {
      listener(status);
    }
  }
}
