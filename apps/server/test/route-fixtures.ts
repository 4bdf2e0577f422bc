import type { Role } from '@essaim/core';
import type { AppInstance } from '../src/http/app-instance.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient, uniqueEmail } from './factories.ts';

/**
 * Organisation A with one object of every kind, and organisation B with its owner. Tests that
 * enumerate the route table fill `:param`s from `idsOfA`; a new route whose param is missing here
 * makes those tests fail until its fixture is added.
 */
export interface TwoTenants {
  a: { client: TestClient; orgId: string; secrets: string[] };
  b: { client: TestClient; orgId: string; userId: string };
  idsOfA: Record<string, string>;
  membersOfA: Record<Role, { client: TestClient; userId: string }>;
}

export async function buildTwoTenants(app: AppInstance): Promise<TwoTenants> {
  const admin = await setupAdmin(app);
  const orgA = await createOrg(admin.client, 'Alpha Confidential Org');
  const membersOfA = {} as TwoTenants['membersOfA'];
  membersOfA.owner = { client: admin.client, userId: admin.userId };
  for (const role of ['facilitator', 'sponsor', 'member', 'observer'] as const) {
    const m = await addMember(app, admin.client, orgA, role, uniqueEmail(`alpha-${role}`));
    membersOfA[role] = { client: m.client, userId: m.userId };
  }
  const inv = await admin.client.post(`/api/orgs/${orgA}/invitations`, {
    email: uniqueEmail('alpha-pending'),
    role: 'member',
  });
  const invitationId = inv.json<{ invitation: { id: string } }>().invitation.id;
  const sessions = await membersOfA.member.client.get('/api/me/sessions');
  const sessionId = sessions.json<{ sessions: { id: string }[] }>().sessions[0]!.id;

  const bOwner = testClient(app);
  const bEmail = uniqueEmail('bravo-owner');
  // B's owner joins through an invitation to a throwaway org, then creates organisation B.
  const throwaway = await createOrg(admin.client, 'Throwaway');
  const bMember = await addMember(app, admin.client, throwaway, 'observer', bEmail);
  bOwner.cookie = bMember.client.cookie;
  await admin.client.del(`/api/orgs/${throwaway}/members/${bMember.userId}`);
  const orgB = await createOrg(bOwner, 'Bravo Org');

  const members = await admin.client.get(`/api/orgs/${orgA}/members`);
  const secrets = [
    'Alpha Confidential Org',
    ...members.json<{ members: { email: string }[] }>().members.map((m) => m.email),
  ];
  return {
    a: { client: admin.client, orgId: orgA, secrets },
    b: { client: bOwner, orgId: orgB, userId: bMember.userId },
    idsOfA: { orgId: orgA, userId: membersOfA.member.userId, invitationId, sessionId },
    membersOfA,
  };
}

/** Fill a route pattern's params; throws for a param this fixture does not know yet. */
export function fillParams(url: string, ids: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const id = ids[name];
    if (!id) {
      throw new Error(`no fixture id for :${name} in ${url}: add one to route-fixtures.ts`);
    }
    return id;
  });
}

/** A valid body for every route that takes one, keyed `METHOD url`. */
export const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/setup': { email: 'x@example.org', password: 'long enough password', displayName: 'X' },
  'POST /api/auth/sign-in': { email: 'x@example.org', password: 'whatever' },
  'POST /api/auth/password-reset': { email: 'x@example.org' },
  'POST /api/auth/password-reset/confirm': { token: 'x'.repeat(43), newPassword: 'long enough password' },
  'PATCH /api/me': { displayName: 'Renamed' },
  'POST /api/me/password': { currentPassword: 'x', newPassword: 'long enough password' },
  'DELETE /api/me': { password: 'x', confirmEmail: 'x@example.org' },
  'POST /api/orgs': { name: 'New org' },
  'PATCH /api/orgs/:orgId': { name: 'Renamed org' },
  'PATCH /api/orgs/:orgId/members/:userId': { role: 'observer' },
  'POST /api/orgs/:orgId/invitations': { email: 'someone@example.org', role: 'member' },
  'POST /api/invitations/:token/accept': {},
};

/** Routes not scoped to an organisation, or reached by a capability token, with the reason. */
export const ISOLATION_EXEMPT: Record<string, string> = {
  'GET /api/invitations/:token': 'capability URL: the token itself grants the preview',
  'POST /api/invitations/:token/accept': 'capability URL: the token itself grants membership',
  'DELETE /api/me/sessions/:sessionId': 'checked below: only the caller’s own sessions can be revoked',
};
