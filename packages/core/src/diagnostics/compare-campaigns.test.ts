import { describe, expect, it } from 'vitest';
import { aggregateCuts } from './aggregate-cuts';
import { compareCampaigns, IncomparableCampaignsError } from './compare-campaigns';
import { ESSAIM_IC_PULSE } from './essaim-ic';
import { buildResponseMatrix } from './response-matrix';
import type { ValidSubmission } from './submission';

const collectives = [{ id: 'a' }, { id: 'tiny' }];
const people = Array.from({ length: 24 }, (_, i) => ({
  id: `p${i}`,
  collectiveIds: [i < 20 ? 'a' : 'tiny'],
  attributes: {},
}));
// No whole-campaign cut: with it, 'a' (20 of 24) would be suppressed to protect 'tiny'.
const cuts = [{ collectiveId: 'a' }, { collectiveId: 'tiny' }];

function campaign(shift: number) {
  const rows: ValidSubmission[] = people.map((_, i) => ({
    numeric: Object.fromEntries(
      ESSAIM_IC_PULSE.items
        .filter((item) => item.scale !== 'openText')
        .map((item) => [item.id, Math.min(5, 1 + ((i + shift) % 3) + shift)]),
    ),
    text: {},
  }));
  return aggregateCuts({
    matrix: buildResponseMatrix(ESSAIM_IC_PULSE, rows),
    respondents: people,
    requestedCuts: cuts,
    collectives,
  });
}

describe('compareCampaigns', () => {
  it('gives per-construct deltas with Welch intervals, only where both sides were shown', () => {
    const comparisons = compareCampaigns(campaign(0), campaign(2));
    const team = comparisons.find((c) => c.key === 'collective=a')!;
    expect(team.status).toBe('compared');
    const safety = team.constructs.find((c) => c.constructId === 'psychological-safety')!;
    expect(safety.interval!.delta).toBeGreaterThan(0);
    expect(safety.interval!.low).toBeLessThan(safety.interval!.delta);
    expect(safety.isSignificant).toBe(true);
    const tiny = comparisons.find((c) => c.key === 'collective=tiny')!;
    expect(tiny).toEqual({
      key: 'collective=tiny',
      status: 'not-comparable',
      reason: 'suppressed-before',
      constructs: [],
    });
  });

  it('refuses different instrument versions', () => {
    const before = campaign(0);
    expect(() => compareCampaigns(before, { ...before, instrumentVersion: '2.0.0' })).toThrow(
      IncomparableCampaignsError,
    );
  });
});
