/**
 * @module The live protocol over the shared WebSocket: `live.resume` and `live.command`, who is
 * speaking (facilitator session or participant token), and per-viewer fan-out.
 *
 * Every instance joins the internal room `workshop-live:<id>` of the hub once per workshop that has
 * local viewers; committed batches are broadcast there (in process, and through Redis to the other
 * instances) with full events. Each instance then sends every local viewer what it may hold:
 * facilitators everything but who showed what in a nameless fist-to-five, participants and projectors
 * a redaction (core `redactEventFor`). Nobody can subscribe to that room from a socket: the public
 * room `workshop:<id>` (presence, reactions) carries no event.
 *
 * A projector (`live.resume` with `as: 'screen'`) is a read-only participant-like viewer even when the
 * facilitator's own session opens it: the room sees results only once the facilitator reveals them.
 */
import { randomUUID } from 'node:crypto';
import { LiveClientMessageSchema, type LiveServerMessage, type ServerMessage } from '@essaim/contracts';
import { can } from '@essaim/core';
import {
  type Actor,
  createWorkshop,
  isSnapshotNeeded,
  type LiveCommand,
  type LiveEvent,
  redactEventFor,
  redactStateFor,
  type Viewer,
  type WorkshopState,
} from '@essaim/core/live';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db.ts';
import { organisationsRepository } from '../db/repositories/organisations.repository.ts';
import { workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { eventsJson } from '../live/event-json.ts';
import { type CommittedBatch, type InputGuard, LiveEngine } from '../live/live-engine.ts';
import { type LocalViewer, LocalViewers, REDACTED_ID } from '../live/local-viewers.ts';
import { OrderedFeed } from '../live/ordered-feed.ts';
import type { HubClient, RoomHub } from '../realtime/hub.ts';
import { rememberText } from '../realtime/message-text.ts';
import type { SocketContext, SocketMessageHandler } from '../realtime/sockets.ts';
import { recordLiveOutcomes } from './live-decisions.ts';
import { resolveParticipant } from './participants.service.ts';
import { toRole } from './presenters.ts';
import { emitLiveWebhooks } from './webhooks-emitters.ts';

/** Cookie holding a workshop's participant token (one per workshop, HttpOnly). */
export const participantCookie = (workshopId: string): string => `essaim_wp_${workshopId}`;
/** Beyond this many missed events a reconnecting client gets a snapshot instead. */
const MAX_CATCH_UP_EVENTS = 2000;
const REDACTED_VIEWER: Viewer = { role: 'participant', participantId: REDACTED_ID };
const FACILITATOR: Viewer = { role: 'facilitator' };

/** Who a socket is for one workshop; `actor` is null for a read-only viewer (member, big screen). */
export interface LiveIdentity {
  readonly viewer: Viewer;
  readonly actor: Actor | null;
}

const send = (client: HubClient, message: LiveServerMessage) => client.send(message);

// Immutable facts, cached so that a room of 2,000 phones connecting at once costs one query each:
// a workshop's organisation, and which participant a (valid) token of a workshop belongs to.
const CACHE_LIMIT = 20_000;

/** A map that forgets its oldest entry beyond {@link CACHE_LIMIT} entries. */
class BoundedCache extends Map<string, string> {
  remember(key: string, value: string): void {
    if (this.size >= CACHE_LIMIT) {
      const oldest = this.keys().next().value;
      if (oldest !== undefined) {
        this.delete(oldest);
      }
    }
    this.set(key, value);
  }
}

/** How long a socket's rights in a workshop are trusted before the membership is read again. */
const IDENTITY_TTL_MS = 3000;

/**
 * The live runtime of one server instance: engine, fan-out and socket handlers. Built once by the
 * composition root (`createDeps`) and shared by every feature that writes to workshops (the workshop
 * routes, agendas turning items into activities), so a workshop has one in-memory engine per process.
 */
export class LiveRuntime {
  readonly engine: LiveEngine;
  private readonly viewers = new Map<string, LocalViewers>();
  private readonly roomClients = new Map<string, HubClient>();
  private readonly feeds = new Map<string, OrderedFeed>();
  /** Per socket and workshop, re-checked after IDENTITY_TTL_MS (roles and sessions can change). */
  private readonly identities = new WeakMap<
    FastifyRequest,
    Map<string, { identity: LiveIdentity; at: number }>
  >();
  private readonly workshopOrgs = new BoundedCache();
  private readonly knownTokens = new BoundedCache();
  /** Workshops a socket resumed as a projector (`as: 'screen'`): read-only, redacted. */
  private readonly screens = new WeakMap<FastifyRequest, Set<string>>();
  /**
   * Where failures of background work (not tied to a request) go. The composition root has no logger,
   * so the app wires its own with {@link onBackgroundError}; until then errors are kept in `lastErrors`.
   */
  private errorHandler: ((error: unknown, message: string) => void) | null = null;
  readonly lastErrors: { error: unknown; message: string }[] = [];

  /** Send background failures (e.g. writing a live outcome's DecisionRecord) to the app logger. */
  onBackgroundError(handler: (error: unknown, message: string) => void): void {
    this.errorHandler = handler;
  }

  private reportError(error: unknown, message: string): void {
    if (this.errorHandler) {
      this.errorHandler(error, message);
      return;
    }
    this.lastErrors.push({ error, message });
    this.lastErrors.splice(0, this.lastErrors.length - 20);
  }

  constructor(
    private readonly db: Db,
    private readonly hub: RoomHub,
    private readonly socketHandlers: Map<string, SocketMessageHandler>,
    acceptsInput: InputGuard,
  ) {
    this.engine = new LiveEngine(
      db,
      (batch, state, caughtUp) => {
        // What this instance read of the others' commits goes first, so its own batch follows
        // without a gap; the relay of those events, when it comes, is trimmed as a duplicate.
        if (caughtUp && caughtUp.throughSeq === batch.afterSeq) {
          this.feeds.get(batch.workshopId)?.push(caughtUp);
        }
        void this.hub.broadcast(roomOf(batch.workshopId), batchMessage(batch));
        // Closed consent rounds and fist-to-five write a DecisionRecord (decisions feature).
        // Background work after the commit: nobody awaits it, so a failure goes to the app log.
        recordLiveOutcomes(db, batch, state).catch((error: unknown) =>
          this.reportError(error, 'recording a live outcome as a decision failed'),
        );
        emitLiveWebhooks(db, batch).catch((error: unknown) =>
          this.reportError(error, 'emitting a live webhook failed'),
        );
      },
      acceptsInput,
    );
  }

  /** Store reads made by this instance's live feeds to fill gaps (the metrics; issue 23). */
  get feedRepairs(): number {
    let n = this.closedFeedRepairs;
    for (const feed of this.feeds.values()) {
      n += feed.repairs;
    }
    return n;
  }

  private closedFeedRepairs = 0;

  register(): void {
    this.socketHandlers.set('live.resume', (ctx, message) => this.onMessage(ctx, message));
    this.socketHandlers.set('live.command', (ctx, message) => this.onMessage(ctx, message));
  }

  /**
   * Who is behind this request for this workshop: a member allowed `workshop.run` is the facilitator,
   * a holder of the workshop's participant cookie is that participant, another member with
   * `workshop.read` a read-only viewer; anyone else null.
   */
  async identify(request: FastifyRequest, workshopId: string): Promise<LiveIdentity | null> {
    const db = this.db;
    const orgId = await this.orgOfWorkshop(workshopId);
    if (orgId === null) {
      return null;
    }
    let canRead = false;
    if (request.session) {
      const membership = await organisationsRepository.membership(db, orgId, request.session.user.id);
      if (membership) {
        const role = toRole(membership.role);
        if (can(role, 'workshop.run')) {
          return { viewer: { role: 'facilitator' }, actor: { role: 'facilitator' } };
        }
        canRead = can(role, 'workshop.read');
      }
    }
    const token = request.cookies[participantCookie(workshopId)];
    if (token) {
      const key = `${workshopId}:${token}`;
      let participantId = this.knownTokens.get(key);
      if (participantId === undefined) {
        participantId = (await resolveParticipant(db, token, 'workshop', workshopId))?.id;
        if (participantId !== undefined) {
          this.knownTokens.remember(key, participantId);
        }
      }
      if (participantId !== undefined) {
        const actor: Actor = { role: 'participant', participantId };
        return { viewer: actor, actor };
      }
    }
    return canRead ? { viewer: REDACTED_VIEWER, actor: null } : null;
  }

  private async orgOfWorkshop(workshopId: string): Promise<string | null> {
    const cached = this.workshopOrgs.get(workshopId);
    if (cached !== undefined) {
      return cached;
    }
    const row = await workshopsRepository.byId(this.db, workshopId);
    if (!row) {
      return null;
    }
    this.workshopOrgs.remember(workshopId, row.org_id);
    return row.org_id;
  }

  close(): void {
    this.engine.close();
    for (const feed of this.feeds.values()) {
      feed.close();
    }
    if (this.headTimer) {
      clearInterval(this.headTimer);
    }
  }

  /** Every {@link HEAD_CHECK_MS}, each watched workshop's head in the store: one query per workshop. */
  private headTimer: ReturnType<typeof setInterval> | null = null;

  private watchHeads(): void {
    if (this.headTimer) {
      return;
    }
    this.headTimer = setInterval(() => {
      if (this.feeds.size === 0) {
        return;
      }
      for (const [workshopId, feed] of this.feeds) {
        if (feed.seq === null) {
          continue;
        }
        workshopsRepository
          .byId(this.db, workshopId)
          .then((row) => {
            if (row) {
              feed.checkHead(Number(row.last_seq));
            }
          })
          .catch((error: unknown) => this.reportError(error, 'reading a live workshop head failed'));
      }
    }, HEAD_CHECK_MS);
    this.headTimer.unref();
  }

  /** Submit on behalf of the server (engagement stop/pause, REST join); resolves when durable. */
  submitSystem(workshopId: string, command: LiveCommand, isSystem = true) {
    return this.engine.submit(command, workshopId, isSystem);
  }

  /**
   * The identity already established for this socket, synchronously (a vote's path), else undefined.
   * A member's is re-read after IDENTITY_TTL_MS (roles change); a phone without a session is only ever
   * its participant token, whose participant is cached for good (`knownTokens`): re-reading it would
   * give the same answer, and a removed participant is refused by the engine, not here.
   */
  private recentIdentity(ctx: SocketContext, workshopId: string): LiveIdentity | undefined {
    const cached = this.identities.get(ctx.request)?.get(workshopId);
    if (!cached) {
      return undefined;
    }
    return !ctx.request.session || Date.now() - cached.at < IDENTITY_TTL_MS ? cached.identity : undefined;
  }

  private async identityOf(ctx: SocketContext, workshopId: string): Promise<LiveIdentity | null> {
    let known = this.identities.get(ctx.request);
    if (!known) {
      known = new Map();
      this.identities.set(ctx.request, known);
    }
    const identity = await this.identify(ctx.request, workshopId);
    if (identity) {
      known.set(workshopId, { identity, at: Date.now() });
    } else {
      known.delete(workshopId);
    }
    return identity;
  }

  private async onMessage(ctx: SocketContext, raw: Record<string, unknown>): Promise<void> {
    const parsed = LiveClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const commandId = typeof raw.commandId === 'string' ? raw.commandId.slice(0, 64) : '';
      if (commandId) {
        send(ctx.client, {
          type: 'live.reject',
          commandId,
          code: 'INVALID',
          message: parsed.error.issues[0]?.message ?? 'invalid',
        });
      } else {
        ctx.client.send({
          type: 'error',
          code: 'VALIDATION_FAILED',
          message: parsed.error.issues[0]?.message ?? '',
        });
      }
      return;
    }
    const msg = parsed.data;
    const found = this.recentIdentity(ctx, msg.workshopId) ?? (await this.identityOf(ctx, msg.workshopId));
    // A projector never holds more than a participant and acts on nothing, whoever's session opened it.
    let screens = this.screens.get(ctx.request);
    if (msg.type === 'live.resume') {
      if (msg.as === 'screen') {
        screens = screens ?? new Set();
        screens.add(msg.workshopId);
        this.screens.set(ctx.request, screens);
      } else {
        screens?.delete(msg.workshopId);
      }
    }
    const identity: LiveIdentity | null =
      found && screens?.has(msg.workshopId) ? { viewer: REDACTED_VIEWER, actor: null } : found;
    if (!identity) {
      if (msg.type === 'live.command') {
        send(ctx.client, {
          type: 'live.reject',
          commandId: msg.commandId,
          code: 'FORBIDDEN',
          message: 'join the workshop first',
        });
      } else {
        ctx.client.send({ type: 'error', code: 'FORBIDDEN', message: 'not allowed in this workshop' });
      }
      return;
    }
    if (msg.type === 'live.resume') {
      await this.resume(ctx, msg.workshopId, identity, msg.lastSeq);
      return;
    }
    if (!identity.actor) {
      send(ctx.client, {
        type: 'live.reject',
        commandId: msg.commandId,
        code: 'FORBIDDEN',
        message: 'read-only viewer',
      });
      return;
    }
    const command = { ...msg.command, commandId: msg.commandId, actor: identity.actor } as LiveCommand;
    try {
      const result = await this.engine.submit(command, msg.workshopId);
      if (result.ok) {
        // The hot path of a vote: its ack written as text, without an object to serialise.
        sendText(
          ctx.client,
          `{"type":"live.ack","commandId":${JSON.stringify(msg.commandId)},"seq":${result.seq}}`,
          () => ({ type: 'live.ack', commandId: msg.commandId, seq: result.seq }),
        );
      } else {
        send(ctx.client, {
          type: 'live.reject',
          commandId: msg.commandId,
          code: result.code,
          message: result.message,
        });
      }
    } catch (err) {
      ctx.request.log.error({ err }, 'live command failed');
      ctx.client.send({ type: 'error', code: 'INTERNAL', message: 'command not stored, retry' });
    }
  }

  /** Register the socket as a viewer, then send what it missed (events or a snapshot). */
  private async resume(ctx: SocketContext, workshopId: string, identity: LiveIdentity, lastSeq: number) {
    await this.attach(ctx, workshopId, identity.viewer);
    const db = this.db;
    let reply: LiveServerMessage | null = null;
    let needsEvents: { from: number; through: number } | null = null;
    await this.engine.read(workshopId, (state, seq) => {
      if (lastSeq === 0 || lastSeq > seq || seq - lastSeq > MAX_CATCH_UP_EVENTS) {
        reply = {
          type: 'live.snapshot',
          workshopId,
          seq,
          // A copy taken now: the same batch goes on to apply commands to the live state.
          state: structuredClone(
            redactStateFor(this.rosterFor(workshopId, state, identity.viewer), identity.viewer),
          ) as never,
        };
      } else {
        needsEvents = { from: lastSeq, through: seq };
      }
    });
    if (needsEvents !== null) {
      const { from, through } = needsEvents as { from: number; through: number };
      const rows = await workshopsRepository.parsedEventsAfter(db, workshopId, from, through - from);
      const state = this.engine.peek(workshopId);
      const events: { seq: number; event: LiveEvent }[] = [];
      // As in the live feed, a large room's participant does not receive the others' arrivals and
      // departures: 10,000 phones catching up on 1,000 arrivals each would be 10⁷ roster events.
      const { viewer } = identity;
      const me =
        viewer.role === 'participant' && viewer.participantId !== REDACTED_ID ? viewer.participantId : null;
      const skipsRoster = me !== null && (this.viewers.get(workshopId)?.participants ?? 0) > LARGE_ROOM;
      for (const row of rows) {
        const event = row.event;
        if (
          skipsRoster &&
          ROSTER_EVENTS.has(event.type) &&
          (event as { participantId?: unknown }).participantId !== me
        ) {
          continue;
        }
        const shown = state ? redactEventFor(state, event, viewer) : null;
        if (shown) {
          events.push({ seq: Number(row.seq), event: shown });
        }
      }
      reply = {
        type: 'live.events',
        workshopId,
        afterSeq: from,
        throughSeq: through,
        events,
      };
    }
    if (reply) {
      send(ctx.client, reply);
      const r = reply as LiveServerMessage;
      const answered =
        r.type === 'live.snapshot' ? r.seq : r.type === 'live.events' ? (r.throughSeq ?? 0) : 0;
      this.feedOf(workshopId).knownAt(answered);
      const entry = this.viewers.get(workshopId)?.get(ctx.client.id);
      if (entry) {
        entry.sentThrough = Math.max(entry.sentThrough ?? -1, answered);
      }
    }
  }

  /**
   * In a large room a participant's snapshot carries its own roster entry only, as its live feed
   * carries no one else's arrival: copying 10,000 entries for each of 10,000 reconnecting phones
   * (all answered between two batches) would stall the event loop for minutes.
   */
  private rosterFor(workshopId: string, state: WorkshopState, viewer: Viewer): WorkshopState {
    const local = this.viewers.get(workshopId);
    if (
      viewer.role !== 'participant' ||
      viewer.participantId === REDACTED_ID ||
      !local ||
      local.participants <= LARGE_ROOM
    ) {
      return state;
    }
    const me = viewer.participantId;
    const own = Object.hasOwn(state.participants, me) ? state.participants[me] : undefined;
    return { ...state, participants: own ? { [me]: own } : {} };
  }

  private async attach(ctx: SocketContext, workshopId: string, viewer: Viewer): Promise<void> {
    let local = this.viewers.get(workshopId);
    if (!local) {
      local = new LocalViewers();
      this.viewers.set(workshopId, local);
    }
    // The same socket may resume as a projector after a console (in-app navigation): latest wins,
    // and its feed restarts from the answer to this resume.
    if (!local.set(ctx.client, viewer).isNew) {
      return;
    }
    const socket = ctx.request.raw.socket;
    socket.once('close', () => this.detach(workshopId, ctx.client.id));
    if (!this.roomClients.has(workshopId)) {
      const fanout: HubClient = {
        id: `live-${randomUUID()}`,
        send: (message) => this.fanOut(message),
      };
      this.roomClients.set(workshopId, fanout);
      await this.hub.join(roomOf(workshopId), fanout);
    }
  }

  private detach(workshopId: string, clientId: string): void {
    const local = this.viewers.get(workshopId);
    local?.delete(clientId);
    if (local && local.size === 0) {
      this.viewers.delete(workshopId);
      const feed = this.feeds.get(workshopId);
      if (feed) {
        feed.close();
        this.closedFeedRepairs += feed.repairs;
        this.feeds.delete(workshopId);
      }
      const fanout = this.roomClients.get(workshopId);
      this.roomClients.delete(workshopId);
      if (fanout) {
        void this.hub.leave(roomOf(workshopId), fanout);
      }
    }
  }

  /** A committed batch (local or from another instance) enters this workshop's ordered feed. */
  private fanOut(message: ServerMessage): void {
    if (message.type !== 'live.events') {
      return;
    }
    // Batches always carry their range; a range-less message is never applied to the cache (-1).
    const batch: CommittedBatch = {
      workshopId: message.workshopId,
      afterSeq: message.afterSeq ?? -1,
      throughSeq: message.throughSeq ?? -1,
      events: message.events,
    };
    this.feedOf(batch.workshopId).push(batch);
  }

  private feedOf(workshopId: string): OrderedFeed {
    let feed = this.feeds.get(workshopId);
    if (!feed) {
      feed = new OrderedFeed(
        workshopId,
        async (id, afterSeq, throughSeq) =>
          (await workshopsRepository.parsedEventsAfter(this.db, id, afterSeq, throughSeq - afterSeq)).map(
            (row) => ({ seq: Number(row.seq), event: row.event }),
          ),
        (batch, isContiguous) => this.deliver(batch, isContiguous),
        (error) => this.reportError(error, 'repairing a gap in a live feed failed'),
      );
      this.feeds.set(workshopId, feed);
      this.watchHeads();
    }
    return feed;
  }

  /**
   * A batch, in sequence order, → each local viewer's share of it. What an audience may see is
   * computed and serialised once per batch (facilitators; projectors; participants), not per socket;
   * a participant's own events are added to its copy. Each viewer's message covers the range since
   * the last message it got, so its sequence stays contiguous and a jump is a real gap.
   */
  private deliver(batch: CommittedBatch, isContiguous: boolean): void {
    const state: WorkshopState | null = this.engine.observe(batch) ?? this.engine.peek(batch.workshopId);
    const local = this.viewers.get(batch.workshopId);
    if (!local) {
      return;
    }
    const known = state ?? createWorkshop(batch.workshopId);
    const shared: ({ seq: number; event: LiveEvent } | null)[] = batch.events.map(({ seq, event }) => {
      const shown = state
        ? redactEventFor(state, event, REDACTED_VIEWER)
        : isSnapshotNeeded(event)
          ? event
          : null;
      return shown ? { seq, event: shown } : null;
    });
    // A large room's participants do not receive each other's arrivals and departures one by one
    // (10,000 joins × 10,000 phones); they read the roster from a snapshot or a resume, and the
    // count from presence. Projectors and facilitators still get every roster event.
    const isLargeRoom = local.participants > LARGE_ROOM;
    const forParticipants = shared.map((e) =>
      e && isLargeRoom && ROSTER_EVENTS.has(e.event.type) ? null : e,
    );
    const ownByParticipant = new Map<string, number[]>();
    const removed: string[] = [];
    batch.events.forEach(({ event }, i) => {
      const author = event.actor.role === 'participant' ? event.actor.participantId : null;
      const subject =
        'participantId' in event && typeof event.participantId === 'string' ? event.participantId : null;
      if (event.type === 'participant.removed' && subject !== null) {
        removed.push(subject);
      }
      for (const id of author === subject ? [author] : [author, subject]) {
        if (id !== null) {
          const list = ownByParticipant.get(id);
          if (list) {
            list.push(i);
          } else {
            ownByParticipant.set(id, [i]);
          }
        }
      }
    });
    const facilitator = new AudienceText(
      batch,
      batch.events.map(({ seq, event }) => ({
        seq,
        event: redactEventFor(known, event, FACILITATOR) ?? event,
      })),
    );
    const screen = new AudienceText(
      batch,
      shared.filter((e) => e !== null),
    );
    const sharedIndices: number[] = [];
    forParticipants.forEach((e, i) => {
      if (e !== null) {
        sharedIndices.push(i);
      }
    });
    const participants = new AudienceText(
      batch,
      forParticipants.filter((e) => e !== null),
    );
    const afterFor = (entry: LocalViewer): number | null => {
      // Already covered by the answer to this viewer's resume.
      if (entry.sentThrough !== null && batch.throughSeq <= entry.sentThrough) {
        return null;
      }
      return isContiguous && entry.sentThrough !== null && entry.sentThrough >= batch.afterSeq
        ? entry.sentThrough
        : batch.afterSeq;
    };
    const emit = (entry: LocalViewer, text: string | null, message: () => LiveServerMessage) => {
      if (text !== null) {
        sendText(entry.client, text, message);
        entry.sentThrough = batch.throughSeq;
      }
    };
    for (const entry of local.staff) {
      const after = afterFor(entry);
      if (after !== null) {
        const audience = entry.viewer.role === 'facilitator' ? facilitator : screen;
        emit(entry, audience.textAfter(after), () => audience.messageAfter(after));
      }
    }
    // A participant's own events, whole, with what every participant sees of the others'.
    const served = new Set<LocalViewer>();
    for (const [id, own] of ownByParticipant) {
      for (const entry of local.ofParticipant(id)) {
        const after = afterFor(entry);
        served.add(entry);
        if (after === null) {
          continue;
        }
        // Linear in the participant's own events plus the shared ones, never in the batch size:
        // a group commit of 2,000 votes has 2,000 authors.
        const events: { seq: number; event: LiveEvent }[] = [];
        const mine = new Set(own);
        for (const i of mergeSorted(own, sharedIndices)) {
          const e = batch.events[i];
          const shown =
            mine.has(i) && e?.event.actor.role === 'participant' && e.event.actor.participantId === id
              ? e
              : forParticipants[i];
          if (shown && shown.seq > after) {
            events.push(shown);
          }
        }
        emit(entry, events.length > 0 ? AudienceText.message(batch, after, eventsJson(events)) : null, () =>
          eventsMessage(batch, after, events),
        );
      }
    }
    // The rest of the participants only when the batch holds something they may all see.
    if (participants.hasEvents) {
      for (const entry of local.allParticipants()) {
        if (!served.has(entry)) {
          const after = afterFor(entry);
          if (after !== null) {
            emit(entry, participants.textAfter(after), () => participants.messageAfter(after));
          }
        }
      }
    }
    for (const id of removed) {
      for (const entry of [...local.ofParticipant(id)]) {
        local.delete(entry.client.id);
      }
    }
  }
}

