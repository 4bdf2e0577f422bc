import { describe, expect, it } from 'vitest';
import { replayPolisInclusion } from './polis-inclusion';
import { parsePolisParticipantsVotes } from './polis-participants';
import type { Vote } from './vote-matrix';

const vote = (participant: string, statement: string, timestamp: number): Vote => ({
  participant,
  statement,
  vote: 1,
  timestamp,
});

describe('replayPolisInclusion', () => {
  it('keeps a participant who qualified when few statements existed', () => {
    const votes: Vote[] = [];
    let t = 0;
    // 20 early people vote on the only 3 statements: min(7, 3) = 3 votes qualify them.
    for (let p = 0; p < 20; p++) {
      for (const s of ['a', 'b', 'c']) {
        votes.push(vote(`p${p}`, s, t++));
      }
    }
    // Then 10 statements exist and newcomers need 7 votes.
    for (const s of ['d', 'e', 'f', 'g', 'h', 'i', 'j']) {
      votes.push(vote('late-full', s, t++));
    }
    for (const s of ['d', 'e', 'f']) {
      votes.push(vote('late-three', s, t++));
    }
    const included = new Set(replayPolisInclusion(votes));
    expect(included.has('p0')).toBe(true);
    expect(included.has('p19')).toBe(true);
    expect(included.has('late-full')).toBe(true);
    // Three votes no longer qualify once ten statements were voted on, and 20 are already in.
    expect(included.has('late-three')).toBe(false);
  });

  it('tops up to 15 with the most active voters and keeps them', () => {
    const votes: Vote[] = [];
    let t = 0;
    for (let s = 0; s < 10; s++) {
      votes.push(vote('first', `s${s}`, t++));
    }
    votes.push(vote('one-vote', 's0', t++));
    for (let p = 0; p < 30; p++) {
      for (let s = 0; s < 7; s++) {
        votes.push(vote(`p${p}`, `s${s}`, t++));
      }
    }
    const included = new Set(replayPolisInclusion(votes));
    expect(included.has('one-vote')).toBe(true);
    expect(included.size).toBe(32);
    // Without history, the final rule would leave them out: the order of votes matters.
    const shuffled = votes.map((v, i) => ({ ...v, timestamp: i === 10 ? t + 1 : v.timestamp }));
    expect(new Set(replayPolisInclusion(shuffled)).has('one-vote')).toBe(false);
  });
});

describe('parsePolisParticipantsVotes', () => {
  it('reads the comment columns as last votes and keeps group-id', () => {
    const text =
      'participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,4,7\n' +
      '0,,1,0,2,1,1,1,-1\n' +
      '3,,,0,1,0,0,,0\n';
    const parsed = parsePolisParticipantsVotes(text);
    expect(parsed.votes).toEqual([
      { participant: '0', statement: '4', vote: 1 },
      { participant: '0', statement: '7', vote: -1 },
      { participant: '3', statement: '7', vote: 0 },
    ]);
    expect(parsed.participants).toEqual(['0', '3']);
    expect([...parsed.groups]).toEqual([['0', '1']]);
  });

  it('names the line of a bad vote', () => {
    expect(() => parsePolisParticipantsVotes('participant,group-id,4\n0,1,yes\n')).toThrow(/line 2/);
  });
});
