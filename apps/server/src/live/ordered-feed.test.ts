import type { LiveEvent } from '@essaim/core/live';
import { describe, expect, it } from 'vitest';
import type { CommittedBatch } from './live-engine.ts';
import { GAP_GRACE_MS, OrderedFeed } from './ordered-feed.ts';

const event = (seq: number) =>
  ({ type: 'workshop.paused', actor: { role: 'facilitator' }, seq }) as unknown as LiveEvent;
const batch = (afterSeq: number, throughSeq: number): CommittedBatch => ({
  workshopId: 'w',
  afterSeq,
  throughSeq,
  events: Array.from({ length: throughSeq - afterSeq }, (_, k) => ({
    seq: afterSeq + k + 1,
    event: event(afterSeq + k + 1),
  })),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A feed over an in-memory log of `head` events, recording what it reads and what it delivers. */
function feedOver(head: number, failing = false) {
  const reads: [number, number][] = [];
  const delivered: { afterSeq: number; seqs: number[]; isContiguous: boolean }[] = [];
  const errors: unknown[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const feed = new OrderedFeed(
    'w',
    async (_id, afterSeq, throughSeq) => {
      reads.push([afterSeq, throughSeq]);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(20);
      inFlight -= 1;
      if (failing) {
        throw new Error('store down');
      }
      return batch(afterSeq, Math.min(throughSeq, head)).events;
    },
    (b, isContiguous) =>
      delivered.push({ afterSeq: b.afterSeq, seqs: b.events.map((e) => e.seq), isContiguous }),
    (error) => errors.push(error),
  );
  return {
    feed,
    reads,
    delivered,
    errors,
    get maxInFlight() {
      return maxInFlight;
    },
    seqs: () => delivered.flatMap((d) => d.seqs),
  };
}

describe('OrderedFeed', () => {
  it('waits a moment for a batch overtaken by the next one instead of reading the store', async () => {
    const f = feedOver(6);
    f.feed.knownAt(0);
    f.feed.push(batch(0, 2));
    f.feed.push(batch(4, 6)); // overtook (2,4] on its way through the relay
    expect(f.seqs()).toEqual([1, 2]);
    f.feed.push(batch(2, 4));
    expect(f.seqs()).toEqual([1, 2, 3, 4, 5, 6]);
    await sleep(GAP_GRACE_MS + 30);
    expect(f.reads).toEqual([]);
    expect(f.feed.repairs).toBe(0);
    expect(f.delivered.every((d) => d.isContiguous)).toBe(true);
  });

  it('repairs many held batches with one read of the missing range, never two at once', async () => {
    const f = feedOver(40);
    f.feed.knownAt(0);
    // (0,10] and (14,20] lost; ten batches wait behind the first gap, three behind the second.
    for (let s = 10; s < 14; s += 1) {
      f.feed.push(batch(s, s + 1));
    }
    for (let s = 20; s < 40; s += 2) {
      f.feed.push(batch(s, s + 2));
    }
    expect(f.seqs()).toEqual([]);
    expect(f.feed.heldCount).toBe(14);
    await sleep(GAP_GRACE_MS + 150);
    expect(f.reads).toEqual([
      [0, 10],
      [14, 20],
    ]);
    expect(f.maxInFlight).toBe(1);
    expect(f.seqs()).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
    expect(f.feed.heldCount).toBe(0);
  });

  it('a relay that fills the gap during the read is not delivered twice', async () => {
    const f = feedOver(8);
    f.feed.knownAt(0);
    f.feed.push(batch(6, 8));
    await sleep(GAP_GRACE_MS + 5); // the read of (0,6] is in flight
    f.feed.push(batch(0, 3));
    f.feed.push(batch(3, 6));
    await sleep(60);
    expect(f.seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(f.feed.repairs).toBe(1);
  });

  it('the head check reveals a lost last batch', async () => {
    const f = feedOver(5);
    f.feed.knownAt(0);
    f.feed.push(batch(0, 3));
    f.feed.checkHead(5);
    await sleep(GAP_GRACE_MS + 60);
    expect(f.seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('when the store cannot fill a gap, the held batches go out with their own range', async () => {
    const f = feedOver(6, true);
    f.feed.knownAt(0);
    f.feed.push(batch(2, 4));
    f.feed.push(batch(4, 6));
    await sleep(GAP_GRACE_MS + 60);
    expect(f.errors).toHaveLength(1);
    expect(f.delivered.map((d) => [d.afterSeq, d.isContiguous])).toEqual([
      [2, false],
      [4, true],
    ]);
    expect(f.feed.seq).toBe(6);
  });
});
