import { randomUUID } from 'node:crypto';
import { CharterClientMessageSchema } from '@essaim/contracts';
import * as Y from 'yjs';
import { dialectOf } from '../db/column-types.ts';
import type { Db } from '../db/db.ts';
import { type CharterMeta, chartersRepository } from '../db/repositories/charters.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { nowIso } from '../lib/tokens.ts';
import type { RoomHub } from '../realtime/hub.ts';
import type { SocketContext } from '../realtime/sockets.ts';
import { requireScope } from './access.service.ts';
import { type CharterRights, type CharterViewer, charterRights } from './charters-access.ts';
import { docFromUpdates, isValidUpdate } from './charters-doc.ts';
import { RelayWindow } from './charters-relay.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { resolveParticipant } from './participants.service.ts';

/** Compact the update log into the snapshot once this many updates have piled up. */
export const COMPACT_AFTER = 200;
/** At most this many updates per group commit (bounds one statement's parameters). */
const MAX_BATCH = 200;
/**
 * A charter's group commits start at most once per this many ms (the first at once). Fifty editors
 * typing twice a second send a hundred updates a second, a few ms apart: committed as they come, that
 * is a transaction (five statements) per keystroke; held to the window, two to three per transaction.
 * Only the sender's ack waits (at most this long more); relays to the other editors do not.
 */
export const COMMIT_WINDOW_MS = 25;

interface PendingBatch {
  engagementId: string;
  waiting: {
    data: Uint8Array;
    actor: string | null;
    resolve: (seq: number) => void;
    reject: (error: unknown) => void;
  }[];
  /** A commit is scheduled or running. */
  running: boolean;
  /** When the last commit started (performance.now()): the next one waits for the window's end. */
  startedAt: number;
  /** Drops the batch once a window passes without updates. */
  closer: ReturnType<typeof setTimeout> | null;
}

export const charterRoom = (charterId: string) => `charter:${charterId}`;

const b64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromB64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * Persistence of a charter's Yjs document: every update is appended to `charter_updates` (in its own
 * transaction, before it is acknowledged), and folded into the charter's snapshot once
 * {@link COMPACT_AFTER} have piled up. Loading = snapshot + tail, merged with `Y.mergeUpdates`.
 * Instances hold no document in memory: what a joining client lacks is computed from the stored
 * updates with `Y.diffUpdate`, so any instance can serve any charter.
 */
