import type { EventBus } from '../realtime/bus.ts';

/** Close codes (4000–4999 are the application's): the client reconnects with whatever rights it has now. */
export const CLOSE_SESSION_ENDED = 4001;
export const CLOSE_RIGHTS_CHANGED = 4003;

interface Closable {
  close(code: number, reason: string): void;
}

interface Entry {
  socket: Closable;
  sessionId: string;
  userId: string;
}

type Order = { session: string } | { user: string; exceptSession?: string | null };

const CONTROL_ROOM = '__sockets';

/**
 * The signed-in sockets of this instance, by session and by person, so that signing out, revoking a
 * session, changing a person's role or removing them closes their sockets at once (issue 12 §5).
 * Orders also travel on the bus, so sockets held by other instances close too.
 */
export class SocketRegistry {
  private readonly entries = new Set<Entry>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly instanceId: string,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(CONTROL_ROOM, (envelope) => {
      if (envelope.origin !== this.instanceId && envelope.kind === 'deliver') {
        this.apply(envelope.message as Order);
      }
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  /** Track a socket opened with a session; returns the function that forgets it. */
  add(socket: Closable, sessionId: string, userId: string): () => void {
    const entry = { socket, sessionId, userId };
    this.entries.add(entry);
    return () => this.entries.delete(entry);
  }

  /** Sign-out or revocation of one session. */
  closeSession(sessionId: string): Promise<void> {
    return this.order({ session: sessionId });
  }

  /** A person's role changed, they were removed, or their other sessions were revoked. */
  closeUser(userId: string, exceptSession: string | null = null): Promise<void> {
    return this.order({ user: userId, exceptSession });
  }

  private async order(order: Order): Promise<void> {
    this.apply(order);
    await this.bus.publish({ origin: this.instanceId, room: CONTROL_ROOM, kind: 'deliver', message: order });
  }

  private apply(order: Order): void {
    for (const e of [...this.entries]) {
      const hit =
        'session' in order
          ? e.sessionId === order.session
          : e.userId === order.user && e.sessionId !== order.exceptSession;
      if (hit) {
        this.entries.delete(e);
        e.socket.close(
          'session' in order ? CLOSE_SESSION_ENDED : CLOSE_RIGHTS_CHANGED,
          'session' in order ? 'session ended' : 'rights changed',
        );
      }
    }
  }
}
