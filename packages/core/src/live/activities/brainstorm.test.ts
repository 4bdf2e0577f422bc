import { describe, expect, it } from 'vitest';
import type { Actor } from '../model';
import { ownStateOf } from '../own-state';
import { resultsOf } from '../results';
import { createLiveRoom } from '../room';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });

function setup(anonymity: 'named' | 'anonymous' | 'optional') {
  const room = createLiveRoom();
  room.send(F, {
    type: 'activity.add',
    activity: { type: 'brainstorm', title: 'Ideas', config: { anonymity, maxCardsPerParticipant: 2 } },
  });
  const activityId = room.state.activityOrder[0]!;
  room.send(P('p1'), { type: 'participant.join', displayName: 'Ana' });
  room.send(P('p2'), { type: 'participant.join', displayName: 'Ben' });
  room.send(F, { type: 'activity.start', activityId });
  return { room, activityId };
}

describe('brainstorm', () => {
  it('adds cards up to the limit and lists them in order', () => {
    const { room, activityId } = setup('named');
    expect(room.send(P('p1'), { type: 'brainstorm.addCard', activityId, text: '  more breaks ' }).ok).toBe(
      true,
    );
    room.send(P('p1'), { type: 'brainstorm.addCard', activityId, text: 'shorter meetings' });
    expect(room.send(P('p1'), { type: 'brainstorm.addCard', activityId, text: 'third' })).toEqual({
      ok: false,
      code: 'LIMIT_REACHED',
    });
    expect(room.send(P('p2'), { type: 'brainstorm.addCard', activityId, text: '   ' })).toEqual({
      ok: false,
      code: 'INVALID',
    });
    const results = resultsOf(room.state, activityId, F);
    expect(
      results?.type === 'brainstorm' && !results.isHidden && results.cards.map((c) => [c.text, c.author]),
    ).toEqual([
      ['more breaks', 'Ana'],
      ['shorter meetings', 'Ana'],
    ]);
    expect(ownStateOf(room.state, 'p1').activities[activityId]?.mine).toMatchObject({ remaining: 0 });
  });

  it('never exposes the author of an anonymous card, to anyone', () => {
    const { room, activityId } = setup('optional');
    room.send(P('p1'), { type: 'brainstorm.addCard', activityId, text: 'secret', isAnonymous: true });
    room.send(P('p2'), { type: 'brainstorm.addCard', activityId, text: 'signed' });
    room.send(F, { type: 'activity.revealResults', activityId });
    for (const viewer of [F, P('p1'), P('p2')]) {
      const results = resultsOf(room.state, activityId, viewer);
      expect(JSON.stringify(results)).not.toContain('Ana');
      expect(JSON.stringify(results)).not.toContain('p1');
    }
    const mine = resultsOf(room.state, activityId, P('p1'));
    expect(
      mine?.type === 'brainstorm' && !mine.isHidden && mine.cards.find((c) => c.text === 'secret')?.isMine,
    ).toBe(true);
  });

  it('hides results from participants until revealed; the facilitator sees live', () => {
    const { room, activityId } = setup('anonymous');
    room.send(P('p1'), { type: 'brainstorm.addCard', activityId, text: 'x' });
    expect(resultsOf(room.state, activityId, P('p2'))).toEqual({ type: 'brainstorm', isHidden: true });
    expect(resultsOf(room.state, activityId, F)?.isHidden).toBe(false);
  });

  it('lets only the facilitator hide and show a card', () => {
    const { room, activityId } = setup('named');
    room.send(P('p1'), { type: 'brainstorm.addCard', activityId, text: 'rude' });
    room.send(F, { type: 'activity.revealResults', activityId });
    const cardId =
      room.state.activities[activityId]?.type === 'brainstorm'
        ? room.state.activities[activityId].data.cardOrder[0]!
        : '';
    expect(room.send(P('p1'), { type: 'brainstorm.hideCard', activityId, cardId })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(room.send(F, { type: 'brainstorm.hideCard', activityId, cardId }).ok).toBe(true);
    const seen = resultsOf(room.state, activityId, P('p2'));
    expect(seen?.type === 'brainstorm' && !seen.isHidden && seen.cards).toEqual([]);
    const facilitator = resultsOf(room.state, activityId, F);
    expect(
      facilitator?.type === 'brainstorm' && !facilitator.isHidden && facilitator.cards[0]?.isHidden,
    ).toBe(true);
    expect(room.send(F, { type: 'brainstorm.showCard', activityId, cardId }).ok).toBe(true);
  });
});

describe('cluster', () => {
  it('creates, renames groups and moves cards; hidden cards stay out of participant results', () => {
    const { room, activityId: source } = setup('named');
    room.send(P('p1'), { type: 'brainstorm.addCard', activityId: source, text: 'coffee' });
    room.send(P('p2'), { type: 'brainstorm.addCard', activityId: source, text: 'tea' });
    room.send(P('p2'), { type: 'brainstorm.addCard', activityId: source, text: 'spam' });
    room.send(F, {
      type: 'activity.add',
      activity: {
        type: 'cluster',
        title: 'Sort',
        config: { sourceActivityId: source, canParticipantsEdit: false },
        isRevealed: true,
      },
    });
    const activityId = room.state.activityOrder[1]!;
    room.send(F, { type: 'activity.start', activityId });
    room.send(F, { type: 'cluster.createGroup', activityId, name: 'Drinks' });
    const brainstorm = room.state.activities[source];
    const cards = brainstorm?.type === 'brainstorm' ? brainstorm.data.cardOrder : [];
    const cluster = room.state.activities[activityId];
    const groupId = cluster?.type === 'cluster' ? cluster.data.groupOrder[0]! : '';
    expect(room.send(P('p1'), { type: 'cluster.moveCard', activityId, cardId: cards[0]!, groupId })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    room.send(F, { type: 'cluster.moveCard', activityId, cardId: cards[0]!, groupId });
    room.send(F, { type: 'cluster.moveCard', activityId, cardId: cards[1]!, groupId });
    room.send(F, { type: 'cluster.renameGroup', activityId, groupId, name: 'Hot drinks' });
    room.send(F, { type: 'brainstorm.hideCard', activityId: source, cardId: cards[2]! });
    expect(room.send(F, { type: 'cluster.moveCard', activityId, cardId: 'nope', groupId })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    const results = resultsOf(room.state, activityId, P('p1'));
    expect(results).toEqual({
      type: 'cluster',
      isHidden: false,
      groups: [
        {
          id: groupId,
          name: 'Hot drinks',
          cards: [
            { id: cards[0], text: 'coffee' },
            { id: cards[1], text: 'tea' },
          ],
        },
      ],
      ungrouped: [],
    });
    room.send(F, { type: 'cluster.moveCard', activityId, cardId: cards[1]!, groupId: null });
    const after = resultsOf(room.state, activityId, F);
    expect(after?.type === 'cluster' && !after.isHidden && after.ungrouped.map((c) => c.text)).toEqual([
      'tea',
      'spam',
    ]);
  });

  it('refuses a cluster without a brainstorm source', () => {
    const room = createLiveRoom();
    expect(
      room.send(F, {
        type: 'activity.add',
        activity: {
          type: 'cluster',
          title: 'x',
          config: { sourceActivityId: 'act9', canParticipantsEdit: true },
        },
      }),
    ).toEqual({ ok: false, code: 'INVALID' });
  });
});
