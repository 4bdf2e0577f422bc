/**
 * Binds a charter's Yjs document and awareness to the app's one WebSocket (`realtime`). The server
 * speaks y-protocols' sync steps as JSON (`charter.join` with our state vector → `charter.sync` with
 * what we lack); after every (re)connection we send what the server lacks, so edits made offline merge
 * on reconnect. Local updates are sent as they happen and acknowledged once stored.
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RealtimeClient, RealtimeMessage } from '../../lib/ws';

const toB64 = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) {
    s += String.fromCharCode(b);
  }
  return btoa(s);
};
const fromB64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export interface SyncState {
  synced: boolean;
  readOnly: boolean;
  readOnlyReason: string | null;
  unacked: number;
}

export class CharterSync {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private state: SyncState = { synced: false, readOnly: true, readOnlyReason: null, unacked: 0 };
  private readonly listeners = new Set<(s: SyncState) => void>();
  private readonly unacked = new Set<string>();
  private readonly offs: (() => void)[] = [];
  private counter = 0;

  constructor(
    private readonly client: RealtimeClient,
    readonly charterId: string,
    private readonly token?: string,
  ) {}

  start(): void {
    this.offs.push(this.client.onMessage((m) => this.onMessage(m)));
    this.offs.push(
      this.client.onStatus((s) => {
        if (s === 'open') {
          this.join();
        } else {
          this.set({ synced: false });
        }
      }),
    );
    this.client.connect();
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.state.synced) {
        this.sendUpdate(update);
      }
    };
    this.doc.on('update', onUpdate);
    this.offs.push(() => this.doc.off('update', onUpdate));
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      // Someone new appeared: tell them who we are at once (the server keeps no awareness).
      const changed =
        origin === 'local' ? [...added, ...updated, ...removed] : added.length > 0 ? [this.doc.clientID] : [];
      if (changed.length > 0 && this.awareness.getLocalState()) {
        this.client.send({
          type: 'charter.awareness',
          charterId: this.charterId,
          update: toB64(encodeAwarenessUpdate(this.awareness, changed)),
        });
      }
    };
    this.awareness.on('update', onAwareness);
    this.offs.push(() => this.awareness.off('update', onAwareness));
    if (this.client.getStatus() === 'open') {
      this.join();
    }
  }

  stop(): void {
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    this.client.send({ type: 'charter.leave', charterId: this.charterId });
    for (const off of this.offs.splice(0)) {
      off();
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  onState(listener: (s: SyncState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  getState(): SyncState {
    return this.state;
  }

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch, unacked: this.unacked.size };
    for (const l of this.listeners) {
      l(this.state);
    }
  }

  private join(): void {
    this.client.send({
      type: 'charter.join',
      charterId: this.charterId,
      stateVector: toB64(Y.encodeStateVector(this.doc)),
      ...(this.token ? { token: this.token } : {}),
    });
  }

  private sendUpdate(update: Uint8Array): void {
    const updateId = `${this.doc.clientID}-${this.counter++}`;
    if (
      this.client.send({ type: 'charter.update', charterId: this.charterId, updateId, update: toB64(update) })
    ) {
      this.unacked.add(updateId);
      this.set({});
    }
  }

  private onMessage(m: RealtimeMessage): void {
    if (m.charterId !== this.charterId) {
      return;
    }
    switch (m.type) {
      case 'charter.sync': {
        Y.applyUpdate(this.doc, fromB64(m.update as string), this);
        this.set({
          synced: true,
          readOnly: m.readOnly as boolean,
          readOnlyReason: (m.readOnlyReason as string | null) ?? null,
        });
        // What we hold that the server lacks (offline edits): one update.
        if (!m.readOnly) {
          const missing = Y.encodeStateAsUpdate(this.doc, fromB64(m.stateVector as string));
          if (missing.length > 2) {
            this.sendUpdate(missing);
          }
        }
        if (this.awareness.getLocalState()) {
          this.awareness.setLocalState(this.awareness.getLocalState());
        }
        return;
      }
      case 'charter.update':
        Y.applyUpdate(this.doc, fromB64(m.update as string), this);
        return;
      case 'charter.awareness':
        applyAwarenessUpdate(this.awareness, fromB64(m.update as string), this);
        return;
      case 'charter.changed':
        // Adopted, re-opened, paused…: join again to learn whether the text is still editable.
        if (m.what === 'status') {
          this.join();
        }
        return;
      case 'charter.ack':
        this.unacked.delete(m.updateId as string);
        this.set({});
        return;
      case 'charter.reject':
        if (m.updateId) {
          this.unacked.delete(m.updateId as string);
        }
        if (m.code === 'READ_ONLY' || m.code === 'FORBIDDEN') {
          this.set({ readOnly: true });
        }
        return;
      default:
        return;
    }
  }
}
