import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { personalDataContributors } from '../src/services/personal-data.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient, uniqueEmail } from './factories.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type Experience = {
  id: string;
  status: string;
  visibility: string | null;
  title: string;
  context: string;
  whatHappened: string;
  lessons: string;
  namesLeft: { field: string; text: string }[];
  contacts: { id: string; name: string; consentedAt: string | null }[];
  engagementId: string | null;
  organisationName: string | null;
};
type Plan = {
  id: string;
  collectives: { id: string; stage: string }[];
  agents: { personId: string; source: string }[];
  curve: { date: string; reached: number; adopted: number }[];
  predictedReach: number | null;
  observedReach: number;
};

const story = {
  title: 'Des binômes entre services chez Coopérative Alpha',
  context: 'Après la fusion, Hélène Dupré a proposé des binômes ; Jean-Pierre Le Gall était sceptique.',
  question: 'Comment faire circuler les dossiers entre services ?',
  whatHappened: 'HELENE a réuni les équipes. jean-pierre a testé avec J.-P. L. G. et Marc D. en renfort.',
  results: 'Les dossiers circulent mieux.',
  lessons: 'Les coopérations naissent des rencontres : merci à Hélène.',
  conditions: 'Du temps dégagé par la direction de Coopérative Alpha.',
  pitfalls: 'Imposer les binômes.',
  icForms: ['relational', 'rational'],
  cynefin: 'complex',
  methodIds: ['world-cafe'],
  sector: 'Service public',
  size: 40,
};

