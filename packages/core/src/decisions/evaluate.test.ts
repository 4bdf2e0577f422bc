import { describe, expect, it } from 'vitest';
import { type StoredPosition, tally } from './evaluate';

const pos = (key: string, value: string, version = 1, reason: string | null = null): StoredPosition => ({
  key,
  value,
  reason,
  ballot: null,
  version,
  response: null,
});

describe('tally', () => {
  it('counts only positions on the current version (an amendment re-opens the round)', () => {
    const t = tally({
      rule: 'consent',
      config: {},
      eligibleCount: 2,
      version: 2,
      positions: [
        pos('a', 'object', 1, 'unsafe'),
        pos('b', 'consent', 1),
        pos('a', 'consent', 2),
        pos('b', 'consent', 2),
      ],
      objections: [{ status: 'integrated', reason: 'unsafe', tests: null }],
      isClosed: false,
      reviewOn: '2027-03-01',
      outcomeStatement: null,
    });
    expect(t.outcome).toBe('passed');
    expect(t.participantCount).toBe(2);
    expect(t.counts).toEqual({ consent: 2 });
  });

  it('ranked choice stays pending until closed, then names the instant-runoff winner', () => {
    const base = {
      rule: 'rankedChoice' as const,
      config: {
        options: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
        ],
      },
      eligibleCount: 3,
      version: 1,
      positions: [
        { ...pos('a', 'ballot'), ballot: ['x', 'y'] },
        { ...pos('b', 'ballot'), ballot: ['y', 'x'] },
        { ...pos('c', 'ballot'), ballot: ['x'] },
      ],
      objections: [],
      reviewOn: null,
      outcomeStatement: null,
    };
    expect(tally({ ...base, isClosed: false }).outcome).toBe('pending');
    const closed = tally({ ...base, isClosed: true });
    expect(closed.outcome).toBe('passed');
    expect(closed.winners).toEqual(['x']);
  });

  it('an untested Holacracy objection holds the proposal; a tested invalid one does not', () => {
    const base = {
      rule: 'integrative' as const,
      config: {},
      eligibleCount: 1,
      version: 1,
      positions: [pos('a', 'consent')],
      isClosed: true,
      reviewOn: null,
      outcomeStatement: null,
    };
    expect(
      tally({ ...base, objections: [{ status: 'open', reason: 'I prefer blue', tests: null }] }).outcome,
    ).toBe('pending');
    const tests = {
      reducesCapacity: false,
      createdByProposal: true,
      cannotAdaptInTime: false,
      limitsObjectorRole: true,
      breachesRules: false,
    };
    expect(
      tally({ ...base, objections: [{ status: 'invalid', reason: 'I prefer blue', tests }] }).outcome,
    ).toBe('passed');
  });
});
