import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInPlace } from './apply';
import type { Actor } from './model';
import { REDACTED_ID } from './model';
import { redactEventFor, redactStateFor } from './redact';
import { resultsOf } from './results';
import { createLiveRoom } from './room';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });
const items = ['a', 'b', 'c'].map((id) => ({ id, label: id }));

describe('participant replicas', () => {
  it('property: a redacted replica fed redacted events shows the same results as the server', () => {
    const ops = fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('a', 'b', 'c'),
      ),
      {
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(ops, (list) => {
        const room = createLiveRoom();
        const specs = [
          {
            type: 'dotVote',
            title: 'D',
            config: { items, dotsPerParticipant: 3, maxPerItem: 2 },
            isRevealed: true,
          },
          { type: 'rating', title: 'R', config: { items, scale: 'oneToFive' }, isRevealed: true },
          {
            type: 'poll',
            title: 'P',
            config: { options: items, isMultiple: false, maxChoices: 1 },
            isRevealed: true,
          },
          { type: 'fistToFive', title: 'F', config: { proposal: 'x' }, isRevealed: true },
          { type: 'gradients', title: 'G', config: { proposal: 'x' }, isRevealed: true },
        ] as const;
        for (const activity of specs) {
          room.send(F, { type: 'activity.add', activity });
        }
        const [dot, rating, poll, fist, gradients] = room.state.activityOrder as [
          string,
          string,
          string,
          string,
          string,
        ];
        for (const id of ['p1', 'p2', 'p3']) {
          room.send(P(id), { type: 'participant.join', displayName: id });
        }
        for (const activityId of room.state.activityOrder) {
          room.send(F, { type: 'activity.start', activityId });
        }
        const viewer = P('p1');
        const replica = redactStateFor(room.state, viewer);
        let seen = room.log.length;
        for (const [who, kind, itemId] of list) {
          const actor = P(`p${who}`);
          const value = itemId.charCodeAt(0) - 96;
          if (kind === 0) {
            room.send(actor, { type: 'dotVote.place', activityId: dot, itemId });
          } else if (kind === 1) {
            room.send(actor, { type: 'rating.rate', activityId: rating, itemId, value: value + 1 });
          } else if (kind === 2) {
            room.send(actor, { type: 'poll.answer', activityId: poll, optionIds: [itemId] });
          } else if (kind === 3) {
            room.send(actor, { type: 'fistToFive.show', activityId: fist, value: value + who - 1 });
          } else {
            room.send(actor, { type: 'gradients.choose', activityId: gradients, level: value + who });
          }
          for (const { event } of room.log.slice(seen)) {
            const redacted = redactEventFor(room.state, event, viewer);
            if (redacted !== null) {
              expect(JSON.stringify(redacted)).not.toMatch(/"p[23]"/);
              applyInPlace(replica, redacted);
            }
          }
          seen = room.log.length;
        }
        for (const activityId of room.state.activityOrder) {
          const expected = resultsOf(room.state, activityId, viewer);
          expect(resultsOf(replica, activityId, viewer)).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('drops other participants input while results are hidden and strips anonymous authors', () => {
    const room = createLiveRoom();
    room.send(F, {
      type: 'activity.add',
      activity: {
        type: 'brainstorm',
        title: 'B',
        config: { anonymity: 'anonymous', maxCardsPerParticipant: 3 },
      },
    });
    const activityId = room.state.activityOrder[0]!;
    room.send(P('p1'), { type: 'participant.join', displayName: 'Ann' });
    room.send(P('p2'), { type: 'participant.join', displayName: 'Bob' });
    room.send(F, { type: 'activity.start', activityId });
    room.send(P('p2'), { type: 'brainstorm.addCard', activityId, text: 'hidden' });
    const last = () => room.log[room.log.length - 1]!.event;
    expect(redactEventFor(room.state, last(), P('p1'))).toBeNull();
    expect(redactEventFor(room.state, last(), P('p2'))).toEqual(last());
    room.send(F, { type: 'activity.revealResults', activityId });
    room.send(P('p2'), { type: 'brainstorm.addCard', activityId, text: 'shown' });
    expect(redactEventFor(room.state, last(), P('p1'))).toMatchObject({
      authorId: REDACTED_ID,
      actor: { participantId: REDACTED_ID },
    });
    const snapshot = JSON.stringify(redactStateFor(room.state, P('p1')));
    expect(snapshot).not.toContain('"authorId":"p2"');
    expect(snapshot).toContain('shown');
  });
});
