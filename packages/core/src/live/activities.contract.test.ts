/**
 * One contract, every activity module: whatever its kind, an activity must replay to the state it
 * reached, apply a retried command once, and hide one participant's inputs from another until the
 * results are revealed. `SAMPLES` is keyed by kind, so a new kind does not compile without one.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, type ActivityKind, type ActivitySpec } from './activity-types';
import { replay } from './apply';
import type { LiveCommandBody } from './commands';
import type { Actor } from './model';
import { redactEventFor, redactStateFor } from './redact';
import { createLiveRoom, type LiveRoom } from './room';
import { createWorkshop } from './state';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });
const items = ['a', 'b', 'c'].map((id) => ({ id, label: `label ${id}` }));

interface Sample {
  /** The activity to add (a kind that builds on another adds that one first in `before`). */
  spec(room: LiveRoom): ActivitySpec;
  before?(room: LiveRoom): void;
  /** Facilitator steps after the start, before inputs (e.g. a consent round's stage). */
  prepare?(room: LiveRoom, activityId: string): void;
  /** One participant's input; `null` for kinds only the facilitator drives. */
  input(activityId: string, participantId: string): LiveCommandBody | null;
  /** A facilitator command for kinds without participant input. */
  drive?(activityId: string): LiveCommandBody;
}

const SAMPLES: { readonly [K in ActivityKind]: Sample } = {
  brainstorm: {
    spec: () => ({
      type: 'brainstorm',
      title: 'B',
      config: { anonymity: 'named', maxCardsPerParticipant: 5 },
    }),
    input: (activityId, p) => ({ type: 'brainstorm.addCard', activityId, text: `secret of ${p}` }),
  },
  cluster: {
    before: (room) => {
      room.send(F, {
        type: 'activity.add',
        activity: {
          type: 'brainstorm',
          title: 'S',
          config: { anonymity: 'named', maxCardsPerParticipant: 5 },
        },
      });
    },
    spec: (room) => ({
      type: 'cluster',
      title: 'C',
      config: { sourceActivityId: room.state.activityOrder[0]!, canParticipantsEdit: true },
    }),
    input: (activityId, p) => ({ type: 'cluster.createGroup', activityId, name: `group of ${p}` }),
  },
  dotVote: {
    spec: () => ({ type: 'dotVote', title: 'D', config: { items, dotsPerParticipant: 3, maxPerItem: 2 } }),
    input: (activityId, p) => ({ type: 'dotVote.place', activityId, itemId: p === 'p1' ? 'a' : 'b' }),
  },
  rating: {
    spec: () => ({ type: 'rating', title: 'R', config: { items, scale: 'oneToFive' } }),
    input: (activityId, p) => ({ type: 'rating.rate', activityId, itemId: 'a', value: p === 'p1' ? 5 : 1 }),
  },
  ranking: {
    spec: () => ({ type: 'ranking', title: 'K', config: { items } }),
    input: (activityId, p) => ({
      type: 'ranking.submit',
      activityId,
      order: p === 'p1' ? ['c', 'b', 'a'] : ['a', 'b', 'c'],
    }),
  },
  pairwise: {
    spec: () => ({ type: 'pairwise', title: 'W', config: { items, maxComparisonsPerParticipant: null } }),
    input: (activityId, p) =>
      p === 'p1'
        ? { type: 'pairwise.choose', activityId, winnerId: 'a', loserId: 'b' }
        : { type: 'pairwise.choose', activityId, winnerId: 'b', loserId: 'c' },
  },
  poll: {
    spec: () => ({ type: 'poll', title: 'O', config: { options: items, isMultiple: false, maxChoices: 1 } }),
    input: (activityId, p) => ({ type: 'poll.answer', activityId, optionIds: [p === 'p1' ? 'a' : 'b'] }),
  },
  wordCloud: {
    spec: () => ({ type: 'wordCloud', title: 'C', config: { maxAnswersPerParticipant: 3, maxLength: 80 } }),
    input: (activityId, p) => ({ type: 'wordCloud.submit', activityId, text: `secret of ${p}` }),
  },
  fistToFive: {
    spec: () => ({ type: 'fistToFive', title: 'F', config: { proposal: 'We move on Monday' } }),
    input: (activityId, p) => ({ type: 'fistToFive.show', activityId, value: p === 'p1' ? 1 : 4 }),
  },
  consentRound: {
    spec: () => ({ type: 'consentRound', title: 'S', config: { proposal: 'We move on Monday' } }),
    prepare: (room, activityId) => {
      room.send(F, { type: 'consentRound.setStage', activityId, stage: 'reactions' });
    },
    input: (activityId, p) => ({ type: 'consentRound.react', activityId, text: `secret of ${p}` }),
  },
  gradients: {
    spec: () => ({ type: 'gradients', title: 'G', config: { proposal: 'We move on Monday' } }),
    input: (activityId, p) => ({ type: 'gradients.choose', activityId, level: p === 'p1' ? 1 : 3 }),
  },
  timer: {
    spec: () => ({ type: 'timer', title: 'T', config: { durationMs: 60_000, isBreak: false } }),
    input: () => null,
    drive: (activityId) => ({ type: 'timer.start', activityId }),
  },
};

