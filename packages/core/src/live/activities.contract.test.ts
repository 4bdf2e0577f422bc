/**
 * One contract, every activity module: whatever its kind, an activity must replay to the state it
 * reached, apply a retried command once, and hide one participant's inputs from another until the
 * results are revealed. Each module carries its own `sample` (two participants' inputs), so a new kind
 * is in this suite as soon as it is in the registry.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_KINDS,
  ACTIVITY_MODULES,
  type ActivityKind,
  type ActivitySample,
  type ActivitySpec,
} from './activity-types';
import { replay } from './apply';
import type { LiveCommandBody } from './commands';
import type { Actor } from './model';
import { redactEventFor, redactStateFor } from './redact';
import { createLiveRoom } from './room';
import { createWorkshop } from './state';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });

/** A room with the activity of `kind` started and both participants' inputs (or the facilitator's step). */
function played(kind: ActivityKind) {
  const sample = ACTIVITY_MODULES[kind].sample as ActivitySample<unknown>;
  const room = createLiveRoom();
  const ok = (actor: Actor, body: LiveCommandBody, commandId?: string) => {
    const result = room.send(actor, body, { now: 1000, ...(commandId ? { commandId } : {}) });
    expect(result, `${kind}: ${body.type}`).toMatchObject({ ok: true });
  };
  sample.before?.(room);
  ok(F, {
    type: 'activity.add',
    activity: { type: kind, title: kind, config: sample.config(room) } as ActivitySpec,
  });
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
    for (const kind of ACTIVITY_KINDS) {
      expect(ACTIVITY_MODULES[kind].sample.input, kind).toBeTypeOf('function');
    }
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
