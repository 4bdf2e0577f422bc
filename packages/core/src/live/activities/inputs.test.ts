import { describe, expect, it } from 'vitest';
import type { ActivitySpec } from '../activity-types';
import type { Actor } from '../model';
import { resultsOf } from '../results';
import { createLiveRoom } from '../room';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });
const items = ['a', 'b'].map((id) => ({ id, label: id.toUpperCase() }));

function setup(activity: ActivitySpec) {
  const room = createLiveRoom();
  room.send(F, { type: 'activity.add', activity });
  const activityId = room.state.activityOrder[0]!;
  for (const id of ['p1', 'p2', 'p3']) {
    room.send(P(id), { type: 'participant.join', displayName: null });
  }
  room.send(F, { type: 'activity.start', activityId });
  return { room, activityId };
}

describe('rating', () => {
  it('keeps one changeable rating per participant and item', () => {
    const { room, activityId } = setup({ type: 'rating', title: 'R', config: { items, scale: 'oneToFive' } });
    const rate = (who: string, itemId: string, value: number) =>
      room.send(P(who), { type: 'rating.rate', activityId, itemId, value });
    rate('p1', 'a', 5);
    rate('p2', 'a', 2);
    rate('p2', 'a', 4);
    rate('p3', 'a', 3);
    expect(rate('p3', 'a', 0)).toEqual({ ok: false, code: 'INVALID' });
    const results = resultsOf(room.state, activityId, F);
    if (results?.type !== 'rating' || results.isHidden) {
      throw new Error('missing');
    }
    expect(results.items[0]).toMatchObject({ histogram: [0, 0, 1, 1, 1], count: 3, mean: 4, median: 4 });
    expect(results.items[0]?.standardDeviation).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(results.items[1]).toMatchObject({ count: 0, mean: null });
  });
});

describe('poll', () => {
  it('single answer replaces; multiple answers respect maxChoices', () => {
    const single = setup({
      type: 'poll',
      title: 'P',
      config: { options: items, isMultiple: false, maxChoices: 1 },
    });
    const answer = (room: typeof single.room, activityId: string, who: string, optionIds: string[]) =>
      room.send(P(who), { type: 'poll.answer', activityId, optionIds });
    answer(single.room, single.activityId, 'p1', ['a']);
    answer(single.room, single.activityId, 'p1', ['b']);
    expect(answer(single.room, single.activityId, 'p2', ['a', 'b'])).toEqual({
      ok: false,
      code: 'LIMIT_REACHED',
    });
    const r1 = resultsOf(single.room.state, single.activityId, F);
    expect(r1?.type === 'poll' && !r1.isHidden && r1.options.map((o) => o.count)).toEqual([0, 1]);
    const multi = setup({
      type: 'poll',
      title: 'P',
      config: { options: items, isMultiple: true, maxChoices: 2 },
    });
    answer(multi.room, multi.activityId, 'p1', ['a', 'b']);
    answer(multi.room, multi.activityId, 'p2', ['a']);
    const r2 = resultsOf(multi.room.state, multi.activityId, F);
    expect(
      r2?.type === 'poll' && !r2.isHidden && [r2.respondentCount, r2.options.map((o) => o.share)],
    ).toEqual([2, [1, 0.5]]);
  });
});

describe('word cloud', () => {
  it('counts normalised words without FR/EN stop words', () => {
    const { room, activityId } = setup({
      type: 'wordCloud',
      title: 'W',
      config: { maxAnswersPerParticipant: 2, maxLength: 80 },
    });
    room.send(P('p1'), { type: 'wordCloud.submit', activityId, text: 'La confiance et les Équipes' });
    room.send(P('p2'), { type: 'wordCloud.submit', activityId, text: 'équipes, equipes!' });
    room.send(P('p3'), { type: 'wordCloud.submit', activityId, text: 'the trust' });
    const results = resultsOf(room.state, activityId, F);
    if (results?.type !== 'wordCloud' || results.isHidden) {
      throw new Error('missing');
    }
    expect(results.words.map((w) => [w.word, w.count, w.weight])).toEqual([
      ['équipes', 3, 1],
      ['confiance', 1, 1 / 3],
      ['trust', 1, 1 / 3],
    ]);
    expect(results.words[0]?.frequency).toBeCloseTo(0.6, 12);
  });
});

describe('timer', () => {
  it('computes remaining time from the clock passed in', () => {
    const { room, activityId } = setup({
      type: 'timer',
      title: 'Break',
      config: { durationMs: 60_000, isBreak: true },
    });
    room.send(F, { type: 'timer.start', activityId }, { now: 1_000 });
    const at = (now: number) => {
      const r = resultsOf(room.state, activityId, P('p1'), { now });
      return r?.type === 'timer' && !r.isHidden ? [r.remainingMs, r.isRunning] : null;
    };
    expect(at(11_000)).toEqual([50_000, true]);
    room.send(F, { type: 'timer.pause', activityId }, { now: 21_000 });
    expect(at(99_000)).toEqual([40_000, false]);
    room.send(F, { type: 'timer.start', activityId }, { now: 100_000 });
    expect(at(200_000)).toEqual([0, false]);
    expect(room.send(P('p1'), { type: 'timer.reset', activityId })).toEqual({ ok: false, code: 'FORBIDDEN' });
    room.send(F, { type: 'timer.reset', activityId }, { now: 200_000 });
    expect(at(300_000)).toEqual([60_000, false]);
  });
});