export class CharterStore {
  private readonly compacting = new Set<string>();
  private readonly isPostgres: boolean;

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.isPostgres = dialectOf(db) === 'postgres';
  }

  /** The whole document as one update. */
  async load(charterId: string): Promise<Uint8Array> {
    const state = await chartersRepository.state(this.db, charterId);
    if (!state) {
      throw new AppError('NOT_FOUND', 'charter not found');
    }
    return state.tail.length === 0 ? state.snapshot : Y.mergeUpdates([state.snapshot, ...state.tail]);
  }

  /** The document, built by applying the snapshot and the tail in one transaction (no merge pass first). */
  async loadDoc(charterId: string): Promise<Y.Doc> {
    const state = await chartersRepository.state(this.db, charterId);
    if (!state) {
      throw new AppError('NOT_FOUND', 'charter not found');
    }
    return docFromUpdates([state.snapshot, ...state.tail]);
  }

  /** Per charter: updates waiting for the next group commit, and whether one is running. */
  private readonly pending = new Map<string, PendingBatch>();

  /**
   * Store one update and return its seq; resolves only once the update is committed, so the caller
   * acknowledges stored updates only. Group commit: updates arriving while a commit of the same
   * charter runs, or within {@link COMMIT_WINDOW_MS} of its start, wait for the next one and are stored together (one transaction: the engagement
   * guard, one `UPDATE … last_seq + n`, one multi-row insert), so a burst of 50 editors costs a few
   * transactions rather than one per keystroke. A refusal (adopted, stopped, paused) refuses the batch.
   */
  append(charter: Pick<CharterMeta, 'id' | 'engagement_id'>, update: Uint8Array, actor: string | null) {
    let batch = this.pending.get(charter.id);
    if (!batch) {
      batch = {
        engagementId: charter.engagement_id,
        waiting: [],
        running: false,
        startedAt: Number.NEGATIVE_INFINITY,
        closer: null,
      };
      this.pending.set(charter.id, batch);
    }
    const b = batch;
    const seq = new Promise<number>((resolve, reject) => {
      b.waiting.push({ data: update, actor, resolve, reject });
    });
    if (!b.running) {
      b.running = true;
      if (b.closer) {
        clearTimeout(b.closer);
        b.closer = null;
      }
      // At the earliest in the check phase, so every update read in this turn of the event loop
      // joins; within the window of the previous commit, at its end (see COMMIT_WINDOW_MS).
      const wait = b.startedAt + COMMIT_WINDOW_MS - performance.now();
      const run = () => void this.flush(charter.id, b);
      if (wait <= 0) {
        setImmediate(run);
      } else {
        setTimeout(run, wait);
      }
    }
    return seq;
  }

  private async flush(charterId: string, batch: PendingBatch): Promise<void> {
    batch.startedAt = performance.now();
    while (batch.waiting.length > 0) {
      const items = batch.waiting.splice(0, MAX_BATCH);
      try {
        const result = await this.db.transaction().execute(async (trx) => {
          await assertEngagementAcceptsInput(trx, batch.engagementId);
          const at = nowIso();
          const r = await chartersRepository.appendMany(
            trx,
            charterId,
            items.map((i) => ({ data: i.data, actor: i.actor, at })),
          );
          if (!r) {
            throw new AppError('CONFLICT', 'the adopted text is read-only: open a new version to change it');
          }
          return r;
        });
        items.forEach((item, k) => {
          item.resolve(result.firstSeq + k);
        });
        if (result.pending >= COMPACT_AFTER) {
          this.compactSoon(charterId);
        }
      } catch (error) {
        for (const item of items) {
          item.reject(error);
        }
      }
    }
    batch.running = false;
    batch.closer = setTimeout(() => {
      if (!batch.running && this.pending.get(charterId) === batch) {
        this.pending.delete(charterId);
      }
    }, COMMIT_WINDOW_MS);
    batch.closer.unref();
  }

  private compactSoon(charterId: string): void {
    if (this.compacting.has(charterId)) {
      return;
    }
    this.compacting.add(charterId);
    this.compact(charterId)
      .catch(this.onError)
      .finally(() => this.compacting.delete(charterId));
  }

  /**
   * Fold the tail into the snapshot. Applying to a `Y.Doc` and re-encoding (rather than merging the
   * raw updates) lets Yjs garbage-collect deleted text, so the snapshot does not grow with every typo.
   */
  async compact(charterId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const locked = await chartersRepository.lockForCompaction(trx, charterId, this.isPostgres);
      if (!locked || locked.tail.length === 0) {
        return;
      }
      const doc = new Y.Doc();
      Y.transact(doc, () => {
        Y.applyUpdate(doc, locked.snapshot);
        for (const u of locked.tail) {
          Y.applyUpdate(doc, u.data);
        }
      });
      const through = locked.tail[locked.tail.length - 1]!.seq;
      await chartersRepository.storeSnapshot(trx, charterId, Y.encodeStateAsUpdate(doc), through);
      doc.destroy();
    });
  }

  /** Wait for compactions started by appends (tests, shutdown). */
  async idle(): Promise<void> {
    const writing = () => [...this.pending.values()].some((b) => b.running);
    while (this.compacting.size > 0 || writing()) {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

interface Joined {
  charter: CharterMeta;
  viewer: CharterViewer;
  /** Rights read at most RIGHTS_TTL_MS ago (a role change closes the socket; stop, pause and adoption are also checked in the append's transaction). */
  rights: CharterRights;
  rightsAt: number;
  /** Updates of one socket are stored in the order they were sent, so an acknowledged update never depends on a later one. */
  queue: Promise<void>;
}

const RIGHTS_TTL_MS = 2000;

/**
 * The `charter.*` socket family (contracts: `CharterClientMessageSchema`): y-protocols' sync step 1/2
 * (state vector → missing update) as JSON, updates acknowledged once stored and fanned out to every
 * instance through the hub (Redis bus), awareness relayed without storage.
 */
export class CharterSockets {
  /** Per socket client: the charters it joined and who it is there (weak: gone with the socket). */
  private readonly joined = new WeakMap<object, Map<string, Joined>>();
  /** Editors' updates on their way to the room, coalesced per window (see charters-relay.ts). */
  private readonly relays: RelayWindow;

  constructor(
    private readonly db: Db,
    private readonly hub: RoomHub,
    readonly store: CharterStore,
    onError: (error: unknown) => void = () => {},
  ) {
    this.relays = new RelayWindow(hub, onError);
  }

  async handle(ctx: SocketContext, raw: Record<string, unknown>): Promise<void> {
    const parsed = CharterClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      ctx.client.send({
        type: 'error',
        code: 'VALIDATION_FAILED',
        message: parsed.error.issues[0]?.message ?? 'bad charter message',
      });
      return;
    }
    const msg = parsed.data;
    const reject = (updateId: string | null, code: string, message: string) =>
      ctx.client.send({ type: 'charter.reject', charterId: msg.charterId, updateId, code, message });
    switch (msg.type) {
      case 'charter.join': {
        const viewer = await this.identify(ctx, msg.charterId, msg.token);
        const charter = await chartersRepository.byId(this.db, msg.charterId);
        if (!viewer || !charter) {
          reject(null, 'FORBIDDEN', 'not allowed in this charter');
          return;
        }
        const room = charterRoom(charter.id);
        // Join before reading, so no update stored meanwhile is missed.
        if (!ctx.rooms.has(room)) {
          ctx.rooms.add(room);
          await this.hub.join(room, ctx.client);
        }
        let mine = this.joined.get(ctx.client);
        if (!mine) {
          mine = new Map();
          this.joined.set(ctx.client, mine);
        }
        const rights = await charterRights(this.db, charter, viewer);
        mine.set(charter.id, { charter, viewer, rights, rightsAt: Date.now(), queue: Promise.resolve() });
        const state = await this.store.load(charter.id);
        let clientVector: Uint8Array;
        try {
          clientVector = fromB64(msg.stateVector);
          Y.decodeStateVector(clientVector);
        } catch {
          clientVector = new Uint8Array([0]);
        }
        ctx.client.send({
          type: 'charter.sync',
          charterId: charter.id,
          update: b64(Y.diffUpdate(state, clientVector)),
          stateVector: b64(Y.encodeStateVectorFromUpdate(state)),
          readOnly: !rights.canEdit,
          readOnlyReason: rights.readOnlyReason,
        });
        return;
      }
      case 'charter.leave': {
        this.joined.get(ctx.client)?.delete(msg.charterId);
        const room = charterRoom(msg.charterId);
        if (ctx.rooms.delete(room)) {
          await this.hub.leave(room, ctx.client);
        }
        return;
      }
      case 'charter.update': {
        const entry = this.joined.get(ctx.client)?.get(msg.charterId);
        if (!entry) {
          reject(msg.updateId, 'FORBIDDEN', 'join the charter first');
          return;
        }
        const run = entry.queue.then(() => this.storeUpdate(ctx, entry, msg.updateId, msg.update, reject));
        entry.queue = run.catch(() => undefined);
        await run;
        return;
      }
      case 'charter.awareness': {
        if (!this.joined.get(ctx.client)?.has(msg.charterId)) {
          return;
        }
        this.relays.relay(charterRoom(msg.charterId), {
          type: 'charter.awareness',
          charterId: msg.charterId,
          update: msg.update,
          from: ctx.client.id,
        });
        return;
      }
    }
  }

  private async storeUpdate(
    ctx: SocketContext,
    entry: Joined,
    updateId: string,
    encoded: string,
    reject: (updateId: string | null, code: string, message: string) => void,
  ): Promise<void> {
    if (Date.now() - entry.rightsAt > RIGHTS_TTL_MS) {
      entry.charter = (await chartersRepository.byId(this.db, entry.charter.id)) ?? entry.charter;
      entry.rights = await charterRights(this.db, entry.charter, entry.viewer);
      entry.rightsAt = Date.now();
    }
    const { charter, rights } = entry;
    if (!rights.canEdit) {
      reject(
        updateId,
        rights.readOnlyReason === 'role' ? 'FORBIDDEN' : 'READ_ONLY',
        rights.readOnlyReason ?? '',
      );
      return;
    }
    const update = fromB64(encoded);
    if (update.length === 0 || !isValidUpdate(update)) {
      reject(updateId, 'VALIDATION_FAILED', 'not a Yjs update');
      return;
    }
    // Fan-out does not wait for the disk: peers apply the update now (Yjs merges in any order, and
    // the sender re-sends anything unacknowledged on reconnect); only the sender's ack waits for it.
    const stored = this.store.append(charter, update, entry.viewer.name);
    this.relays.relay(charterRoom(charter.id), {
      type: 'charter.update',
      charterId: charter.id,
      update: encoded,
      seq: null,
      from: ctx.client.id,
    });
    let seq: number;
    try {
      seq = await stored;
    } catch (error) {
      if (error instanceof AppError) {
        // Stopped, paused or adopted meanwhile: read the rights again next time.
        entry.rightsAt = 0;
        reject(updateId, error.code === 'CONFLICT' ? 'READ_ONLY' : error.code, error.message);
        return;
      }
      throw error;
    }
    ctx.client.send({ type: 'charter.ack', charterId: charter.id, updateId, seq });
  }

  /** Broadcast an update made by the server itself (restore, accepted amendment, clause ids). */
  async publish(charterId: string, update: Uint8Array, seq: number): Promise<void> {
    await this.hub.broadcast(charterRoom(charterId), {
      type: 'charter.update',
      charterId,
      update: b64(update),
      seq,
      from: 'server',
    });
  }

  async changed(charterId: string, what: string): Promise<void> {
    await this.hub.broadcast(charterRoom(charterId), { type: 'charter.changed', charterId, what });
  }

  private async identify(
    ctx: SocketContext,
    charterId: string,
    token?: string,
  ): Promise<CharterViewer | null> {
    const charter = await chartersRepository.byId(this.db, charterId);
    if (!charter) {
      return null;
    }
    const session = ctx.request.session;
    if (session) {
      try {
        const scope = await requireScope(this.db, session.user.id, charter.org_id, 'engagement.read');
        return { kind: 'user', userId: session.user.id, role: scope.role, name: session.user.display_name };
      } catch {
        // not a member of this organisation: maybe a participant token below
      }
    }
    if (token) {
      const p = await resolveParticipant(this.db, token, 'charter', charterId);
      if (p) {
        const person = await chartersRepository.participantPerson(this.db, p.id, charterId);
        if (person) {
          return { kind: 'participant', participantId: p.id, personId: person.id, name: person.display_name };
        }
      }
    }
    return null;
  }
}

export const newUpdateId = () => randomUUID();
