import { describe, expect, it } from 'vitest';
import {
  LiveClientMessageSchema,
  type LiveCommandInput,
  LiveCommandSchema,
  type LiveEventInput,
  LiveEventSchema,
  LiveServerMessageSchema,
} from '../../../contracts/src/live.ts';
import type { ActivitySpec } from './activity-types';
import type { Actor, LiveCommand, LiveEvent } from './model';
import { redactStateFor } from './redact';
import { createLiveRoom } from './room';

// Structural compatibility, checked by the compiler in both directions (core uses readonly arrays).
type Assert<T extends true> = T;
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
export type EventsMatch = Assert<LiveEventInput extends LiveEvent ? true : false>;
export type EventsMatchBack = Assert<LiveEvent extends DeepReadonly<LiveEventInput> ? true : false>;
export type CommandsMatch = Assert<LiveCommandInput extends LiveCommand ? true : false>;
export type CommandsMatchBack = Assert<LiveCommand extends DeepReadonly<LiveCommandInput> ? true : false>;

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });
const items = ['a', 'b', 'c'].map((id) => ({ id, label: id }));

/** A scenario touching every activity and most commands. */
function scenario() {
  const room = createLiveRoom();
  const commands: LiveCommand[] = [];
  let n = 0;
  const send = (actor: Actor, body: Parameters<typeof room.send>[1], now = 0) => {
    n += 1;
    commands.push({ ...body, actor, commandId: `s${n}` } as LiveCommand);
    return room.send(actor, body, { now, commandId: `s${n}` });
  };
  const specs: ActivitySpec[] = [
    { type: 'brainstorm', title: 'B', config: { anonymity: 'optional', maxCardsPerParticipant: 5 } },
    { type: 'dotVote', title: 'D', config: { items, dotsPerParticipant: 3, maxPerItem: 2 } },
    { type: 'rating', title: 'R', config: { items, scale: 'zeroToTen' } },
    { type: 'ranking', title: 'K', config: { items } },
    { type: 'pairwise', title: 'W', config: { items, maxComparisonsPerParticipant: 3 } },
    { type: 'poll', title: 'O', config: { options: items, isMultiple: true, maxChoices: 2 } },
    { type: 'wordCloud', title: 'C', config: { maxAnswersPerParticipant: 3, maxLength: 100 } },
    { type: 'fistToFive', title: 'F', config: { proposal: 'p' } },
    { type: 'consentRound', title: 'S', config: { proposal: 'p' } },
    { type: 'gradients', title: 'G', config: { proposal: 'p' }, isRevealed: true },
    { type: 'timer', title: 'T', config: { durationMs: 5000, isBreak: false } },
  ];
  for (const activity of specs) {
    send(F, { type: 'activity.add', activity });
  }
  const id = (i: number) => room.state.activityOrder[i]!;
  send(F, {
    type: 'activity.add',
    activity: { type: 'cluster', title: 'L', config: { sourceActivityId: id(0), canParticipantsEdit: true } },
  });
  const later: ActivitySpec[] = [
    {
      type: 'groups',
      title: 'Pairs',
      config: {
        size: 2,
        strategy: 'mix',
        attribute: { question: 'Team', options: items },
        fromActivityId: null,
      },
    },
    {
      type: 'matrix',
      title: 'M',
      config: {
        items,
        x: { label: 'Impact', low: 'low', high: 'high' },
        y: { label: 'Effort', low: 'low', high: 'high' },
      },
    },
    { type: 'budget', title: 'Hundred', config: { items, budget: 100 } },
    { type: 'questions', title: 'Q', config: { isModerated: true, allowNames: true } },
    { type: 'checkIn', title: 'Mood', config: { scale: 'mood', allowWord: true, showNames: false } },
  ];
  for (const activity of later) {
    send(F, { type: 'activity.add', activity });
  }
  for (const p of ['p1', 'p2']) {
    send(P(p), { type: 'participant.join', displayName: p === 'p1' ? 'Ann' : null });
  }
  room.state.activityOrder.forEach((activityId) => {
    send(F, { type: 'activity.start', activityId });
  });
  send(P('p1'), { type: 'brainstorm.addCard', activityId: id(0), text: 'idea', isAnonymous: true });
  send(P('p2'), { type: 'brainstorm.addCard', activityId: id(0), text: 'other idea' });
  const brainstorm = room.state.activities[id(0)];
  const cardId = brainstorm?.type === 'brainstorm' ? brainstorm.data.cardOrder[0]! : '';
  send(F, { type: 'brainstorm.hideCard', activityId: id(0), cardId });
  send(F, { type: 'brainstorm.showCard', activityId: id(0), cardId });
  send(P('p1'), { type: 'cluster.createGroup', activityId: id(11), name: 'G' });
  const cluster = room.state.activities[id(11)];
  const groupId = cluster?.type === 'cluster' ? cluster.data.groupOrder[0]! : '';
  send(P('p1'), { type: 'cluster.renameGroup', activityId: id(11), groupId, name: 'G2' });
  send(P('p2'), { type: 'cluster.moveCard', activityId: id(11), cardId, groupId });
  send(P('p1'), { type: 'dotVote.place', activityId: id(1), itemId: 'a' });
  send(P('p2'), { type: 'dotVote.place', activityId: id(1), itemId: 'b' });
  send(P('p2'), { type: 'dotVote.revoke', activityId: id(1), itemId: 'b' });
  send(P('p1'), { type: 'rating.rate', activityId: id(2), itemId: 'a', value: 7 });
  send(P('p1'), { type: 'rating.rate', activityId: id(2), itemId: 'a', value: 0 });
  send(P('p1'), { type: 'ranking.submit', activityId: id(3), order: ['c', 'a', 'b'] });
  send(P('p1'), { type: 'ranking.submit', activityId: id(3), order: ['a', 'c', 'b'] });
  send(P('p2'), { type: 'pairwise.choose', activityId: id(4), winnerId: 'a', loserId: 'b' });
  send(P('p2'), { type: 'pairwise.choose', activityId: id(4), winnerId: 'b', loserId: 'a' });
  send(P('p1'), { type: 'poll.answer', activityId: id(5), optionIds: ['a', 'c'] });
  send(P('p2'), { type: 'wordCloud.submit', activityId: id(6), text: 'trust and care' });
  send(P('p2'), { type: 'fistToFive.show', activityId: id(7), value: 1 });
  send(P('p2'), { type: 'fistToFive.explain', activityId: id(7), text: 'unclear' });
  const consent = id(8);
  for (const stage of ['clarifying', 'reactions', 'objections'] as const) {
    send(F, { type: 'consentRound.setStage', activityId: consent, stage });
    if (stage === 'clarifying') {
      send(P('p1'), { type: 'consentRound.ask', activityId: consent, text: 'q' });
    } else if (stage === 'reactions') {
      send(P('p1'), { type: 'consentRound.react', activityId: consent, text: 'r' });
    }
  }
  send(P('p1'), { type: 'consentRound.object', activityId: consent, reason: 'o1' });
  send(P('p2'), { type: 'consentRound.object', activityId: consent, reason: 'o2' });
  const round = room.state.activities[consent];
  const [o1, o2] = round?.type === 'consentRound' ? round.data.objectionOrder : [];
  send(F, { type: 'consentRound.setStage', activityId: consent, stage: 'amendments' });
  send(F, {
    type: 'consentRound.integrate',
    activityId: consent,
    objectionId: o1!,
    integration: 'i',
    amendedProposal: 'p2',
  });
  send(P('p2'), { type: 'consentRound.withdraw', activityId: consent, objectionId: o2! });
  send(P('p1'), { type: 'gradients.choose', activityId: id(9), level: 2 });
  send(P('p1'), { type: 'groups.declare', activityId: id(12), optionId: 'a' });
  send(F, { type: 'groups.form', activityId: id(12) });
  send(P('p3'), { type: 'participant.join', displayName: 'Late' });
  send(P('p3'), { type: 'groups.join', activityId: id(12) });
  send(P('p1'), { type: 'matrix.place', activityId: id(13), itemId: 'a', x: 80, y: 20 });
  send(P('p1'), { type: 'matrix.place', activityId: id(13), itemId: 'a', x: 70, y: 30 });
  send(F, { type: 'matrix.showDots', activityId: id(13), isShown: true });
  send(P('p2'), { type: 'budget.allocate', activityId: id(14), allocation: { a: 60, b: 40 } });
  send(P('p1'), { type: 'questions.ask', activityId: id(15), text: 'Why?', isNamed: true });
  const qa = room.state.activities[id(15)];
  const questionId = qa?.type === 'questions' ? qa.data.order[0]! : '';
  send(F, { type: 'questions.moderate', activityId: id(15), questionId, status: 'approved' });
  send(P('p2'), { type: 'questions.upvote', activityId: id(15), questionId });
  send(P('p2'), { type: 'questions.unvote', activityId: id(15), questionId });
  send(P('p2'), { type: 'checkIn.answer', activityId: id(16), level: 4, word: 'rested' });
  send(F, { type: 'timer.start', activityId: id(10) }, 10);
  send(F, { type: 'timer.pause', activityId: id(10) }, 20);
  send(F, { type: 'timer.setDuration', activityId: id(10), durationMs: 9000 });
  send(F, { type: 'timer.reset', activityId: id(10) });
  send(F, { type: 'activity.move', activityId: id(10), toIndex: 0 });
  send(F, { type: 'activity.add', activity: { type: 'ranking', title: 'Extra', config: { items } } });
  const extra = room.state.activityOrder[room.state.activityOrder.length - 1]!;
  send(F, {
    type: 'activity.update',
    activityId: extra,
    activity: { type: 'ranking', title: 'Extra 2', config: { items } },
  });
  send(F, { type: 'activity.remove', activityId: extra });
  send(F, { type: 'activity.close', activityId: id(1) });
  send(F, { type: 'activity.open', activityId: id(1) });
  send(F, { type: 'activity.revealResults', activityId: id(1) });
  send(F, { type: 'activity.hideResults', activityId: id(1) });
  send(F, { type: 'activity.lock', activityId: id(1) });
  send(F, { type: 'activity.unlock', activityId: id(1) });
  send(F, { type: 'participant.remove', participantId: 'p2' });
  send(F, { type: 'workshop.pause' });
  send(F, { type: 'workshop.resume' });
  send(F, { type: 'workshop.stop', reason: 'end' });
  return { room, commands };
}

