import { describe, expect, it } from 'vitest';
import { profileIcForms, rateEffectiveness } from './effectiveness';
import { findHighlights } from './highlights';
import type { ConstructResult, DiagnosticSummary } from './summary';

function summaryOf(scores: Record<string, number>, items: Record<string, number> = {}): DiagnosticSummary {
  const constructs = Object.entries(scores).map(
    ([constructId, score]): ConstructResult => ({
      constructId,
      family: constructId.startsWith('ic-') ? 'ic-form' : 'climate',
      n: 10,
      score,
      rawMean: 1 + score / 25,
      standardDeviation: 10,
      alpha: { value: null, n: 10, itemCount: 2 },
      bands: [0, 0, 0, 0, 0],
    }),
  );
  const itemResults = Object.entries(items).map(([itemId, score]) => ({
    itemId,
    constructId: 'x',
    n: 10,
    score,
    rawMean: 1 + score / 25,
    distribution: [],
  }));
  return { constructs, items: itemResults };
}

const allForms = (score: number) => ({
  'ic-relational': score,
  'ic-rational': score,
  'ic-emotional': score,
  'ic-creative': score,
  'ic-innovative': score,
});

describe('rateEffectiveness', () => {
  it('applies the documented rules level by level', () => {
    expect(rateEffectiveness(summaryOf({ ...allForms(30), 'psychological-safety': 30 })).level).toBe(1);
    expect(rateEffectiveness(summaryOf({ ...allForms(60), 'psychological-safety': 45 })).level).toBe(2);
    const three = rateEffectiveness(
      summaryOf({ ...allForms(60), 'psychological-safety': 60, 'trust-care': 55, 'trust-competence': 50 }),
    );
    expect(three.level).toBe(3);
    expect(three.unmetForNextLevel).toEqual(['index>=70', 'psychological-safety>=65']);
    expect(
      rateEffectiveness(summaryOf({ ...allForms(75), 'psychological-safety': 70, 'trust-care': 70 })).level,
    ).toBe(4);
    const five = rateEffectiveness(
      summaryOf({ ...allForms(85), 'psychological-safety': 80, 'trust-care': 80 }),
    );
    expect(five.level).toBe(5);
    expect(five.label.en).toBe('Generative');
  });

  it('caps the level when one construct lags (every construct ≥ 50 for level 4)', () => {
    const rated = rateEffectiveness(
      summaryOf({ ...allForms(90), 'psychological-safety': 90, 'trust-care': 90, 'decision-clarity': 40 }),
    );
    expect(rated.level).toBe(3);
    expect(rated.unmetForNextLevel).toEqual(['every-construct>=50']);
  });

  it('skips rules on constructs an instrument lacks and says so', () => {
    const rated = rateEffectiveness(summaryOf({ 'ic-relational': 60, 'ic-rational': 60 }));
    expect(rated.level).toBe(3);
    expect(rated.skippedRules).toEqual(['psychological-safety>=50', 'trust>=50', 'psychological-safety>=65']);
  });
});

describe('profileIcForms', () => {
  it('names the strongest and weakest forms and the spread', () => {
    const profile = profileIcForms(summaryOf({ ...allForms(50), 'ic-creative': 80, 'ic-emotional': 30 }));
    expect(profile.strongest).toBe('ic-creative');
    expect(profile.weakest).toBe('ic-emotional');
    expect(profile.spread).toBe(50);
  });
});

describe('findHighlights', () => {
  it('flags units beyond both 10 points and one SD from the mean, with evidence', () => {
    const summary = summaryOf({ a: 50, b: 52, c: 48, d: 51, e: 80, f: 20 }, { i1: 50, i2: 55, i3: 53 });
    const { constructs, items } = findHighlights(summary);
    expect(constructs.contributors.map((h) => h.id)).toEqual(['e']);
    expect(constructs.blockers.map((h) => h.id)).toEqual(['f']);
    const blocker = constructs.blockers[0]!;
    expect(blocker.referenceMean).toBeCloseTo(50.1667, 3);
    expect(blocker.z).toBeLessThan(-1);
    expect(blocker.distance).toBeCloseTo(20 - 50.1667, 3);
    // Items within 10 points of each other are never flagged, however large their z.
    expect(items).toEqual({ contributors: [], blockers: [] });
  });
});
