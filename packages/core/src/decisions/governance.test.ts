import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DELEGATION_LEVELS,
  diffMaps,
  type GovernanceMap,
  layoutCircles,
  missingDoubleLinks,
  renderMapSvg,
  validateMap,
} from './governance';
import { DECISION_RULES } from './record';

const mapArb: fc.Arbitrary<GovernanceMap> = fc.integer({ min: 0, max: 7 }).chain((n) =>
  fc
    .record({
      parents: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      roles: fc.array(fc.record({ circle: fc.nat(), name: fc.string({ maxLength: 6 }) }), { maxLength: 8 }),
      areas: fc.array(
        fc.record({
          circle: fc.nat(),
          level: fc.constantFrom(...DELEGATION_LEVELS),
          rule: fc.constantFrom(...DECISION_RULES),
        }),
        { maxLength: 5 },
      ),
    })
    .map(({ parents, roles, areas }) => ({
      // Circle i's parent is an earlier circle (or none), so the generated tree has no cycle.
      circles: parents.map((p, i) => ({
        id: `c${i}`,
        name: `Circle ${i}`,
        purpose: '',
        parentId: i === 0 || p % 3 === 0 ? null : `c${p % i}`,
      })),
      roles:
        n === 0
          ? []
          : roles.map((r, i) => ({
              id: `r${i}`,
              circleId: `c${r.circle % n}`,
              name: r.name,
              purpose: '',
              domains: [],
              accountabilities: [],
              holders: [],
            })),
      links: [],
      areas:
        n === 0
          ? []
          : areas.map((a, i) => ({
              id: `a${i}`,
              circleId: `c${a.circle % n}`,
              name: `Area ${i}`,
              level: a.level,
              rule: a.rule,
            })),
    })),
);

describe('governance map', () => {
  it('generated trees are valid; a map has no difference with itself; layout places every circle inside its parent', () => {
    fc.assert(
      fc.property(mapArb, (map) => {
        expect(validateMap(map)).toEqual([]);
        expect(diffMaps(map, map)).toEqual([]);
        const layout = new Map(layoutCircles(map).map((l) => [l.id, l]));
        expect(layout.size).toBe(map.circles.length);
        for (const c of map.circles) {
          if (c.parentId) {
            const child = layout.get(c.id)!;
            const parent = layout.get(c.parentId)!;
            const distance = Math.hypot(child.x - parent.x, child.y - parent.y);
            expect(distance + child.r).toBeLessThanOrEqual(parent.r + 1e-6);
          }
        }
        expect(renderMapSvg(map, { title: 'x' })).toMatch(/^<svg[\s\S]*<\/svg>$/);
      }),
    );
  });

  it('reports added, removed and changed entities by id', () => {
    const current: GovernanceMap = {
      circles: [
        { id: 'g', name: 'General', purpose: '', parentId: null },
        { id: 'ops', name: 'Ops', purpose: '', parentId: 'g' },
      ],
      roles: [
        {
          id: 'r1',
          circleId: 'ops',
          name: 'Buyer',
          purpose: 'buy',
          domains: [],
          accountabilities: [],
          holders: ['Ana'],
        },
      ],
      links: [],
      areas: [{ id: 'a1', circleId: 'ops', name: 'Budget', level: 'consult', rule: 'consent' }],
    };
    const proposed: GovernanceMap = {
      ...current,
      circles: [...current.circles, { id: 'care', name: 'Care', purpose: '', parentId: 'g' }],
      roles: [],
      areas: [{ id: 'a1', circleId: 'ops', name: 'Budget', level: 'delegate', rule: 'consent' }],
    };
    const changes = diffMaps(current, proposed);
    expect(changes).toEqual([
      { entity: 'circle', id: 'care', name: 'Care', change: 'added', fields: [] },
      { entity: 'role', id: 'r1', name: 'Buyer', change: 'removed', fields: [] },
      { entity: 'area', id: 'a1', name: 'Budget', change: 'changed', fields: ['level'] },
    ]);
    expect(missingDoubleLinks(current)).toEqual([{ circleId: 'ops', missing: ['lead', 'rep'] }]);
  });

  it('finds cycles and unknown circles', () => {
    const bad: GovernanceMap = {
      circles: [
        { id: 'x', name: 'X', purpose: '', parentId: 'y' },
        { id: 'y', name: 'Y', purpose: '', parentId: 'x' },
      ],
      roles: [
        { id: 'r', circleId: 'nope', name: 'R', purpose: '', domains: [], accountabilities: [], holders: [] },
      ],
      links: [],
      areas: [],
    };
    const codes = validateMap(bad).map((e) => e.code);
    expect(codes).toContain('CIRCLE_CYCLE');
    expect(codes).toContain('UNKNOWN_CIRCLE');
  });
});
