/**
 * @module One workshop's committed batches, delivered in sequence order on this instance.
 *
 * Batches reach an instance from its own engine (in order) and, through Redis, from the other
 * instances: pub/sub gives no ordering across publishers and drops messages while a subscriber
 * reconnects. The feed keeps the highest sequence number it delivered; a batch that does not follow it
 * is a gap, repaired at once from the event store (the batch's predecessors are committed: a batch is
 * published only after its transaction, and sequence numbers are assigned under the workshop row
 * lock), then the batch itself is delivered. Late or duplicate batches are trimmed to what is new.
 * One repair per instance serves every local socket, instead of each client resuming on its own.
 */
import type { LiveEvent } from '@essaim/core/live';
import type { CommittedBatch } from './live-engine.ts';

export type FetchRange = (
  workshopId: string,
  afterSeq: number,
  throughSeq: number,
) => Promise<{ seq: number; event: LiveEvent }[]>;

export class OrderedFeed {
  /** Highest sequence number delivered; null until the first batch or resume tells where we are. */
  private deliveredSeq: number | null = null;
  private chain: Promise<void> = Promise.resolve();
  /** Gaps repaired from the store (read by tests and the metrics). */
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

  /**
   * The store's head, read on a timer: a batch lost with nothing after it (the last vote of a burst)
   * leaves no later batch to reveal the gap, so the head tells. Repaired like any other gap.
   */
  checkHead(head: number): void {
    const delivered = this.deliveredSeq;
    if (delivered === null || head <= delivered || !this.isIdle) {
      return;
    }
    this.push({ workshopId: this.workshopId, afterSeq: head, throughSeq: head, events: [] });
  }

  push(batch: CommittedBatch): void {
    const delivered = this.deliveredSeq;
    // Fast path, synchronous: the batch follows what was delivered and nothing is being repaired.
    if (this.isIdle && (delivered === null || batch.afterSeq === delivered)) {
      this.deliveredSeq = batch.throughSeq;
      this.deliver(batch, delivered !== null);
      return;
    }
    this.pending += 1;
    this.chain = this.chain
      .then(() => this.pushInOrder(batch))
      .catch((error: unknown) => {
        // The store could not fill the gap: deliver the batch with its own range so that every
        // client sees the gap itself and resumes from the store.
        this.deliveredSeq = Math.max(this.deliveredSeq ?? 0, batch.throughSeq);
        this.deliver(batch, false);
        this.onError(error);
      })
      .finally(() => {
        this.pending -= 1;
      });
  }

  private pending = 0;
  private get isIdle(): boolean {
    return this.pending === 0;
  }

  private async pushInOrder(batch: CommittedBatch): Promise<void> {
    const delivered = this.deliveredSeq;
    if (delivered === null) {
      this.deliveredSeq = batch.throughSeq;
      this.deliver(batch, false);
      return;
    }
    if (batch.throughSeq <= delivered) {
      return; // late duplicate: already delivered (or repaired from the store)
    }
    if (batch.afterSeq > delivered) {
      this.repairs += 1;
      const missing = await this.fetchRange(this.workshopId, delivered, batch.afterSeq);
      const from = this.deliveredSeq ?? delivered;
      const fresh = missing.filter((e) => e.seq > from);
      if (fresh.length > 0 && fresh[0]?.seq === from + 1) {
        const through = fresh.at(-1)?.seq ?? from;
        this.deliveredSeq = through;
        this.deliver(
          { workshopId: this.workshopId, afterSeq: from, throughSeq: through, events: fresh },
          true,
        );
      }
    }
    const now = this.deliveredSeq ?? delivered;
    if (batch.throughSeq <= now) {
      return;
    }
    const isContiguous = batch.afterSeq <= now;
    const events = batch.events.filter((e) => e.seq > now);
    this.deliveredSeq = batch.throughSeq;
    this.deliver(
      {
        workshopId: this.workshopId,
        afterSeq: isContiguous ? now : batch.afterSeq,
        throughSeq: batch.throughSeq,
        events,
      },
      isContiguous,
    );
  }
}
