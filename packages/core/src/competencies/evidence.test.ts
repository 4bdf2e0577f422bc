import { describe, expect, it } from 'vitest';
import { collectEvidence, EVIDENCE_KINDS, EVIDENCE_RULES, evidenceFor, type PlatformFacts } from './evidence';
import { COMPETENCIES } from './grid';

const facts: PlatformFacts = {
  engagements: [
    {
      id: 'e1',
      title: 'Coopérer',
      status: 'active',
      phases: [
        { key: 'listen', status: 'done' },
        { key: 'diagnose', status: 'active' },
      ],
      assessedDomains: ['complex'],
    },
    { id: 'e2', title: 'Autre', status: 'stopped', phases: [], assessedDomains: [] },
  ],
  campaigns: [
    {
      id: 'c1',
      engagementId: 'e1',
      title: 'Pulse',
      status: 'closed',
      responses: 12,
      minRespondents: 5,
      minOpenText: 10,
    },
    {
      id: 'c2',
      engagementId: 'e1',
      title: 'Draft',
      status: 'draft',
      responses: 0,
      minRespondents: 5,
      minOpenText: 10,
    },
  ],
  methods: [
    { engagementId: 'e1', methodId: 'world-cafe', family: 'relate', skill: 2, source: 'agenda' },
    {
      engagementId: 'e1',
      methodId: 'world-cafe',
      family: 'relate',
      skill: 2,
      source: 'choice',
      decidedBy: 'group',
    },
    { engagementId: null, methodId: 'open-space', family: 'diverge', skill: 3, source: 'agenda' },
  ],
  workshops: [{ id: 'w1', engagementId: 'e1', title: 'Séance 1', status: 'stopped', participants: 18 }],
  stops: [{ engagementId: 'e2', status: 'stopped', at: '2026-11-01T10:00:00.000Z' }],
  networks: [],
};

describe('evidence rules', () => {
  const items = collectEvidence(facts);

  it('turns facts into evidence keyed stably, one rule per kind', () => {
    expect(EVIDENCE_RULES.map((r) => r.kind)).toEqual([...EVIDENCE_KINDS]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(collectEvidence(facts).map((i) => i.key)).toEqual(items.map((i) => i.key));
    const kinds = items.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'engagement-led')).toHaveLength(2);
    expect(kinds).toContain('phases-completed');
    expect(kinds).toContain('complexity-assessed');
  });

  it('counts only launched diagnostics and says whether results were released with their thresholds', () => {
    const diagnostics = items.filter((i) => i.kind === 'diagnostic-run');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.figures).toEqual({
      released: true,
      responses: 12,
      minRespondents: 5,
      minOpenText: 10,
    });
  });

  it('dedupes methods per engagement, prefers the recorded group choice and credits non-imposition', () => {
    const methods = items.filter((i) => i.kind === 'method-used');
    expect(methods).toHaveLength(2);
    const cafe = methods.find((m) => m.label === 'world-cafe')!;
    expect(cafe.figures.source).toBe('choice');
    expect(cafe.competencyIds).toContain('method-choice');
    expect(methods.find((m) => m.label === 'open-space')!.competencyIds).not.toContain('method-choice');
    const breadth = items.find((i) => i.kind === 'methods-breadth')!;
    expect(breadth.figures).toEqual({ methods: 2, families: 2, maxSkill: 3 });
  });

  it('supports stop controls and workshop size, and only cites competencies of the grid', () => {
    expect(evidenceFor(items, 'stop-and-adapt').map((i) => i.label)).toEqual(['Autre']);
    expect(evidenceFor(items, 'presence')[0]!.figures.participants).toBe(18);
    const known = new Set(COMPETENCIES.map((c) => c.id));
    for (const item of items) {
      for (const id of item.competencyIds) {
        expect(known.has(id), id).toBe(true);
      }
    }
  });

  it('picks up decisions and charters once the platform provides them (extension point)', () => {
    const more = collectEvidence({
      ...facts,
      decisions: [{ id: 'd1', engagementId: 'e1', rule: 'consent' }],
      charters: [{ id: 'h1', engagementId: 'e1', adoptedAt: '2026-11-02T00:00:00.000Z' }],
    });
    expect(evidenceFor(more, 'charters')).toHaveLength(1);
    expect(evidenceFor(more, 'governance-redesign').some((i) => i.kind === 'decision-facilitated')).toBe(
      true,
    );
  });
});
