import { describe, expect, it } from 'vitest';
import { buildCustomInstrument, validateInstrument } from './build-instrument';
import { IC_FORM_IDS } from './effectiveness';
import { ESSAIM_IC, ESSAIM_IC_PULSE, ESSAIM_IC_PULSE_ITEM_IDS } from './essaim-ic';

describe('Essaim IC diagnostic', () => {
  it('is a valid instrument of 45 items, with a 12-item pulse made of full items', () => {
    expect(validateInstrument(ESSAIM_IC)).toEqual([]);
    expect(validateInstrument(ESSAIM_IC_PULSE)).toEqual([]);
    expect(ESSAIM_IC.items).toHaveLength(45);
    expect(ESSAIM_IC_PULSE.items).toHaveLength(12);
    const fullById = new Map(ESSAIM_IC.items.map((item) => [item.id, item]));
    for (const item of ESSAIM_IC_PULSE.items) {
      expect(fullById.get(item.id)).toEqual(item);
    }
    expect(ESSAIM_IC_PULSE.items.map((i) => i.id)).toEqual(ESSAIM_IC_PULSE_ITEM_IDS);
  });

  it('covers the required constructs, with reverse-scored items and two open questions', () => {
    const ids = ESSAIM_IC.constructs.map((c) => c.id);
    for (const id of [
      ...IC_FORM_IDS,
      'psychological-safety',
      'trust-competence',
      'trust-care',
      'shared-direction',
      'decision-clarity',
      'inclusion',
      'learning',
      'energy',
      'readiness-for-change',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ESSAIM_IC.items.filter((i) => i.isReverseScored === true).length).toBeGreaterThanOrEqual(8);
    expect(ESSAIM_IC.items.filter((i) => i.scale === 'openText').map((i) => i.id)).toEqual([
      'open-helps',
      'open-hinders',
    ]);
    const safety = ESSAIM_IC.items.filter((i) => i.constructId === 'psychological-safety');
    expect(safety.map((i) => i.id.replace('safety-', ''))).toEqual([
      'speaking-up',
      'mistakes',
      'asking-help',
      'difference',
      'risk',
      'valued',
      'undermining',
    ]);
  });

  it('uses none of the protected wordings it must avoid (Gallup Q12, Edmondson 1999)', () => {
    const protectedPhrases = [
      'best friend',
      'meilleur ami',
      'what is expected of me',
      'materials and equipment',
      'do what i do best',
      'recognition or praise',
      'care about me as a person',
      'encourages my development',
      'opinions seem to count',
      'mission or purpose',
      'committed to doing quality work',
      'talked to me about my progress',
      'learn and grow',
      'held against you',
      'problems and tough issues',
      'rejects others for being different',
      'reject others for being different',
      'safe to take a risk',
      'difficult to ask other members',
      'deliberately act in a way',
      'skills and talents are valued',
    ];
    for (const item of ESSAIM_IC.items) {
      const text = `${item.text.en} ${item.text.fr}`.toLowerCase();
      for (const phrase of protectedPhrases) {
        expect(text, item.id).not.toContain(phrase);
      }
    }
  });
});

describe('buildCustomInstrument', () => {
  const name = { fr: 'Mon diagnostic', en: 'My diagnostic' };

  it('combines bank items with own constructs and items', () => {
    const result = buildCustomInstrument({
      id: 'my-team',
      version: '1.0.0',
      name,
      bank: ESSAIM_IC,
      bankItemIds: ['safety-risk', 'decision-reopened'],
      ownConstructs: [
        {
          id: 'tools',
          family: 'climate',
          name: { fr: 'Outils', en: 'Tools' },
          description: { fr: 'Nos outils nous aident.', en: 'Our tools help us.' },
        },
      ],
      ownItems: [
        {
          id: 'tools-fit',
          constructId: 'tools',
          scale: 'yesno',
          text: { fr: 'Nos outils sont adaptés.', en: 'Our tools fit our work.' },
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.constructs.map((c) => c.id)).toEqual([
        'psychological-safety',
        'decision-clarity',
        'tools',
      ]);
      expect(result.value.items).toHaveLength(3);
    }
  });

  it('returns every error found', () => {
    const result = buildCustomInstrument({
      id: 'Bad Id',
      version: 'v1',
      name,
      bank: ESSAIM_IC,
      bankItemIds: ['nope', 'safety-risk', 'safety-risk'],
      ownItems: [
        { id: 'orphan', constructId: 'missing', scale: 'agreement5', text: { fr: '', en: 'x' } },
        // @ts-expect-error an unknown scale must be reported at run time too
        { id: 'odd', constructId: 'psychological-safety', scale: 'stars', text: { fr: 'a', en: 'b' } },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.code).sort()).toEqual([
        'duplicate-item',
        'invalid-id',
        'invalid-version',
        'missing-text',
        'unknown-bank-item',
        'unknown-construct',
        'unknown-scale',
      ]);
    }
  });
});
