/**
 * @module One workshop's committed batches, delivered in sequence order on this instance.
 *
 * Batches reach an instance from its own engine (in order) and, through Redis, from the other
 * instances: pub/sub gives no ordering across publishers and drops messages while a subscriber
 * reconnects. The feed keeps the highest sequence number it delivered. A batch that follows it is
 * delivered at once; a batch that does not is held, sorted by sequence number, and the gap is given
 * {@link GAP_GRACE_MS} to fill itself (the other instance's relay is usually a moment behind), then
 * repaired from the event store (the missing events are committed: a batch is published only after its
 * transaction, and sequence numbers are assigned under the workshop row lock). Late or duplicate
 * batches are trimmed to what is new.
 *
 * Repairs are coalesced: at most one read is in flight per workshop, and it fetches the whole missing
 * range up to the first held batch once (in pages of {@link REPAIR_PAGE} events), however many
 * batches wait behind it. A repair per batch, in arrival order, was what stalled two instances under
 * 20,000 phones: every batch of one instance overtook the other's through Redis, each one cost a store
 * read, and the reads queued faster than they completed (issue 23, docs/live-scale.md). One repair per
 * instance serves every local socket, instead of each client resuming on its own.
 */
import type { LiveEvent } from '@essaim/core/live';
import type { CommittedBatch } from './live-engine.ts';

export type FetchRange = (
  workshopId: string,
  afterSeq: number,
  throughSeq: number,
) => Promise<{ seq: number; event: LiveEvent }[]>;

/** How long a gap may fill itself from the relay before the store is read. */
export const GAP_GRACE_MS = 30;
/** The most events one store read of a repair returns. */
export const REPAIR_PAGE = 5000;

export class OrderedFeed {
  /** Highest sequence number delivered; null until the first batch or resume tells where we are. */
  private deliveredSeq: number | null = null;
  /** Batches past a gap, by afterSeq ascending. */
  private held: CommittedBatch[] = [];
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private isRepairing = false;
  /** Store reads made to fill gaps (read by tests and the metrics). */
  repairs = 0;

  constructor(
    private readonly workshopId: string,
    private readonly fetchRange: FetchRange,
    private readonly deliver: (batch: CommittedBatch, isContiguous: boolean) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** A resume read the workshop at `seq`: from here on the feed knows where it stands. */
  knownAt(seq: number): void {
    if (this.deliveredSeq === null) {
      this.deliveredSeq = seq;
    }
  }

  get seq(): number | null {
    return this.deliveredSeq;
  }

  /** Batches waiting behind a gap (read by tests). */
  get heldCount(): number {
    return this.held.length;
  }

  /**
   * The store's head, read on a timer: a batch lost with nothing after it (the last vote of a burst)
   * leaves no later batch to reveal the gap, so the head tells. Repaired like any other gap.
   */
  checkHead(head: number): void {
    const delivered = this.deliveredSeq;
    if (delivered === null || head <= delivered) {
      return;
    }
    this.push({ workshopId: this.workshopId, afterSeq: head, throughSeq: head, events: [] });
  }

  push(batch: CommittedBatch): void {
    if (this.deliveredSeq === null) {
      this.deliveredSeq = batch.throughSeq;
      this.deliver(batch, false);
      return;
    }
    if (batch.throughSeq <= this.deliveredSeq) {
      return; // late duplicate: already delivered (or repaired from the store)
    }
    if (batch.afterSeq <= this.deliveredSeq) {
      this.deliverNew(batch);
      this.releaseHeld();
      return;
    }
    this.hold(batch);
  }

  /** Stop timers (the workshop has no local viewer any more). */
  close(): void {
    if (this.graceTimer) {
      clearTimeout(this.graceTimer);
      this.graceTimer = null;
    }
    this.held = [];
  }

  /** The part of a batch past what was delivered; the batch follows or overlaps the delivered seq. */
  private deliverNew(batch: CommittedBatch): void {
    const now = this.deliveredSeq ?? batch.afterSeq;
    this.deliveredSeq = batch.throughSeq;
    if (batch.afterSeq === now) {
      this.deliver(batch, true);
      return;
    }
    this.deliver(
      {
        workshopId: this.workshopId,
        afterSeq: now,
        throughSeq: batch.throughSeq,
        events: batch.events.filter((e) => e.seq > now),
      },
      true,
    );
  }

  private hold(batch: CommittedBatch): void {
    const i = this.held.findIndex((h) => h.afterSeq > batch.afterSeq);
    if (i < 0) {
      this.held.push(batch);
    } else {
      this.held.splice(i, 0, batch);
    }
    if (!this.isRepairing) {
      this.graceTimer ??= setTimeout(() => {
        this.graceTimer = null;
        void this.repair();
      }, GAP_GRACE_MS);
    }
  }

  /** Deliver the held batches that now follow; returns whether a gap remains. */
  private releaseHeld(): boolean {
    while (this.held.length > 0) {
      const first = this.held[0] as CommittedBatch;
      const delivered = this.deliveredSeq ?? first.afterSeq;
      if (first.afterSeq > delivered) {
        return true;
      }
      this.held.shift();
      if (first.throughSeq > delivered) {
        this.deliverNew(first);
      }
    }
    if (this.graceTimer) {
      clearTimeout(this.graceTimer);
      this.graceTimer = null;
    }
    return false;
  }

  /** One read at a time: the whole range missing before the first held batch, page by page. */
  private async repair(): Promise<void> {
    if (this.isRepairing) {
      return;
    }
    this.isRepairing = true;
    try {
      while (this.releaseHeld()) {
        const from = this.deliveredSeq as number;
        const through = Math.min((this.held[0] as CommittedBatch).afterSeq, from + REPAIR_PAGE);
        this.repairs += 1;
        const fetched = await this.fetchRange(this.workshopId, from, through);
        // The relay may have filled part of the range while the read was in flight.
        const now = this.deliveredSeq as number;
        const fresh = fetched.filter((e) => e.seq > now);
        if (fresh.length === 0 || fresh[0]?.seq !== now + 1) {
          if (now === from) {
            throw new Error(`the event store has no events after ${from} for workshop ${this.workshopId}`);
          }
          continue;
        }
        const last = fresh.at(-1)?.seq ?? now;
        this.deliveredSeq = last;
        this.deliver({ workshopId: this.workshopId, afterSeq: now, throughSeq: last, events: fresh }, true);
      }
    } catch (error) {
      // The store could not fill the gap: deliver what waits with its own range so that every client
      // sees the gap itself and resumes from the store.
      const held = this.held;
      this.held = [];
      for (const batch of held) {
        const delivered = this.deliveredSeq ?? 0;
        if (batch.afterSeq <= delivered) {
          if (batch.throughSeq > delivered) {
            this.deliverNew(batch);
          }
        } else {
          this.deliveredSeq = batch.throughSeq;
          this.deliver(batch, false);
        }
      }
      this.onError(error);
    } finally {
      this.isRepairing = false;
    }
  }
}
