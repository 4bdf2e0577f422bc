import { describe, expect, it } from 'vitest';
import { currentStages, diffusionCurve } from './diffusion';
import { experienceMarkdown } from './markdown';
import { profileSimilarity } from './similarity';
import type { EngagementProfile } from './types';

const base: EngagementProfile = {
  icForms: ['relational', 'rational'],
  cynefin: 'complex',
  methodIds: ['world-cafe', 'consent-decision-making'],
  sector: 'Health',
  size: 12,
  diagnostic: { trust: 60, voice: 40 },
};

describe('profileSimilarity', () => {
  it('is 1 for the same profile and lower as facets differ', () => {
    expect(profileSimilarity(base, base).score).toBeCloseTo(1);
    const other = { ...base, cynefin: 'clear' as const, diagnostic: { trust: 20, voice: 90 } };
    const s = profileSimilarity(base, other);
    expect(s.score).toBeLessThan(0.8);
    expect(s.facets.at(-1)?.facet).toBe('cynefin');
  });

  it('ignores facets one side leaves empty', () => {
    const sparse: EngagementProfile = {
      icForms: [],
      cynefin: null,
      methodIds: [],
      sector: null,
      size: null,
      diagnostic: {},
    };
    expect(profileSimilarity(base, sparse)).toEqual({ score: 0, facets: [] });
    expect(profileSimilarity(base, { ...sparse, cynefin: 'complex' }).score).toBe(1);
  });

  it('treats size on a log scale', () => {
    const near = profileSimilarity({ ...base, diagnostic: {} }, { ...base, size: 15, diagnostic: {} });
    const far = profileSimilarity({ ...base, diagnostic: {} }, { ...base, size: 150, diagnostic: {} });
    expect(near.score).toBeGreaterThan(far.score);
  });
});

describe('diffusionCurve', () => {
  it('counts each collective at its latest stage, one point per date, abandonment counted out', () => {
    const curve = diffusionCurve([
      { collectiveId: 'a', stage: 'aware', at: '2027-01-10' },
      { collectiveId: 'b', stage: 'trying', at: '2027-01-10' },
      { collectiveId: 'a', stage: 'adopted', at: '2027-02-01' },
      { collectiveId: 'b', stage: 'abandoned', at: '2027-03-01T10:00:00Z' },
    ]);
    expect(curve).toEqual([
      { date: '2027-01-10', aware: 1, trying: 1, adopted: 0, abandoned: 0, reached: 2 },
      { date: '2027-02-01', aware: 0, trying: 1, adopted: 1, abandoned: 0, reached: 2 },
      { date: '2027-03-01', aware: 0, trying: 0, adopted: 1, abandoned: 1, reached: 2 },
    ]);
    expect(currentStages(['a', 'b', 'c'], [{ collectiveId: 'a', stage: 'aware', at: '2027-01-01' }])).toEqual(
      {
        a: 'aware',
        b: 'not_aware',
        c: 'not_aware',
      },
    );
  });
});

describe('experienceMarkdown', () => {
  it('writes the sections, escapes headings and carries the licence link', () => {
    const md = experienceMarkdown(
      {
        title: 'Un # titre [lien](x)',
        context: '# pas un titre\nligne',
        question: 'Comment ?',
        icForms: ['relational'],
        cynefin: 'complex',
        methods: [{ id: 'world-cafe', name: 'World Café' }],
        whatHappened: '',
        results: 'Mieux',
        indicators: [{ label: 'Absentéisme', value: '-12 %' }],
        diagnosticDeltas: [{ constructId: 'trust', before: 40, after: 55.4 }],
        lessons: 'L',
        conditions: 'C',
        pitfalls: 'P',
        contacts: [{ name: 'Ana', role: 'RH' }],
        licence: 'CC-BY-4.0',
        sharedAt: null,
      },
      'fr',
    );
    expect(md).toContain('# Un \\# titre \\[lien\\](x)');
    expect(md).toContain('\\# pas un titre');
    expect(md).toContain('- trust: 40 → 55 (+15)');
    expect(md).toContain('[CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/)');
    expect(md).not.toContain('Ce qui s’est passé');
  });
});
