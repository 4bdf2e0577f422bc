import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/app-instance.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { addMember, createOrg, setupAdmin, type TestClient } from './factories.ts';
import { samplePlan } from './fixtures/plans.fixture.ts';
import { pdfText } from './pdf-text.ts';
import { buildTestApp } from './test-app.ts';
import { testDialects } from './test-db.ts';

type View = {
  version: number;
  document: ReturnType<typeof samplePlan>;
  warnings: { rule: string; reason: string; data: Record<string, unknown> }[];
  scenarios: {
    scenarioId: string;
    totals: { total: number; personDays: number };
    warnings: { rule: string }[];
  }[];
  carriesOut: { milestoneId: string; kind: string; label: string | null }[];
  indicators: { indicatorId: string; series: { value: number }[] }[];
};
type Spec = {
  version: number;
  sections: {
    key: string;
    text: string;
    pulled: { sources: { kind: string }[] };
    change: { changed: boolean; addedLines: string[] };
  }[];
  versions: { version: number }[];
};

describe.each(testDialects)('plans on $name', (dialect) => {
  let app: AppInstance;
  let handle: DbHandle;
  let owner: TestClient;
  let sponsor: TestClient;
  let member: TestClient;
  let orgId: string;
  let engagementId: string;
  let base: string;

  beforeAll(async () => {
    handle = await dialect.open();
    app = await buildTestApp(handle);
    owner = (await setupAdmin(app)).client;
    orgId = await createOrg(owner, 'Plans');
    sponsor = (await addMember(app, owner, orgId, 'sponsor')).client;
    member = (await addMember(app, owner, orgId, 'member')).client;
    const e = await owner.post(`/api/orgs/${orgId}/engagements`, {
      title: 'Accueil',
      request: 'Mieux coopérer entre sites',
    });
    engagementId = e.json<{ id: string }>().id;
    base = `/api/orgs/${orgId}/engagements/${engagementId}/plan`;
  });
  /** Binary downloads: the test client decodes text, so these go through inject for the raw bytes. */
  const download = async (url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: { cookie: owner.cookie ?? '' } });
    return { status: r.statusCode, bytes: r.rawPayload };
  };

  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('starts empty, refuses a dependency cycle with its stable code and stores nothing', async () => {
    const empty = await owner.get(base);
    expect(empty.status).toBe(200);
    expect(empty.json<View>()).toMatchObject({ version: 0, document: { workstreams: [] } });

    const cyclic = samplePlan();
    cyclic.milestones[0]!.dependsOn = ['ms2'];
    const r = await owner.request('PUT', base, { version: 0, document: cyclic });
    expect(r.status).toBe(409);
    expect(r.json<{ error: { code: string; details: { cycle: string[] } } }>().error).toMatchObject({
      code: 'DEPENDENCY_CYCLE',
      details: { cycle: ['ms1', 'ms2', 'ms1'] },
    });
    expect((await owner.get(base)).json<View>().version).toBe(0);
  });

  it('refuses unknown references and reversed dates with the paths, and a stale version', async () => {
    const bad = samplePlan({ questionId: 'no-such-question' });
    bad.milestones[1]!.dueOn = '2026-01-01';
    const r = await owner.request('PUT', base, { version: 0, document: bad });
    expect(r.status).toBe(400);
    const paths = r
      .json<{ error: { details: { issues: { path: string }[] } } }>()
      .error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['milestones.ms2', 'workstreams.ws1.questionId']));

    expect((await owner.request('PUT', base, { version: 0, document: samplePlan() })).status).toBe(200);
    const stale = await owner.request('PUT', base, { version: 0, document: samplePlan() });
    expect(stale.status).toBe(409);
    expect(stale.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
      'stale-version',
    );
  });

  it('warns, never blocks: over-allocation and an unavailable period, with reasons and data', async () => {
    const current = (await owner.get(base)).json<View>();
    const doc = samplePlan();
    doc.people[0]!.daysPerMonth = 3; // 10 days in Q1 → 3.33 a month > 3
    doc.scenarios.push({ id: 'sc2', name: 'Accelerated', kind: 'accelerated' });
    doc.budgetLines.push({
      ...doc.budgetLines[0]!,
      id: 'b2',
      scenarioId: 'sc2',
      quantity: 30,
      unitCost: 600,
    });
    doc.milestones[1]!.dueOn = '2027-08-01';
    const r = await owner.request('PUT', base, { version: current.version, document: doc });
    expect(r.status).toBe(200);
    const view = r.json<View>();
    expect(view.version).toBe(current.version + 1);
    expect(view.warnings.map((w) => w.rule)).toEqual(['unavailable-period']);
    expect(view.warnings[0]!.data).toMatchObject({ dueOn: '2027-08-01', label: 'Summer' });
    expect(view.warnings[0]!.reason).toContain('Summer');
    const [standard, accelerated] = view.scenarios;
    expect(standard).toMatchObject({ scenarioId: 'sc1', totals: { total: 6000, personDays: 10 } });
    expect(accelerated).toMatchObject({ scenarioId: 'sc2', totals: { total: 18000, personDays: 30 } });
    expect(standard!.warnings.map((w) => w.rule)).toEqual([
      'over-allocation',
      'over-allocation',
      'over-allocation',
    ]);
    expect(accelerated!.warnings).toHaveLength(3);
    expect(view.indicators).toEqual([
      { indicatorId: 'i1', series: [{ at: '2027-01-01', value: 40, label: 'manual' }] },
    ]);
  });

  it('sets a milestone status with its comment and links a roadmap item to the decision it carries out', async () => {
    const hook = await owner.post(`/api/orgs/${orgId}/webhooks`, {
      url: 'https://example.org/plans-hook',
      eventTypes: ['plan.milestone.changed'],
    });
    expect(hook.status).toBe(201);
    const r = await owner.patch(`${base}/milestones/ms1`, {
      status: 'at_risk',
      comment: 'Waiting for rooms',
    });
    expect(r.status).toBe(200);
    expect(r.json<View>().document.milestones[0]).toMatchObject({
      status: 'at_risk',
      comment: 'Waiting for rooms',
    });
    expect((await owner.patch(`${base}/milestones/nope`, { status: 'done', comment: '' })).status).toBe(404);
    // The webhook says what changed, without the comment (free text stays inside the engagement).
    const events = await app.deps.database.db
      .selectFrom('webhook_events')
      .select(['type', 'payload'])
      .where('org_id', '=', orgId)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['plan.milestone.changed']);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({
      engagementId,
      data: { milestoneId: 'ms1', status: 'at_risk', previousStatus: 'planned' },
    });
    expect(events[0]!.payload).not.toContain('Waiting for rooms');
    await owner.del(`/api/orgs/${orgId}/webhooks/${hook.json<{ id: string }>().id}`);

    const rule = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/decision-rules/choice`, {
      rule: 'consent',
      reason: 'Everyone can live with it',
      decidedBy: 'group',
    });
    expect(rule.status).toBe(200);
    const decisions = (await owner.get(base)).json<{
      choices: { decisions: { id: string; title: string }[] };
    }>().choices.decisions;
    const link = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/links`, {
      from: { kind: 'roadmap_item', id: 'ms1' },
      to: { kind: 'decision', id: decisions[0]!.id },
      relation: 'implements',
    });
    expect(link.status).toBe(200);
    expect((await owner.get(base)).json<View>().carriesOut).toEqual([
      expect.objectContaining({ milestoneId: 'ms1', kind: 'decision', label: decisions[0]!.title }),
    ]);
    // Linked from the other side (as the charters feature links a clause to the roadmap item carrying it out).
    const reverse = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/links`, {
      from: { kind: 'decision', id: decisions[0]!.id },
      to: { kind: 'roadmap_item', id: 'ms2' },
      relation: 'informs',
    });
    expect(reverse.status).toBe(200);
    expect((await owner.get(base)).json<View>().carriesOut.map((c) => [c.milestoneId, c.kind])).toEqual([
      ['ms1', 'decision'],
      ['ms2', 'decision'],
    ]);
    // A link to a roadmap item that is not in the plan is refused.
    const ghost = await owner.post(`/api/orgs/${orgId}/engagements/${engagementId}/links`, {
      from: { kind: 'roadmap_item', id: 'no-such-milestone' },
      to: { kind: 'decision', id: decisions[0]!.id },
      relation: 'implements',
    });
    expect(ghost.status).toBe(404);
  });

  it('lets the sponsor read but not edit, and keeps members out', async () => {
    expect((await sponsor.get(base)).status).toBe(200);
    expect((await sponsor.request('PUT', base, { version: 9, document: samplePlan() })).status).toBe(403);
    expect((await member.get(base)).status).toBe(403);
    expect((await member.get(`${base}/investment.xlsx`)).status).toBe(403);
  });

  it('exports the investment plan as XLSX with live formulas and as CSV', async () => {
    const r = await download(`${base}/investment.xlsx?lang=en`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const budget = wb.getWorksheet('Budget')!;
    expect(budget.getCell('K2').formula).toBe('I2*J2');
    expect(budget.getCell('K2').result).toBe(6000);
    expect(budget.getCell('K3').formula).toBe('I3*J3');
    expect(budget.getCell('K3').result).toBe(18000);
    const scenarios = wb.getWorksheet('Scenarios')!;
    expect(scenarios.getCell('B1').value).toBe('Standard');
    expect(scenarios.getCell('C1').value).toBe('Accelerated');
    expect(scenarios.getCell('B2').formula).toBe("SUMIFS('Budget'!$K$2:$K$3,'Budget'!$A$2:$A$3,B$1)");
    expect(scenarios.getCell('C2').result).toBe(18000);
    expect(scenarios.getCell('C3').formula).toContain('"Internal time"');
    expect(scenarios.getCell('C3').result).toBe(30);
    // By workstream: the row of ws1 sums by its title.
    expect(scenarios.getCell('A6').value).toBe('Alpha secret workstream');
    expect(scenarios.getCell('B6').formula).toContain('$A6');
    expect(scenarios.getCell('B6').result).toBe(6000);
    const warnings = wb.getWorksheet('Pacing warnings')!;
    expect(warnings.rowCount).toBeGreaterThan(1);

    const csv = await owner.get(`${base}/investment.csv?lang=fr`);
    expect(csv.status).toBe(200);
    expect(csv.body as unknown as string).toContain('Alpha secret budget line');
    expect(csv.body as unknown as string).toContain('Temps interne');
  });

  it('generates the specification, shows its sources, says what changed since, and exports DOCX', async () => {
    const before = await owner.get(`${base}/specification`);
    expect(before.json<Spec>().version).toBe(0);
    const generated = await owner.request('PUT', `${base}/specification`, { version: 0, sections: [] });
    expect(generated.status).toBe(200);
    const spec = generated.json<Spec>();
    expect(spec.version).toBe(1);
    expect(spec.sections.map((s) => s.key)).toHaveLength(13);
    const context = spec.sections.find((s) => s.key === 'context')!;
    expect(context.text).toContain('Mieux coopérer entre sites');
    expect(context.pulled.sources[0]!.kind).toBe('engagement');
    expect(spec.sections.find((s) => s.key === 'governance')!.pulled.sources[0]!.kind).toBe('decision');
    expect(spec.sections.find((s) => s.key === 'deliverables')!.text).toContain('Alpha secret deliverable');
    expect(spec.sections.every((s) => !s.change.changed)).toBe(true);

    // The editor's text stays; the section says its source changed.
    const edited = await owner.request('PUT', `${base}/specification`, {
      version: 1,
      sections: [{ key: 'intention', text: 'Our own words', refresh: false }],
    });
    expect(edited.json<Spec>().version).toBe(2);
    await owner.patch(`/api/orgs/${orgId}/engagements/${engagementId}`, { intention: 'Faire confiance' });
    const after = (await owner.get(`${base}/specification`)).json<Spec>();
    const intention = after.sections.find((s) => s.key === 'intention')!;
    expect(intention.text).toBe('Our own words');
    expect(intention.change).toMatchObject({ changed: true, addedLines: ['Faire confiance'] });
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    const stale = await owner.request('PUT', `${base}/specification`, { version: 1, sections: [] });
    expect(stale.status).toBe(409);

    const docx = await download(`${base}/specification.docx?lang=fr`);
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(docx.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Contexte et demande');
    expect(xml).toContain('Mieux coopérer entre sites');
    expect(xml).toContain('Our own words');
    expect(xml).toContain('Critères d’évaluation');
  });

  it('exports the specification and the master plan with its investment plan as PDF, in French and English', async () => {
    const specFr = await download(`${base}/specification.pdf?lang=fr`);
    expect(specFr.status).toBe(200);
    const fr = pdfText(specFr.bytes).text;
    expect(fr).toContain('Cahier des charges');
    expect(fr).toContain('Contexte et demande');
    expect(fr).toContain('Mieux coopérer entre sites');
    expect(fr).toContain('Our own words');
    expect(fr).toContain('Critères d’évaluation');
    expect(fr).toMatch(/Page 1 sur \d+/);
    expect(fr).toContain('Niveau de confidentialité');
    const specEn = pdfText((await download(`${base}/specification.pdf?lang=en`)).bytes).text;
    expect(specEn).toContain('Specification');
    expect(specEn).toContain('Evaluation criteria');

    const planEn = await download(`${base}.pdf?lang=en`);
    expect(planEn.status).toBe(200);
    // Table cells wrap: words are compared with their spacing flattened.
    const en = pdfText(planEn.bytes).text.replace(/\s+/g, ' ');
    expect(en).toContain('Master plan and investment plan');
    expect(en).toContain('Alpha secret workstream');
    expect(en).toContain('at risk');
    expect(en).toContain('Waiting for rooms');
    expect(en).toContain('Investment plan');
    expect(en).toContain('Accelerated');
    expect(en).toContain('18,000');
    // The hand-entered indicator: baseline and target of the fixture, its one point, the way covered.
    expect(en).toContain('Way covered');
    expect(en).toMatch(/Page \d+ of \d+/);
    const planFr = pdfText((await download(`${base}.pdf?lang=fr`)).bytes).text.replace(/\s+/g, ' ');
    expect(planFr).toContain('Plan d’investissement');
    expect(planFr).toContain('à risque');
    expect(planFr).toContain('Jalons');
    expect((await member.get(`${base}.pdf`)).status).toBe(403);
    expect((await member.get(`${base}/specification.pdf`)).status).toBe(403);
  });

  it("measures over-allocation against a person's month and the whole collective's unavailable days", async () => {
    const current = (await owner.get(base)).json<View>();
    const doc = structuredClone(current.document);
    // Standard scenario: 10 days in Q1 → 3.33 a month. Ana gives 4 days, 5 in February; everyone is away
    // 1–10 March (10 of 31 days: 4 × 21/31 = 2.71 available).
    doc.people[0] = { ...doc.people[0]!, daysPerMonth: 4, availability: [{ month: '2027-02', days: 5 }] };
    doc.unavailable.push({
      id: 'u-march',
      collectiveId: null,
      label: 'Move',
      from: '2027-03-01',
      to: '2027-03-10',
    });
    const r = await owner.request('PUT', base, { version: current.version, document: doc });
    expect(r.status).toBe(200);
    const standard = r.json<View>().scenarios.find((s) => s.scenarioId === 'sc1')!;
    expect(standard.warnings).toHaveLength(1);
    const [march] = standard.warnings as unknown as { data: Record<string, unknown>; reason: string }[];
    expect(march!.data).toMatchObject({
      month: '2027-03',
      availableDays: 2.71,
      baseDays: 4,
      unavailableDays: 10,
    });
    expect(march!.reason).toContain('moins 10 jours du mois');

    const twice = structuredClone(doc);
    twice.people[0]!.availability = [
      { month: '2027-02', days: 5 },
      { month: '2027-02', days: 1 },
    ];
    const refused = await owner.request('PUT', base, { version: current.version + 1, document: twice });
    expect(refused.status).toBe(400);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    expect((await owner.get(base)).json<View>().version).toBe(current.version + 1);
  });
});
