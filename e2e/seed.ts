import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import type { TestClient, TestResponse } from '../apps/server/test/factories.ts';
import { fixture as charters } from '../apps/server/test/fixtures/charters.fixture.ts';
import { fixture as competencies } from '../apps/server/test/fixtures/competencies.fixture.ts';
import { fixture as conversations } from '../apps/server/test/fixtures/conversations.fixture.ts';
import { fixture as decisions } from '../apps/server/test/fixtures/decisions.fixture.ts';
import type { FeatureFixture } from '../apps/server/test/fixtures/feature-fixture.ts';
import { fixture as methods } from '../apps/server/test/fixtures/methods.fixture.ts';
import { fixture as networks } from '../apps/server/test/fixtures/networks.fixture.ts';
import { fixture as plans } from '../apps/server/test/fixtures/plans.fixture.ts';
import { fixture as pollination } from '../apps/server/test/fixtures/pollination.fixture.ts';
import { fixture as sso } from '../apps/server/test/fixtures/sso.fixture.ts';
import { fixture as surveys } from '../apps/server/test/fixtures/surveys.fixture.ts';
import { fixture as workshops } from '../apps/server/test/fixtures/workshops.fixture.ts';

/**
 * The server test fixtures (one object of every kind, apps/server/test/fixtures) run through a
 * browser context's own request API, so the browser shares the session. A new feature fixture added
 * there can be added to FIXTURES below; its ids then fill the `:params` of e2e/routes.ts.
 */
const FIXTURES: FeatureFixture[] = [
  surveys,
  networks,
  conversations,
  decisions,
  methods,
  competencies,
  workshops,
  sso,
  charters,
  plans,
  pollination,
];

export const SEED_PASSWORD = 'a long enough password';

/** A TestClient (the fixtures' client) over a Playwright context: same cookies as its pages. */
export function contextClient(context: BrowserContext, baseUrl: string): TestClient {
  const request = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> => {
    const r = await context.request.fetch(`${baseUrl}${url}`, {
      method,
      headers: { origin: baseUrl, ...headers },
      ...(payload === undefined ? {} : { data: payload as Record<string, unknown> }),
    });
    const text = await r.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: r.status(), body, json: <T>() => body as T, headers: r.headers() };
  };
  return {
    request,
    get: (url: string, headers?: Record<string, string>) => request('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) =>
      request('POST', url, body ?? {}, headers),
    patch: (url: string, body?: unknown) => request('PATCH', url, body ?? {}),
    del: (url: string, body?: unknown) => request('DELETE', url, body),
    cookie: null,
  } as TestClient;
}

export type Seed = Record<string, string>;

