/**
 * @module The live event store with group commit.
 *
 * Write path of a command: contracts have validated its shape → `decide` (core) against the cached
 * state → events appended with gapless per-workshop sequence numbers inside one transaction → the
 * commit is announced (`onCommitted`, which fans out) → the command is acknowledged.
 *
 * Group commit (Gray & Reuter, "Transaction Processing", §9.4.3; as in PostgreSQL's commit_delay):
 * commands for one workshop that arrive while a transaction is being prepared or run wait a few
 * milliseconds and share the next transaction, so one fsync serves a whole burst of votes.
 *
 * Idempotency: every command carries a client id. Within one workshop, a retry is recognised by core
 * (the last 64 ids of each actor live in the state) and, beyond that window or across restarts, by a
 * lookup in the log (`workshop_events.command_id`); either way it is acknowledged with the sequence
 * number of its first application and never applied twice.
 *
 * Several instances: the workshop row is locked (`SELECT … FOR UPDATE` on PostgreSQL; SQLite has a
 * single writer) and the cached state catches up from the log before deciding, so writers on two
 * instances interleave safely. A snapshot is stored every {@link SNAPSHOT_EVERY} events so a restart
 * replays only the tail.
 */
import {
  type Actor,
  applyInPlace,
  COMMAND_WINDOW,
  createWorkshop,
  decide,
  isDuplicateCommand,
  type LiveCommand,
  type LiveEvent,
  type RejectionCode,
  type WorkshopState,
} from '@essaim/core/live';
import { dialectOf } from '../db/column-types.ts';
import type { Db } from '../db/db.ts';
import type { WorkshopEventRow } from '../db/repositories/workshops.repository.ts';
import { workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { AppError } from '../lib/app-error.ts';
import { readJson } from '../lib/json.ts';
import { eventJson } from './event-json.ts';

/** Replaying 5,000 events takes a few milliseconds; serialising a 2,000-person state is the costly part. */
export const SNAPSHOT_EVERY = 5000;
/**
 * Flush policy. A batch costs a transaction (four statements on PostgreSQL), a message to every
 * facilitator and a round of fan-out whatever its size, so a busy room is better served by fewer,
 * larger batches: the first command queued waits at most GROUP_WINDOW_MS for others (a few ms are
 * invisible next to a phone's round trip), a queue of FLUSH_AT commands leaves at once, and commands
 * that arrive while a transaction runs go in the next one.
 */
const GROUP_WINDOW_MS = 10;
const FLUSH_AT = 500;
const MAX_BATCH = 2000;

export type SubmitResult =
  | { readonly ok: true; readonly seq: number; readonly isDuplicate: boolean }
  | { readonly ok: false; readonly code: RejectionCode; readonly message: string };

export interface CommittedBatch {
  readonly workshopId: string;
  /** The batch covers sequence numbers (afterSeq, throughSeq]. */
  readonly afterSeq: number;
  readonly throughSeq: number;
  readonly events: { readonly seq: number; readonly event: LiveEvent }[];
}

interface CachedWorkshop {
  state: WorkshopState;
  seq: number;
  snapshotSeq: number;
  isBusy: boolean;
}

interface PendingCommand {
  readonly command: LiveCommand;
  /** System commands (an engagement stop) bypass the engagement guard. */
  readonly isSystem: boolean;
  resolve(result: SubmitResult): void;
  reject(error: unknown): void;
}

interface PendingRead {
  readonly read: (state: WorkshopState, seq: number) => void;
  resolve(): void;
  reject(error: unknown): void;
}

interface Queue {
  commands: PendingCommand[];
  reads: PendingRead[];
  timer: ReturnType<typeof setTimeout> | null;
  isRunning: boolean;
}

function windowOf(state: WorkshopState, actor: Actor): string[] | undefined {
  if (actor.role === 'facilitator') {
    return state.facilitatorCommandIds;
  }
  return Object.hasOwn(state.participants, actor.participantId)
    ? state.participants[actor.participantId]?.recentCommandIds
    : undefined;
}

export const actorKeyOf = (actor: Actor): string =>
  actor.role === 'facilitator' ? 'f' : actor.participantId;

/**
 * The input guard (engagement stop/pause), injected by the composition root so the engine does not
 * reach up into services; it throws an `AppError` (`ENGAGEMENT_STOPPED`, `ENGAGEMENT_PAUSED`) to refuse.
 */
export type InputGuard = (db: Db, engagementId: string) => Promise<void>;

export class LiveEngine {
  private readonly cache = new Map<string, CachedWorkshop>();
  private readonly queues = new Map<string, Queue>();
  private readonly isPostgres: boolean;
  private isClosed = false;
  /** Snapshot writes, one after the other, off the acknowledgement path. */
  private snapshotWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    /**
     * `caughtUp`: the events other instances committed just before this batch, read from the log to
     * bring the cached state up to date (null when there were none or the state was reloaded). The
     * local fan-out delivers them ahead of the batch: this instance's own batch would otherwise overtake
     * the other instance's relay and look like a gap to repair from the store.
     */
    private readonly onCommitted: (
      batch: CommittedBatch,
      state: WorkshopState,
      caughtUp: CommittedBatch | null,
    ) => void,
    private readonly acceptsInput: InputGuard,
  ) {
    this.isPostgres = dialectOf(db) === 'postgres';
  }

  /** Queue a command; resolves once it is durable (or rejected). */
  submit(command: LiveCommand, workshopId: string, isSystem = false): Promise<SubmitResult> {
    return new Promise((resolve, reject) => {
      const q = this.queueOf(workshopId);
      q.commands.push({ command, isSystem, resolve, reject });
      if (q.timer && q.commands.length >= FLUSH_AT) {
        // Enough waiting to fill a batch: no reason to wait out the window.
        clearTimeout(q.timer);
        q.timer = null;
        this.schedule(workshopId, 0);
        return;
      }
      this.schedule(workshopId);
    });
  }

  /** Run `read` on the caught-up state, between two batches (never on a half-applied one). */
  read(workshopId: string, read: (state: WorkshopState, seq: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queueOf(workshopId).reads.push({ read, resolve, reject });
      this.schedule(workshopId);
    });
  }

  /** A batch committed elsewhere (another instance): applied when it follows the cached state. */
  observe(batch: CommittedBatch): WorkshopState | null {
    const entry = this.cache.get(batch.workshopId);
    if (!entry) {
      return null;
    }
    if (!entry.isBusy && batch.afterSeq === entry.seq) {
      for (const { event } of batch.events) {
        applyInPlace(entry.state, event);
      }
      entry.seq = batch.throughSeq;
    }
    return entry.state;
  }

  /** The cached state (may lag behind other instances); for redaction flags only. */
  peek(workshopId: string): WorkshopState | null {
    return this.cache.get(workshopId)?.state ?? null;
  }

  close(): void {
    this.isClosed = true;
    for (const q of this.queues.values()) {
      if (q.timer) {
        clearTimeout(q.timer);
      }
    }
  }

  private queueOf(workshopId: string): Queue {
    let q = this.queues.get(workshopId);
    if (!q) {
      q = { commands: [], reads: [], timer: null, isRunning: false };
      this.queues.set(workshopId, q);
    }
    return q;
  }

  private schedule(workshopId: string, delay = GROUP_WINDOW_MS): void {
    const q = this.queueOf(workshopId);
    if (q.timer || q.isRunning || this.isClosed) {
      return;
    }
    q.timer = setTimeout(() => {
      q.timer = null;
      void this.flush(workshopId);
    }, delay);
  }

  private async flush(workshopId: string): Promise<void> {
    const q = this.queueOf(workshopId);
    if (q.isRunning) {
      return;
    }
    q.isRunning = true;
    const commands = q.commands.splice(0, MAX_BATCH);
    const reads = q.reads.splice(0);
    try {
      const outcome = await this.runBatch(workshopId, commands, reads);
      if (outcome.batch) {
        this.onCommitted(outcome.batch, outcome.state, outcome.caughtUp);
      }
      outcome.results.forEach((r, i) => {
        commands[i]?.resolve(r);
      });
    } catch (error) {
      this.cache.delete(workshopId);
      for (const c of commands) {
        c.reject(error);
      }
      for (const r of reads) {
        r.reject(error);
      }
    } finally {
      q.isRunning = false;
      if (q.commands.length > 0 || q.reads.length > 0) {
        // Arrived during the transaction: they have waited about as long as the window already.
        this.schedule(workshopId, 0);
      } else {
        this.queues.delete(workshopId);
      }
    }
  }

  private async runBatch(workshopId: string, commands: PendingCommand[], reads: PendingRead[]) {
    const now = Date.now();
    const at = new Date(now).toISOString();
    const { db } = this;
    let snapshot: { seq: number; json: string } | null = null;
    const outcome = await db.transaction().execute(async (trx) => {
      let headQuery = trx
        .selectFrom('workshops')
        .select(['last_seq', 'engagement_id', 'status'])
        .where('id', '=', workshopId);
      if (this.isPostgres) {
        headQuery = headQuery.forUpdate();
      }
      const head = await headQuery.executeTakeFirst();
      if (!head) {
        throw new AppError('NOT_FOUND', 'workshop not found');
      }
      const { entry, caughtUp } = await this.catchUp(trx, workshopId, Number(head.last_seq));
      entry.isBusy = true;
      try {
        for (const r of reads) {
          r.read(entry.state, entry.seq);
        }
        const results: SubmitResult[] = [];
        if (commands.length === 0) {
          return { results, batch: null, state: entry.state, caughtUp };
        }
        let blocked: { code: RejectionCode; message: string } | null = null;
        if (head.engagement_id !== null && commands.some((c) => !c.isSystem)) {
          try {
            await this.acceptsInput(trx, head.engagement_id);
          } catch (error) {
            if (!(error instanceof AppError)) {
              throw error;
            }
            blocked = {
              code: error.code === 'ENGAGEMENT_STOPPED' ? 'STOPPED' : 'PAUSED',
              message: error.message,
            };
          }
        }
        // Only an actor whose in-state window is full may have older command ids: look those up in
        // the log. For everyone else the window holds every id they ever had applied.
        const seen = new Map<string, number>();
        const unsure = commands
          .filter((c) => (windowOf(entry.state, c.command.actor)?.length ?? 0) >= COMMAND_WINDOW)
          .map((c) => c.command.commandId);
        for (const row of await workshopsRepository.seqsOfCommands(trx, workshopId, unsure)) {
          seen.set(`${row.actor_key}|${row.command_id}`, Number(row.seq));
        }
        const afterSeq = entry.seq;
        let seq = entry.seq;
        const rows: WorkshopEventRow[] = [];
        const events: { seq: number; event: LiveEvent }[] = [];
        const retries: { index: number; key: string }[] = [];
        for (const { command, isSystem } of commands) {
          const key = `${actorKeyOf(command.actor)}|${command.commandId}`;
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            results.push({ ok: true, seq: earlier, isDuplicate: true });
            continue;
          }
          if (blocked && !isSystem) {
            // A retry of a command applied before the stop still learns that it counted.
            if (isDuplicateCommand(entry.state, command)) {
              retries.push({ index: results.length, key });
              results.push({ ok: true, seq: afterSeq, isDuplicate: true });
            } else {
              results.push({ ok: false, ...blocked });
            }
            continue;
          }
          const decision = decide(entry.state, command, { now });
          if (!decision.ok) {
            if (decision.code === 'DUPLICATE') {
              retries.push({ index: results.length, key });
            }
            results.push(
              decision.code === 'DUPLICATE'
                ? { ok: true, seq: seen.get(key) ?? entry.seq, isDuplicate: true }
                : { ok: false, code: decision.code, message: decision.message },
            );
            continue;
          }
          for (const event of decision.events) {
            applyInPlace(entry.state, event);
            seq += 1;
            events.push({ seq, event });
            rows.push({
              workshop_id: workshopId,
              seq,
              command_id: command.commandId,
              actor_key: actorKeyOf(command.actor),
              type: event.type,
              // Serialised once: the fan-out reuses this text (event-json.ts).
              event: eventJson(event),
              at,
            });
          }
          seen.set(key, seq);
          results.push({ ok: true, seq, isDuplicate: false });
        }
        // A retry recognised by the state window is acknowledged with its original seq.
        const lookups = retries.filter((r) => !seen.has(r.key));
        if (lookups.length > 0) {
          const found = new Map<string, number>();
          for (const row of await workshopsRepository.seqsOfCommands(
            trx,
            workshopId,
            lookups.map((r) => r.key.slice(r.key.indexOf('|') + 1)),
          )) {
            found.set(`${row.actor_key}|${row.command_id}`, Number(row.seq));
          }
          for (const r of lookups) {
            results[r.index] = { ok: true, seq: found.get(r.key) ?? afterSeq, isDuplicate: true };
          }
        }
        if (rows.length > 0) {
          await workshopsRepository.appendBatch(trx, rows, {
            id: workshopId,
            lastSeq: seq,
            status: entry.state.status,
            at,
          });
          entry.seq = seq;
          if (seq - entry.snapshotSeq >= SNAPSHOT_EVERY) {
            snapshot = { seq, json: JSON.stringify(entry.state) };
            entry.snapshotSeq = seq;
          }
        }
        return {
          results,
          batch: rows.length > 0 ? { workshopId, afterSeq, throughSeq: seq, events } : null,
          state: entry.state,
          caughtUp,
        };
      } finally {
        entry.isBusy = false;
      }
    });
    for (const r of reads) {
      r.resolve();
    }
    if (snapshot !== null) {
      const { seq, json } = snapshot as { seq: number; json: string };
      // Outside the command's transaction and after the acks: a lost snapshot only means a longer replay.
      this.snapshotWrites = this.snapshotWrites
        .then(() => new Promise((resolve) => setImmediate(resolve)))
        .then(() => workshopsRepository.saveSnapshot(db, workshopId, seq, json, at))
        .catch(() => undefined);
    }
    return outcome;
  }

  /**
   * The cached state brought up to `lastSeq` from the snapshot and the log, with the events read past
   * a cached state (what other instances committed since), for the local fan-out.
   */
  private async catchUp(
    db: Db,
    workshopId: string,
    lastSeq: number,
  ): Promise<{ entry: CachedWorkshop; caughtUp: CommittedBatch | null }> {
    let entry = this.cache.get(workshopId);
    const isCached = entry !== undefined && entry.seq <= lastSeq;
    const from = entry?.seq ?? 0;
    const events: { seq: number; event: LiveEvent }[] = [];
    if (!entry || entry.seq > lastSeq) {
      const snap = await workshopsRepository.snapshot(db, workshopId);
      const isUsable = snap !== undefined && Number(snap.seq) <= lastSeq;
      entry = {
        state: isUsable ? (readJson<WorkshopState>(snap.state) as WorkshopState) : createWorkshop(workshopId),
        seq: isUsable ? Number(snap.seq) : 0,
        snapshotSeq: isUsable ? Number(snap.seq) : 0,
        isBusy: false,
      };
      this.cache.set(workshopId, entry);
    }
    while (entry.seq < lastSeq) {
      const rows = await workshopsRepository.eventsAfter(db, workshopId, entry.seq, 5000);
      if (rows.length === 0) {
        break;
      }
      for (const row of rows) {
        if (Number(row.seq) === entry.seq + 1) {
          const event = JSON.parse(row.event) as LiveEvent;
          applyInPlace(entry.state, event);
          entry.seq += 1;
          if (isCached) {
            events.push({ seq: entry.seq, event });
          }
        }
      }
    }
    const caughtUp = events.length > 0 ? { workshopId, afterSeq: from, throughSeq: entry.seq, events } : null;
    return { entry, caughtUp };
  }
}