describe.each(testDialects)('pollination on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let member: TestClient;
  let memberId: string;
  let orgId: string;
  let engagementId: string;
  let otherEngagementId: string;
  const people: Record<string, string> = {};
  const collectives: string[] = [];
  let bOwner: TestClient;
  let orgB: string;
  let experienceId: string;
  const api = () => `/api/orgs/${orgId}/pollination`;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Coopérative Alpha');
    const m = await addMember(app, owner, orgId, 'member');
    member = m.client;
    memberId = m.userId;
    for (const name of ['Accueil', 'Instruction', 'Contrôle']) {
      collectives.push(
        (await owner.post(`/api/orgs/${orgId}/collectives`, { name, kind: 'team' })).json<{ id: string }>()
          .id,
      );
    }
    for (const [i, name] of ['Hélène Dupré', 'Jean-Pierre Le Gall', 'Marc Durand'].entries()) {
      const r = await owner.post(`/api/orgs/${orgId}/people`, {
        displayName: name,
        collectiveIds: [collectives[i]!],
      });
      people[name] = r.json<{ id: string }>().id;
    }
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, {
      title: 'Coopérer',
      request: 'Relancer la coopération',
    });
    engagementId = e.json<{ id: string }>().id;
    await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/questions`, {
      text: 'Qu’est-ce qui bloque ?',
    });
    otherEngagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, { title: 'Autre', request: 'Une autre demande' })
    ).json<{ id: string }>().id;
    // Organisation B, whose owner is not a member of A.
    const admin = owner;
    const throwaway = await createOrg(admin, 'Throwaway');
    const b = await addMember(app, admin, throwaway, 'observer', uniqueEmail('bravo'));
    bOwner = testClient(app);
    bOwner.cookie = b.client.cookie;
    await admin.del(`/api/orgs/${throwaway}/members/${b.userId}`);
    orgB = await createOrg(bOwner, 'Bravo');
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('drafts an experience from an engagement without saving anything', async () => {
    const r = await owner.get(`/api/orgs/${orgId}/engagements/${engagementId}/experience-draft?language=fr`);
    expect(r.status).toBe(200);
    expect(r.json<{ title: string; question: string }>()).toMatchObject({
      title: 'Coopérer',
      question: 'Qu’est-ce qui bloque ?',
    });
    expect((await owner.get(`${api()}/experiences`)).json<{ experiences: unknown[] }>().experiences).toEqual(
      [],
    );
    expect((await member.get(`/api/orgs/${orgId}/engagements/${engagementId}/experience-draft`)).status).toBe(
      403,
    );
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const r = await owner.post(`${api()}/experiences`, { ...story, title: '' });
    expect(r.status).toBe(400);
    const c = await owner.post(`${api()}/experiences`, { ...story, collectiveId: orgB });
    expect(c.status).toBe(400);
    expect((await owner.get(`${api()}/experiences`)).json<{ experiences: unknown[] }>().experiences).toEqual(
      [],
    );
  });

  it('writes, anonymises and checks names before sharing', async () => {
    const created = await owner.post(`${api()}/experiences`, {
      ...story,
      engagementId,
      collectiveId: collectives[0],
      contacts: [{ name: 'Hélène Dupré', role: 'cheffe de service', personId: people['Hélène Dupré'] }],
    });
    expect(created.status).toBe(200);
    const draft = created.json<Experience>();
    experienceId = draft.id;
    expect(draft.namesLeft.map((h) => h.text)).toEqual(
      expect.arrayContaining([
        'Hélène Dupré',
        'Jean-Pierre Le Gall',
        'HELENE',
        'jean-pierre',
        'J.-P. L. G.',
        'Marc D.',
      ]),
    );
    const early = await owner.post(`${api()}/experiences/${experienceId}/share`, {
      visibility: 'organisation',
    });
    expect(early.status).toBe(409);
    expect(early.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'not-anonymised',
    );

    const anon = await owner.post(`${api()}/experiences/${experienceId}/anonymise`, {
      removeOrganisation: true,
    });
    expect(anon.status).toBe(200);
    const { experience, removed } = anon.json<{ experience: Experience; removed: number }>();
    expect(removed).toBeGreaterThanOrEqual(8);
    expect(experience.namesLeft).toEqual([]);
    expect(experience.status).toBe('anonymised');
    expect(experience.context).toBe(
      'Après la fusion, [personne 1] a proposé des binômes ; [personne 2] était sceptique.',
    );
    expect(experience.title).toBe('Des binômes entre services chez [organisation]');
    const all = JSON.stringify(
      experience.title + experience.context + experience.whatHappened + experience.lessons,
    );
    for (const word of ['Hélène', 'HELENE', 'Gall', 'Pierre', 'Marc', 'Alpha']) {
      expect(all).not.toContain(word);
    }
    // The audit keeps a count, never the names removed.
    const audit = await owner.get(`/api/orgs/${orgId}/audit`);
    expect(JSON.stringify(audit.body)).toContain('pollination.experience_anonymised');
    expect(JSON.stringify(audit.body)).not.toContain('Jean-Pierre');
  });

  it('shares only once every named contact agreed, and to whom the visibility says', async () => {
    const refused = await owner.post(`${api()}/experiences/${experienceId}/share`, {
      visibility: 'organisation',
    });
    expect(refused.status).toBe(409);
    expect(refused.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'contact-consent',
    );
    // Members do not see drafts, nor contacts who have not agreed.
    expect((await member.get(`${api()}/experiences/${experienceId}`)).status).toBe(404);
    const contactId = (await owner.get(`${api()}/experiences/${experienceId}`)).json<Experience>()
      .contacts[0]!.id;
    expect(
      (
        await member.post(`${api()}/experiences/${experienceId}/contacts/${contactId}/consent`, {
          consented: true,
        })
      ).status,
    ).toBe(404);
    // The person themself (their roster record linked to their account) agrees.
    await app.deps.database.db
      .updateTable('people')
      .set({ user_id: memberId })
      .where('id', '=', people['Hélène Dupré']!)
      .execute();
    const agreed = await member.post(`${api()}/experiences/${experienceId}/contacts/${contactId}/consent`, {
      consented: true,
    });
    expect(agreed.status).toBe(200);
    await app.deps.database.db
      .updateTable('people')
      .set({ user_id: null })
      .where('id', '=', people['Hélène Dupré']!)
      .execute();

    const collective = await owner.post(`${api()}/experiences/${experienceId}/share`, {
      visibility: 'collective',
    });
    expect(collective.status).toBe(200);
    expect((await member.get(`${api()}/experiences/${experienceId}`)).status).toBe(404);
    const shared = await owner.post(`${api()}/experiences/${experienceId}/share`, {
      visibility: 'organisation',
    });
    expect(shared.json<Experience>()).toMatchObject({ status: 'shared', visibility: 'organisation' });
    const seen = await member.get(`${api()}/experiences/${experienceId}`);
    expect(seen.status).toBe(200);
    expect(seen.json<Experience>().contacts.map((c) => c.name)).toEqual(['Hélène Dupré']);
  });

  it('sends an edited experience back to draft, out of the library', async () => {
    const edited = await owner.request('PUT', `${api()}/experiences/${experienceId}`, {
      lessons: 'Merci à Marc Durand.',
    });
    expect(edited.json<Experience>().status).toBe('draft');
    // Only the field sent changes.
    expect(edited.json<Experience>().context).toContain('[personne 1] a proposé des binômes');
    expect((await member.get(`${api()}/experiences/${experienceId}`)).status).toBe(404);
    await owner.post(`${api()}/experiences/${experienceId}/anonymise`, { removeOrganisation: true });
    expect(
      (await owner.post(`${api()}/experiences/${experienceId}/share`, { visibility: 'organisation' })).status,
    ).toBe(200);
    // A name added to the roster after the anonymisation is caught at sharing time.
    await owner.post(`/api/orgs/${orgId}/people`, { displayName: 'Rudy Fusion' });
    const caught = await owner.post(`${api()}/experiences/${experienceId}/share`, {
      visibility: 'organisation',
    });
    expect(caught.status).toBe(409);
    expect(caught.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('names-left');
    await owner.post(`${api()}/experiences/${experienceId}/anonymise`, { removeOrganisation: true });
    expect(
      (await owner.post(`${api()}/experiences/${experienceId}/share`, { visibility: 'organisation' })).status,
    ).toBe(200);
  });

  it('exports JSON and Markdown with the licence', async () => {
    const md = await member.get(`${api()}/experiences/${experienceId}/export.md`);
    expect(md.status).toBe(200);
    expect(String(md.body)).toContain('[CC-BY-4.0](https://creativecommons.org/licenses/by/4.0/)');
    expect(String(md.body)).toContain('## Enseignements');
    const json = await member.get(`${api()}/experiences/${experienceId}/export.json`);
    const doc = json.body as { licence: string; organisation: string | null; contacts: unknown[] };
    expect(doc).toMatchObject({ licence: 'CC-BY-4.0', organisation: null });
    expect(doc.contacts).toHaveLength(1);
  });

  it('searches with French stemming, accents ignored, and finds experiences like an engagement', async () => {
    // "circulent" meets "circuler" only through the French stemmer; « BINÔMES » meets « binômes » without accents.
    for (const q of ['binome', 'BINÔMES', 'dossier', 'circulent', 'Circul']) {
      const r = await member.get(`${api()}/library?q=${encodeURIComponent(q)}`);
      expect(
        r.json<{ hits: { id: string }[] }>().hits.map((h) => h.id),
        q,
      ).toEqual([experienceId]);
    }
    expect((await member.get(`${api()}/library?q=fusée`)).json<{ total: number }>().total).toBe(0);
    expect((await member.get(`${api()}/library?cynefin=clear`)).json<{ total: number }>().total).toBe(0);
    const similar = await owner.get(
      `/api/orgs/${orgId}/engagements/${otherEngagementId}/similar-experiences?sector=Service%20public&size=35`,
    );
    const hits = similar.json<{ hits: { id: string; score: number; facets: { facet: string }[] }[] }>().hits;
    expect(hits[0]).toMatchObject({ id: experienceId });
    expect(hits[0]!.facets.map((f) => f.facet)).toEqual(expect.arrayContaining(['sector', 'size']));
    // From its own engagement, an experience is not "like" itself.
    const self = await owner.get(
      `/api/orgs/${orgId}/engagements/${engagementId}/similar-experiences?sector=Service%20public`,
    );
    expect(self.json<{ total: number }>().total).toBe(0);
  });

  it('shares across organisations only when both owners joined the instance library', async () => {
    const notJoined = await owner.post(`${api()}/experiences/${experienceId}/share`, {
      visibility: 'instance',
    });
    expect(notJoined.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'not-joined',
    );
    expect((await member.request('PUT', `${api()}/settings`, { instanceLibrary: true })).status).toBe(403);
    expect((await owner.request('PUT', `${api()}/settings`, { instanceLibrary: true })).status).toBe(200);
    expect(
      (await owner.post(`${api()}/experiences/${experienceId}/share`, { visibility: 'instance' })).status,
    ).toBe(200);

    const bLibrary = `/api/orgs/${orgB}/pollination/library`;
    expect((await bOwner.get(`${bLibrary}?q=binome`)).json<{ total: number }>().total).toBe(0);
    expect((await bOwner.get(`${bLibrary}/${experienceId}`)).status).toBe(404);
    await bOwner.request('PUT', `/api/orgs/${orgB}/pollination/settings`, { instanceLibrary: true });
    const found = await bOwner.get(`${bLibrary}?q=binomes`);
    expect(
      found.json<{ hits: { id: string; engagementId: string | null; organisationName: string | null }[] }>()
        .hits,
    ).toEqual([expect.objectContaining({ id: experienceId, engagementId: null, organisationName: null })]);
    expect((await bOwner.get(`${bLibrary}/${experienceId}`)).status).toBe(200);
    expect((await bOwner.get(`${bLibrary}/${experienceId}/export.md`)).status).toBe(200);
    // Never through B's own experience routes, nor A's.
    expect((await bOwner.get(`/api/orgs/${orgB}/pollination/experiences/${experienceId}`)).status).toBe(404);
    expect([403, 404]).toContain((await bOwner.get(`${api()}/experiences/${experienceId}`)).status);
    // A's owner leaves: B sees nothing any more.
    await owner.request('PUT', `${api()}/settings`, { instanceLibrary: false });
    expect((await bOwner.get(`${bLibrary}/${experienceId}`)).status).toBe(404);
  });

  it('plans diffusion through change agents who accepted, and draws the curve', async () => {
    const url = `/api/orgs/${orgId}/engagements/${engagementId}/networks`;
    const imported = await owner.post(`${url}/import`, {
      title: 'Réseau',
      edgesCsv: 'source,target\nh,j\nh,m\nj,m\nm,x\nx,y\n',
      nodesCsv:
        'id,label,consent\nh,Hélène Dupré,yes\nj,Jean-Pierre Le Gall,yes\nm,Marc Durand,yes\nx,X,yes\ny,Y,yes\n',
    });
    const networkId = imported.json<{ id: string }>().id;
    const analysisId = (await owner.post(`${url}/${networkId}/analyses`, { changeAgents: 3 })).json<{
      id: string;
    }>().id;
    let proposals: { id: string; label: string }[] = [];
    for (let i = 0; i < 400; i++) {
      const a = (await owner.get(`${url}/${networkId}/analyses/${analysisId}`)).json<{
        status: string;
        proposals: { id: string; label: string }[];
      }>();
      if (a.status === 'done' || a.status === 'failed') {
        proposals = a.proposals;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const named = proposals.filter((p) => p.label !== 'X' && p.label !== 'Y');
    expect(named.length).toBeGreaterThanOrEqual(2);
    const candidatesUrl = `/api/orgs/${orgId}/engagements/${engagementId}/change-agents`;
    expect((await owner.get(candidatesUrl)).json<{ candidates: unknown[] }>().candidates).toEqual([]);
    // Not accepted yet: refused.
    const early = await owner.post(`${api()}/plans`, {
      title: 'Binômes',
      agents: [{ personId: people['Hélène Dupré'], proposalId: named[0]!.id }],
    });
    expect(early.status).toBe(400);
    for (const p of named.slice(0, 2)) {
      await owner.post(`${url}/${networkId}/proposals/${p.id}/response`, { decision: 'accepted' });
    }
    const candidates = (await owner.get(candidatesUrl)).json<{
      candidates: { personId: string; proposalId: string }[];
    }>().candidates;
    expect(candidates).toHaveLength(2);
    const created = await owner.post(`${api()}/plans`, {
      title: 'Diffuser les binômes',
      experienceId,
      engagementId,
      collectiveIds: [collectives[1], collectives[2]],
      agents: candidates.map((c) => ({ personId: c.personId, proposalId: c.proposalId })),
      sessions: [
        {
          kind: 'peer_visit',
          date: '2027-01-15',
          collectiveId: collectives[1],
          carrierPersonId: candidates[0]!.personId,
        },
      ],
    });
    expect(created.status).toBe(200);
    const plan = created.json<Plan>();
    expect(plan.agents.map((a) => a.source)).toEqual(['network', 'network']);
    expect(plan.predictedReach).toBeGreaterThan(0);
    expect(plan.observedReach).toBe(0);
    const report = (collectiveId: string, stage: string, date: string, who = owner) =>
      who.post(`${api()}/plans/${plan.id}/adoption`, { collectiveId, stage, date });
    expect((await report(collectives[1]!, 'aware', '2027-01-16', member)).status).toBe(403);
    expect((await report(collectives[0]!, 'aware', '2027-01-16')).status).toBe(400);
    await report(collectives[1]!, 'trying', '2027-01-20');
    await report(collectives[2]!, 'aware', '2027-02-01');
    const last = await report(collectives[1]!, 'adopted', '2027-03-01');
    const curve = last.json<Plan>();
    expect(curve.curve.map((p) => [p.date, p.reached, p.adopted])).toEqual([
      ['2027-01-20', 1, 0],
      ['2027-02-01', 2, 0],
      ['2027-03-01', 2, 1],
    ]);
    expect(curve.observedReach).toBe(1);
    expect((await member.get(`${api()}/plans/${plan.id}`)).status).toBe(200);
  });

  it('exports and erases a person’s contributions', async () => {
    const contributor = personalDataContributors().find((c) => c.name === 'pollination')!;
    const ownerId = (await owner.get('/api/me')).json<{ user: { id: string } }>().user.id;
    const exported = (await contributor.export(app.deps.database.db, ownerId)) as {
      experiencesWritten: unknown[];
    };
    expect(exported.experiencesWritten).toHaveLength(1);
    await contributor.erase(app.deps.database.db, ownerId, orgId, 'anonymise');
    const after = (await contributor.export(app.deps.database.db, ownerId)) as {
      experiencesWritten: unknown[];
      adoptionReports: unknown[];
    };
    expect(after.experiencesWritten).toEqual([]);
    expect(after.adoptionReports).toEqual([]);
  });
});
