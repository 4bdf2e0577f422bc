import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivitySpec } from './activity-types';
import { apply, replay } from './apply';
import { decide } from './decide';
import { type Actor, COMMAND_WINDOW, type LiveCommand } from './model';
import { createLiveRoom } from './room';
import { createWorkshop } from './state';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });
const items = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C' },
];

function roomWithDotVote(dots = 3, maxPerItem = 2) {
  const room = createLiveRoom();
  const spec: ActivitySpec = {
    type: 'dotVote',
    title: 'Vote',
    config: { items, dotsPerParticipant: dots, maxPerItem },
  };
  room.send(F, { type: 'activity.add', activity: spec });
  const activityId = room.state.activityOrder[0]!;
  for (const id of ['p1', 'p2', 'p3']) {
    room.send(P(id), { type: 'participant.join', displayName: id.toUpperCase() });
  }
  return { room, activityId };
}

describe('editing the agenda', () => {
  it('edits an activity only in preparation, deletes one unless it is open or feeds a clustering', () => {
    const { room, activityId } = roomWithDotVote();
    const spec: ActivitySpec = {
      type: 'dotVote',
      title: 'Vote again',
      config: { items: items.slice(0, 2), dotsPerParticipant: 2, maxPerItem: 2 },
    };
    expect(room.send(F, { type: 'activity.update', activityId, activity: spec }).ok).toBe(true);
    expect(room.state.activities[activityId]).toMatchObject({ title: 'Vote again', config: spec.config });
    const poll: ActivitySpec = {
      type: 'poll',
      title: 'P',
      config: { options: items, isMultiple: false, maxChoices: 1 },
    };
    expect(room.send(F, { type: 'activity.update', activityId, activity: poll })).toMatchObject({
      ok: false,
      code: 'INVALID',
    });
    room.send(F, { type: 'activity.start', activityId });
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' }).ok).toBe(true);
    expect(room.send(F, { type: 'activity.update', activityId, activity: spec })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(room.send(F, { type: 'activity.remove', activityId })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    room.send(F, { type: 'activity.close', activityId });
    room.send(F, {
      type: 'activity.add',
      activity: {
        type: 'brainstorm',
        title: 'B',
        config: { anonymity: 'optional', maxCardsPerParticipant: 3 },
      },
    });
    const brainstorm = room.state.activityOrder[1]!;
    room.send(F, {
      type: 'activity.add',
      activity: {
        type: 'cluster',
        title: 'C',
        config: { sourceActivityId: brainstorm, canParticipantsEdit: false },
      },
    });
    expect(room.send(F, { type: 'activity.remove', activityId: brainstorm })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(room.send(F, { type: 'activity.remove', activityId }).ok).toBe(true);
    expect(room.state.activityOrder).toEqual([brainstorm, room.state.activityOrder[1]]);
    expect(room.state.activities[activityId]).toBeUndefined();
    expect(room.state.currentActivityId).toBeNull();
    // Replaying the log gives the same state (the removal is an event like any other).
    expect(
      replay(
        createWorkshop(room.state.id),
        room.log.map((e) => e.event),
      ),
    ).toEqual(room.state);
  });
});

describe('workshop controls', () => {
  it('refuses participant input until the activity is started, then accepts it', () => {
    const { room, activityId } = roomWithDotVote();
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' })).toEqual({
      ok: false,
      code: 'NOT_OPEN',
    });
    expect(room.send(F, { type: 'activity.start', activityId }).ok).toBe(true);
    expect(room.state.currentActivityId).toBe(activityId);
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' }).ok).toBe(true);
    room.send(F, { type: 'activity.close', activityId });
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' })).toEqual({
      ok: false,
      code: 'NOT_OPEN',
    });
  });

  it('pause refuses participants with PAUSED, resume restores; the facilitator keeps control', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, { type: 'activity.start', activityId });
    room.send(F, { type: 'workshop.pause' });
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' })).toEqual({
      ok: false,
      code: 'PAUSED',
    });
    expect(room.send(F, { type: 'activity.revealResults', activityId }).ok).toBe(true);
    room.send(F, { type: 'workshop.resume' });
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' }).ok).toBe(true);
  });

  it('stop with a reason refuses every command but the facilitator’s resume', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, { type: 'activity.start', activityId });
    expect(room.send(F, { type: 'workshop.stop', reason: '' })).toEqual({ ok: false, code: 'INVALID' });
    expect(room.send(F, { type: 'workshop.stop', reason: 'engagement stopped' }).ok).toBe(true);
    expect(room.state.stopReason).toBe('engagement stopped');
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' })).toEqual({
      ok: false,
      code: 'STOPPED',
    });
    // The facilitator's other commands are refused too: a stopped console offers only "resume".
    expect(room.send(F, { type: 'activity.close', activityId })).toEqual({ ok: false, code: 'STOPPED' });
    expect(room.send(F, { type: 'workshop.pause' })).toEqual({ ok: false, code: 'STOPPED' });
    // A participant cannot reopen the doors.
    expect(room.send(P('p1'), { type: 'workshop.resume' })).toEqual({ ok: false, code: 'STOPPED' });
    expect(room.send(P('p9'), { type: 'participant.join', displayName: null })).toEqual({
      ok: false,
      code: 'STOPPED',
    });
  });

  it('resumes a stopped workshop: the reason is cleared, input and joining work again', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, { type: 'activity.start', activityId });
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' }).ok).toBe(true);
    room.send(F, { type: 'workshop.pause' });
    room.send(F, { type: 'workshop.stop', reason: 'fin de séance' });
    expect(room.state.status).toBe('stopped');
    expect(room.send(F, { type: 'workshop.resume' }).ok).toBe(true);
    expect(room.state).toMatchObject({ status: 'running', stopReason: null });
    // What was given before the stop is kept; input and joining are accepted again.
    expect(room.state.activities[activityId]).toMatchObject({ phase: 'open' });
    expect(room.send(P('p2'), { type: 'dotVote.place', activityId, itemId: 'b' }).ok).toBe(true);
    expect(room.send(P('p9'), { type: 'participant.join', displayName: null }).ok).toBe(true);
    expect(room.send(F, { type: 'workshop.resume' })).toEqual({ ok: false, code: 'CONFLICT' });
    // Stopped again, the replayed log gives the same state (event-sourced).
    room.send(F, { type: 'workshop.stop', reason: 'encore' });
    expect(
      replay(
        createWorkshop(room.state.id),
        room.log.map((l) => l.event),
      ),
    ).toEqual(room.state);
  });

  it('a removed participant keeps past input but is refused afterwards', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, { type: 'activity.start', activityId });
    room.send(P('p2'), { type: 'dotVote.place', activityId, itemId: 'b' });
    room.send(F, { type: 'participant.remove', participantId: 'p2' });
    expect(room.send(P('p2'), { type: 'dotVote.place', activityId, itemId: 'b' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(room.send(P('p2'), { type: 'participant.join', displayName: 'again' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    const activity = room.state.activities[activityId];
    expect(activity?.type === 'dotVote' && activity.data.totals.b).toBe(1);
  });

  it('locks an activity against everything but unlock and result visibility', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, { type: 'activity.start', activityId });
    room.send(F, { type: 'activity.lock', activityId });
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' })).toEqual({
      ok: false,
      code: 'LOCKED',
    });
    expect(room.send(F, { type: 'activity.close', activityId })).toEqual({ ok: false, code: 'LOCKED' });
    expect(room.send(F, { type: 'activity.revealResults', activityId }).ok).toBe(true);
    room.send(F, { type: 'activity.unlock', activityId });
    expect(room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' }).ok).toBe(true);
  });

  it('checks roles and ids', () => {
    const { room, activityId } = roomWithDotVote();
    expect(room.send(P('p1'), { type: 'workshop.pause' })).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(room.send(P('zz'), { type: 'dotVote.place', activityId, itemId: 'a' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(room.send(P('__proto__'), { type: 'participant.join', displayName: null })).toEqual({
      ok: false,
      code: 'INVALID',
    });
    expect(room.send(F, { type: 'activity.start', activityId: 'constructor' })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(room.send(F, { type: 'rating.rate', activityId, itemId: 'a', value: 3 })).toEqual({
      ok: false,
      code: 'INVALID',
    });
  });

  it('adds and reorders activities', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, {
      type: 'activity.add',
      index: 0,
      activity: { type: 'timer', title: 'Break', config: { durationMs: 60_000, isBreak: true } },
    });
    const timerId = room.state.activityOrder[0]!;
    expect(room.state.activityOrder).toEqual([timerId, activityId]);
    room.send(F, { type: 'activity.move', activityId: timerId, toIndex: 1 });
    expect(room.state.activityOrder).toEqual([activityId, timerId]);
    const bad: ActivitySpec = {
      type: 'dotVote',
      title: 'x',
      config: { items, dotsPerParticipant: 2, maxPerItem: 3 },
    };
    expect(room.send(F, { type: 'activity.add', activity: bad })).toEqual({ ok: false, code: 'INVALID' });
  });
});

describe('idempotency', () => {
  it('rejects a repeated commandId with DUPLICATE, even after a stop', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, { type: 'activity.start', activityId });
    const vote = { type: 'dotVote.place', activityId, itemId: 'a' } as const;
    expect(room.send(P('p1'), vote, { commandId: 'x1' }).ok).toBe(true);
    expect(room.send(P('p1'), vote, { commandId: 'x1' })).toEqual({ ok: false, code: 'DUPLICATE' });
    expect(room.send(P('p2'), vote, { commandId: 'x1' }).ok).toBe(true);
    room.send(F, { type: 'workshop.stop', reason: 'done' });
    expect(room.send(P('p1'), vote, { commandId: 'x1' })).toEqual({ ok: false, code: 'DUPLICATE' });
  });

  it('keeps a bounded window of command ids per actor', () => {
    const { room, activityId } = roomWithDotVote(100, 100);
    room.send(F, { type: 'activity.start', activityId });
    for (let i = 0; i < COMMAND_WINDOW + 10; i++) {
      room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' }, { commandId: `k${i}` });
      room.send(P('p1'), { type: 'dotVote.revoke', activityId, itemId: 'a' }, { commandId: `r${i}` });
    }
    expect(room.state.participants.p1?.recentCommandIds).toHaveLength(COMMAND_WINDOW);
  });

  it('property: any retry pattern counts each command once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5 })), { maxLength: 60 }),
        (sends) => {
          const { room, activityId } = roomWithDotVote(100, 100);
          room.send(F, { type: 'activity.start', activityId });
          const accepted = new Set<string>();
          for (const [who, id] of sends) {
            const commandId = `c${id}`;
            const result = room.send(
              P(`p${who + 1}`),
              { type: 'dotVote.place', activityId, itemId: 'a' },
              { commandId },
            );
            const key = `${who}:${commandId}`;
            expect(result.ok).toBe(!accepted.has(key));
            accepted.add(key);
          }
          const activity = room.state.activities[activityId];
          expect(activity?.type === 'dotVote' ? (activity.data.totals.a ?? 0) : -1).toBe(accepted.size);
        },
      ),
    );
  });
});

