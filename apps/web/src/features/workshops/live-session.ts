/**
 * @module A live workshop replica in the browser: the same core reducer as the server, an outbox of
 * commands with client ids, and optimistic display.
 *
 * - Confirmed state: the server's snapshot (redacted for a participant) folded with the events it
 *   sends, in sequence order. The server sends every viewer a contiguous range (events it may not
 *   see are skipped inside the range), so any replica — facilitator, participant, projector —
 *   detects a gap (`afterSeq` beyond its last seq) at once and asks to resume from its last seq.
 * - Outbox: every command gets a random id and is kept (in localStorage, per workshop) until the
 *   server acknowledges or rejects it. On every (re)connection the outbox is sent again with the same
 *   ids, and a command still unanswered after a few seconds is resent: the server recognises the
 *   id, so a vote cast offline is counted once, never twice.
 * - Optimistic view: the confirmed state with the pending commands applied on top (core `decide` then
 *   `apply`), so a tap shows at once.
 */
import {
  type Actor,
  apply,
  createWorkshop,
  decide,
  isSnapshotNeeded,
  type LiveCommand,
  type LiveCommandBody,
  type LiveEvent,
  type RejectionCode,
  type WorkshopState,
} from '@essaim/core/live';
import type { RealtimeClient, RealtimeMessage } from '../../lib/ws';

const RESEND_AFTER_MS = 4000;

interface Pending {
  readonly commandId: string;
  readonly command: LiveCommandBody;
  sentAt: number;
}

export interface LiveSnapshot {
  readonly state: WorkshopState;
  /** Confirmed state with pending commands applied. */
  readonly view: WorkshopState;
  readonly seq: number;
  readonly pending: number;
  readonly isLoaded: boolean;
  readonly lastRejection: { readonly code: RejectionCode; readonly at: number } | null;
}

