import type { CampaignReport, RespondSession } from '@essaim/contracts';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient, testClient } from './factories.ts';
import { bodyText } from './pdf-text.ts';
import { generateReport } from './report-jobs.ts';
import { answersFor } from './survey-answers.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

describe.each(testDialects)('PDF reports on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let sponsor: TestClient;
  let orgId: string;
  let engagementId: string;
  let campaignId: string;
  let eng: string;
  const SECRET = 'zanzibar-confidential-remark';

  async function respond(shared: string, collectiveId: string, value: number) {
    const raw = testClient(app);
    let key: string | null = null;
    const headers = (): Record<string, string> => (key ? { 'x-resume-key': key } : {});
    const c = {
      get: (url: string) => raw.get(url, headers()),
      post: async (url: string, body?: unknown) => {
        const r = await raw.post(url, body, headers());
        const k = (r.body as { resumeKey?: unknown } | null)?.resumeKey;
        if (typeof k === 'string') {
          key = k;
        }
        return r;
      },
    };
    const start = await c.post(`/api/respond/${shared}/start`, {
      collectiveId,
      attributes: {},
      language: 'fr',
    });
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const { token } = start.json<{ token: string }>();
    const session = (await c.get(`/api/respond/${token}`)).json<RespondSession>();
    const submit = await c.post(`/api/respond/${token}/submit`, {
      answers: answersFor(session, (min, max) => Math.min(max, Math.max(min, value)), `${SECRET} ${value}`),
      language: 'fr',
    });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
  }

  const generate = (client: TestClient, body: Record<string, unknown>) =>
    generateReport(app, client, orgId, eng, body);

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Rapports');
    sponsor = (await addMember(app, owner, orgId, 'sponsor')).client;
    engagementId = (
      await owner.post(`/api/orgs/${orgId}/engagements`, {
        title: 'Démarche coopération',
        request: 'Voir clair',
      })
    ).json<{ id: string }>().id;
    eng = `/api/orgs/${orgId}/engagements/${engagementId}`;
    const col = async (name: string) =>
      (await owner.post(`/api/orgs/${orgId}/collectives`, { name, kind: 'team' })).json<{ id: string }>().id;
    const big = await col('Équipe Atlas');
    const small = await col('Équipe Borée');
    const created = await owner.post(`${eng}/campaigns`, {
      title: 'Pouls de départ',
      instrumentRef: 'essaim-ic-pulse',
      collectiveIds: [big, small],
      hasMemberLinks: false,
      hasSharedLink: true,
      attributes: [],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    campaignId = created.json<{ id: string }>().id;
    const launched = await owner.post(`/api/orgs/${orgId}/campaigns/${campaignId}/launch`);
    const shared = launched
      .json<{ campaign: { sharedLink: string } }>()
      .campaign.sharedLink.split('/respond/')[1]!;
    for (let i = 0; i < 10; i++) {
      await respond(shared, big, 4 + (i % 2));
    }
    for (let i = 0; i < 3; i++) {
      await respond(shared, small, 1);
    }
    expect((await owner.post(`/api/orgs/${orgId}/campaigns/${campaignId}/close`)).status).toBe(200);
    await owner.post(`${eng}/decision-rules/choice`, {
      rule: 'consent',
      reason: 'Sûr pour essayer',
      decidedBy: 'group',
    });
    await owner.post(`/api/orgs/${orgId}/workshops`, { title: 'Atelier « Cap »', engagementId });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('prints the diagnostic in French with a contents page, the level on every page, and never a suppressed cell', async () => {
    const json = (
      await owner.get(`/api/orgs/${orgId}/campaigns/${campaignId}/report`)
    ).json<CampaignReport>();
    const suppressed = json.cuts.filter((c) => c.status === 'suppressed');
    const shown = json.cuts.filter((c) => c.status === 'shown');
    expect(suppressed.map((c) => c.label)).toContain('Équipe Borée');
    expect(shown.length).toBeGreaterThan(0);

    const { text, pages } = await generate(owner, { kind: 'diagnostic', lang: 'fr', campaignId });
    expect(text).toContain('Rapport de diagnostic');
    expect(text).toContain('Démarche coopération');
    expect(text).toContain('Sommaire');
    expect(text).toContain('Diagnostic — Pouls de départ');
    expect(text).toContain('Profil d’intelligence collective');
    // Every page carries the level and its number.
    for (let p = 1; p <= pages; p++) {
      expect(text).toContain(`Page ${p} sur ${pages}`);
    }
    expect(text.match(/Niveau de confidentialité : Confidentiel/g)?.length).toBeGreaterThanOrEqual(pages);

    // A suppressed group: its notice and reason, and not one number.
    const body = bodyText(text);
    for (const cut of suppressed) {
      // The last occurrence: the first is the contents page's entry.
      const start = body.lastIndexOf(`Groupe : ${cut.label}`);
      expect(start, cut.label).toBeGreaterThan(0);
      const next = body.indexOf('Groupe : ', start + 5);
      const section = body.slice(start, next === -1 ? undefined : next);
      expect(section).toContain('Résultats masqués pour ce groupe');
      expect(section.replace(`Groupe : ${cut.label}`, '')).not.toMatch(/\d/);
    }
    // Shown groups print their scores as the screen shows them.
    const firstShown = shown[0]!;
    const score = firstShown.constructs.find((c) => c.score !== null)?.score ?? 0;
    expect(text).toContain(String(Number(score.toFixed(1))));
    // Open answers are below their threshold: no verbatim anywhere.
    expect(text).not.toContain(SECRET);
  });

  it('prints the final report in English, with the network part only for those allowed to read it', async () => {
    const asOwner = await generate(owner, { kind: 'final', lang: 'en' });
    expect(asOwner.text).toContain('Engagement final report');
    expect(asOwner.text).toContain('Contents');
    expect(asOwner.text).toContain('Decision register');
    expect(asOwner.text).toContain('Workshop: Atelier « Cap »');
    expect(asOwner.text).toContain('Networks');
    expect(asOwner.text).toContain(`Page 1 of ${asOwner.pages}`);
    expect(asOwner.text).toContain('Confidentiality: Restricted distribution');
    expect(asOwner.text).not.toContain(SECRET);

    const asSponsor = await generate(sponsor, { kind: 'final', lang: 'en' });
    expect(asSponsor.text).toContain('Decision register');
    expect(asSponsor.text).not.toContain('Networks');
    expect(asSponsor.text).toContain('Confidentiality: Confidential');
    expect((await sponsor.post(`${eng}/reports`, { kind: 'network', lang: 'en' })).status).toBe(403);
    // A report belongs to the person who asked for it (it was shaped by their rights).
    expect((await sponsor.get(`/api/orgs/${orgId}/reports/${asOwner.id}`)).status).toBe(404);
    expect((await sponsor.get(`/api/orgs/${orgId}/reports/${asOwner.id}/file`)).status).toBe(404);
    const mine = (await sponsor.get(`${eng}/reports`)).json<{ reports: { id: string }[] }>();
    expect(mine.reports.map((r) => r.id)).toEqual([asSponsor.id]);
  });

  it('prints the decision register and refuses bad requests without creating a job', async () => {
    const { text } = await generate(owner, { kind: 'decisions', lang: 'fr' });
    expect(text).toContain('Registre des décisions');
    expect(text).toContain('rule:consent');
    expect(text).toContain('adoptée');
    const before = (await owner.get(`${eng}/reports`)).json<{ reports: unknown[] }>().reports.length;
    expect((await owner.post(`${eng}/reports`, { kind: 'nope', lang: 'fr' })).status).toBe(400);
    expect((await owner.post(`${eng}/reports`, { kind: 'final', lang: 'de' })).status).toBe(400);
    expect((await owner.get(`${eng}/reports`)).json<{ reports: unknown[] }>().reports.length).toBe(before);
  });

  it('exports the whole engagement as a zip with a README, under the same rules as the screens', async () => {
    const r = await app.inject({
      method: 'GET',
      url: `${eng}/export.zip`,
      headers: { cookie: owner.cookie ?? '' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(r.rawPayload);
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n]?.dir)
      .sort();
    expect(names).toEqual([
      'README.md',
      'campaigns/1.csv',
      'campaigns/1.json',
      'decisions.csv',
      'decisions.json',
      'engagement.json',
      'evaluation.json',
      'workshops/1.csv',
      'workshops/1.json',
    ]);
    const readme = await zip.file('README.md')!.async('string');
    for (const n of names.filter((x) => x !== 'README.md')) {
      expect(readme).toContain(n.replace(/\/1\./, '/<n>.'));
    }
    // Open answers appear only where the screen shows them (the released report's themes, from 10 answers).
    for (const n of names.filter((x) => x !== 'campaigns/1.json')) {
      expect(await zip.file(n)!.async('string'), n).not.toContain(SECRET);
    }
    // The released report as the screen has it: a suppressed group carries its reason, no numbers.
    const campaign = JSON.parse(await zip.file('campaigns/1.json')!.async('string')) as CampaignReport;
    const screen = (
      await owner.get(`/api/orgs/${orgId}/campaigns/${campaignId}/report`)
    ).json<CampaignReport>();
    expect(campaign.cuts).toEqual(screen.cuts);
    for (const cut of campaign.cuts.filter((c) => c.status === 'suppressed')) {
      expect(cut.n).toBeNull();
      expect(cut.constructs).toEqual([]);
    }
    // Members (no survey.readReport) get nothing.
    const member = (await addMember(app, owner, orgId, 'member')).client;
    expect((await member.get(`${eng}/export.zip`)).status).toBe(403);
  });
});