/** The union of two ascending index lists, ascending, without duplicates. */
function mergeSorted(a: number[], b: number[]): number[] {
  if (b.length === 0) {
    return a;
  }
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Number.POSITIVE_INFINITY;
    const y = b[j] ?? Number.POSITIVE_INFINITY;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** How often the store's head is compared with each live feed (a lost last batch is found within this). */
const HEAD_CHECK_MS = 1000;

/** Above this many local viewers, participants stop receiving each other's roster events live. */
const LARGE_ROOM = 200;
const ROSTER_EVENTS = new Set(['participant.joined', 'participant.renamed', 'participant.left']);

/**
 * One audience's share of a batch, serialised once: the events array is stringified at most once
 * and each distinct `afterSeq` (viewers up to date to different points) costs a string concatenation.
 */
class AudienceText {
  private json: string | null = null;
  private readonly texts = new Map<number, string>();
  constructor(
    private readonly batch: CommittedBatch,
    private readonly events: { seq: number; event: LiveEvent }[],
  ) {}

  get hasEvents(): boolean {
    return this.events.length > 0;
  }

  static message(batch: CommittedBatch, after: number, eventsText: string): string {
    return `{"type":"live.events","workshopId":${JSON.stringify(batch.workshopId)},"afterSeq":${after},"throughSeq":${batch.throughSeq},"events":${eventsText}}`;
  }

  /** The message `textAfter` serialises, as an object, for a client in this process. */
  messageAfter(after: number): LiveServerMessage {
    return eventsMessage(
      this.batch,
      after,
      this.events.filter((e) => e.seq > after),
    );
  }

  /** The message for a viewer up to date through `after`, or null when it has nothing to learn. */
  textAfter(after: number): string | null {
    let text = this.texts.get(after);
    if (text === undefined) {
      const fresh = this.events.filter((e) => e.seq > after);
      if (fresh.length === 0) {
        return null;
      }
      if (fresh.length === this.events.length) {
        this.json ??= eventsJson(this.events);
        text = AudienceText.message(this.batch, after, this.json);
      } else {
        text = AudienceText.message(this.batch, after, eventsJson(fresh));
      }
      this.texts.set(after, text);
    }
    return text;
  }
}

/** Send pre-serialised text when the client can (a socket), else the same message as an object (in-process clients). */
function sendText(client: HubClient, text: string, message: () => LiveServerMessage): void {
  if (client.sendText) {
    client.sendText(text);
  } else {
    client.send(message());
  }
}

function eventsMessage(
  batch: CommittedBatch,
  after: number,
  events: { seq: number; event: LiveEvent }[],
): LiveServerMessage {
  return {
    type: 'live.events',
    workshopId: batch.workshopId,
    afterSeq: after,
    throughSeq: batch.throughSeq,
    events,
  };
}

const roomOf = (workshopId: string) => `workshop-live:${workshopId}`;

function batchMessage(batch: CommittedBatch): LiveServerMessage {
  const message: LiveServerMessage = {
    type: 'live.events',
    workshopId: batch.workshopId,
    afterSeq: batch.afterSeq,
    throughSeq: batch.throughSeq,
    events: batch.events,
  };
  // Relayed to the other instances as this text, built from the events' stored JSON.
  rememberText(message, () => AudienceText.message(batch, batch.afterSeq, eventsJson(batch.events)));
  return message;
}
