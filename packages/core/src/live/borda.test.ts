import { describe, expect, it } from 'vitest';
import { bordaCount } from './borda';
import type { Actor } from './model';
import { resultsOf } from './results';
import { createLiveRoom } from './room';

const ballots = [
  ['a', 'b', 'c', 'd'],
  ['a', 'b', 'c', 'd'],
  ['b', 'c', 'a', 'd'],
  ['c', 'b', 'd', 'a'],
];

describe('Borda count', () => {
  it('matches a hand count (3/2/1/0 points) with rank spread', () => {
    const rows = bordaCount(['a', 'b', 'c', 'd'], ballots);
    expect(rows.map((row) => [row.id, row.score])).toEqual([
      ['b', 9],
      ['a', 7],
      ['c', 7],
      ['d', 1],
    ]);
    const a = rows.find((row) => row.id === 'a')!;
    expect(a.meanRank).toBeCloseTo(2.25, 12);
    expect(a.rankStandardDeviation).toBeCloseTo(Math.sqrt(6.75 / 4), 12);
    expect([a.bestRank, a.worstRank]).toEqual([1, 4]);
    const b = rows.find((row) => row.id === 'b')!;
    expect(b.rankStandardDeviation).toBeCloseTo(Math.sqrt(0.1875), 12);
  });

  it('ranking activity aggregates ballots incrementally, resubmission replaces', () => {
    const F: Actor = { role: 'facilitator' };
    const room = createLiveRoom();
    const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }));
    room.send(F, { type: 'activity.add', activity: { type: 'ranking', title: 'Rank', config: { items } } });
    const activityId = room.state.activityOrder[0]!;
    room.send(F, { type: 'activity.start', activityId });
    ballots.forEach((order, i) => {
      const actor: Actor = { role: 'participant', participantId: `p${i}` };
      room.send(actor, { type: 'participant.join', displayName: null });
      room.send(actor, { type: 'ranking.submit', activityId, order: i === 3 ? ['d', 'c', 'b', 'a'] : order });
    });
    room.send(
      { role: 'participant', participantId: 'p3' },
      { type: 'ranking.submit', activityId, order: ballots[3]! },
    );
    expect(
      room.send(
        { role: 'participant', participantId: 'p3' },
        { type: 'ranking.submit', activityId, order: ['a', 'a', 'b', 'c'] },
      ),
    ).toEqual({
      ok: false,
      code: 'INVALID',
    });
    const results = resultsOf(room.state, activityId, F);
    expect(results?.type === 'ranking' && !results.isHidden && results.ballotCount).toBe(4);
    expect(results?.type === 'ranking' && !results.isHidden && results.items.map((row) => row.score)).toEqual(
      [9, 7, 7, 1],
    );
  });
});
