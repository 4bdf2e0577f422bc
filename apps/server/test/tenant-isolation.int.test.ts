import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import {
  buildTwoTenants,
  fillParams,
  ISOLATION_EXEMPT,
  SAMPLE_BODIES,
  type TwoTenants,
} from './route-fixtures.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/**
 * Every route that takes an id is called by the owner of organisation B with organisation A's ids:
 * the answer is always 403 or 404 and carries nothing of A's data. The routes come from the server's
 * own route table, so a new route is covered the day it is added.
 */
describe.each(testDialects)('tenant isolation on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let t: TwoTenants;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    t = await buildTwoTenants(app);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it.each([
    ["with A's organisation id", false],
    ["with B's own organisation id and A's object ids", true],
  ])('refuses organisation B every id of organisation A (%s)', async (_label, ownOrg) => {
    const routes = app.routeTable.filter((r) => r.url.includes(':') && r.method !== 'HEAD');
    let covered = 0;
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const objectParams = (route.url.match(/:[A-Za-z]+/g) ?? []).filter((p) => p !== ':orgId');
      if (ISOLATION_EXEMPT[key] || (ownOrg && (!route.url.includes(':orgId') || objectParams.length === 0))) {
        continue;
      }
      const url = fillParams(route.url, ownOrg ? { ...t.idsOfA, orgId: t.b.orgId } : t.idsOfA);
      const body = route.schema?.body ? SAMPLE_BODIES[key] : undefined;
      if (route.schema?.body && body === undefined) {
        failures.push(`${key}: add a valid sample body to SAMPLE_BODIES`);
        continue;
      }
      const r = await t.b.client.request(route.method as 'GET', url, body);
      covered++;
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      if (r.status !== 403 && r.status !== 404) {
        failures.push(`${key} → ${r.status} ${text.slice(0, 200)}`);
      }
      for (const secret of t.a.secrets) {
        if (text.includes(secret)) {
          failures.push(`${key} leaked "${secret}"`);
        }
      }
    }
    console.log(
      `tenant isolation (${_label}): ${covered} routes with ids covered, ${Object.keys(ISOLATION_EXEMPT).length} exempt`,
    );
    expect(failures).toEqual([]);
    expect(covered).toBeGreaterThan(ownOrg ? 20 : 40);
  });

  it('does not let anyone revoke another person’s session', async () => {
    const r = await t.b.client.del(`/api/me/sessions/${t.idsOfA.sessionId}`);
    expect(r.status).toBe(404);
    expect((await t.membersOfA.member.client.get('/api/me')).status).toBe(200);
  });

  it('lists only the caller’s organisations', async () => {
    const r = await t.b.client.get('/api/orgs');
    expect(JSON.stringify(r.body)).not.toContain('Alpha Confidential Org');
  });
});