/** A room with the activity of `kind` started and both participants' inputs (or the facilitator's step). */
function played(kind: ActivityKind) {
  const sample = SAMPLES[kind];
  const room = createLiveRoom();
  const ok = (actor: Actor, body: LiveCommandBody, commandId?: string) => {
    const result = room.send(actor, body, { now: 1000, ...(commandId ? { commandId } : {}) });
    expect(result, `${kind}: ${body.type}`).toMatchObject({ ok: true });
  };
  sample.before?.(room);
  ok(F, { type: 'activity.add', activity: sample.spec(room) });
  const activityId = room.state.activityOrder.at(-1)!;
  for (const p of ['p1', 'p2']) {
    ok(P(p), { type: 'participant.join', displayName: p });
  }
  ok(F, { type: 'activity.start', activityId });
  sample.prepare?.(room, activityId);
  const inputs: { actor: Actor; body: LiveCommandBody; commandId: string }[] = [];
  for (const p of ['p1', 'p2']) {
    const body = sample.input(activityId, p);
    if (body) {
      inputs.push({ actor: P(p), body, commandId: `input-${p}` });
    }
  }
  if (sample.drive) {
    inputs.push({ actor: F, body: sample.drive(activityId), commandId: 'drive' });
  }
  for (const { actor, body, commandId } of inputs) {
    ok(actor, body, commandId);
  }
  return { room, activityId, inputs, hasParticipantInput: sample.input(activityId, 'p1') !== null };
}

describe('every activity module honours the live contract', () => {
  it('has a sample for every kind', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ACTIVITY_KINDS].sort());
  });

  for (const kind of ACTIVITY_KINDS) {
    describe(kind, () => {
      it('replaying its log rebuilds exactly the state it reached', () => {
        const { room } = played(kind);
        expect(
          replay(
            createWorkshop('w1'),
            room.log.map((e) => e.event),
          ),
        ).toEqual(room.state);
      });

      it('applies a retried command once (idempotency by command id)', () => {
        const { room, inputs } = played(kind);
        const before = structuredClone(room.state);
        const logLength = room.log.length;
        for (const { actor, body, commandId } of inputs) {
          expect(room.send(actor, body, { now: 2000, commandId })).toEqual({ ok: false, code: 'DUPLICATE' });
        }
        expect(room.log).toHaveLength(logLength);
        expect(room.state).toEqual(before);
      });

      it("hides a participant's inputs from another until results are revealed", () => {
        const { room, activityId, hasParticipantInput } = played(kind);
        const p2 = P('p2');
        const seen = JSON.stringify(redactStateFor(room.state, p2).activities[activityId]);
        // Whatever p1 typed or chose is not attributed to p1 in what p2 holds.
        expect(seen).not.toContain('"p1"');
        expect(seen).not.toContain('secret of p1');
        for (const { event } of room.log) {
          if (event.actor.role === 'participant' && event.actor.participantId === 'p1') {
            const shown = redactEventFor(room.state, event, p2);
            expect(JSON.stringify(shown ?? {})).not.toContain('secret of p1');
          }
        }
        // Each participant still holds its own inputs.
        if (hasParticipantInput && kind !== 'cluster') {
          expect(JSON.stringify(redactStateFor(room.state, P('p1')).activities[activityId])).toMatch(/p1/);
        }
        // The facilitator keeps the activity (fist-to-five inputs reach it without their authors).
        expect(redactStateFor(room.state, F).activities[activityId]?.type).toBe(kind);
      });
    });
  }
});
