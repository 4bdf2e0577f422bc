import { describe, expect, it } from 'vitest';
import { METHOD_CATALOGUE } from '../methods';
import {
  agendaSkillWarnings,
  areaLevels,
  facilitatorLevelFrom,
  goalProgress,
  levelTimeline,
} from './progress';

describe('facilitator level from a self-assessment', () => {
  it('takes the weakest method-leading competency, mapped to skill 1–3', () => {
    expect(facilitatorLevelFrom({})).toBeNull();
    expect(facilitatorLevelFrom({ presence: 4 })).toBeNull();
    expect(facilitatorLevelFrom({ 'process-design': 4, 'method-choice': 2 })).toBe(2);
    expect(facilitatorLevelFrom({ 'process-design': 4, 'outcome-guidance': 3 })).toBe(3);
    expect(facilitatorLevelFrom({ 'process-design': 1, 'outcome-guidance': 4 })).toBe(1);
  });

  it('warns on agenda methods above the level', () => {
    const hard = METHOD_CATALOGUE.find((m) => m.facilitationSkill === 3)!;
    const easy = METHOD_CATALOGUE.find((m) => m.facilitationSkill === 1)!;
    const warnings = agendaSkillWarnings([easy.id, null, hard.id, 'unknown'], METHOD_CATALOGUE, 1);
    expect(warnings).toEqual([{ index: 2, methodId: hard.id, required: 3, facilitator: 1 }]);
    expect(agendaSkillWarnings([hard.id], METHOD_CATALOGUE, 3)).toEqual([]);
  });
});

describe('progress', () => {
  it('averages areas and orders a timeline', () => {
    const areas = areaLevels({ 'inclusive-participation': 2, 'creative-climate': 3 });
    expect(areas['participatory-climate']).toBe(2.5);
    expect(areas['client-relationship']).toBeNull();
    expect(
      levelTimeline(
        [
          { at: '2026-12-01', ratings: { presence: 3 } },
          { at: '2026-01-01', ratings: { presence: 2 } },
          { at: '2026-06-01', ratings: {} },
        ],
        'presence',
      ),
    ).toEqual([
      { at: '2026-01-01', level: 2 },
      { at: '2026-12-01', level: 3 },
    ]);
  });

  it('counts practice done and the target level reached, and flags overdue goals', () => {
    const goal = {
      competencyId: 'method-choice',
      targetLevel: 3 as const,
      practiceMethodIds: ['world-cafe', 'open-space'],
      dueOn: '2026-06-30',
    };
    const p = goalProgress(goal, { 'method-choice': 2 }, new Set(['world-cafe']), '2026-07-01T00:00:00Z');
    expect(p).toMatchObject({
      currentLevel: 2,
      isLevelReached: false,
      practised: ['world-cafe'],
      isOverdue: true,
    });
    expect(p.ratio).toBeCloseTo(1 / 3);
    const done = goalProgress(
      goal,
      { 'method-choice': 3 },
      new Set(['world-cafe', 'open-space']),
      '2026-07-01',
    );
    expect(done.ratio).toBe(1);
    expect(done.isOverdue).toBe(false);
  });
});
