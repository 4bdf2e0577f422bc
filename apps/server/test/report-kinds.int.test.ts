import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { samplePlan } from './fixtures/plans.fixture.ts';
import { generateReport } from './report-jobs.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

/**
 * Issue 20: the charter (with its signed list of commitments) and the plan (specification, master plan,
 * investment plan) as report kinds and as parts of the final report, with the rights of their screens.
 */
describe.each(testDialects)('charter and plan reports on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let sponsor: TestClient;
  let member: TestClient;
  let observer: TestClient;
  let stranger: TestClient;
  let orgId: string;
  let eng: string;
  let charterId: string;
  let firstClause: string;
  let adoptedHash: string;
  const SIGNER = 'Inès Sans-Compte';

  const generate = (client: TestClient, body: Record<string, unknown>) =>
    generateReport(app, client, orgId, eng, body);
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  const jobCount = async (client: TestClient) =>
    (await client.get(`${eng}/reports`)).json<{ reports: unknown[] }>().reports.length;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Rapports chartes');
    sponsor = (await addMember(app, owner, orgId, 'sponsor')).client;
    member = (await addMember(app, owner, orgId, 'member')).client;
    observer = (await addMember(app, owner, orgId, 'observer')).client;
    stranger = (await addMember(app, owner, await createOrg(owner, 'Ailleurs'), 'owner')).client;
    const engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Démarche charte', request: 'Écrire' })
    ).json<{ id: string }>().id;
    eng = `/api/orgs/${orgId}/engagements/${engagementId}`;

    // A charter adopted by consent, then committed to by a member and a participant without an account.
    const created = await owner.post(`${eng}/charters`, {
      title: 'Charte de l’équipe Cap',
      kind: 'team',
      locale: 'fr',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    charterId = created.json<{ id: string }>().id;
    const base = `${eng}/charters/${charterId}`;
    firstClause = (await owner.get(base)).json<{ clauses: { text: string }[] }>().clauses[0]!.text;
    const adopted = await owner.post(`${base}/adoption`, {
      name: 'Version signée',
      rule: 'consent',
      participantCount: 4,
      reviewOn: '2027-06-30',
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    adoptedHash = adopted.json<{ contentHash: string }>().contentHash;
    expect(
      (await member.post(`${base}/commitments`, { state: 'committed', versionHash: adoptedHash })).status,
    ).toBe(200);
    const person = (await owner.post(`/api/orgs/${orgId}/people`, { displayName: SIGNER })).json<{
      id: string;
    }>();
    const token = (await owner.post(`${base}/participants`, { personId: person.id })).json<{
      token: string;
    }>().token;
    const committed = await owner.post(
      `/api/charters/${charterId}/participation/commitments`,
      { state: 'committed', versionHash: adoptedHash },
      { 'x-participant-token': token },
    );
    expect(committed.status).toBe(200);

    // A plan (two milestones, one budget line of 10 days at 600 €) and its generated specification.
    const plan = await owner.request('PUT', `${eng}/plan`, { version: 0, document: samplePlan() });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const spec = await owner.request('PUT', `${eng}/plan/specification`, { version: 0, sections: [] });
    expect(spec.status, JSON.stringify(spec.body)).toBe(200);

    // A network of two triangles joined by a bridge person, analysed: the network report draws its map.
    const edgesCsv = [
      'source,target',
      'ana,bea',
      'bea,cy',
      'cy,ana',
      'cy,pont',
      'pont,dan',
      'dan,eve',
      'eve,fay',
      'fay,dan',
    ].join('\n');
    const nodesCsv = [
      'id,label',
      ...['ana', 'bea', 'cy', 'pont', 'dan', 'eve', 'fay'].map((id) => `${id},Pers ${id}`),
    ].join('\n');
    const net = await owner.post(`${eng}/networks/import`, { title: 'Réseau du site', edgesCsv, nodesCsv });
    expect(net.status, JSON.stringify(net.body)).toBe(200);
    const run = await owner.post(`${eng}/networks/${net.json<{ id: string }>().id}/analyses`, {});
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    await app.deps.networkJobs.idle();
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('prints the charter report with its clauses and the signed list, names only for the collective', async () => {
    const asOwner = await generate(owner, { kind: 'charter', lang: 'fr' });
    const text = flat(asOwner.text);
    expect(text).toContain('Chartes et engagements');
    expect(text).toContain('Sommaire');
    expect(text).toContain('Charte de l’équipe Cap');
    expect(text).toContain(firstClause);
    expect(text).toContain('Engagements');
    expect(text).toContain(SIGNER);
    expect(text).toContain('member person');
    expect(text).toContain('Engagé');
    expect(text).toContain(adoptedHash);
    for (let p = 1; p <= asOwner.pages; p++) {
      expect(text).toContain(`Page ${p} sur ${asOwner.pages}`);
    }
    expect(asOwner.text.match(/Niveau de confidentialité : Confidentiel/g)?.length).toBeGreaterThanOrEqual(
      asOwner.pages,
    );

    // The sponsor and observers read the charter, not who committed (counts stay on the screen).
    for (const reader of [sponsor, observer]) {
      const r = flat((await generate(reader, { kind: 'charter', lang: 'en', charterId })).text);
      expect(r).toContain('Charters and commitments');
      expect(r).toContain(firstClause);
      expect(r).not.toContain(SIGNER);
      expect(r).not.toContain('member person');
      expect(r).toContain('Confidentiality: Internal use');
    }
  });

  it('refuses a charter of another engagement or tenant with a stable code, creating no job', async () => {
    const before = await jobCount(owner);
    const unknown = await owner.post(`${eng}/reports`, {
      kind: 'charter',
      lang: 'fr',
      charterId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    const foreign = await stranger.post(`${eng}/reports`, { kind: 'charter', lang: 'fr', charterId });
    expect(foreign.status).toBe(404);
    expect(await jobCount(owner)).toBe(before);
  });

  it('prints the plan report: specification, milestones, indicators and the budget with its totals', async () => {
    const { text: raw, pages } = await generate(owner, { kind: 'plan', lang: 'en' });
    const text = flat(raw);
    expect(text).toContain('Specification, master plan and budget');
    expect(text).toContain('Contents');
    expect(text).toContain('Specification — Version 1');
    expect(text).toContain('Master plan and investment plan — Version 1');
    // Milestones with their status, the workstream, the indicator with its baseline and target.
    expect(text).toContain('Alpha secret milestone');
    expect(text).toContain('Roll out');
    expect(text).toContain('Alpha secret workstream');
    expect(text).toContain('Alpha secret indicator');
    expect(text).toContain('planned');
    // The investment plan: the line (10 × 600) and the scenario's total.
    expect(text).toContain('Investment plan');
    expect(text).toContain('Alpha secret budget line');
    expect(text).toMatch(/Standard 6,000 10/);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(raw.match(/Confidentiality: Confidential/g)?.length).toBeGreaterThanOrEqual(pages);
  });

  it('refuses the plan report to those who may not read the plan (403 FORBIDDEN), creating no job', async () => {
    for (const reader of [member, observer]) {
      const before = await jobCount(reader);
      const r = await reader.post(`${eng}/reports`, { kind: 'plan', lang: 'fr' });
      expect(r.status).toBe(403);
      expect(r.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
      expect(await jobCount(reader)).toBe(before);
    }
    expect((await stranger.post(`${eng}/reports`, { kind: 'plan', lang: 'fr' })).status).toBe(404);
  });

  it('puts the charters and the plan in the final report, by the reader’s rights', async () => {
    const asOwner = flat((await generate(owner, { kind: 'final', lang: 'fr' })).text);
    expect(asOwner).toContain('Chartes et engagements');
    expect(asOwner).toContain('Charte de l’équipe Cap');
    expect(asOwner).toContain(SIGNER);
    expect(asOwner).toContain('Cahier des charges — Version 1');
    expect(asOwner).toContain('Schéma directeur et plan d’investissement — Version 1');
    expect(asOwner).toContain('Alpha secret milestone');
    expect(asOwner).toContain('Alpha secret budget line');

    const asSponsor = flat((await generate(sponsor, { kind: 'final', lang: 'fr' })).text);
    expect(asSponsor).toContain('Charte de l’équipe Cap');
    expect(asSponsor).toContain('Alpha secret budget line');
    expect(asSponsor).not.toContain(SIGNER);
  });

  it('draws the network map in the network report (labels of the most central people)', async () => {
    const { text } = await generate(owner, { kind: 'network', lang: 'en' });
    const flatText = flat(text);
    expect(flatText).toContain('Network: Réseau du site');
    expect(flatText).toContain('Network map (colour: community; size: betweenness centrality)');
    // The bridge is the most central person: its label is drawn on the map and listed in the roles.
    expect(text.split('Pers pont').length - 1).toBeGreaterThanOrEqual(2);
    expect((await sponsor.post(`${eng}/reports`, { kind: 'network', lang: 'en' })).status).toBe(403);
  });

  it('puts the charters (signed list by the same rule) and the plan in the engagement export', async () => {
    const zipOf = async (client: TestClient) => {
      const r = await app.inject({
        method: 'GET',
        url: `${eng}/export.zip`,
        headers: { cookie: client.cookie ?? '' },
      });
      expect(r.statusCode).toBe(200);
      return JSZip.loadAsync(r.rawPayload);
    };
    const zip = await zipOf(owner);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names).toEqual(
      expect.arrayContaining([
        'charters/1.json',
        'charters/1.csv',
        'plan.json',
        'plan-budget.csv',
        'specification.json',
      ]),
    );
    const readme = await zip.file('README.md')!.async('string');
    for (const n of [
      'charters/<n>.json',
      'charters/<n>.csv',
      'plan.json',
      'plan-budget.csv',
      'specification.json',
    ]) {
      expect(readme).toContain(n);
    }
    const charter = JSON.parse(await zip.file('charters/1.json')!.async('string')) as {
      title: string;
      adoptedHash: string;
      commitments: { name: string }[];
    };
    expect(charter).toMatchObject({ title: 'Charte de l’équipe Cap', adoptedHash });
    expect(charter.commitments.map((c) => c.name).sort()).toEqual([SIGNER, 'member person'].sort());
    expect(await zip.file('charters/1.csv')!.async('string')).toContain(SIGNER);
    expect(await zip.file('plan-budget.csv')!.async('string')).toContain('Alpha secret budget line');

    const sponsorZip = await zipOf(sponsor);
    for (const n of ['charters/1.json', 'charters/1.csv']) {
      expect(await sponsorZip.file(n)!.async('string'), n).not.toContain(SIGNER);
    }
    expect(sponsorZip.file('plan.json')).not.toBeNull();
  });
});
