import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../model';
import { ownStateOf } from '../own-state';
import { resultsOf } from '../results';
import { createLiveRoom } from '../room';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });
const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() }));

function setup(dotsPerParticipant: number, maxPerItem: number) {
  const room = createLiveRoom();
  room.send(F, {
    type: 'activity.add',
    activity: { type: 'dotVote', title: 'Dots', config: { items, dotsPerParticipant, maxPerItem } },
  });
  const activityId = room.state.activityOrder[0]!;
  for (const id of ['p1', 'p2', 'p3']) {
    room.send(P(id), { type: 'participant.join', displayName: null });
  }
  room.send(F, { type: 'activity.start', activityId });
  return { room, activityId };
}

describe('dot voting', () => {
  it('enforces the budget and the per-item cap, and revokes', () => {
    const { room, activityId } = setup(3, 2);
    const place = (who: string, itemId: string) =>
      room.send(P(who), { type: 'dotVote.place', activityId, itemId });
    expect(place('p1', 'a').ok).toBe(true);
    expect(place('p1', 'a').ok).toBe(true);
    expect(place('p1', 'a')).toEqual({ ok: false, code: 'LIMIT_REACHED' });
    expect(place('p1', 'b').ok).toBe(true);
    expect(place('p1', 'c')).toEqual({ ok: false, code: 'LIMIT_REACHED' });
    expect(room.send(P('p1'), { type: 'dotVote.revoke', activityId, itemId: 'c' })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
    expect(room.send(P('p1'), { type: 'dotVote.revoke', activityId, itemId: 'a' }).ok).toBe(true);
    expect(place('p1', 'c').ok).toBe(true);
    expect(place('p2', 'zz')).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(room.send(F, { type: 'dotVote.place', activityId, itemId: 'a' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(ownStateOf(room.state, 'p1').activities[activityId]?.mine).toEqual({
      dots: { a: 1, b: 1, c: 1 },
      remaining: 0,
    });
    place('p2', 'b');
    const results = resultsOf(room.state, activityId, F);
    expect(
      results?.type === 'dotVote' && !results.isHidden && results.items.map((i) => [i.id, i.dots]),
    ).toEqual([
      ['b', 2],
      ['a', 1],
      ['c', 1],
      ['d', 0],
    ]);
  });

  it('property: no participant ever exceeds the budget or the per-item cap; totals match', () => {
    const ops = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('a', 'b', 'c', 'd'), fc.boolean()),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), ops, (dots, cap, list) => {
        const { room, activityId } = setup(dots, Math.min(cap, dots));
        for (const [who, itemId, isPlace] of list) {
          room.send(P(`p${who}`), { type: isPlace ? 'dotVote.place' : 'dotVote.revoke', activityId, itemId });
        }
        const activity = room.state.activities[activityId];
        if (activity?.type !== 'dotVote') {
          throw new Error('missing');
        }
        const sums: Record<string, number> = {};
        for (const [pid, mine] of Object.entries(activity.data.byParticipant)) {
          const used = Object.values(mine).reduce((a, b) => a + b, 0);
          expect(used).toBeLessThanOrEqual(dots);
          expect(used).toBe(activity.data.usedByParticipant[pid] ?? 0);
          for (const [itemId, n] of Object.entries(mine)) {
            expect(n).toBeGreaterThan(0);
            expect(n).toBeLessThanOrEqual(Math.min(cap, dots));
            sums[itemId] = (sums[itemId] ?? 0) + n;
          }
        }
        expect(activity.data.totals).toEqual(sums);
      }),
    );
  });

  it('counts 10,000 votes from 2,000 participants exactly on the mutable path', () => {
    const room = createLiveRoom();
    room.send(F, {
      type: 'activity.add',
      activity: { type: 'dotVote', title: 'x', config: { items, dotsPerParticipant: 5, maxPerItem: 5 } },
    });
    const activityId = room.state.activityOrder[0]!;
    for (let i = 0; i < 2000; i++) {
      room.send(P(`p${i}`), { type: 'participant.join', displayName: null });
    }
    room.send(F, { type: 'activity.start', activityId });
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 2000; i++) {
        room.send(P(`p${i}`), { type: 'dotVote.place', activityId, itemId: items[(i + round) % 4]!.id });
      }
    }
    const activity = room.state.activities[activityId];
    expect(
      activity?.type === 'dotVote' && Object.values(activity.data.totals).reduce((a, b) => a + b, 0),
    ).toBe(10_000);
  });
});
