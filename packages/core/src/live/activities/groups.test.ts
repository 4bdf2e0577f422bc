/**
 * Rules of forming groups, as properties: everyone present is in exactly one group, sizes differ by at
 * most one, mixing never does worse than random on the declared option (it reaches the bound min(c, k) per
 * option, so it does better whenever random misses it), keeping together never mixes more than mixing; regrouping and late joiners keep
 * everyone in exactly one group.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLiveRoom } from '../room';
import { distinctOptionsAcrossGroups, formGroups, groupCount } from './groups';

const F = { role: 'facilitator' } as const;
const P = (id: string) => ({ role: 'participant', participantId: id }) as const;

const population = fc
  .array(fc.constantFrom('x', 'y', 'z', undefined), { minLength: 1, maxLength: 40 })
  .map((options) => options.map((option, i) => ({ id: `p${i}`, option })));
const sizes = fc.constantFrom(0, 2, 3, 4, 5);

describe('formGroups', () => {
  it('puts everyone in exactly one group, sizes within one of each other', () => {
    fc.assert(
      fc.property(
        population,
        sizes,
        fc.constantFrom('random', 'mix', 'together'),
        fc.integer(),
        (people, size, strategy, seed) => {
          const attr = new Map(people.map((p) => [p.id, p.option]));
          const groups = formGroups(
            people.map((p) => p.id),
            (id) => attr.get(id),
            size,
            strategy,
            seed,
          );
          expect(groups.flat().sort()).toEqual(people.map((p) => p.id).sort());
          expect(groups).toHaveLength(groupCount(people.length, size));
          const lengths = groups.map((g) => g.length);
          expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('mixing reaches at least the diversity of random grouping, for every seed', () => {
    fc.assert(
      fc.property(population, sizes, fc.integer(), (people, size, seed) => {
        const attr = new Map(people.map((p) => [p.id, p.option]));
        const ids = people.map((p) => p.id);
        const of = (id: string) => attr.get(id);
        const mixed = distinctOptionsAcrossGroups(formGroups(ids, of, size, 'mix', seed), of);
        const random = distinctOptionsAcrossGroups(formGroups(ids, of, size, 'random', seed), of);
        const together = distinctOptionsAcrossGroups(formGroups(ids, of, size, 'together', seed), of);
        expect(mixed).toBeGreaterThanOrEqual(random);
        expect(together).toBeLessThanOrEqual(mixed);
        // The bound: an option with c people can appear in at most min(c, k) groups; mixing reaches it.
        const k = groupCount(ids.length, size);
        const counts = new Map<string, number>();
        for (const p of people) {
          counts.set(p.option ?? '', (counts.get(p.option ?? '') ?? 0) + 1);
        }
        const bound = [...counts.values()].reduce((sum, c) => sum + Math.min(c, k), 0);
        expect(mixed).toBe(bound);
      }),
    );
  });

  it('mixing beats random on a room of two teams when random happens to cluster them', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const of = (id: string) => (Number(id.slice(1)) < 6 ? 'sales' : 'ops');
    let better = 0;
    for (let seed = 0; seed < 50; seed++) {
      const mixed = distinctOptionsAcrossGroups(formGroups(ids, of, 2, 'mix', seed), of);
      const random = distinctOptionsAcrossGroups(formGroups(ids, of, 2, 'random', seed), of);
      expect(mixed).toBe(12); // six pairs, each with one of each team
      better += mixed > random ? 1 : 0;
    }
    expect(better).toBeGreaterThan(40);
  });
});

describe('groups activity', () => {
  it('regroups pairs into fours then all, and places late joiners, everyone in exactly one group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5 }), (n, late) => {
        const room = createLiveRoom();
        room.send(F, {
          type: 'activity.add',
          activity: {
            type: 'groups',
            title: 'Pairs',
            config: { size: 2, strategy: 'random', attribute: null, fromActivityId: null },
          },
        });
        const pairs = room.state.activityOrder[0]!;
        for (let i = 0; i < n; i++) {
          room.send(P(`p${i}`), { type: 'participant.join', displayName: `P${i}` });
        }
        room.send(F, { type: 'activity.start', activityId: pairs });
        expect(room.send(F, { type: 'groups.form', activityId: pairs })).toMatchObject({ ok: true });
        for (let i = 0; i < late; i++) {
          room.send(P(`late${i}`), { type: 'participant.join', displayName: null });
          expect(room.send(P(`late${i}`), { type: 'groups.join', activityId: pairs })).toMatchObject({
            ok: true,
          });
        }
        const everyone = Object.keys(room.state.participants).sort();
        const check = (id: string) => {
          const a = room.state.activities[id];
          if (a?.type !== 'groups') {
            throw new Error('not groups');
          }
          expect(a.data.groups.flat().sort()).toEqual(everyone);
          return a.data.groups;
        };
        const asPairs = check(pairs);
        room.send(F, {
          type: 'activity.add',
          activity: {
            type: 'groups',
            title: 'Fours',
            config: { size: 4, strategy: 'random', attribute: null, fromActivityId: pairs },
          },
        });
        const fours = room.state.activityOrder[1]!;
        room.send(F, { type: 'activity.start', activityId: fours });
        expect(room.send(F, { type: 'groups.form', activityId: fours })).toMatchObject({ ok: true });
        const asFours = check(fours);
        // Each four is made of whole pairs (late joiners can swell a lone group past four; then it re-forms).
        for (const pair of late === 0 ? asPairs : []) {
          expect(asFours.filter((g) => pair.some((id) => g.includes(id)))).toHaveLength(1);
        }
        expect(room.send(F, { type: 'groups.form', activityId: fours, size: 0 })).toMatchObject({ ok: true });
        expect(check(fours)).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a second place, a place before forming, and forming by a participant', () => {
    const room = createLiveRoom();
    room.send(F, {
      type: 'activity.add',
      activity: {
        type: 'groups',
        title: 'G',
        config: { size: 3, strategy: 'mix', attribute: null, fromActivityId: null },
      },
    });
    const id = room.state.activityOrder[0]!;
    room.send(P('a'), { type: 'participant.join', displayName: 'A' });
    room.send(F, { type: 'activity.start', activityId: id });
    expect(room.send(P('a'), { type: 'groups.join', activityId: id })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
    expect(room.send(P('a'), { type: 'groups.form', activityId: id })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    room.send(F, { type: 'groups.form', activityId: id });
    expect(room.send(P('a'), { type: 'groups.join', activityId: id })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
  });
});