const newCommandId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class LiveSession {
  private state: WorkshopState;
  private seq = 0;
  private isLoaded = false;
  private outbox: Pending[];
  private snapshot: LiveSnapshot;
  private lastRejection: LiveSnapshot['lastRejection'] = null;
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly early: RealtimeMessage[] = [];
  /**
   * The `lastSeq` of a resume whose answer is on its way (0: a snapshot): live events that overtake
   * the answer are held until it arrives, then applied in order.
   */
  private awaiting: number | null = null;

  constructor(
    readonly workshopId: string,
    /** Who sends the commands (for the optimistic view); `null` for a read-only screen. */
    readonly actor: Actor | null,
    private readonly client: RealtimeClient,
    /** A projector: the server then sends only what participants may see (never unrevealed results). */
    readonly isScreen = false,
  ) {
    this.state = createWorkshop(workshopId);
    this.outbox = this.loadOutbox();
    this.snapshot = this.compute();
  }

  start(): void {
    this.offs.push(
      this.client.onMessage((m) => this.onMessage(m)),
      this.client.onStatus((s) => {
        if (s === 'open') {
          this.resume();
        }
      }),
    );
    this.client.connect();
    if (this.client.getStatus() === 'open') {
      this.resume();
    }
    this.timer = setInterval(() => this.resendStale(), 1000);
  }

  stop(): void {
    for (const off of this.offs.splice(0)) {
      off();
    }
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  /** Queue a command (sent now if connected); returns its id. */
  send(command: LiveCommandBody): string {
    const pending: Pending = { commandId: newCommandId(), command, sentAt: Date.now() };
    this.outbox.push(pending);
    this.saveOutbox();
    this.transmit(pending);
    this.publish();
    return pending.commandId;
  }

  private resume(): void {
    this.awaiting = this.isLoaded ? this.seq : 0;
    this.client.send({
      type: 'live.resume',
      workshopId: this.workshopId,
      lastSeq: this.isLoaded ? this.seq : 0,
      ...(this.isScreen ? { as: 'screen' as const } : {}),
    });
    for (const p of this.outbox) {
      this.transmit(p);
    }
  }

  private resendStale(): void {
    const now = Date.now();
    for (const p of this.outbox) {
      if (now - p.sentAt > RESEND_AFTER_MS) {
        this.transmit(p);
      }
    }
  }

  private transmit(p: Pending): void {
    p.sentAt = Date.now();
    this.client.send({
      type: 'live.command',
      workshopId: this.workshopId,
      commandId: p.commandId,
      command: p.command,
    });
  }

  private onMessage(m: RealtimeMessage): void {
    if (m.type === 'live.ack' || m.type === 'live.reject') {
      const i = this.outbox.findIndex((p) => p.commandId === m.commandId);
      if (i < 0) {
        return;
      }
      this.outbox.splice(i, 1);
      this.saveOutbox();
      if (m.type === 'live.reject') {
        this.lastRejection = { code: m.code as RejectionCode, at: Date.now() };
      }
      this.publish();
      return;
    }
    if (m.workshopId !== this.workshopId) {
      return;
    }
    if (m.type === 'live.snapshot') {
      this.state = m.state as WorkshopState;
      this.seq = m.seq as number;
      this.isLoaded = true;
      this.releaseEarly();
      this.publish();
      return;
    }
    if (m.type === 'live.events') {
      const afterSeq = typeof m.afterSeq === 'number' ? m.afterSeq : null;
      const isAnswer = this.awaiting !== null && this.awaiting > 0 && afterSeq === this.awaiting;
      if (!this.isLoaded || (this.awaiting !== null && !isAnswer)) {
        this.early.push(m);
        return;
      }
      if (afterSeq !== null && afterSeq > this.seq) {
        // A gap: ask for what is missing and keep this message for after the answer.
        this.early.push(m);
        this.awaiting = this.seq;
        this.client.send({
          type: 'live.resume',
          workshopId: this.workshopId,
          lastSeq: this.seq,
          ...(this.isScreen ? { as: 'screen' as const } : {}),
        });
        return;
      }
      let needsSnapshot = false;
      for (const { seq, event } of m.events as { seq: number; event: LiveEvent }[]) {
        if (seq <= this.seq) {
          continue;
        }
        this.state = apply(this.state, event);
        this.seq = seq;
        needsSnapshot ||= isSnapshotNeeded(event);
      }
      if (typeof m.throughSeq === 'number' && m.throughSeq > this.seq) {
        this.seq = m.throughSeq;
      }
      if (isAnswer) {
        this.releaseEarly();
      }
      if (needsSnapshot && this.actor?.role !== 'facilitator') {
        this.awaiting = 0;
        this.client.send({
          type: 'live.resume',
          workshopId: this.workshopId,
          lastSeq: 0,
        });
      }
      this.publish();
    }
  }

  /** The resume was answered: apply what overtook the answer (older events are skipped by seq). */
  private releaseEarly(): void {
    this.awaiting = null;
    for (const e of this.early.splice(0)) {
      this.onMessage(e);
    }
  }

  private compute(): LiveSnapshot {
    let view = this.state;
    if (this.actor) {
      for (const p of this.outbox) {
        const decision = decide(
          view,
          { ...p.command, commandId: p.commandId, actor: this.actor } as LiveCommand,
          {
            now: Date.now(),
          },
        );
        if (decision.ok) {
          for (const event of decision.events) {
            view = apply(view, event);
          }
        }
      }
    }
    return {
      state: this.state,
      view,
      seq: this.seq,
      pending: this.outbox.length,
      isLoaded: this.isLoaded,
      lastRejection: this.lastRejection,
    };
  }

  private publish(): void {
    this.snapshot = this.compute();
    for (const l of [...this.listeners]) {
      l();
    }
  }

  private get storageKey(): string {
    return `essaim-live-outbox-${this.workshopId}`;
  }

  private loadOutbox(): Pending[] {
    try {
      const raw = window.localStorage.getItem(this.storageKey);
      return raw ? (JSON.parse(raw) as Pending[]) : [];
    } catch {
      return [];
    }
  }

  private saveOutbox(): void {
    try {
      if (this.outbox.length === 0) {
        window.localStorage.removeItem(this.storageKey);
      } else {
        window.localStorage.setItem(this.storageKey, JSON.stringify(this.outbox));
      }
    } catch {
      // Private mode: the outbox lives for this page only.
    }
  }
}
