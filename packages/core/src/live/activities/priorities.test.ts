/**
 * Rules of the matrix, the budget, questions with upvotes and check-ins, as properties over random
 * sequences of inputs: the budget is never exceeded and totals are the sum of the standing allocations;
 * a matrix item's mean and spread equal those computed from the standing placements; a participant's
 * replica (redacted events) reaches the same aggregates once revealed; a question's votes are the number
 * of standing upvotes and pending questions never reach another participant; a check-in never links an
 * answer to a person unless named mode was chosen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInPlace } from '../apply';
import type { Actor, LiveEvent } from '../model';
import { redactEventFor, redactStateFor } from '../redact';
import { resultsOf } from '../results';
import { createLiveRoom } from '../room';
import { SAMPLE_ITEMS } from './common';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });
const people = ['p0', 'p1', 'p2', 'p3'];

function roomWith(activity: Parameters<ReturnType<typeof createLiveRoom>['send']>[1]) {
  const room = createLiveRoom();
  room.send(F, activity);
  const id = room.state.activityOrder[0]!;
  for (const p of people) {
    room.send(P(p), { type: 'participant.join', displayName: p.toUpperCase() });
  }
  room.send(F, { type: 'activity.start', activityId: id });
  room.send(F, { type: 'activity.revealResults', activityId: id });
  return { room, id };
}

/** p0's replica: the redacted snapshot, then every later event as p0 receives it. */
function replicaOf(room: ReturnType<typeof createLiveRoom>, from: number) {
  const replica = redactStateFor(room.state, P('p0'));
  return {
    replica,
    catchUp(events: readonly LiveEvent[]) {
      for (const event of events.slice(from)) {
        const shown = redactEventFor(room.state, event, P('p0'));
        if (shown) {
          applyInPlace(replica, shown);
        }
      }
    },
  };
}

describe('budget (100 points)', () => {
  const allocation = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 120 }), {
    maxKeys: 3,
  });
  it('never lets anyone spend over the budget; totals are the standing allocations; replicas agree', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...people), allocation), { maxLength: 30 }), (moves) => {
        const { room, id } = roomWith({
          type: 'activity.add',
          activity: { type: 'budget', title: 'B', config: { items: SAMPLE_ITEMS, budget: 100 } },
        });
        const { replica, catchUp } = replicaOf(room, room.log.length);
        const standing = new Map<string, Record<string, number>>();
        for (const [p, alloc] of moves) {
          const spent = Object.values(alloc).reduce((a, b) => a + b, 0);
          const result = room.send(P(p), { type: 'budget.allocate', activityId: id, allocation: alloc });
          expect(result.ok).toBe(spent <= 100);
          if (!result.ok) {
            expect(result.code).toBe('LIMIT_REACHED');
          } else {
            standing.set(p, alloc);
          }
        }
        const activity = room.state.activities[id];
        if (activity?.type !== 'budget') {
          throw new Error('budget expected');
        }
        for (const mine of Object.values(activity.data.byParticipant)) {
          expect(Object.values(mine).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
        }
        for (const item of ['a', 'b', 'c']) {
          const expected = [...standing.values()].reduce((sum, a) => sum + (a[item] ?? 0), 0);
          expect(activity.data.totals[item] ?? 0).toBe(expected);
        }
        catchUp(room.log.map((e) => e.event));
        expect(resultsOf(replica, id, P('p0'))).toEqual(resultsOf(room.state, id, P('p0')));
      }),
    );
  });
});

