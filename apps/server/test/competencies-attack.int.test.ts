/**
 * Differencing attack on consultant feedback through the HTTP API (the surveys-attack approach
 * applied to feedback cuts): generated rounds where random relations answer random competencies,
 * every report the consultant can request, everything shown pooled, then the exact oracle of
 * @essaim/core (findExposedGroup) looks for any group of fewer than 5 answers whose ratings follow
 * from the released aggregates. Also checks that released means are the true means.
 */
import type { CompetencyFeedbackReport } from '@essaim/contracts';
import { findExposedGroup } from '@essaim/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { setupAdmin, type TestClient, testClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

const RELATIONS = ['client', 'co-facilitator', 'participant', 'peer'] as const;
const COMPETENCIES = ['presence', 'method-choice'];

type Draft = { relation: (typeof RELATIONS)[number]; presence: number | null; choice: number | null };

describe.each(testDialects)('feedback differencing attacks through the API on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let consultant: TestClient;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    consultant = (await setupAdmin(app)).client;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('never lets a group of fewer than 5 answers be derived from released feedback', async () => {
    const rounds = fc.sample(
      fc.array(
        fc.record({
          // Participants dominate, so whole-minus-participants differencing is tried often.
          relation: fc.constantFrom(
            'participant',
            'participant',
            'participant',
            'client',
            'co-facilitator',
            'peer',
          ),
          presence: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
          choice: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        }),
        { minLength: 6, maxLength: 22 },
      ),
      { numRuns: 4, seed: 190 },
    ) as Draft[][];
    const answers: Draft[] = [];
    const shown: Int32Array[] = [];
    let shownCells = 0;
    for (const [r, drafts] of rounds.entries()) {
      const kept = drafts.filter((d) => d.presence !== null || d.choice !== null);
      const created = await consultant.post('/api/me/competencies/feedback-rounds', {
        title: `Round ${r}`,
        competencyIds: COMPETENCIES,
        invitees: kept.map((d, i) => ({ label: `p${i}`, relation: d.relation })),
      });
      expect(created.status).toBe(200);
      const { round, links } = created.json<{ round: { id: string }; links: { link: string }[] }>();
      const offset = answers.length;
      const anonymous = testClient(app);
      for (const [i, d] of kept.entries()) {
        const token = links[i]!.link.split('/feedback/')[1]!;
        const res = await anonymous.post(`/api/feedback/${token}`, {
          ratings: { presence: d.presence, 'method-choice': d.choice },
        });
        expect(res.status).toBe(200);
        answers.push(d);
      }
      expect((await consultant.post(`/api/me/competencies/feedback-rounds/${round.id}/close`)).status).toBe(
        200,
      );
      const report = (
        await consultant.get(`/api/me/competencies/feedback-rounds/${round.id}`)
      ).json<CompetencyFeedbackReport>();
      for (const cut of report.cuts) {
        const members = kept.flatMap((d, i) =>
          cut.relation === null || d.relation === cut.relation ? [offset + i] : [],
        );
        if (cut.status !== 'shown') {
          expect(cut.n).toBeNull();
          continue;
        }
        expect(cut.n).toBe(members.length);
        shown.push(Int32Array.from(members));
        shownCells++;
        for (const c of cut.competencies) {
          const key = c.competencyId === 'presence' ? 'presence' : 'choice';
          const rated = members.filter((m) => answers[m]![key] !== null);
          if (c.status !== 'shown') {
            expect(c.mean).toBeUndefined();
            continue;
          }
          expect(c.n).toBe(rated.length);
          const mean = rated.reduce((s, m) => s + answers[m]![key]!, 0) / rated.length;
          expect(c.mean).toBeCloseTo(mean, 9);
          shown.push(Int32Array.from(rated));
          shownCells++;
        }
      }
    }
    console.log(`feedback attack: ${answers.length} answers, ${shownCells} shown cells`);
    expect(answers.length).toBeGreaterThan(20);
    expect(shownCells).toBeGreaterThan(5);
    expect(findExposedGroup(shown, answers.length, 5)).toBeNull();
  }, 120_000);
});