describe('reducer', () => {
  it('apply() never mutates its input and equals applyInPlace', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, { type: 'activity.start', activityId });
    room.send(P('p1'), { type: 'dotVote.place', activityId, itemId: 'a' });
    room.send(P('p2'), { type: 'dotVote.place', activityId, itemId: 'b' });
    let state = createWorkshop('w1');
    for (const { event } of room.log) {
      const before = JSON.stringify(state);
      const next = apply(state, event);
      expect(JSON.stringify(state)).toBe(before);
      state = next;
    }
    expect(state).toEqual(room.state);
  });

  it('shares untouched activities between states', () => {
    const { room, activityId } = roomWithDotVote();
    room.send(F, {
      type: 'activity.add',
      activity: { type: 'gradients', title: 'G', config: { proposal: 'p' } },
    });
    room.send(F, { type: 'activity.start', activityId });
    const state = replay(
      createWorkshop('w1'),
      room.log.map((entry) => entry.event),
    );
    const command: LiveCommand = {
      type: 'dotVote.place',
      activityId,
      itemId: 'a',
      commandId: 'z',
      actor: P('p1'),
    };
    const result = decide(state, command);
    expect(result.ok).toBe(true);
    const next = apply(state, result.ok ? result.events[0]! : (undefined as never));
    const other = state.activityOrder[1]!;
    expect(next.activities[other]).toBe(state.activities[other]);
    expect(next.activities[activityId]).not.toBe(state.activities[activityId]);
  });

  it('property: replaying the same log (also after a JSON round trip) gives the same state', () => {
    const commands = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b', 'c'), fc.boolean()),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(commands, (list) => {
        const { room, activityId } = roomWithDotVote();
        room.send(F, { type: 'activity.start', activityId });
        for (const [who, itemId, isPlace] of list) {
          const type = isPlace ? 'dotVote.place' : 'dotVote.revoke';
          room.send(P(`p${who}`), { type, activityId, itemId });
        }
        const events = JSON.parse(JSON.stringify(room.log.map((entry) => entry.event)));
        const once = replay(createWorkshop('w1'), events);
        const twice = events.reduce(apply, createWorkshop('w1'));
        expect(once).toEqual(room.state);
        expect(twice).toEqual(room.state);
        expect(JSON.parse(JSON.stringify(room.state))).toEqual(room.state);
      }),
    );
  });
});
