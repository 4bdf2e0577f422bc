import { describe, expect, it } from 'vitest';
import { ESSAIM_IC, ESSAIM_IC_PULSE } from './essaim-ic';
import { scoreCampaign } from './score-campaign';
import { cronbachAlpha } from './statistics';
import type { ValidSubmission } from './submission';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every numeric item of the pulse answered `value` (agreement/frequency), texts optional. */
function uniform(value: number, text: Record<string, string> = {}): ValidSubmission {
  const numeric = Object.fromEntries(
    ESSAIM_IC_PULSE.items.filter((i) => i.scale !== 'openText').map((i) => [i.id, value]),
  );
  return { numeric, text };
}

describe('scoreCampaign', () => {
  it('suppresses the whole campaign below 5 respondents', () => {
    const report = scoreCampaign({ instrument: ESSAIM_IC_PULSE, submissions: [uniform(4), uniform(4)] });
    expect(report.status).toBe('suppressed');
    expect(report.reason).toBe('below-minimum');
    expect(report.summary).toBeUndefined();
  });

  it('scores constructs on 0–100 after reverse scoring, with raw means and distributions', () => {
    const submissions = [uniform(4), uniform(4), uniform(5), uniform(3), uniform(4)];
    const report = scoreCampaign({ instrument: ESSAIM_IC_PULSE, submissions });
    expect(report.status).toBe('shown');
    const safety = report.summary!.constructs.find((c) => c.constructId === 'psychological-safety')!;
    expect(safety.n).toBe(5);
    expect(safety.rawMean).toBeCloseTo(4, 12);
    expect(safety.score).toBeCloseTo(75, 12);
    const item = report.summary!.items.find((i) => i.itemId === 'safety-asking-help')!;
    expect(item.distribution.map((d) => d.count)).toEqual([0, 0, 1, 3, 1]);
  });

  it('mirrors reverse-scored items: agreeing with a problem lowers the score', () => {
    const answers = (undermining: number): ValidSubmission => ({
      numeric: Object.fromEntries(
        ESSAIM_IC.items
          .filter((i) => i.scale !== 'openText')
          .map((i) => [i.id, i.id === 'safety-undermining' ? undermining : i.scale === 'scale0to10' ? 5 : 3]),
      ),
      text: {},
    });
    const high = scoreCampaign({
      instrument: ESSAIM_IC,
      submissions: Array.from({ length: 5 }, () => answers(5)),
    });
    const low = scoreCampaign({
      instrument: ESSAIM_IC,
      submissions: Array.from({ length: 5 }, () => answers(1)),
    });
    const score = (r: typeof high) => r.summary!.items.find((i) => i.itemId === 'safety-undermining')!;
    expect(score(high).score).toBe(0);
    expect(score(high).rawMean).toBe(1);
    expect(score(low).score).toBe(100);
    expect(score(high).distribution.at(-1)!.count).toBe(5);
  });

  it('computes alpha per construct equal to the matrix oracle, with n', () => {
    const random = mulberry32(42);
    const submissions: ValidSubmission[] = Array.from({ length: 40 }, () => {
      const level = 1 + Math.floor(random() * 5);
      const numeric: Record<string, number> = {};
      for (const item of ESSAIM_IC.items) {
        if (item.scale === 'openText') {
          continue;
        }
        const noisy = Math.min(5, Math.max(1, level + Math.round(random() * 2 - 1)));
        const value = item.isReverseScored === true ? 6 - noisy : noisy;
        numeric[item.id] = item.scale === 'scale0to10' ? Math.round(((noisy - 1) / 4) * 10) : value;
      }
      return { numeric, text: {} };
    });
    const report = scoreCampaign({ instrument: ESSAIM_IC, submissions });
    const rational = report.summary!.constructs.find((c) => c.constructId === 'ic-rational')!;
    const ids = ['rational-facts', 'rational-assumptions', 'rational-conclusions'];
    const oracle = cronbachAlpha(submissions.map((s) => ids.map((id) => s.numeric[id]!)));
    expect(rational.alpha.n).toBe(40);
    expect(rational.alpha.itemCount).toBe(3);
    expect(rational.alpha.value!).toBeCloseTo(oracle!, 10);
    expect(rational.alpha.value!).toBeGreaterThan(0.7);
    // Reverse items are mirrored before alpha, so consistent answers stay consistent.
    const relational = report.summary!.constructs.find((c) => c.constructId === 'ic-relational')!;
    expect(relational.alpha.value!).toBeGreaterThan(0.7);
  });

  it('shows open-answer themes only from 10 answers', () => {
    const texts = [
      'Les réunions sont trop longues',
      'Trop de réunions',
      'Meetings run too long',
      'Long meetings',
      'La confiance entre nous',
      'Confiance',
      'Les réunions du lundi',
      'Pas assez de temps',
      'Le temps manque',
    ];
    const nine = texts.map((t) => uniform(4, { 'open-hinders': t }));
    const few = scoreCampaign({ instrument: ESSAIM_IC_PULSE, submissions: nine });
    const hinders = few.openText.find((o) => o.itemId === 'open-hinders')!;
    expect(hinders).toEqual({
      itemId: 'open-hinders',
      status: 'suppressed',
      reason: 'below-minimum',
      n: null,
    });
    const ten = scoreCampaign({
      instrument: ESSAIM_IC_PULSE,
      submissions: [...nine, uniform(4, { 'open-hinders': 'Les réunions sans fin' })],
    });
    const shown = ten.openText.find((o) => o.itemId === 'open-hinders')!;
    expect(shown.status).toBe('shown');
    expect(shown.n).toBe(10);
    expect(shown.themes![0]!.label).toBe('reunions');
    expect(shown.themes![0]!.count).toBe(4);
  });
});
