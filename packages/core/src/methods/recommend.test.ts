import { describe, expect, it } from 'vitest';
import { METHOD_CATALOGUE } from './catalogue';
import { type RecommendationInput, recommendMethods, SCORE_CRITERIA, scoreCynefin } from './recommend';
import type { Method } from './types';

const BASE: RecommendationInput = {
  groupSize: 10,
  minutesAvailable: 60,
  mode: 'online',
  trustLevel: 3,
  trustSource: 'declared',
  facilitatorLevel: 2,
};

const byId = (id: string): Method => {
  const method = METHOD_CATALOGUE.find((m) => m.id === id);
  if (method === undefined) {
    throw new Error(`missing ${id}`);
  }
  return method;
};

describe('recommendMethods', () => {
  it('returns several explained options and leaves the choice to the group', () => {
    const result = recommendMethods(METHOD_CATALOGUE, { ...BASE, family: 'decide', cynefin: 'complex' });
    expect(result.options.length).toBe(5);
    expect(result.isChoiceForGroup).toBe(true);
    expect(result.notices).toContainEqual({ code: 'CHOICE_BELONGS_TO_GROUP' });
    for (const option of result.options) {
      expect(option.breakdown.map((c) => c.criterion)).toEqual([...SCORE_CRITERIA]);
      const sum = option.breakdown.reduce((s, c) => s + c.points, 0);
      expect(Math.abs(sum - option.score)).toBeLessThan(0.06);
      expect(option.advantages.length).toBeGreaterThan(0);
      expect(option.drawbacks.length).toBeGreaterThan(0);
    }
    expect(result.appliedRules).toContain('CYNEFIN_COMPLEX_FAVOURS_PROBES');
  });

  it('keeps a requested family and spreads its options across IC forms', () => {
    const result = recommendMethods(METHOD_CATALOGUE, { ...BASE, family: 'decide' });
    expect(result.options.slice(0, 3).every((o) => o.method.family === 'decide')).toBe(true);
    expect(new Set(result.options.map((o) => [...o.method.icForms].sort().join('+'))).size).toBeGreaterThan(
      1,
    );
  });

  it('spreads options across families when no family is requested', () => {
    const result = recommendMethods(METHOD_CATALOGUE, BASE);
    expect(new Set(result.options.map((o) => o.method.family)).size).toBeGreaterThanOrEqual(3);
  });

  it('warns with typed codes when trust or skill is above the collective', () => {
    const result = recommendMethods(
      [byId('formal-consensus'), byId('dot-voting'), byId('fist-to-five'), byId('majority-vote')],
      { ...BASE, trustLevel: 2, trustSource: 'measured', facilitatorLevel: 1 },
    );
    const consensus = result.options.find((o) => o.methodId === 'formal-consensus');
    expect(consensus?.warnings).toContainEqual({
      code: 'TRUST_ABOVE_COLLECTIVE',
      required: 4,
      collective: 2,
      source: 'measured',
    });
    expect(consensus?.warnings).toContainEqual({
      code: 'SKILL_ABOVE_FACILITATOR',
      required: 2,
      facilitator: 1,
    });
    const dots = result.options.find((o) => o.methodId === 'dot-voting');
    expect(dots?.warnings).toEqual([]);
  });

  it('never proposes methods that need more people, more time or another mode', () => {
    const result = recommendMethods(METHOD_CATALOGUE, {
      ...BASE,
      groupSize: 5,
      minutesAvailable: 20,
      mode: 'onsite',
    });
    const ids = result.options.map((o) => o.methodId);
    expect(ids).not.toContain('world-cafe');
    expect(ids).not.toContain('pairwise-wiki-survey');
    expect(result.excluded.find((e) => e.methodId === 'world-cafe')?.reasons).toContainEqual({
      code: 'GROUP_BELOW_METHOD_MIN',
      min: 12,
      groupSize: 5,
    });
    expect(result.excluded.find((e) => e.methodId === 'pairwise-wiki-survey')?.reasons).toContainEqual({
      code: 'MODE_UNSUPPORTED',
      mode: 'onsite',
    });
  });

  it('favours quick action when the situation is chaotic and urgent', () => {
    const result = recommendMethods(METHOD_CATALOGUE, {
      ...BASE,
      minutesAvailable: 120,
      cynefin: 'chaotic',
      urgency: 'high',
    });
    const top = result.options[0];
    expect(top?.method.cynefin).toContain('chaotic');
    expect(top?.method.durationMinutes.min).toBeLessThanOrEqual(20);
  });

  it('favours probes for complex questions and quick converge/decide for clear ones', () => {
    const complex = recommendMethods(METHOD_CATALOGUE, {
      ...BASE,
      minutesAvailable: 180,
      cynefin: 'complex',
    });
    expect(complex.options.slice(0, 3).every((o) => o.method.cynefin.includes('complex'))).toBe(true);
    const clear = recommendMethods(METHOD_CATALOGUE, { ...BASE, cynefin: 'clear' });
    const first = clear.options[0]?.method;
    expect(['converge', 'decide']).toContain(first?.family);
    expect(first?.durationMinutes.min).toBeLessThanOrEqual(30);
  });

  it('scores Cynefin rules as documented', () => {
    expect(scoreCynefin(byId('dot-voting'), 'clear')).toBe(1);
    expect(scoreCynefin(byId('ls-ecocycle-planning'), 'clear')).toBe(0.2);
    expect(scoreCynefin(byId('safe-to-fail-probes'), 'complex')).toBe(1);
    expect(scoreCynefin(byId('crisis-huddle'), 'chaotic')).toBe(1);
    expect(scoreCynefin(byId('future-search'), 'chaotic')).toBe(0.1);
    expect(scoreCynefin(byId('ls-agreement-certainty-matrix'), 'confusion')).toBe(1);
  });

  it('reports when fewer than three methods fit, and when none does', () => {
    const few = recommendMethods([byId('dot-voting'), byId('future-search')], BASE);
    expect(few.options).toHaveLength(1);
    expect(few.notices).toContainEqual({ code: 'FEW_OPTIONS', count: 1 });
    const none = recommendMethods([byId('future-search')], BASE);
    expect(none.options).toHaveLength(0);
    expect(none.notices).toContainEqual({ code: 'NO_METHOD_FITS' });
    expect(none.notices).toContainEqual({ code: 'CHOICE_BELONGS_TO_GROUP' });
  });

  it('clamps the limit to at least three options', () => {
    expect(recommendMethods(METHOD_CATALOGUE, BASE, { limit: 1 }).options).toHaveLength(3);
  });

  it('rejects invalid input with a prefixed error', () => {
    expect(() => recommendMethods(METHOD_CATALOGUE, { ...BASE, groupSize: 0 })).toThrow(
      /^methods\/recommendMethods:/,
    );
    expect(() => recommendMethods(METHOD_CATALOGUE, { ...BASE, trustLevel: 6 })).toThrow(RangeError);
  });
});