describe('2×2 matrix', () => {
  const coordinate = fc.integer({ min: 0, max: 100 });
  it('mean and spread are those of the standing placements; replicas agree; dots stay anonymous', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...people), fc.constantFrom('a', 'b'), coordinate, coordinate), {
          maxLength: 30,
        }),
        (moves) => {
          const { room, id } = roomWith({
            type: 'activity.add',
            activity: {
              type: 'matrix',
              title: 'M',
              config: {
                items: SAMPLE_ITEMS,
                x: { label: 'Impact', low: 'low', high: 'high' },
                y: { label: 'Effort', low: 'low', high: 'high' },
              },
            },
          });
          const { replica, catchUp } = replicaOf(room, room.log.length);
          const standing = new Map<string, [number, number]>();
          for (const [p, item, x, y] of moves) {
            expect(room.send(P(p), { type: 'matrix.place', activityId: id, itemId: item, x, y }).ok).toBe(
              true,
            );
            standing.set(`${p}/${item}`, [x, y]);
          }
          room.send(F, { type: 'matrix.showDots', activityId: id, isShown: true });
          const results = resultsOf(room.state, id, F);
          if (results?.type !== 'matrix' || results.isHidden) {
            throw new Error('matrix results expected');
          }
          for (const item of results.items) {
            const points = [...standing.entries()]
              .filter(([k]) => k.endsWith(`/${item.id}`))
              .map(([, v]) => v);
            expect(item.count).toBe(points.length);
            expect([...item.points].map((p) => [...p]).sort()).toEqual(points.sort());
            if (points.length > 0) {
              const mean = points.reduce((s, p) => s + p[0], 0) / points.length;
              const sd = Math.sqrt(points.reduce((s, p) => s + (p[0] - mean) ** 2, 0) / points.length);
              expect(item.x).toBeCloseTo(mean, 9);
              expect(item.spreadX).toBeCloseTo(sd, 6);
            }
          }
          // After the dots are shown the replica is refreshed by a snapshot (isSnapshotNeeded).
          catchUp(room.log.map((e) => e.event).slice(0, -1));
          const before = resultsOf(room.state, id, P('p0'));
          if (before?.type === 'matrix' && !before.isHidden) {
            const mine = resultsOf(redactStateFor(room.state, P('p0')), id, P('p0'));
            expect(mine).toEqual(before);
          }
          expect(JSON.stringify(redactStateFor(room.state, P('p0')).activities[id])).not.toMatch(/"p[123]"/);
          expect(replica.activities[id]?.type).toBe('matrix');
        },
      ),
    );
  });

  it('refuses a point off the grid', () => {
    const { room, id } = roomWith({
      type: 'activity.add',
      activity: {
        type: 'matrix',
        title: 'M',
        config: {
          items: SAMPLE_ITEMS,
          x: { label: 'I', low: 'l', high: 'h' },
          y: { label: 'E', low: 'l', high: 'h' },
        },
      },
    });
    expect(room.send(P('p0'), { type: 'matrix.place', activityId: id, itemId: 'a', x: 101, y: 0 })).toEqual({
      ok: false,
      code: 'INVALID',
    });
  });
});

describe('questions with upvotes', () => {
  it('votes are the standing upvotes; pending questions reach nobody but their asker and the facilitator', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...people), fc.boolean()), { maxLength: 40 }),
        fc.boolean(),
        (votes, approve) => {
          const { room, id } = roomWith({
            type: 'activity.add',
            activity: { type: 'questions', title: 'Q', config: { isModerated: true, allowNames: true } },
          });
          room.send(P('p1'), {
            type: 'questions.ask',
            activityId: id,
            text: 'secret question',
            isNamed: true,
          });
          const activity = room.state.activities[id];
          const questionId = activity?.type === 'questions' ? activity.data.order[0]! : '';
          const asked = room.log.at(-1)!.event;
          expect(redactEventFor(room.state, asked, P('p0'))).toBeNull();
          expect(JSON.stringify(redactStateFor(room.state, P('p0')))).not.toContain('secret question');
          if (approve) {
            room.send(F, { type: 'questions.moderate', activityId: id, questionId, status: 'approved' });
          }
          const voters = new Set<string>();
          for (const [p, up] of votes) {
            const result = room.send(P(p), {
              type: up ? 'questions.upvote' : 'questions.unvote',
              activityId: id,
              questionId,
            });
            const ok = approve && p !== 'p1' && (up ? !voters.has(p) : voters.has(p));
            expect(result.ok).toBe(ok);
            if (ok) {
              up ? voters.add(p) : voters.delete(p);
            }
          }
          const q = room.state.activities[id];
          expect(q?.type === 'questions' ? q.data.questions[questionId]?.votes : -1).toBe(voters.size);
        },
      ),
    );
  });
});

describe('check-in', () => {
  it('gives the facilitator no link between a person and an answer unless named mode was chosen', () => {
    for (const showNames of [false, true]) {
      const { room, id } = roomWith({
        type: 'activity.add',
        activity: { type: 'checkIn', title: 'C', config: { scale: 'energy', allowWord: true, showNames } },
      });
      room.send(P('p1'), { type: 'checkIn.answer', activityId: id, level: 2, word: 'tired' });
      room.send(P('p2'), { type: 'checkIn.answer', activityId: id, level: 5, word: 'ready' });
      expect(room.send(P('p1'), { type: 'checkIn.answer', activityId: id, level: 3 })).toEqual({
        ok: false,
        code: 'CONFLICT',
      });
      const events = room.log.slice(-2).map((e) => redactEventFor(room.state, e.event, F));
      const state = JSON.stringify(redactStateFor(room.state, F).activities[id]);
      const results = resultsOf(room.state, id, F);
      if (results?.type !== 'checkIn' || results.isHidden) {
        throw new Error('check-in results expected');
      }
      expect(results.levels.map((l) => l.count)).toEqual([0, 1, 0, 0, 1]);
      expect(results.words).toEqual(['ready', 'tired']);
      if (showNames) {
        expect(results.named).toHaveLength(2);
      } else {
        expect(results.named).toEqual([]);
        expect(JSON.stringify(events)).not.toMatch(/"p[12]"/);
        const data = JSON.parse(state).data;
        expect(data.named).toEqual({});
        expect(data.words).toEqual(['ready', 'tired']); // sorted, not in answer order
        expect(Object.values(data.answered)).toEqual([true, true]);
      }
    }
  });
});
