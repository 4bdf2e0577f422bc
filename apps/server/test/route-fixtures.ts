import type { Role } from '@essaim/core';
import type { AppInstance } from '../src/app-instance.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient, uniqueEmail } from './factories.ts';
import type { FeatureFixture } from './fixtures/feature-fixture.ts';

/** Every feature's fixture in ./fixtures (Vite's import.meta.glob, resolved when the tests load). */
function featureFixtures(): FeatureFixture[] {
  const modules = import.meta.glob<{ fixture: FeatureFixture }>('./fixtures/*.fixture.ts', { eager: true });
  return Object.keys(modules)
    .sort()
    .map((k) => modules[k]!.fixture);
}

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

  // One object of every engagement-related kind in A.
  const eng = await admin.client.post(`/api/orgs/${orgA}/engagements`, {
    title: 'Alpha Secret Engagement',
    request: 'Alpha secret request text',
  });
  const engagementId = eng.json<{ id: string }>().id;
  const withQ = await admin.client.post(`/api/orgs/${orgA}/engagements/${engagementId}/questions`, {
    text: 'Alpha secret question?',
  });
  const questionId = withQ.json<{ questions: { id: string }[] }>().questions[0]!.id;
  const withS = await admin.client.post(`/api/orgs/${orgA}/engagements/${engagementId}/stakeholders`, {
    kind: 'sponsor',
    name: 'Alpha Sponsor Name',
  });
  const stakeholderId = withS.json<{ stakeholders: { id: string }[] }>().stakeholders[0]!.id;
  const board = await admin.client.post(`/api/orgs/${orgA}/engagements/${engagementId}/options-boards`, {
    title: 'Alpha secret board',
  });
  const boardId = board.json<{ id: string }>().id;
  const withO = await admin.client.post(
    `/api/orgs/${orgA}/engagements/${engagementId}/options-boards/${boardId}/options`,
    { title: 'Alpha secret option' },
  );
  const optionId = withO.json<{ options: { id: string }[] }>().options[0]!.id;
  const links = await admin.client.post(`/api/orgs/${orgA}/engagements/${engagementId}/links`, {
    from: { kind: 'question', id: questionId },
    to: { kind: 'options_board', id: boardId },
    relation: 'informs',
  });
  const linkId = links.json<{ links: { id: string }[] }>().links[0]!.id;
  const collective = await admin.client.post(`/api/orgs/${orgA}/collectives`, {
    name: 'Alpha Secret Team',
    kind: 'team',
  });
  const collectiveId = collective.json<{ id: string }>().id;
  const person = await admin.client.post(`/api/orgs/${orgA}/people`, {
    displayName: 'Alpha Roster Person',
    email: 'alpha.roster@example.org',
    collectiveIds: [collectiveId],
  });
  const personId = person.json<{ id: string }>().id;
  const consent = await admin.client.post(`/api/orgs/${orgA}/consents`, {
    personId,
    engagementId,
    purpose: 'diagnostic_survey',
    textVersion: 'v1',
  });
  const consentId = consent.json<{ id: string }>().id;
  for (const [what, r] of Object.entries({
    eng,
    withQ,
    withS,
    board,
    withO,
    links,
    collective,
    person,
    consent,
  })) {
    if (r.status !== 200) {
      throw new Error(`fixture ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }

  const baseIds: Record<string, string> = {
    engagementId,
    questionId,
    boardId,
    optionId,
    collectiveId,
    personId,
  };
  const featureIds: Record<string, string> = {};
  const featureSecrets: string[] = [];
  for (const f of featureFixtures()) {
    const built = await f.build({ app, owner: admin.client, orgId: orgA, ids: baseIds });
    Object.assign(featureIds, built.ids);
    featureSecrets.push(...built.secrets);
  }

  const members = await admin.client.get(`/api/orgs/${orgA}/members`);
  const secrets = [
    'Alpha Confidential Org',
    'Alpha Secret Engagement',
    'Alpha secret request text',
    'Alpha secret question?',
    'Alpha Sponsor Name',
    'Alpha secret board',
    'Alpha secret option',
    'Alpha Secret Team',
    'Alpha Roster Person',
    'alpha.roster@example.org',
    ...featureSecrets,
    ...members.json<{ members: { email: string }[] }>().members.map((m) => m.email),
  ];
  return {
    a: { client: admin.client, orgId: orgA, secrets },
    b: { client: bOwner, orgId: orgB, userId: bMember.userId },
    idsOfA: {
      orgId: orgA,
      userId: membersOfA.member.userId,
      invitationId,
      sessionId,
      engagementId,
      questionId,
      stakeholderId,
      boardId,
      optionId,
      linkId,
      collectiveId,
      personId,
      consentId,
      phase: 'diagnose',
      ...featureIds,
    },
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
  ...Object.assign({}, ...featureFixtures().map((f) => f.sampleBodies)),
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
  'POST /api/orgs/:orgId/engagements': { title: 'New', request: 'A request' },
  'PATCH /api/orgs/:orgId/engagements/:engagementId': { title: 'Renamed' },
  'PUT /api/orgs/:orgId/engagements/:engagementId/phases/:phase': { status: 'active' },
  'POST /api/orgs/:orgId/engagements/:engagementId/status': { status: 'paused', reason: 'A reason' },
  'POST /api/orgs/:orgId/engagements/:engagementId/questions': { text: 'A question?' },
  'POST /api/orgs/:orgId/engagements/:engagementId/questions/reorder': { ids: ['a'] },
  'PATCH /api/orgs/:orgId/engagements/:engagementId/questions/:questionId': { status: 'explored' },
  'PUT /api/orgs/:orgId/engagements/:engagementId/questions/:questionId/complexity': {
    answers: { causeEffect: 'expert', agreement: 'high', precedent: 'often', urgency: 'normal' },
  },
  'POST /api/orgs/:orgId/engagements/:engagementId/stakeholders': { kind: 'other', name: 'Someone' },
  'POST /api/orgs/:orgId/engagements/:engagementId/links': {
    from: { kind: 'question', id: 'x' },
    to: { kind: 'option', id: 'y' },
    relation: 'informs',
  },
  'POST /api/orgs/:orgId/engagements/:engagementId/options-boards': { title: 'Board' },
  'PATCH /api/orgs/:orgId/engagements/:engagementId/options-boards/:boardId': { title: 'Board 2' },
  'POST /api/orgs/:orgId/engagements/:engagementId/options-boards/:boardId/options': { title: 'Option' },
  'PATCH /api/orgs/:orgId/engagements/:engagementId/options-boards/:boardId/options/:optionId': {
    title: 'Option 2',
  },
  'POST /api/orgs/:orgId/engagements/:engagementId/options-boards/:boardId/choice': {
    optionId: 'x',
    reason: 'Because',
    decidedBy: 'sponsor',
  },
  'POST /api/orgs/:orgId/collectives': { name: 'Team', kind: 'team' },
  'PATCH /api/orgs/:orgId/collectives/:collectiveId': { name: 'Team 2' },
  'POST /api/orgs/:orgId/people': { displayName: 'Someone' },
  'PATCH /api/orgs/:orgId/people/:personId': { displayName: 'Someone else' },
  'POST /api/orgs/:orgId/people/import/preview': {
    filename: 'x.csv',
    contentBase64: Buffer.from('name\nA\n').toString('base64'),
  },
  'POST /api/orgs/:orgId/people/import': {
    filename: 'x.csv',
    contentBase64: Buffer.from('name\nA\n').toString('base64'),
  },
  'POST /api/orgs/:orgId/consents': { personId: 'x', purpose: 'network_survey', textVersion: 'v1' },
};

/** Routes not scoped to an organisation, or reached by a capability token, with the reason. */
export const ISOLATION_EXEMPT: Record<string, string> = {
  ...Object.assign({}, ...featureFixtures().map((f) => f.exempt ?? {})),
  'GET /api/invitations/:token': 'capability URL: the token itself grants the preview',
  'POST /api/invitations/:token/accept': 'capability URL: the token itself grants membership',
  'DELETE /api/me/sessions/:sessionId': 'checked below: only the caller’s own sessions can be revoked',
};