describe('contracts/live', () => {
  it('every core event and command of a full scenario parses unchanged', () => {
    const { room, commands } = scenario();
    const eventTypes = new Set(room.log.map((entry) => entry.event.type));
    expect(eventTypes.size).toBe(LiveEventSchema.options.length);
    for (const { event } of room.log) {
      expect(LiveEventSchema.parse(event)).toEqual(event);
    }
    for (const command of commands) {
      expect(LiveCommandSchema.parse(command)).toEqual(command);
    }
  });

  it('wraps commands, acks, events and snapshots in WS messages', () => {
    const { room, commands } = scenario();
    const { commandId, actor: _actor, ...command } = commands[0]!;
    expect(
      LiveClientMessageSchema.parse({ type: 'live.command', workshopId: 'w1', commandId, command }).type,
    ).toBe('live.command');
    expect(LiveClientMessageSchema.parse({ type: 'live.resume', workshopId: 'w1', lastSeq: 3 }).type).toBe(
      'live.resume',
    );
    const events = room.log.slice(0, 5);
    expect(LiveServerMessageSchema.parse({ type: 'live.events', workshopId: 'w1', events })).toEqual({
      type: 'live.events',
      workshopId: 'w1',
      events,
    });
    for (const state of [room.state, redactStateFor(room.state, P('p1'))]) {
      const snapshot = { type: 'live.snapshot', workshopId: 'w1', seq: room.log.length, state };
      expect(LiveServerMessageSchema.parse(snapshot)).toEqual(snapshot);
    }
    expect(
      LiveServerMessageSchema.parse({ type: 'live.reject', commandId: 'x', code: 'DUPLICATE', message: 'm' })
        .type,
    ).toBe('live.reject');
    expect(LiveServerMessageSchema.safeParse({ type: 'live.ack', commandId: 'x', seq: -1 }).success).toBe(
      false,
    );
  });
});
