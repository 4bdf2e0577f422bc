import { describe, expect, it } from 'vitest';
import type { ActivitySpec } from '../activity-types';
import type { Actor } from '../model';
import { ownStateOf } from '../own-state';
import { redactEventFor, redactStateFor } from '../redact';
import { resultsOf } from '../results';
import { createLiveRoom } from '../room';

const F: Actor = { role: 'facilitator' };
const P = (id: string): Actor => ({ role: 'participant', participantId: id });

function setup(activity: ActivitySpec, people = ['p1', 'p2', 'p3']) {
  const room = createLiveRoom();
  room.send(F, { type: 'activity.add', activity });
  const activityId = room.state.activityOrder[0]!;
  for (const id of people) {
    room.send(P(id), { type: 'participant.join', displayName: id.toUpperCase() });
  }
  room.send(F, { type: 'activity.start', activityId });
  return { room, activityId };
}

describe('fist-to-five', () => {
  it('passes only when everyone who voted shows 3 or more; 2 or less is asked to explain', () => {
    const { room, activityId } = setup({
      type: 'fistToFive',
      title: 'F',
      config: { proposal: 'Go', showNames: true },
    });
    const show = (who: string, value: number) =>
      room.send(P(who), { type: 'fistToFive.show', activityId, value });
    const results = () => {
      const r = resultsOf(room.state, activityId, F);
      return r?.type === 'fistToFive' && !r.isHidden ? r : undefined;
    };
    expect(results()?.isPassing).toBe(false); // nobody voted yet
    show('p1', 5);
    show('p2', 3);
    expect(results()?.isPassing).toBe(true);
    show('p3', 2);
    expect(results()).toMatchObject({
      isPassing: false,
      flaggedCount: 1,
      voterCount: 3,
      histogram: [0, 0, 1, 1, 0, 1],
    });
    expect(room.send(P('p1'), { type: 'fistToFive.explain', activityId, text: 'why not' })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
    expect(room.send(P('p3'), { type: 'fistToFive.explain', activityId, text: 'budget unclear' }).ok).toBe(
      true,
    );
    expect(results()?.flagged).toEqual([{ participant: 'P3', explanation: 'budget unclear' }]);
    expect(results()?.explanations).toEqual([{ text: 'budget unclear', isMine: false, participant: 'P3' }]);
    expect(ownStateOf(room.state, 'p3').activities[activityId]?.mine).toEqual({
      value: 2,
      isAskedToExplain: true,
      explanation: 'budget unclear',
    });
    room.send(F, { type: 'activity.revealResults', activityId });
    const seen = resultsOf(room.state, activityId, P('p1'));
    expect(JSON.stringify(seen)).not.toContain('P3');
    expect(seen?.type === 'fistToFive' && !seen.isHidden && [seen.flagged, seen.explanations]).toEqual([
      [],
      [{ text: 'budget unclear', isMine: false, participant: null }],
    ]);
    expect(show('p3', 4).ok).toBe(true);
    expect(results()).toMatchObject({ isPassing: true, flaggedCount: 0, histogram: [0, 0, 0, 1, 1, 1] });
    expect(show('p1', 6)).toEqual({ ok: false, code: 'INVALID' });
  });
});

describe('fist-to-five without names (the default)', () => {
  it('never tells the facilitator who showed what nor who explained, in results, snapshot or feed', () => {
    const { room, activityId } = setup({ type: 'fistToFive', title: 'F', config: { proposal: 'Go' } });
    const before = room.log.length;
    room.send(P('p1'), { type: 'fistToFive.show', activityId, value: 1 });
    room.send(P('p2'), { type: 'fistToFive.show', activityId, value: 4 });
    room.send(P('p1'), { type: 'fistToFive.explain', activityId, text: 'too fast' });
    const results = resultsOf(room.state, activityId, F);
    expect(results).toMatchObject({ showNames: false, flaggedCount: 1, flagged: [] });
    expect(results?.type === 'fistToFive' && !results.isHidden && results.explanations).toEqual([
      { text: 'too fast', isMine: false, participant: null },
    ]);
    const snapshot = redactStateFor(room.state, F);
    const data = snapshot.activities[activityId]?.data as { byParticipant: object; explanations: unknown[] };
    expect(data.byParticipant).toEqual({});
    expect(JSON.stringify(data)).not.toMatch(/p1|p2/);
    // The server's own state is untouched (it still needs who to apply changes of mind).
    expect(JSON.stringify(room.state.activities[activityId]?.data)).toContain('p1');
    for (const { event } of room.log.slice(before)) {
      expect(JSON.stringify(redactEventFor(room.state, event, F))).not.toMatch(/"p[12]"/);
    }
    // Named activities keep names for the facilitator.
    room.send(F, {
      type: 'activity.add',
      activity: { type: 'fistToFive', title: 'N', config: { proposal: 'Go', showNames: true } },
    });
    const named = room.state.activityOrder[1]!;
    room.send(F, { type: 'activity.start', activityId: named });
    room.send(P('p3'), { type: 'fistToFive.show', activityId: named, value: 0 });
    const last = room.log[room.log.length - 1]!.event;
    expect(redactEventFor(room.state, last, F)).toBe(last);
    expect(resultsOf(room.state, named, F)).toMatchObject({ flagged: [{ participant: 'P3' }] });
  });
});

describe('consent round', () => {
  it('keeps the full trace of objections and their integration', () => {
    const { room, activityId } = setup({
      type: 'consentRound',
      title: 'C',
      config: { proposal: 'Meet weekly' },
    });
    const stage = (s: 'clarifying' | 'reactions' | 'objections' | 'amendments' | 'consent') =>
      room.send(F, { type: 'consentRound.setStage', activityId, stage: s });
    expect(room.send(P('p1'), { type: 'consentRound.object', activityId, reason: 'too early' })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
    stage('clarifying');
    room.send(P('p1'), { type: 'consentRound.ask', activityId, text: 'Which day?' });
    stage('reactions');
    room.send(P('p2'), { type: 'consentRound.react', activityId, text: 'Happy with it' });
    stage('objections');
    expect(room.send(P('p2'), { type: 'consentRound.object', activityId, reason: '' })).toEqual({
      ok: false,
      code: 'INVALID',
    });
    room.send(P('p2'), { type: 'consentRound.object', activityId, reason: 'Mondays clash with the board' });
    room.send(P('p3'), { type: 'consentRound.object', activityId, reason: 'Too often' });
    const data = () => {
      const a = room.state.activities[activityId];
      if (a?.type !== 'consentRound') {
        throw new Error('missing');
      }
      return a.data;
    };
    const [o1, o2] = data().objectionOrder as [string, string];
    expect(
      room.send(F, {
        type: 'consentRound.integrate',
        activityId,
        objectionId: o1,
        integration: 'x',
        amendedProposal: null,
      }),
    ).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
    stage('amendments');
    expect(
      room.send(P('p2'), {
        type: 'consentRound.integrate',
        activityId,
        objectionId: o1,
        integration: 'x',
        amendedProposal: null,
      }),
    ).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    room.send(F, {
      type: 'consentRound.integrate',
      activityId,
      objectionId: o1,
      integration: 'Move to Tuesdays',
      amendedProposal: 'Meet weekly on Tuesdays',
    });
    expect(room.send(P('p2'), { type: 'consentRound.withdraw', activityId, objectionId: o2 })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    stage('consent');
    let results = resultsOf(room.state, activityId, F);
    expect(results?.type === 'consentRound' && !results.isHidden && results.outcome).toBe('objections');
    room.send(P('p3'), { type: 'consentRound.withdraw', activityId, objectionId: o2 });
    results = resultsOf(room.state, activityId, F);
    if (results?.type !== 'consentRound' || results.isHidden) {
      throw new Error('missing');
    }
    expect(results.outcome).toBe('consent');
    expect(results.proposal).toMatchObject({ version: 2, text: 'Meet weekly on Tuesdays', objectionId: o1 });
    expect(results.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(results.questions).toEqual(['Which day?']);
    expect(results.reactions).toEqual(['Happy with it']);
    expect(
      results.objections.map((o) => [
        o.objector,
        o.reason,
        o.proposalVersion,
        o.status,
        o.integration,
        o.integratedInVersion,
      ]),
    ).toEqual([
      ['P2', 'Mondays clash with the board', 1, 'integrated', 'Move to Tuesdays', 2],
      ['P3', 'Too often', 1, 'withdrawn', null, null],
    ]);
    // A new objection in the consent stage reopens the outcome.
    room.send(P('p1'), { type: 'consentRound.object', activityId, reason: 'Tuesday is my day off' });
    results = resultsOf(room.state, activityId, F);
    expect(
      results?.type === 'consentRound' &&
        !results.isHidden && [results.outcome, results.objections[2]?.proposalVersion],
    ).toEqual(['objections', 2]);
  });
});

describe('gradients of agreement', () => {
  it('counts the 8 levels with shares, support and veto', () => {
    const { room, activityId } = setup({ type: 'gradients', title: 'G', config: { proposal: 'p' } });
    room.send(P('p1'), { type: 'gradients.choose', activityId, level: 1 });
    room.send(P('p2'), { type: 'gradients.choose', activityId, level: 3 });
    room.send(P('p3'), { type: 'gradients.choose', activityId, level: 8 });
    room.send(P('p3'), { type: 'gradients.choose', activityId, level: 6 });
    expect(room.send(P('p3'), { type: 'gradients.choose', activityId, level: 9 })).toEqual({
      ok: false,
      code: 'INVALID',
    });
    const results = resultsOf(room.state, activityId, F);
    if (results?.type !== 'gradients' || results.isHidden) {
      throw new Error('missing');
    }
    expect(results.levels.map((l) => l.count)).toEqual([1, 0, 1, 0, 0, 1, 0, 0]);
    expect(results.supportShare).toBeCloseTo(2 / 3, 12);
    expect(results.hasVeto).toBe(false);
  });
});
