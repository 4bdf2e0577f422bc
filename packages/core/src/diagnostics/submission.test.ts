import { describe, expect, it } from 'vitest';
import { ESSAIM_IC_PULSE } from './essaim-ic';
import { validateSubmission } from './submission';

const base = { instrumentId: 'essaim-ic-pulse', instrumentVersion: '1.0.0' };
const complete = Object.fromEntries(
  ESSAIM_IC_PULSE.items.filter((i) => i.scale !== 'openText').map((i) => [i.id, 3]),
);

describe('validateSubmission', () => {
  it('accepts a complete submission and trims text', () => {
    const result = validateSubmission(ESSAIM_IC_PULSE, {
      ...base,
      answers: { ...complete, 'open-helps': '  Les rituels  ', 'open-hinders': '' },
    });
    expect(result).toEqual({ ok: true, value: { numeric: complete, text: { 'open-helps': 'Les rituels' } } });
  });

  it('returns typed errors for each problem', () => {
    const result = validateSubmission(ESSAIM_IC_PULSE, {
      instrumentId: 'essaim-ic-pulse',
      instrumentVersion: '0.9.0',
      answers: {
        ...complete,
        'relational-needs': 6,
        'rational-facts': 2.5,
        'emotional-tensions': 'beaucoup',
        'creative-together': null,
        'open-helps': 'x'.repeat(5000),
        'not-an-item': 1,
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.code, e.itemId])).toEqual([
        ['wrong-instrument', undefined],
        ['unknown-item', 'not-an-item'],
        ['out-of-range', 'relational-needs'],
        ['not-an-integer', 'rational-facts'],
        ['not-a-number', 'emotional-tensions'],
        ['missing-required', 'creative-together'],
        ['text-too-long', 'open-helps'],
      ]);
    }
  });

  it('ignores inherited keys such as __proto__ tricks', () => {
    const answers = JSON.parse('{"__proto__": {"relational-needs": 4}}');
    const result = validateSubmission(ESSAIM_IC_PULSE, { ...base, answers });
    expect(result.ok).toBe(false);
  });
});
