import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPair } from './activities/pairwise';
import { fitBradleyTerry } from './bradley-terry';
import { referenceBradleyTerry } from './bradley-terry-reference';
import type { Actor } from './model';
import { resultsOf } from './results';
import { createLiveRoom } from './room';

describe('Bradley–Terry (MM, Hunter 2004)', () => {
  it('gives the closed form for two items', () => {
    const { strengths, isConverged } = fitBradleyTerry(
      [
        [0, 2],
        [1, 0],
      ],
      { prior: 0 },
    );
    expect(isConverged).toBe(true);
    expect(strengths[0]).toBeCloseTo(2 / 3, 9);
  });

  it('matches a direct Newton MLE on hand-made strongly connected data', () => {
    const wins = [
      [0, 3, 2, 4],
      [1, 0, 2, 3],
      [1, 1, 0, 2],
      [1, 2, 1, 0],
    ];
    const mm = fitBradleyTerry(wins, { prior: 0, tolerance: 1e-12 }).strengths;
    const reference = referenceBradleyTerry(wins);
    for (const [i, value] of mm.entries()) {
      expect(value).toBeCloseTo(reference[i]!, 8);
    }
    expect(mm[0]).toBeGreaterThan(mm[1]!);
  });

  it('property: MM equals the reference MLE on random dense data', () => {
    const matrix = fc.integer({ min: 2, max: 5 }).chain((n) =>
      fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(matrix, (wins) => {
        const mm = fitBradleyTerry(wins, { prior: 0, tolerance: 1e-12 }).strengths;
        const reference = referenceBradleyTerry(wins);
        for (const [i, value] of mm.entries()) {
          expect(Math.abs(value - reference[i]!)).toBeLessThan(1e-7);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the prior keeps strengths finite when an item never wins', () => {
    const { strengths } = fitBradleyTerry([
      [0, 3, 3],
      [0, 0, 2],
      [0, 0, 0],
    ]);
    expect(strengths.every((s) => s > 0 && Number.isFinite(s))).toBe(true);
    expect(strengths[0]).toBeGreaterThan(strengths[1]!);
    expect(strengths[1]).toBeGreaterThan(strengths[2]!);
  });
});

describe('pairwise activity', () => {
  it('shows every pair once per participant, balances pairs and ranks by strength', () => {
    const F: Actor = { role: 'facilitator' };
    const room = createLiveRoom();
    const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }));
    room.send(F, {
      type: 'activity.add',
      activity: { type: 'pairwise', title: 'P', config: { items, maxComparisonsPerParticipant: null } },
    });
    const activityId = room.state.activityOrder[0]!;
    room.send(F, { type: 'activity.start', activityId });
    const order = ['a', 'b', 'c', 'd'];
    for (const pid of ['p1', 'p2', 'p3']) {
      const actor: Actor = { role: 'participant', participantId: pid };
      room.send(actor, { type: 'participant.join', displayName: null });
      const seen = new Set<string>();
      for (;;) {
        const activity = room.state.activities[activityId];
        const pair = activity?.type === 'pairwise' ? nextPair(activity, pid) : null;
        if (pair === null) {
          break;
        }
        const key = [pair.leftId, pair.rightId].sort().join('|');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        const [winnerId, loserId] =
          order.indexOf(pair.leftId) < order.indexOf(pair.rightId)
            ? [pair.leftId, pair.rightId]
            : [pair.rightId, pair.leftId];
        expect(room.send(actor, { type: 'pairwise.choose', activityId, winnerId, loserId }).ok).toBe(true);
      }
      expect(seen.size).toBe(6);
    }
    const results = resultsOf(room.state, activityId, F);
    expect(results?.type === 'pairwise' && !results.isHidden && results.items.map((row) => row.id)).toEqual(
      order,
    );
    expect(results?.type === 'pairwise' && !results.isHidden && results.comparisonCount).toBe(18);
    // Changing a choice replaces it rather than adding one.
    room.send(
      { role: 'participant', participantId: 'p1' },
      { type: 'pairwise.choose', activityId, winnerId: 'd', loserId: 'a' },
    );
    const after = resultsOf(room.state, activityId, F);
    expect(after?.type === 'pairwise' && !after.isHidden && after.comparisonCount).toBe(18);
    expect(
      after?.type === 'pairwise' && !after.isHidden && after.items.find((row) => row.id === 'd')?.wins,
    ).toBe(1);
  });
});
