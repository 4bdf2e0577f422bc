import type {
  NetworkAnalysis,
  NetworkImportPreview,
  NetworkRespondentView,
  NetworkSummary,
} from '@essaim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/** Krackhardt's kite plus a second triangle, with a trust relation and consents on two people. */
const EDGES = [
  'source,target,relation',
  'andre,beverly,advice',
  'andre,carol,advice',
  'andre,diane,advice',
  'andre,fernando,advice',
  'beverly,diane,advice',
  'beverly,ed,advice',
  'beverly,garth,advice',
  'carol,diane,advice',
  'carol,fernando,advice',
  'diane,ed,advice',
  'diane,fernando,advice',
  'diane,garth,advice',
  'ed,garth,advice',
  'fernando,garth,advice',
  'fernando,heather,advice',
  'garth,heather,advice',
  'heather,ike,advice',
  'ike,jane,advice',
  'andre,beverly,trust',
  'beverly,carol,trust',
  'heather,ike,trust',
  'ike,jane,trust',
  'diane,heather,trust',
].join('\n');
const NODES = [
  'id,label,department,consent',
  'andre,André,ops,no',
  'beverly,Beverly,ops,no',
  'carol,Carol,ops,no',
  'diane,Diane,ops,yes',
  'ed,Ed,ops,no',
  'fernando,Fernando,ops,no',
  'garth,Garth,ops,no',
  'heather,Heather,sales,yes',
  'ike,Ike,sales,no',
  'jane,Jane,sales,no',
].join('\n');

