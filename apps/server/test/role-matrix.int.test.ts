import { ACTIONS, type Action, can, ROLES } from '@essaim/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { requireScope } from '../src/services/access.service.ts';
import { buildTwoTenants, type TwoTenants } from './route-fixtures.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/** Routes and the action each one checks; the HTTP answer must follow the permission map. */
const ROUTE_ACTIONS: { method: 'GET' | 'PATCH' | 'POST'; url: string; action: Action; body?: unknown }[] = [
  { method: 'GET', url: '/api/orgs/:orgId', action: 'org.read' },
  {
    method: 'PATCH',
    url: '/api/orgs/:orgId',
    action: 'org.update',
    body: { name: 'Alpha Confidential Org' },
  },
  { method: 'GET', url: '/api/orgs/:orgId/members', action: 'members.read' },
  { method: 'GET', url: '/api/orgs/:orgId/invitations', action: 'members.invite' },
  {
    method: 'POST',
    url: '/api/orgs/:orgId/invitations',
    action: 'members.invite',
    body: { email: 'new@example.org', role: 'member' },
  },
  { method: 'GET', url: '/api/orgs/:orgId/audit', action: 'audit.read' },
  { method: 'GET', url: '/api/orgs/:orgId/audit.csv', action: 'audit.read' },
];

describe.each(testDialects)('role matrix on $name', (dialect) => {
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

  it('checks every role × every action in the service layer', async () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        const attempt = requireScope(handle.db, t.membersOfA[role].userId, t.a.orgId, action);
        if (can(role, action)) {
          await expect(attempt).resolves.toMatchObject({ orgId: t.a.orgId, role });
        } else {
          await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
        }
      }
    }
  });

  it.each(ROLES)('answers HTTP routes as the map says for %s', async (role) => {
    for (const r of ROUTE_ACTIONS) {
      const res = await t.membersOfA[role].client.request(
        r.method,
        r.url.replace(':orgId', t.a.orgId),
        r.body,
      );
      if (can(role, r.action)) {
        expect(res.status, `${role} ${r.method} ${r.url}`).toBe(200);
      } else {
        expect(res.status, `${role} ${r.method} ${r.url}`).toBe(403);
      }
    }
  });

  it('lets only owners change roles and remove people, and everyone leave', async () => {
    for (const role of ['facilitator', 'sponsor', 'member', 'observer'] as const) {
      const res = await t.membersOfA[role].client.patch(
        `/api/orgs/${t.a.orgId}/members/${t.membersOfA.observer.userId}`,
        { role: 'member' },
      );
      expect(res.status).toBe(403);
    }
    const leave = await t.membersOfA.observer.client.del(
      `/api/orgs/${t.a.orgId}/members/${t.membersOfA.observer.userId}`,
    );
    expect(leave.status).toBe(200);
  });

  it('refuses an outsider with NOT_FOUND rather than FORBIDDEN', async () => {
    await expect(requireScope(handle.db, t.b.userId, t.a.orgId, 'org.read')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
