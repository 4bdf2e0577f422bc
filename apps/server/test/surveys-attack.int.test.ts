/**
 * Attack through the HTTP API: generated respondents (nested collectives × two self-declared
 * attributes) answer a campaign via its shared link; random requestable cuts are then asked of
 * the report endpoint, several requests per data set. The attacker is assumed to know everyone's
 * collective and attributes. Everything shown across all requests is pooled and checked with the
 * exact linear-algebra oracle of @essaim/core (findExposedGroup): no group of fewer than 5
 * respondents — single people included — can have its answers derived from any combination of
 * released aggregates. Also: shown n are exact, suppressed cells carry nothing, and the item sums
 * recomputed from released means match the true sums (so the oracle's model is the real release).
 */
import type { Campaign, CampaignReport, RespondSession } from '@essaim/contracts';
import {
  type CutDefinition,
  computeCutMembers,
  cutKey,
  type DisclosureRespondent,
  enumerateRequestableCuts,
} from '@essaim/core/diagnostics';
import { findExposedGroup } from '@essaim/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { sharedLinkLimits } from '../src/http/respond.routes.ts';
import { createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

const ATTRIBUTES = [
  { name: 'site', values: ['x', 'y'] },
  { name: 'role', values: ['m', 'e'] },
];

describe.each(testDialects)('differencing attacks through the API on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let orgId: string;
  let engagementId: string;
  const tree: { id: string; parentId: string | null; key: string }[] = [];

  const limits = { ...sharedLinkLimits };
  beforeAll(async () => {
    handle = await dialect.open();
    // This suite attacks the planner with many answers from one address; the shared link's rate
    // limit has its own test (surveys-padding.int.test.ts).
    Object.assign(sharedLinkLimits, { perAddress: 100_000, perLink: 100_000 });
    app = await buildTestApp(handle);
    Object.assign(sharedLinkLimits, limits);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Attack org');
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Attack', request: 'Try to break it' })
    ).json<{ id: string }>().id;
    const add = async (key: string, parentKey: string | null) => {
      const parentId = parentKey ? tree.find((t) => t.key === parentKey)!.id : null;
      const r = await owner.post(`/api/orgs/${orgId}/collectives`, { name: key, kind: 'team', parentId });
      tree.push({ id: r.json<{ id: string }>().id, parentId, key });
    };
    await add('org', null);
    await add('a', 'org');
    await add('a1', 'a');
    await add('b', 'org');
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('never exposes fewer than 5 respondents, whatever cuts are requested', {
    timeout: 120_000,
  }, async () => {
    const idOf = (key: string) => tree.find((t) => t.key === key)!.id;
    const universe = enumerateRequestableCuts({
      collectives: tree.map((t) => ({ id: t.id, parentId: t.parentId })),
      attributes: ATTRIBUTES,
      maxFilters: 2,
    });
    const draftArb = fc.record({
      collective: fc.constantFrom('org', 'a', 'a1', 'b'),
      site: fc.constantFrom('x', 'y'),
      role: fc.constantFrom('m', 'e'),
      value: fc.integer({ min: 1, max: 5 }),
    });
    let run = 0;
    let shownTotal = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(draftArb, { minLength: 8, maxLength: 24 }),
        fc.array(fc.subarray(universe, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        async (drafts, requests) => {
          run++;
          const created = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/campaigns`, {
            title: `Attack ${run}`,
            instrumentRef: 'essaim-ic-pulse',
            collectiveIds: [idOf('org')],
            hasMemberLinks: false,
            hasSharedLink: true,
            attributes: ATTRIBUTES,
          });
          const launched = await owner.post(
            `/api/orgs/${orgId}/campaigns/${created.json<Campaign>().id}/launch`,
          );
          const campaign = launched.json<{ campaign: Campaign }>().campaign;
          const shared = campaign.sharedLink!.split('/respond/')[1]!;
          const respondents: DisclosureRespondent[] = [];
          const values: number[] = [];
          for (const [i, d] of drafts.entries()) {
            const client = testClient(app);
            const start = await client.post(`/api/respond/${shared}/start`, {
              collectiveId: idOf(d.collective),
              attributes: { site: d.site, role: d.role },
              language: 'fr',
            });
            const { token, resumeKey } = start.json<{ token: string; resumeKey: string }>();
            const key = { 'x-resume-key': resumeKey };
            const session = (await client.get(`/api/respond/${token}`, key)).json<RespondSession>();
            const answers: Record<string, number> = {};
            for (const item of session.instrument.items) {
              if (item.scale !== 'openText') {
                answers[item.id] = d.value;
              }
            }
            const submit = await client.post(
              `/api/respond/${token}/submit`,
              { answers, language: 'fr' },
              key,
            );
            expect(submit.status).toBe(200);
            respondents.push({
              id: String(i),
              collectiveIds: [idOf(d.collective)],
              attributes: { site: d.site, role: d.role },
            });
            values.push(d.value);
          }
          await owner.post(`/api/orgs/${orgId}/campaigns/${campaign.id}/close`);
          // Pool every shown cell over several requests.
          const shown = new Map<string, CutDefinition>();
          for (const request of requests) {
            for (const cut of request) {
              const filter = Object.entries(cut.filters ?? {})
                .map(([k, v]) => `${k}=${v}`)
                .join(';');
              const query = new URLSearchParams({
                ...(cut.collectiveId ? { collectiveId: cut.collectiveId } : {}),
                ...(filter ? { filter } : {}),
              });
              const r = await owner.get(`/api/orgs/${orgId}/campaigns/${campaign.id}/report?${query}`);
              expect(r.status).toBe(200);
              for (const c of r.json<CampaignReport>().cuts) {
                const members = computeCutMembers(
                  respondents,
                  [
                    c.collectiveId
                      ? { collectiveId: c.collectiveId, filters: c.filters }
                      : { filters: c.filters },
                  ],
                  tree.map((t) => ({ id: t.id, parentId: t.parentId })),
                )[0]!;
                if (c.status === 'shown') {
                  expect(c.n).toBe(members.length);
                  // The released mean times n is the true sum: the oracle models the real release.
                  const item = c.items[0]!;
                  const trueSum = Array.from(members).reduce((s, m) => s + values[m]!, 0);
                  expect(Math.abs((item.rawMean ?? 0) * item.n - trueSum)).toBeLessThan(1e-6);
                  shown.set(
                    c.key,
                    c.collectiveId
                      ? { collectiveId: c.collectiveId, filters: c.filters }
                      : { filters: c.filters },
                  );
                } else {
                  expect(c.n).toBeNull();
                  expect(c.constructs).toEqual([]);
                  expect(c.items).toEqual([]);
                  expect(c.interpretation).toBeNull();
                }
              }
            }
          }
          const shownCuts = [...shown.values()];
          shownTotal += shownCuts.length;
          const members = computeCutMembers(
            respondents,
            shownCuts,
            tree.map((t) => ({ id: t.id, parentId: t.parentId })),
          );
          expect(findExposedGroup(members, respondents.length, 5)).toBeNull();
          // No two shown cuts differ by 1 to 4 people.
          for (let i = 0; i < members.length; i++) {
            for (let j = i + 1; j < members.length; j++) {
              const a = new Set(members[i]);
              const b = new Set(members[j]);
              const diff = [...a].filter((x) => !b.has(x)).length + [...b].filter((x) => !a.has(x)).length;
              expect(diff === 0 || diff >= 5, `${cutKey(shownCuts[i]!)} vs ${cutKey(shownCuts[j]!)}`).toBe(
                true,
              );
            }
          }
        },
      ),
      { numRuns: 15, seed: 20261127 },
    );
    console.log(`API attack: ${run} data sets, ${shownTotal} shown cells checked by the exact oracle`);
    expect(shownTotal).toBeGreaterThan(0);
  });
});