describe.each(testDialects)('networks on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let sponsor: TestClient;
  let member: TestClient;
  let memberUserId: string;
  let orgId: string;
  let engagementId: string;
  let base: string;

  const waitForAnalysis = async (networkId: string, analysisId: string): Promise<NetworkAnalysis> => {
    await app.deps.networkJobs.idle();
    const r = await owner.get(`${base}/${networkId}/analyses/${analysisId}`);
    expect(r.status).toBe(200);
    return r.json<NetworkAnalysis>();
  };

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Réseau org');
    sponsor = (await addMember(app, owner, orgId, 'sponsor')).client;
    const m = await addMember(app, owner, orgId, 'member');
    member = m.client;
    memberUserId = m.userId;
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Coopérer', request: 'Mieux coopérer' })
    ).json<{ id: string }>().id;
    base = `/api/orgs/${orgId}/engagements/${engagementId}/networks`;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('previews an import with every line-numbered error and refuses it all-or-nothing', async () => {
    const edgesCsv =
      'source,target,relation\nandre,beverly,advice\nandre,andre,advice\nbeverly,andre,advice\nandre,zed,advice\n';
    const nodesCsv = 'id,label\nandre,André\nbeverly,Beverly\n';
    const preview = await owner.post(`${base}/import/preview`, { edgesCsv, nodesCsv, isDirected: false });
    expect(preview.status).toBe(200);
    const p = preview.json<NetworkImportPreview>();
    expect(p.isOk).toBe(false);
    expect(p.errors).toEqual([
      { file: 'edges', line: 3, message: 'self-loop on "andre"' },
      { file: 'edges', line: 4, message: 'duplicate edge beverly - andre (first at line 2)' },
      { file: 'edges', line: 5, message: 'unknown node id "zed"' },
    ]);
    const refused = await owner.post(`${base}/import`, { title: 'Broken', edgesCsv, nodesCsv });
    expect(refused.status).toBe(400);
    expect(refused.json<{ error: { details: { errors: unknown[] } } }>().error.details.errors).toHaveLength(
      3,
    );
    expect((await owner.get(base)).json<{ networks: unknown[] }>().networks).toHaveLength(0);
    const nodeErrors = await owner.post(`${base}/import/preview`, {
      edgesCsv: 'source,target\na,b\n',
      nodesCsv: 'id,x\na,1\na,2\n',
    });
    expect(nodeErrors.json<NetworkImportPreview>().errors[0]).toMatchObject({ file: 'nodes', line: 3 });
  });

  it('imports, analyses in a worker and proposes only consenting change agents', async () => {
    const preview = (
      await owner.post(`${base}/import/preview`, { edgesCsv: EDGES, nodesCsv: NODES })
    ).json<NetworkImportPreview>();
    expect(preview).toMatchObject({ isOk: true, nodeCount: 10, edgeCount: 23, consentingCount: 2 });
    const r = await owner.post(`${base}/import`, { title: 'Kite', edgesCsv: EDGES, nodesCsv: NODES });
    expect(r.status).toBe(200);
    const net = r.json<NetworkSummary>();
    expect(net).toMatchObject({
      source: 'import',
      nodeCount: 10,
      edgeCount: 23,
      relations: ['advice', 'trust'],
    });

    const run = await owner.post(`${base}/${net.id}/analyses`, { relation: 'advice', changeAgents: 2 });
    expect(run.status).toBe(200);
    expect(['queued', 'running']).toContain(run.json<NetworkAnalysis>().status);
    const again = await owner.post(`${base}/${net.id}/analyses`, { relation: 'advice' });
    expect([200, 409]).toContain(again.status);
    const a = await waitForAnalysis(net.id, run.json<NetworkAnalysis>().id);
    expect(a.status).toBe('done');
    expect(a.progress).toBe(1);
    const result = a.result!;
    const heather = result.nodes.find((n) => n.id === 'heather')!;
    // Krackhardt kite: Heather has the highest normalised betweenness, 14/36 = 0.3889.
    expect(heather.betweenness).toBeCloseTo(0.3888889, 6);
    expect(heather.label).toBe('Heather');
    expect(result.betweennessMethod).toBe('exact');
    expect(result.trustZones?.zones.length).toBeGreaterThan(1);
    expect(a.proposals.length).toBeGreaterThan(0);
    for (const p of a.proposals) {
      expect(['diane', 'heather']).toContain(p.nodeId);
      expect(p.reason).toMatch(/expected reach/);
      expect(p.monteCarloSpread).toBeGreaterThan(0);
    }
    const resp = await owner.post(`${base}/${net.id}/proposals/${a.proposals[0]!.id}/response`, {
      decision: 'declined',
      note: 'pas le moment',
    });
    expect(resp.status).toBe(200);
    const after = await waitForAnalysis(net.id, a.id);
    expect(after.proposals[0]).toMatchObject({ status: 'declined', note: 'pas le moment' });
    const timeline = await owner.get(`/api/orgs/${orgId}/engagements/${engagementId}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('network.proposalDeclined');
  });

  it('marks analyses left running by a previous process as interrupted, and runs them again', async () => {
    const net = (
      await owner.post(`${base}/import`, { title: 'Restart', edgesCsv: EDGES, nodesCsv: NODES })
    ).json<NetworkSummary>();
    const run = (
      await owner.post(`${base}/${net.id}/analyses`, { relation: 'trust' })
    ).json<NetworkAnalysis>();
    await app.deps.networkJobs.idle();
    // As if the process had died mid-run: the row still says running, and no job exists any more.
    await handle.db
      .updateTable('network_analyses')
      .set({ status: 'running', stage: 'betweenness', progress: 0.4, finished_at: null })
      .where('id', '=', run.id)
      .execute();
    const restarted = await buildTestApp(handle);
    await restarted.close();
    const after = (await owner.get(`${base}/${net.id}`)).json<NetworkSummary>();
    expect(after.latestAnalysis).toMatchObject({
      id: run.id,
      status: 'failed',
      stage: 'interrupted',
      error: 'interrupted by a restart',
    });
    expect(after.latestAnalysis?.finishedAt).not.toBeNull();
    const rerun = await owner.post(`${base}/${net.id}/analyses`, { relation: 'trust' });
    expect(rerun.status).toBe(200);
    expect((await waitForAnalysis(net.id, rerun.json<NetworkAnalysis>().id)).status).toBe('done');
  });

  it('keeps network results from sponsors and members, in the server', async () => {
    const [net] = (await owner.get(base)).json<{ networks: NetworkSummary[] }>().networks;
    const analysisId = net!.latestAnalysis!.id;
    for (const client of [sponsor, member]) {
      expect((await client.get(base)).status).toBe(403);
      expect((await client.get(`${base}/${net!.id}`)).status).toBe(403);
      expect((await client.get(`${base}/${net!.id}/analyses/${analysisId}`)).status).toBe(403);
      expect((await client.post(`${base}/${net!.id}/analyses`, {})).status).toBe(403);
      expect(
        (await client.post(`${base}/import`, { title: 'x', edgesCsv: 'source,target\na,b\n' })).status,
      ).toBe(403);
    }
    // A member not in any network gets an empty ego list, not someone else's.
    expect((await member.get(`${base}/mine`)).json()).toEqual({ egos: [] });
  });

  it('runs a network survey by respondent link with consent, ego-only views and stop guard', async () => {
    const collectiveId = (
      await owner.post(`/api/orgs/${orgId}/collectives`, { name: 'Atelier', kind: 'team' })
    ).json<{
      id: string;
    }>().id;
    const people: Record<string, string> = {};
    for (const name of ['Alice', 'Bruno', 'Chloé']) {
      people[name] = (
        await owner.post(`/api/orgs/${orgId}/people`, { displayName: name, collectiveIds: [collectiveId] })
      ).json<{ id: string }>().id;
    }
    await handle.db
      .updateTable('people')
      .set({ user_id: memberUserId })
      .where('id', '=', people.Alice!)
      .execute();
    const created = await owner.post(`${base}/survey`, {
      title: 'Qui conseille qui',
      collectiveId,
      relations: ['advice', 'trust', 'energy'],
    });
    expect(created.status).toBe(200);
    const survey = created.json<NetworkSummary>();
    expect(survey.survey).toMatchObject({ rosterSize: 3, invited: 0 });
    expect((await sponsor.post(`${base}/${survey.id}/invitations`)).status).toBe(403);
    const inv = await owner.post(`${base}/${survey.id}/invitations`);
    expect(inv.status).toBe(200);
    const links = inv.json<{ links: { personId: string; token: string }[] }>().links;
    expect(links).toHaveLength(3);
    expect((await owner.post(`${base}/${survey.id}/invitations`)).json()).toMatchObject({
      links: [],
      alreadyInvited: 3,
    });
    const tokenOf = (name: string) => links.find((l) => l.personId === people[name])!.token;
    const anon = testClient(app);
    const alice = `/api/network-survey/${tokenOf('Alice')}`;

    const view = (await anon.get(alice)).json<NetworkRespondentView>();
    expect(view).toMatchObject({
      hasConsented: false,
      me: { label: 'Alice' },
      relations: ['advice', 'trust', 'energy'],
    });
    expect(view.roster.map((r) => r.label).sort()).toEqual(['Bruno', 'Chloé']);
    const answers = {
      answers: [
        { relation: 'advice', targetId: people.Bruno, value: 4 },
        { relation: 'energy', targetId: people.Chloé, value: 2 },
      ],
    };
    expect((await anon.request('PUT', `${alice}/answers`, answers)).status).toBe(403);
    expect((await anon.post(`${alice}/consent`, { answer: true, changeAgent: true })).status).toBe(200);
    expect((await anon.request('PUT', `${alice}/answers`, answers)).status).toBe(200);
    const badTarget = { answers: [{ relation: 'advice', targetId: people.Alice, value: 3 }] };
    expect((await anon.request('PUT', `${alice}/answers`, badTarget)).status).toBe(400);
    const bruno = `/api/network-survey/${tokenOf('Bruno')}`;
    await anon.post(`${bruno}/consent`, { answer: true, changeAgent: false });
    await anon.request('PUT', `${bruno}/answers`, {
      answers: [{ relation: 'trust', targetId: people.Alice, value: 5 }],
    });
    const consents = await handle.db
      .selectFrom('consents')
      .select(['person_id', 'purpose'])
      .where('engagement_id', '=', engagementId)
      .execute();
    expect(
      consents
        .filter((c) => c.person_id === people.Alice)
        .map((c) => c.purpose)
        .sort(),
    ).toEqual(['change_agent_proposal', 'network_survey']);

    // The member linked to Alice sees her own ties and only a count of who named her.
    const egos = (await member.get(`${base}/mine`)).json<{
      egos: { outgoing: unknown[]; incomingCounts: unknown[] }[];
    }>().egos;
    expect(egos).toHaveLength(1);
    expect(egos[0]!.outgoing).toHaveLength(2);
    expect(egos[0]!.incomingCounts).toEqual([{ relation: 'trust', count: 1 }]);

    // Her personal-data export carries the ties she declared (GDPR art. 15/20).
    const exported = JSON.stringify((await member.get('/api/me/export')).body);
    expect(exported).toContain('"declaredTies"');
    expect(exported).toContain(people.Bruno!);

    // Only Alice consented to be proposed.
    const run = await owner.post(`${base}/${survey.id}/analyses`, { changeAgents: 3 });
    const a = await waitForAnalysis(survey.id, run.json<NetworkAnalysis>().id);
    expect(a.status).toBe('done');
    expect(a.proposals.map((p) => p.nodeId)).toEqual([people.Alice]);
    const proposalView = (await anon.get(alice)).json<NetworkRespondentView>();
    expect(proposalView.proposal).toMatchObject({ status: 'proposed' });
    expect((await anon.post(`${alice}/proposal`, { decision: 'accepted' })).status).toBe(200);
    expect((await waitForAnalysis(survey.id, a.id)).proposals[0]!.status).toBe('accepted');

    // A token is only valid for its own network; a stopped engagement refuses input but not withdrawal.
    expect((await anon.get(`/api/network-survey/${survey.id}.${'x'.repeat(43)}`)).status).toBe(404);
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/status`, {
      status: 'stopped',
      reason: 'Fin',
    });
    expect((await anon.request('PUT', `${alice}/answers`, answers)).status).toBe(409);
    expect((await anon.del(`${alice}/consent`)).status).toBe(200);
    expect((await anon.get(alice)).json<NetworkRespondentView>()).toMatchObject({
      hasConsented: false,
      answers: [],
    });
  });
});