async function ok<T>(r: Promise<TestResponse>, what: string): Promise<T> {
  const response = await r;
  expect(response.status, `${what}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(200);
  return response.json<T>();
}

const tokenAfter = (link: string, marker: string) => {
  const token = link.split(marker)[1];
  expect(token, `token in ${link}`).toBeTruthy();
  return token as string;
};

/**
 * A first account (administrator, owner of one organisation) signed in in `owner`, and one object of
 * every kind through the fixtures, plus the capability tokens public pages need: a personal survey
 * link, a network survey link, a proposal ballot, feedback and supervision links, an invitation.
 */
export async function seedEverything(owner: BrowserContext, baseUrl: string): Promise<Seed> {
  const client = contextClient(owner, baseUrl);
  await ok(
    client.post('/api/setup', {
      email: 'claire@example.org',
      password: SEED_PASSWORD,
      displayName: 'Claire Animatrice',
    }),
    'setup',
  );
  const { id: orgId } = await ok<{ id: string }>(
    client.post('/api/orgs', { name: 'Coopérative Ruche' }),
    'org',
  );
  const org = `/api/orgs/${orgId}`;
  const { id: engagementId } = await ok<{ id: string }>(
    client.post(`${org}/engagements`, {
      title: 'Coopérer entre services',
      request: 'Les services ne se parlent plus depuis la fusion.',
    }),
    'engagement',
  );
  const withQ = await ok<{ questions: { id: string }[] }>(
    client.post(`${org}/engagements/${engagementId}/questions`, { text: 'Comment mieux coopérer ?' }),
    'question',
  );
  const { id: collectiveId } = await ok<{ id: string }>(
    client.post(`${org}/collectives`, { name: 'Équipe accueil', kind: 'team' }),
    'collective',
  );
  let personId = '';
  for (const name of ['Alice Bernard', 'Bruno Lefèvre', 'Chloé Garnier']) {
    personId = (
      await ok<{ id: string }>(
        client.post(`${org}/people`, { displayName: name, collectiveIds: [collectiveId] }),
        'person',
      )
    ).id;
  }
  const base: Seed = {
    orgId,
    engagementId,
    questionId: withQ.questions[0]!.id,
    collectiveId,
    personId,
  };
  const seed: Seed = { ...base };
  const secrets: string[][] = [];
  for (const f of FIXTURES) {
    const built = await f.build({ app: undefined as never, owner: client, orgId, ids: base });
    Object.assign(seed, built.ids);
    secrets.push(built.secrets);
  }
  // Capability links the public pages open (the fixtures create them; these calls hand them out).
  const reissued = await ok<{ link: string }>(
    client.post(`${org}/campaigns/${seed.campaignId}/invitations/${seed.invitationId}/reissue`),
    'personal survey link',
  );
  seed.respondToken = tokenAfter(reissued.link, '/respond/');
  const survey = await ok<{ id: string }>(
    client.post(`${org}/engagements/${engagementId}/networks/survey`, {
      title: 'Qui conseille qui',
      collectiveId,
      relations: ['advice', 'trust'],
    }),
    'network survey',
  );
  seed.surveyNetworkId = survey.id;
  const links = await ok<{ links: { token: string }[] }>(
    client.post(`${org}/engagements/${engagementId}/networks/${survey.id}/invitations`),
    'network invitations',
  );
  seed.networkToken = links.links[0]!.token;
  const created = await ok<{ proposal: { id: string }; invites: { token: string }[] }>(
    client.post(`${org}/engagements/${engagementId}/proposals`, {
      title: 'Réunion commune le lundi',
      text: 'Les deux services se retrouvent chaque lundi à 9 h.',
      rule: 'consent',
      deadline: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString(),
      invitees: ['Dominique'],
    }),
    'proposal with an invitee',
  );
  seed.ballotProposalId = created.proposal.id;
  seed.ballotToken = created.invites[0]!.token;
  const round = await ok<{ links: { link: string }[] }>(
    client.post('/api/me/competencies/feedback-rounds', {
      title: 'Retours sur mon animation',
      competencyIds: ['presence'],
      invitees: [{ label: 'Une cliente', relation: 'client' }],
    }),
    'feedback round',
  );
  seed.feedbackToken = tokenAfter(round.links[0]!.link, '/feedback/');
  const supervision = await ok<{ link: string }>(
    client.post(`/api/me/competencies/assessments/${seed.assessmentId}/supervisions`, {
      peerName: 'Un pair',
      message: 'Peux-tu relire mon auto-évaluation ?',
    }),
    'supervision',
  );
  seed.supervisionToken = tokenAfter(supervision.link, '/supervision/');
  const invitation = await ok<{ link: string }>(
    client.post(`${org}/invitations`, { email: 'nouvelle@example.org', role: 'member' }),
    'invitation',
  );
  seed.invitationToken = tokenAfter(invitation.link, '/invite/');
  // An experience shared in the organisation's library (no named contact, so no consent to wait for).
  const shared = await ok<{ id: string }>(
    client.post(`${org}/pollination/experiences`, {
      title: 'Binômes inter-services',
      context: 'Deux services apprennent l’un de l’autre.',
      engagementId,
      collectiveId,
    }),
    'experience to share',
  );
  await ok(client.post(`${org}/pollination/experiences/${shared.id}/anonymise`, {}), 'anonymise');
  await ok(
    client.post(`${org}/pollination/experiences/${shared.id}/share`, { visibility: 'organisation' }),
    'share',
  );
  seed.sharedExperienceId = shared.id;
  // A webhook endpoint (subscribed to an event the seed never emits, so nothing is sent) for the
  // webhooks page, and a report of the engagement for its reports page.
  const answered = async (r: Promise<TestResponse>, status: number, what: string) => {
    const response = await r;
    expect(response.status, `${what}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(status);
  };
  await answered(
    client.post(`${org}/webhooks`, {
      url: 'https://hooks.example.org/essaim',
      description: 'Entrepôt de données',
      eventTypes: ['engagement.stopped'],
    }),
    201,
    'webhook endpoint',
  );
  await answered(
    client.post(`${org}/engagements/${engagementId}/reports`, { kind: 'decisions', lang: 'fr' }),
    202,
    'decision register report',
  );
  return seed;
}
