import { describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('demo on $name', (dialect) => {
  it('loads a French organisation with ~40 people and an engagement, once', async () => {
    const database = await dialect.open();
    try {
      const first = await loadDemo({ database });
      expect(first.created).toBe(true);
      const count = async (
        table: 'people' | 'collectives' | 'engagements' | 'questions' | 'options' | 'users',
      ) =>
        Number(
          (
            await database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const counts = {
        people: await count('people'),
        collectives: await count('collectives'),
        engagements: await count('engagements'),
        questions: await count('questions'),
        options: await count('options'),
        users: await count('users'),
      };
      expect(counts).toEqual({
        people: 40,
        collectives: 6,
        engagements: 1,
        questions: 4,
        options: 3,
        users: 2,
      });
      // The demo engagement has a plan whose accelerated scenario shows a pacing warning.
      const plan = await database.db
        .selectFrom('plans')
        .select(['version', 'document'])
        .executeTakeFirstOrThrow();
      expect(plan.version).toBe(1);
      const doc = JSON.parse(plan.document) as {
        workstreams: unknown[];
        milestones: unknown[];
        scenarios: unknown[];
      };
      expect([doc.workstreams.length, doc.milestones.length, doc.scenarios.length]).toEqual([2, 4, 2]);
      const second = await loadDemo({ database });
      expect(second).toMatchObject({ created: false, orgId: first.orgId });
      expect(await count('people')).toBe(40);
      expect(await count('engagements')).toBe(1);
    } finally {
      await database.close();
    }
  });
});
