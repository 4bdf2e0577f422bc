import { describe, expect, it } from 'vitest';
import { METHOD_CATALOGUE } from '../methods';
import { AREAS, COMPETENCIES, COMPETENCY_AREAS, findCompetency, METHOD_LEADING_COMPETENCIES } from './grid';
import { LEVELS, skillForLevel } from './levels';

describe('competency grid', () => {
  it('covers every area with at least one competency and unique ids', () => {
    const ids = COMPETENCIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(AREAS.map((a) => a.id)).toEqual([...COMPETENCY_AREAS]);
    for (const area of COMPETENCY_AREAS) {
      expect(
        COMPETENCIES.some((c) => c.area === area),
        area,
      ).toBe(true);
    }
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('gives four distinct behavioural descriptors in French and English for every competency', () => {
    for (const c of COMPETENCIES) {
      expect(c.descriptors).toHaveLength(4);
      for (const lang of ['fr', 'en'] as const) {
        const texts = c.descriptors.map((d) => d[lang]);
        expect(new Set(texts).size, `${c.id} ${lang}`).toBe(4);
        for (const text of texts) {
          expect(text.length, `${c.id} ${lang}`).toBeGreaterThan(15);
        }
        expect(c.name[lang].length).toBeGreaterThan(3);
      }
    }
  });

  it('maps levels to the catalogue facilitation skill 1–3 monotonically', () => {
    expect(LEVELS.map((l) => skillForLevel(l.level))).toEqual([1, 2, 3, 3]);
    const skills = new Set(METHOD_CATALOGUE.map((m) => m.facilitationSkill));
    for (const s of skills) {
      expect(LEVELS.some((l) => l.facilitationSkill === s)).toBe(true);
    }
  });

  it('names method-leading competencies that exist', () => {
    for (const id of METHOD_LEADING_COMPETENCIES) {
      expect(findCompetency(id)).toBeDefined();
    }
  });
});
